/**
 * The small formatting vocabulary of bot answers, read back from their text so every channel can
 * show it its own way: lines starting `1. ` are numbered steps, lines starting `- ` are list
 * items, `**words**` are bold, anything else is a paragraph. Nothing here is HTML: each channel
 * builds its own safe output (DOM text nodes, escaped Telegram HTML, one SMS line).
 */

/** A run of inline text, bold or not. */
export interface InlineRun {
  text: string;
  bold: boolean;
}

/** One block of an answer. */
export type AnswerBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'steps'; start: number; items: string[] }
  | { kind: 'list'; items: string[] };

const STEP = /^(\d+)\.\s+(.*)$/;
const ITEM = /^[-•]\s+(.*)$/;

/** Splits answer text into paragraphs, numbered steps and list items. */
export function answerBlocks(text: string): AnswerBlock[] {
  const blocks: AnswerBlock[] = [];
  for (const line of text.split('\n')) {
    const last = blocks.at(-1);
    const step = STEP.exec(line);
    const item = ITEM.exec(line);
    if (step) {
      if (last?.kind === 'steps') last.items.push(step[2] ?? '');
      else blocks.push({ kind: 'steps', start: Number(step[1]), items: [step[2] ?? ''] });
    } else if (item) {
      if (last?.kind === 'list') last.items.push(item[1] ?? '');
      else blocks.push({ kind: 'list', items: [item[1] ?? ''] });
    } else if (last?.kind === 'paragraph') {
      last.text = `${last.text}\n${line}`;
    } else {
      blocks.push({ kind: 'paragraph', text: line });
    }
  }
  return blocks
    .map((block) => (block.kind === 'paragraph' ? { ...block, text: block.text.trim() } : block))
    .filter((block) => block.kind !== 'paragraph' || block.text !== '');
}

/** Splits inline text at `**bold**` markers. */
export function inlineRuns(text: string): InlineRun[] {
  const runs: InlineRun[] = [];
  text.split(/\*\*(.+?)\*\*/).forEach((part, i) => {
    if (part !== '') runs.push({ text: part, bold: i % 2 === 1 });
  });
  return runs;
}

/** A list item that is only a named link ("Billing: https://…"), as related pages are listed. */
const LABELLED_LINK = /^([^\n:]{1,150}): (https?:\/\/\S+)$/;

/**
 * The label and URL of a list item that is only a named link, so a channel can show the name as
 * the link; undefined for any other item. The URL still has to be checked by the channel.
 */
export function labelledLink(item: string): { label: string; url: string } | undefined {
  const match = LABELLED_LINK.exec(item);
  return match ? { label: match[1] as string, url: match[2] as string } : undefined;
}
