import type { Conversation } from '../../src/model/conversation';
import type { Store } from '../../src/store/store';
import { FakeTwilio } from '../support/fake-twilio';
import { startTestApp, type TestApp } from '../support/start-app';
import { TelegramEmulator } from '../support/telegram-emulator';
import { PUBLIC_URL, TWILIO_SID, TWILIO_TOKEN, twilioEnv } from '../support/twilio-webhooks';
import {
  smsChannelCustomer,
  telegramChannelCustomer,
  webChannelCustomer,
  type ChannelCustomer,
} from './support/channel-customers';
import { problemKnowledge } from './support/problem-knowledge';

const TOKEN = '123456:support-flows-token';
/** Monday 5 January 2026, 10:00 UTC: inside support hours. */
const MONDAY_10_UTC = Date.UTC(2026, 0, 5, 10, 0);

interface Scenario {
  name: string;
  /** What the customer sends, and what the bot's answer must say. */
  script: [string, RegExp][];
  /** What must be true afterwards, in the store. */
  check?: (conversation: Conversation, store: Store) => Promise<void>;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'a call problem is reported, classified and filed as a ticket in the queue',
    script: [
      ['my calls are failing', /Which category/],
      ['Operational', /How severe/],
      ['P3', /Call-ID of one or more/],
      ['a84b4c76e66710@10.0.0.1 3c2a7f9e0b1d4e5f9a8b', /When did it start/],
      ['today at 09:30 UTC', /What have you tried/],
      ['restarted our PBX', /exactly what you observe/],
      ['503 Service Unavailable from the carrier on all UK numbers', /suspect/],
      ['maybe the carrier changed its IPs', /ticket T-[2-9A-Z]{5}/],
    ],
    async check(conversation, store) {
      expect(conversation.mode).toBe('queued');
      expect(conversation.priority).toBe(3);
      expect(conversation.brief).toMatchObject({
        category: 'operational',
        severity: 'P3',
        callIds: ['a84b4c76e66710@10.0.0.1', '3c2a7f9e0b1d4e5f9a8b'],
        startedAt: 'today at 09:30 UTC',
        tried: 'restarted our PBX',
        observations: '503 Service Unavailable from the carrier on all UK numbers',
        assumptions: 'maybe the carrier changed its IPs',
      });
      const ticket = await store.getTicket(conversation.brief?.ticketId ?? '');
      expect(ticket).toMatchObject({
        status: 'open',
        conversationId: conversation.id,
        title: 'my calls are failing',
      });
    },
  },
  {
    name: 'support hours and every contact come from the policy',
    script: [
      ['What are your support hours?', /08:00-20:00 UTC[\s\S]*24\/7[\s\S]*open right now/],
      [
        'how can I get in touch with your team?',
        /\+44 7481 346 455[\s\S]*@connexcs_support_bot[\s\S]*status.connexcs.com/,
      ],
    ],
  },
  {
    name: 'a NOC-on-Demand enquiry becomes a lead the team sees',
    script: [
      ['Do you offer NOC-on-Demand?', /time zone/],
      ['24/7 cover for our EU switch', /reach you/],
      ['Jane Doe, jane@example.com', /passed your enquiry/],
    ],
    async check(conversation, store) {
      const leads = await store.listRecords('leads');
      expect(leads).toContainEqual(
        expect.objectContaining({
          conversationId: conversation.id,
          email: 'jane@example.com',
          enquiry: '24/7 cover for our EU switch',
        }),
      );
    },
  },
  {
    name: 'abuse gets one calm warning, then the conversation is flagged for an agent',
    script: [
      ['you idiots', /keep the conversation respectful/],
      ['fuck you', /passing this conversation to a member of our team/],
    ],
    async check(conversation) {
      expect(conversation.mode).toBe('queued');
      expect(conversation.tags).toContain('abusive');
      expect(conversation.handoffReason).toMatch(/abusive/i);
    },
  },
  {
    name: 'several problems are steered to one ticket each',
    script: [['can I report three problems in one ticket?', /One problem per ticket/]],
  },
  {
    name: 'a question in the middle of a report is answered, then the pending question is asked again',
    script: [
      ['my calls are failing since this morning', /Which category/],
      ['btw when is your support open?', /Back to where we were[\s\S]*Which category/],
      ['Operational', /How severe/],
      ['wait, what is a call id?', /Back to where we were[\s\S]*How severe/],
    ],
    async check(conversation, store) {
      const said = (await store.getMessages(conversation.id)).filter((m) => m.author === 'bot');
      expect(said.map((m) => m.text).join('\n')).toMatch(/08:00-20:00 UTC[\s\S]*unique identifier/);
      expect(conversation.mode).toBe('bot');
      expect(conversation.flow).toMatchObject({ flowId: 'report-problem', step: 'severity' });
      // Said in the first message, so never asked for again.
      expect(conversation.brief?.startedAt).toBe('since this morning');
    },
  },
  {
    name: 'asking for a person in the middle of a report hands over at once, with the draft',
    script: [
      ['calls to Mexico fail with 503, for example a84b4c76e66710@10.0.0.1', /Which category/],
      ['forget the form, just get me one of your engineers', /alerting our support team/],
    ],
    async check(conversation) {
      expect(conversation.mode).toBe('queued');
      expect(conversation.handoffReason).toMatch(/during report problem/);
      expect(conversation.brief?.callIds).toEqual(['a84b4c76e66710@10.0.0.1']);
    },
  },
  {
    name: 'a problem with a new interconnect is not critical, whatever the customer picks',
    script: [
      ['calls fail on our new interconnect', /Which category/],
      ['Platform', /How severe/],
      ['P1', /not critical, so I am filing this as P3/],
      ['never mind', /stopped that; nothing was filed/],
    ],
    async check(conversation) {
      expect(conversation.mode).toBe('bot');
      expect(conversation.flow).toBeUndefined();
    },
  },
];

