import {
  CorruptDocumentError,
  readConversation,
  readMessage,
  readTicket,
} from '../../src/store/stored-documents';

const conversation = {
  id: 'c1',
  ref: { channel: 'web', conversationKey: 'k1', customerId: 'k1' },
  mode: 'queued',
  history: [{ from: 'bot', to: 'queued', event: 'request', at: 5 }],
  profile: { displayName: 'Ann' },
  lastSeq: 3,
  brief: { severity: 'P2' },
};

describe('stored documents are checked when read', () => {
  it('gives back a valid document whole, fields it does not check included', () => {
    expect(readConversation(JSON.stringify(conversation))).toEqual(conversation);
  });

  it('reads names a newer release may add (a mode, a ticket status) as text', () => {
    expect(readConversation(JSON.stringify({ ...conversation, mode: 'snoozed' })).mode).toBe('snoozed');
    const ticket = { id: 'T-1', conversationId: 'c1', status: 'proposed', brief: {}, updatedAt: 1 };
    expect(readTicket(JSON.stringify(ticket)).status).toBe('proposed');
  });

  it('refuses a document missing what the engine keys on, or not JSON, with a clear error', () => {
    const { id: _id, ...withoutId } = conversation;
    expect(() => readConversation(JSON.stringify(withoutId))).toThrow(CorruptDocumentError);
    expect(() => readConversation('{"id":')).toThrow('A stored conversation could not be read');
    let refused: unknown;
    try {
      readMessage(JSON.stringify({ conversationId: 'c1', seq: '1', author: 'bot', text: '', createdAt: 1 }));
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ code: 'corrupt_document', status: 500 });
  });
});
