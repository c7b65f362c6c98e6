import { ProviderFake } from './provider-fake';

/** A Twilio REST API that accepts every `Messages.json` create at once; the recipient is its `To`. */
export function startFakeTwilio(): Promise<ProviderFake> {
  let sent = 0;
  return ProviderFake.start((path, body) => {
    if (!path.split('?')[0]!.endsWith('/Messages.json')) return { status: 200, json: {} };
    const params = new URLSearchParams(body);
    sent += 1;
    const sid = `SM${String(sent).padStart(32, '0')}`;
    const to = params.get('To') ?? '';
    return {
      status: 201,
      json: {
        sid,
        status: 'queued',
        to,
        from: params.get('From'),
        body: params.get('Body'),
        num_segments: '1',
      },
      recipient: to,
    };
  });
}