/** Runs `check` until it passes, for up to five seconds; then fails with its last error. */
async function settled(check: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

describe('support flows on every channel', () => {
  let server: TestApp;
  let emulator: TelegramEmulator;
  let twilio: FakeTwilio;

  beforeAll(async () => {
    emulator = await TelegramEmulator.start(TOKEN);
    twilio = await FakeTwilio.start(TWILIO_SID, TWILIO_TOKEN);
    server = await startTestApp({
      env: {
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        ...twilioEnv(twilio.url),
        PUBLIC_URL,
      },
      overrides: { knowledge: problemKnowledge(), clock: () => MONDAY_10_UTC },
    });
  });
  afterAll(async () => {
    await server.cleanup();
    await emulator.stop();
    await twilio.stop();
  });

  const channels: [string, () => Promise<ChannelCustomer>][] = [
    ['web', () => webChannelCustomer(server.url)],
    ['telegram', async () => telegramChannelCustomer(emulator)],
    ['sms', async () => smsChannelCustomer(server.url, twilio)],
  ];

  describe.each(channels)('%s', (_channel, newCustomer) => {
    it.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
      const customer = await newCustomer();
      try {
        for (const [text, expected] of scenario.script) await customer.send(text, expected);
        // Telegram and SMS replies arrive while the engine may still be finishing the step (the
        // handoff after the ticket line): check the stored state until it settles.
        const key = await customer.key();
        await settled(async () => {
          const conversation = await server.app.store.findConversation(customer.channel, key);
          expect(conversation).toBeDefined();
          await scenario.check?.(conversation!, server.app.store);
        });
      } finally {
        customer.close();
      }
    });
  });

  it('on Telegram the category and severity are picked with buttons', async () => {
    const customer = telegramChannelCustomer(emulator);
    await customer.send('one-way audio on calls to Spain', /Did one of them solve your problem/);
    await customer.press('Not solved', 'Not solved', /Which category/);
    await customer.press('Platform', 'Platform', /How severe/);
    await customer.press('P2 Critical', 'P2', /Call-ID/);
    const conversation = await server.app.store.findConversation('telegram', await customer.key());
    expect(conversation?.brief).toMatchObject({ category: 'platform', severity: 'P2' });
    expect(conversation?.brief?.suggestedDocs?.map((d) => d.url)).toEqual([
      'https://docs.example.com/guides/one-way-audio/#nat-and-rtp',
      'https://docs.example.com/guides/one-way-audio/#codecs',
    ]);
  });
});
