import express, { type Express, type RequestHandler } from 'express';
import twilio from 'twilio';
import type { Config } from '../../src/config';
import type { Engine } from '../../src/engine/engine';
import type { Logger } from '../../src/logger';
import { loadPolicy } from '../../src/policy/load-policy';
import { LogCap, withCappedWarnings } from '../http/log-cap';
import { SmsChannel, type SmsSender } from './sms-channel';
import { SmsInbound, type SmsInboundStore } from './sms-inbound';
import { helpText, OPTED_OUT_REASON } from './sms-keywords';
import { RebasedRequestClient } from './twilio-http-client';
import { verifyTwilioSignature } from './twilio-signature';

/** Where Twilio posts inbound messages (set as the number's messaging webhook). */
export const SMS_WEBHOOK_PATH = '/webhooks/twilio/sms';
/** Where Twilio posts delivery states (sent as `statusCallback` with every message). */
export const SMS_STATUS_PATH = '/webhooks/twilio/status';

/** An empty TwiML answer: the reply goes out through the REST API, not in the webhook response. */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/** A running SMS channel. */
export interface SmsAttachment {
  /** Waits for the webhooks still being processed. */
  close(): Promise<void>;
}

/** What the SMS adapter is built from. */
export interface AttachSmsOptions {
  config: Config;
  engine: Engine;
  store: SmsInboundStore;
  app: Express;
  log: Logger;
}

/**
 * Starts the SMS channel when the Twilio account, token and a sender (number or messaging service)
 * are configured: registers the channel and mounts the two signed webhooks, which answer at once
 * and do the work afterwards, so slow work never meets Twilio's 15-second timeout.
 */
export function attachSms(options: AttachSmsOptions): SmsAttachment | undefined {
  const { config, engine, app, log } = options;
  const accountSid = config.TWILIO_ACCOUNT_SID;
  const authToken = config.TWILIO_AUTH_TOKEN;
  const sender: SmsSender | undefined = config.TWILIO_MESSAGING_SERVICE_SID
    ? { messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID }
    : config.TWILIO_PHONE_NUMBER
      ? { from: config.TWILIO_PHONE_NUMBER }
      : undefined;
  if (!accountSid || !authToken || !sender) return undefined;

  const apiBase = config.TWILIO_API_BASE_URL;
  const client = twilio(
    accountSid,
    authToken,
    apiBase ? { httpClient: new RebasedRequestClient(apiBase) } : {},
  );
  const publicUrl = config.PUBLIC_URL?.replace(/\/+$/, '');
  if (!publicUrl) log.warn('PUBLIC_URL is not set: SMS delivery states will not be reported');
  engine.registerChannel(
    new SmsChannel({
      client,
      sender,
      ...(publicUrl && { statusCallback: `${publicUrl}${SMS_STATUS_PATH}` }),
      onOptedOut: (conversationId) => engine.delivery.markUnreachable(conversationId, OPTED_OUT_REASON),
    }),
  );
  const inbound = new SmsInbound({
    engine,
    store: options.store,
    log,
    helpText: helpText(loadPolicy(config.POLICY_FILE)),
    warningsPerMinute: config.WEBHOOK_WARNINGS_PER_MINUTE,
    media: {
      accountSid,
      authToken,
      apiOrigin: new URL(apiBase ?? 'https://api.twilio.com').origin,
      dataDir: config.DATA_DIR,
      log,
    },
  });

  const inFlight = new Set<Promise<void>>();
  const later = (work: () => Promise<void>, what: string) => {
    const running = work()
      .catch((error: unknown) => log.error({ err: error }, `${what} failed`))
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  };
  const parse = express.urlencoded({ extended: false, limit: '100kb' });
  const verify = verifyTwilioSignature(authToken, {
    // Refusals are logged at most WEBHOOK_WARNINGS_PER_MINUTE times a minute.
    log: withCappedWarnings(log, new LogCap(config.WEBHOOK_WARNINGS_PER_MINUTE), 'twilio'),
    trustProxy: config.TRUST_PROXY !== false,
    ...(publicUrl && { publicUrl }),
  });
  const onMessage: RequestHandler = (req, res) => {
    const params = req.body as Record<string, string>;
    // Answered once the message is stored (so a crash cannot lose an acknowledged text), and by
    // 10 s at the latest, well inside Twilio's 15 s, whatever the flows still have to do.
    let answered = false;
    const answer = (status: 200 | 500): void => {
      if (answered) return;
      answered = true;
      clearTimeout(deadline);
      if (status === 200) res.type('text/xml').send(EMPTY_TWIML);
      else res.status(500).type('text/plain').send('Not stored; please retry');
    };
    const deadline = setTimeout(() => answer(200), 10_000);
    later(
      () =>
        inbound
          .message(params, () => answer(200))
          .then(
            () => answer(200),
            (error: unknown) => {
              answer(500);
              throw error;
            },
          ),
      'inbound sms',
    );
  };
  const onStatus: RequestHandler = (req, res) => {
    res.status(204).end();
    const params = req.body as Record<string, string>;
    later(() => inbound.status(params), 'sms status callback');
  };
  app.post(SMS_WEBHOOK_PATH, parse, verify, onMessage);
  app.post(SMS_STATUS_PATH, parse, verify, onStatus);
  log.info({ sender: 'from' in sender ? sender.from : 'messaging service' }, 'sms channel ready');

  return {
    close: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
