import twilio from 'twilio';
import { withServer, type BenchContext } from '../context';
import type { ChildServer } from '../child-server';
import { startFakeTelegram } from '../fakes/fake-telegram';
import { startFakeTwilio } from '../fakes/fake-twilio';
import type { ProviderFake } from '../fakes/provider-fake';
import { round, summarize, type LatencySummary } from '../stats';

/** One channel's webhook path under load. */
export interface WebhookResult {
  /** False when this build has no such webhook route (the adapter is not there). */
  available: boolean;
  sent: number;
  /** Webhooks answered 2xx, and how many per second. */
  accepted: number;
  acceptedPerSecond: number;
  rejected: number;
  /** Webhook POST -> HTTP answer. */
  webhook: LatencySummary;
  /** Webhook POST -> the bot's reply reaching the provider fake (which answers at once). */
  endToEnd: LatencySummary;
  /** Replies that never reached the fake. */
  missingReplies: number;
  /** Messages the provider fake received per accepted webhook (a long answer may be split). */
  providerMessagesPerWebhook: number;
}

/** Section 5: Telegram and Twilio SMS. */
export interface ChannelsResult {
  concurrency: number;
  telegram: WebhookResult;
  sms: WebhookResult;
}

const TELEGRAM_TOKEN = '123456:bench-token';
const TELEGRAM_SECRET = 'bench_webhook_secret';
const TWILIO_SID = `AC${'0'.repeat(32)}`;
const TWILIO_TOKEN = 'bench-twilio-auth-token';
const PUBLIC_URL = 'https://bench.example.com';
const SMS_PATH = '/webhooks/twilio/sms';
/** Messages per simulated customer before the next one takes over (stays under per-customer limits). */
const MESSAGES_PER_CUSTOMER = 5;
const REPLY_WAIT_MS = 10_000;

/** Drives both webhooks of one app, each in turn, with the provider fakes in this process. */
export async function measureChannels(context: BenchContext): Promise<ChannelsResult> {
  const { plan } = context.options;
  const telegramFake = await startFakeTelegram();
  const twilioFake = await startFakeTwilio();
  try {
    const env = {
      PUBLIC_URL,
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: telegramFake.url,
      TELEGRAM_WEBHOOK_URL: `${PUBLIC_URL}/webhooks/telegram`,
      TELEGRAM_WEBHOOK_SECRET: TELEGRAM_SECRET,
      TWILIO_ACCOUNT_SID: TWILIO_SID,
      TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      TWILIO_PHONE_NUMBER: '+15005550006',
      TWILIO_API_BASE_URL: twilioFake.url,
    };
    return await withServer(context.startApp(env), async (server) => {
      context.progress(
        `channels: Telegram webhooks, ${plan.webhookConcurrency} in flight, ${plan.webhookMs} ms`,
      );
      const telegram = await webhookLoad(context, telegramFake, (slot, i, text) =>
        telegramRequest(server, slot, i, text),
      );
      context.progress(
        `channels: Twilio SMS webhooks, ${plan.webhookConcurrency} in flight, ${plan.webhookMs} ms`,
      );
      const sms = await webhookLoad(context, twilioFake, (slot, i, text) =>
        smsRequest(server, slot, i, text),
      );
      return { concurrency: plan.webhookConcurrency, telegram, sms };
    });
  } finally {
    await telegramFake.close();
    await twilioFake.close();
  }
}

interface WebhookCall {
  recipient: string;
  post(): Promise<Response>;
}

let updateId = 1_000_000;

function telegramRequest(server: ChildServer, slot: number, i: number, text: string): WebhookCall {
  const chatId = 10_000_000 + slot * 10_000 + Math.floor(i / MESSAGES_PER_CUSTOMER);
  updateId += 1;
  const from = { id: chatId, is_bot: false, first_name: 'Bench', username: `bench_${chatId}` };
  const update = {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      from,
      chat: { id: chatId, type: 'private', first_name: from.first_name, username: from.username },
      text,
    },
  };
  return {
    recipient: String(chatId),
    post: () =>
      fetch(`${server.url}/webhooks/telegram`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET },
        body: JSON.stringify(update),
      }),
  };
}

function smsRequest(server: ChildServer, slot: number, i: number, text: string): WebhookCall {
  const customer = Math.floor(i / MESSAGES_PER_CUSTOMER);
  const from = `+1555${String(slot).padStart(3, '0')}${String(customer).padStart(4, '0')}`;
  updateId += 1;
  const params: Record<string, string> = {
    AccountSid: TWILIO_SID,
    MessageSid: `SM${String(updateId).padStart(32, '0')}`,
    From: from,
    To: '+15005550006',
    Body: text,
    NumMedia: '0',
  };
  // Signed exactly as Twilio signs: over the public URL the app is configured with.
  const signature = twilio.getExpectedTwilioSignature(TWILIO_TOKEN, `${PUBLIC_URL}${SMS_PATH}`, params);
  return {
    recipient: from,
    post: () =>
      fetch(`${server.url}${SMS_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(params).toString(),
      }),
  };
}

async function webhookLoad(
  context: BenchContext,
  fake: ProviderFake,
  build: (slot: number, i: number, text: string) => WebhookCall,
): Promise<WebhookResult> {
  const { plan } = context.options;
  const question = (slot: number, i: number) => context.questions[(slot * 7 + i) % context.questions.length]!;
  // One untimed message first: tells whether this build has the route at all, and warms it up.
  const probe = build(plan.webhookConcurrency + 1, 0, question(0, 0));
  const probeReply = fake.nextFor(probe.recipient, REPLY_WAIT_MS);
  const probeResponse = await probe.post();
  await probeResponse.arrayBuffer();
  if (probeResponse.status === 404) return unavailable();
  await probeReply;
  const webhook: number[] = [];
  const endToEnd: number[] = [];
  let sent = 0;
  let rejected = 0;
  let missingReplies = 0;
  const receivedBefore = fake.received;
  const started = performance.now();
  const deadline = Date.now() + plan.webhookMs;
  const slot = async (slotIndex: number) => {
    for (let i = 0; Date.now() < deadline; i += 1) {
      const call = build(slotIndex, i, question(slotIndex, i));
      const reply = fake.nextFor(call.recipient, REPLY_WAIT_MS);
      const at = performance.now();
      sent += 1;
      const response = await call.post().catch(() => undefined);
      await response?.arrayBuffer().catch(() => undefined);
      if (!response?.ok) {
        rejected += 1;
        continue;
      }
      webhook.push(performance.now() - at);
      const arrived = await reply;
      if (arrived === undefined) missingReplies += 1;
      else endToEnd.push(arrived - at);
    }
  };
  await Promise.all(Array.from({ length: plan.webhookConcurrency }, (_, i) => slot(i)));
  const elapsed = performance.now() - started;
  return {
    available: true,
    sent,
    accepted: webhook.length,
    acceptedPerSecond: round(webhook.length / (elapsed / 1000), 1),
    rejected,
    webhook: summarize(webhook),
    endToEnd: summarize(endToEnd),
    missingReplies,
    providerMessagesPerWebhook: round((fake.received - receivedBefore) / Math.max(1, webhook.length), 2),
  };
}

function unavailable(): WebhookResult {
  const none = summarize([]);
  return {
    available: false,
    sent: 0,
    accepted: 0,
    acceptedPerSecond: 0,
    rejected: 0,
    webhook: none,
    endToEnd: none,
    missingReplies: 0,
    providerMessagesPerWebhook: 0,
  };
}
