import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sniffUploadType } from '../../adapters/web/file-sniffer';
import { connectCustomer, nextEvent, signIn, startTestApp, type TestApp } from '../support/start-app';

/** The first box of an ISO media file: size, "ftyp", the major brand, a minor version, brands. */
function isoMedia(brand: string, size: number): Buffer {
  const head = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftyp'),
    Buffer.from(brand, 'latin1'),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from(`${brand}mp41`, 'latin1'),
  ]);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 7)]);
}

/** An EBML header naming its DocType, as WebM and Matroska files start. */
function ebml(docType: string): Buffer {
  return Buffer.concat([
    Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x80 | docType.length]),
    Buffer.from(docType, 'latin1'),
    Buffer.alloc(200, 3),
  ]);
}

describe('videos of interface problems are accepted, by their content, within the policy limit', () => {
  it('tells MP4, QuickTime and WebM apart from their first bytes, and refuses look-alikes', () => {
    expect(sniffUploadType(isoMedia('isom', 64))).toBe('video/mp4');
    expect(sniffUploadType(isoMedia('mp42', 64))).toBe('video/mp4');
    expect(sniffUploadType(isoMedia('qt  ', 64))).toBe('video/quicktime');
    expect(sniffUploadType(ebml('webm'))).toBe('video/webm');
    // Other ISO media (a HEIC photo) and Matroska are not among the accepted types.
    expect(sniffUploadType(isoMedia('heic', 64))).toBeUndefined();
    expect(sniffUploadType(ebml('matroska'))).toBeUndefined();
  });

  describe('over HTTP', () => {
    let server: TestApp;
    let token: string;
    let policyDir: string;

    beforeAll(async () => {
      policyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'video-policy-'));
      const policyFile = path.join(policyDir, 'policy.json');
      fs.writeFileSync(policyFile, JSON.stringify({ uploads: { videoMaxMb: 8 } }));
      server = await startTestApp({ env: { POLICY_FILE: policyFile } });
      const customer = connectCustomer(server.url);
      token = (await nextEvent<{ token: string }>(customer, 'session')).token;
      customer.close();
    });
    afterAll(async () => {
      await server.cleanup();
      fs.rmSync(policyDir, { recursive: true, force: true });
    });

    const upload = (body: Buffer, type: string) =>
      fetch(`${server.url}/api/chat/uploads`, {
        method: 'POST',
        headers: { 'content-type': type, 'x-chat-token': token, 'x-file-name': 'screen.mov' },
        body: new Uint8Array(body),
      });

    it('takes a 7 MB QuickTime recording (over the 5 MB limit of other files) and serves it inline to agents', async () => {
      const response = await upload(isoMedia('qt  ', 7 * 1024 * 1024), 'video/quicktime');
      expect(response.status).toBe(201);
      const { attachment } = (await response.json()) as { attachment: { url: string; mimeType: string } };
      expect(attachment.mimeType).toBe('video/quicktime');
      const cookie = await signIn(server.url);
      const served = await fetch(`${server.url}${attachment.url}`, {
        headers: { cookie, range: 'bytes=0-15' },
      });
      // Players seek with range requests.
      expect(served.status).toBe(206);
      expect(served.headers.get('content-type')).toBe('video/quicktime');
      expect(served.headers.get('content-disposition')).toMatch(/^inline/);
    });

    it('refuses a video over the policy limit, and a non-video file that large', async () => {
      const video = await upload(isoMedia('isom', 8 * 1024 * 1024 + 1), 'video/mp4');
      expect(video.status).toBe(413);
      expect(await video.json()).toEqual({
        error: { code: 'too_large', message: 'The video is larger than 8 MB' },
      });
      const text = await upload(Buffer.alloc(6 * 1024 * 1024, 0x61), 'application/octet-stream');
      expect(text.status).toBe(413);
      expect(await text.json()).toEqual({
        error: { code: 'too_large', message: 'The file is larger than 5 MB' },
      });
    });

    it('refuses a file that claims to be a video but is not one', async () => {
      const response = await upload(Buffer.from('just some text pretending'), 'video/mp4');
      expect(response.status).toBe(415);
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(/MP4, WebM or MOV video/);
    });
  });
});
