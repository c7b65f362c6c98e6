import twilio from 'twilio';

/** Test credentials of the fake Twilio account. */
export const TWILIO_SID = `AC${'0123456789abcdef'.repeat(2)}`;
export const TWILIO_TOKEN = 'fake-twilio-auth-token-0123456789';
/** The public address the app believes it has (Twilio signs this, not the loopback URL). */
export const PUBLIC_URL = 'https://support.example.com';

/** The number the app sends from in tests. */
export const TWILIO_NUMBER = '+15005550006';

/** The settings that turn the SMS channel on against a fake Twilio REST API at `apiBaseUrl`. */
export function twilioEnv(apiBaseUrl: string): Record<string, string> {
  return {
    TWILIO_ACCOUNT_SID: TWILIO_SID,
    TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    TWILIO_PHONE_NUMBER: TWILIO_NUMBER,
    TWILIO_API_BASE_URL: apiBaseUrl,
  };
}

let counter = 0;

/** The parameters Twilio posts for an inbound SMS. */
export function inboundSms(
  from: string,
  body: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  counter += 1;
  return {
    MessageSid: `SM${String(counter).padStart(32, '0')}`,
    SmsSid: `SM${String(counter).padStart(32, '0')}`,
    AccountSid: TWILIO_SID,
    From: from,
    To: '+15005550006',
    Body: body,
    NumMedia: '0',
    NumSegments: '1',
    ...extra,
  };
}

/** The parameters Twilio posts when a call comes in (and again, with more, for each step of it). */
export function inboundCall(
  from: string,
  to: string = TWILIO_NUMBER,
  extra: Record<string, string> = {},
): Record<string, string> {
  counter += 1;
  return {
    CallSid: `CA${String(counter).padStart(32, '0')}`,
    AccountSid: TWILIO_SID,
    From: from,
    To: to,
    CallStatus: 'ringing',
    Direction: 'inbound',
    ...extra,
  };
}

/**
 * Posts a webhook to the app the way Twilio does: urlencoded, signed with twilio's own helper over
 * `signedUrl` (defaults to PUBLIC_URL + path). `signature: null` sends none; a string sends that one.
 */
export async function postSigned(
  appUrl: string,
  path: string,
  params: Record<string, string>,
  options: {
    signedUrl?: string;
    signature?: string | null;
    token?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Response> {
  const signature =
    options.signature === undefined
      ? twilio.getExpectedTwilioSignature(
          options.token ?? TWILIO_TOKEN,
          options.signedUrl ?? `${PUBLIC_URL}${path}`,
          params,
        )
      : options.signature;
  return fetch(`${appUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(signature !== null && { 'x-twilio-signature': signature }),
      ...options.headers,
    },
    body: new URLSearchParams(params).toString(),
  });
}
