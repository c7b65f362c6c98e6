import type Database from 'better-sqlite3';
import type { Conversation } from '../../src/model/conversation';
import type { ConversationSearch } from '../../src/store/store';
import { MAX_QUERY_WORDS, searchWords } from '../../src/store/search-words';
import { readConversation } from '../../src/store/stored-documents';

/**
 * The transcript index: an FTS5 table holding only the index (no copy of the text), fed by a
 * trigger on every new message, so appending a message stays one statement for the store.
 */
const SEARCH_SCHEMA = `
CREATE VIRTUAL TABLE IF NOT EXISTS message_words USING fts5(text, content='', tokenize="unicode61 remove_diacritics 0");
CREATE TRIGGER IF NOT EXISTS message_words_insert AFTER INSERT ON messages BEGIN
  INSERT INTO message_words (rowid, text) VALUES (new.rowid, json_extract(new.doc, '$.text'));
END;
`;

/** Creates the transcript index; a database made before it existed has its messages indexed once. */
export function ensureMessageSearch(db: Database.Database): void {
  const existed = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'message_words'").get() !== undefined;
  db.exec(SEARCH_SCHEMA);
  if (!existed) {
    db.exec(
      "INSERT INTO message_words (rowid, text) SELECT rowid, json_extract(doc, '$.text') FROM messages",
    );
  }
}

/** Finds conversations by filters and transcript words, newest first (see `Store.searchConversations`). */
export function searchSqliteConversations(db: Database.Database, query: ConversationSearch): Conversation[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.modes?.length) {
    where.push(`c.mode IN (${query.modes.map(() => '?').join(',')})`);
    params.push(...query.modes);
  }
  if (query.channel) {
    where.push('c.channel = ?');
    params.push(query.channel);
  }
  if (query.since !== undefined) {
    where.push('c.updated_at >= ?');
    params.push(query.since);
  }
  if (query.until !== undefined) {
    where.push('c.updated_at < ?');
    params.push(query.until);
  }
  if (query.agentId) {
    where.push(
      "(c.agent_id = ? OR EXISTS (SELECT 1 FROM json_each(c.doc, '$.history') h WHERE json_extract(h.value, '$.agentId') = ?))",
    );
    params.push(query.agentId, query.agentId);
  }
  if (query.text !== undefined) {
    const words = searchWords(query.text, MAX_QUERY_WORDS);
    if (words.length === 0) return [];
    // Each word may be in a different message: the conversation as a whole must hold them all.
    for (const word of words) {
      where.push(
        'c.id IN (SELECT m.conversation_id FROM message_words w JOIN messages m ON m.rowid = w.rowid WHERE message_words MATCH ?)',
      );
      params.push(`"${word}"`);
    }
  }
  params.push(query.limit ?? 100);
  const sql = `SELECT c.doc FROM conversations c ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY c.updated_at DESC LIMIT ?`;
  return db
    .prepare<(string | number)[], { doc: string }>(sql)
    .all(...params)
    .map((row) => readConversation(row.doc));
}
