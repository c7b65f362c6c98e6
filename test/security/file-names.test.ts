import { cleanFileName } from '../../src/text/file-name';
import { tinyPng } from '../e2e/tiny-png';
import { smallKnowledge } from '../support/small-knowledge';
import { connectCustomer, nextEvent, request, startTestApp, type TestApp } from '../support/start-app';

/** `invoice<RLO>fdp.exe` shows as `invoiceexe.pdf` wherever the name is drawn. */
const DISGUISED = 'invoice\u202efdp.exe';

describe('file names cannot disguise themselves', () => {
  it('drops direction controls, zero-width marks, control characters and path separators', () => {
    expect(cleanFileName(DISGUISED)).toBe('invoicefdp.exe');
    expect(cleanFileName('a\u2066b\u2069c\u200fd\u061ce.png')).toBe('abcde.png');
    expect(cleanFileName('../../etc/pass\u0000wd\r\n')).toBe('....etcpasswd');
    expect(cleanFileName('\u202e')).toBe('');
    expect(cleanFileName('\u{1F600}'.repeat(5), 3)).toBe('\u{1F600}'.repeat(3));
  });

  describe('on a real server', () => {
    let server: TestApp;
    beforeAll(async () => {
      server = await startTestApp({ overrides: { knowledge: smallKnowledge() } });
    });
    afterAll(async () => {
      await server.cleanup();
    });

    it('stores an upload without the override, and a widget-named attachment without it too', async () => {
      const customer = connectCustomer(server.url);
      try {
        const { token } = await nextEvent<{ token: string }>(customer, 'session');
        const response = await fetch(`${server.url}/api/chat/uploads`, {
          method: 'POST',
          headers: {
            'content-type': 'image/png',
            'x-chat-token': token,
            'x-file-name': encodeURIComponent(DISGUISED),
          },
          body: new Uint8Array(tinyPng()),
        });
        expect(response.status).toBe(201);
        const { attachment } = (await response.json()) as { attachment: { url: string; name: string } };
        expect(attachment.name).toBe('invoicefdp.exe');
        const download = await fetch(`${server.url}${attachment.url}`, {
          headers: { 'x-chat-token': token },
        });
        expect(download.headers.get('content-disposition')).not.toMatch(/%E2%80%AE/i);

        // The widget sends the name with the message; a modified widget can send any name.
        const shown = nextEvent<{ author: string; attachments?: { name?: string }[] }>(
          customer,
          'message',
          (m) => m.author === 'customer',
        );
        const sent = await request<{ ok: boolean }>(customer, 'message', {
          text: 'my invoice',
          clientId: 'rlo',
          attachments: [{ url: attachment.url, name: DISGUISED, mimeType: 'image/png' }],
        });
        expect(sent.ok).toBe(true);
        expect((await shown).attachments?.[0]?.name).toBe('invoicefdp.exe');
      } finally {
        customer.close();
      }
    });
  });
});
