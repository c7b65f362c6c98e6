import express from 'express';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { AgentDirectory } from '../src/agents/agent-directory';
import type { Config } from '../src/config';
import { Engine } from '../src/engine/engine';
import type { Flow } from '../src/engine/flow';
import type { FlowServices } from '../src/engine/flow-services';
import type { HandoffNotice } from '../src/engine/handoff-notice';
import { EngineEvents } from '../src/events/engine-events';
import type { KnowledgeBase } from '../src/knowledge/knowledge-base';
import type { Logger } from '../src/logger';
import { SqliteStore } from '../adapters/sqlite/sqlite-store';
import { connectRedisCluster } from '../adapters/redis/redis-cluster';
import { RedisOutboxStore } from '../adapters/redis/redis-outbox-store';
import type { Store } from '../src/store/store';
import type { WebhookDispatcher } from '../src/webhooks/webhook-dispatcher';
import { consoleAuthRoutes } from '../adapters/console/auth-routes';
import { attachConsoleGateway, type ConsoleGatewayOptions } from '../adapters/console/console-gateway';
import { conversationRoutes } from '../adapters/console/conversation-routes';
import { cannedRoutes } from '../adapters/console/canned-routes';
import { reportRoutes } from '../adapters/console/report-routes';
import { agentAdminRoutes } from '../adapters/console/agent-admin-routes';
import { createHttpEdge, type HttpEdge } from '../adapters/http/create-http-server';
import { errorHandler, notFoundHandler } from '../adapters/http/error-boundary';
import { clientAddressReader } from '../adapters/http/client-address';
import { Limits, limitRules } from '../adapters/http/limits';
import { WebSessions } from '../adapters/web/web-session';
import { attachChatGateway } from '../adapters/web/chat-gateway';
import { WebChannel } from '../adapters/web/web-channel';
import { webStaticRoutes } from '../adapters/web/static-routes';
import { uploadRoutes } from '../adapters/web/upload-routes';
import { attachSms } from '../adapters/sms/attach-sms';
import { attachEmail } from '../adapters/email/attach-email';
import { attachVoice } from '../adapters/voice/attach-voice';
import { attachTelegram } from '../adapters/telegram/attach-telegram';
import { ChatModelUnderstanding } from '../src/understanding/chat-model-understanding';
import { loadUnderstander } from '../src/understanding/load-understander';
import type { MessageUnderstanding } from '../src/understanding/understander';
import { defaultFlows } from '../flows';
import { askForRating } from '../src/satisfaction/rating-question';
import { createDeskMetrics } from '../adapters/metrics/desk-metrics';
import { metricsRoute } from '../adapters/metrics/metrics-route';
import { webhookDeliveryCounter } from '../adapters/metrics/webhook-metrics';
import { ticketRoutes } from '../adapters/console/ticket-routes';
import { answerRoutes } from '../adapters/console/answer-routes';
import { agentNoteHooks } from '../src/policy/agent-notes';
import { policyHandoffNotice } from '../src/policy/policy-handoff-notice';
import { createSupportServices } from './support-services';
import { followHandoffs } from '../src/tickets/ticket-lifecycle';
import { FixConfirmation, type LifecycleDesk } from '../src/tickets/fix-confirmation';
import { agentRoom } from '../adapters/console/session-revocation';
import { consolePresence } from '../adapters/console/agent-presence';
import { lifecycleRoutes } from '../adapters/console/lifecycle-routes';
import { incidentSweep } from '../src/tickets/outage-merge';
import { announceSaves } from '../src/store/announcing-store';
import { conversationReadModel } from '../src/store/conversation-read-model';
import { followNotHelpful } from '../flows/not-helpful-follow-up';
import { languageModelsFrom } from './language-models';
import { textsFor } from '../src/i18n/translate';
import { outboxDecorator } from './outbox-decorator';
import { attachWebhooks } from './webhooks';
import { webhookRoutes } from '../adapters/console/webhook-routes';
import { apiRoutes } from '../adapters/http/api/api-routes';
import { ApiTokens } from '../src/integrations/api-tokens';
import { projectRoot } from './project-root';

/** How long requests still running at shutdown may take before their connections are closed. */
const CLOSE_GRACE_MS = 5_000;

/** How long an outbound Telegram or SMS message may stay `pending` before it is sent again. */
const STALE_DELIVERY_MS = 60_000;

/** Pieces a caller (tests, the benchmark) may supply instead of the defaults built from config. */
export interface AppOverrides {
  store?: Store;
  knowledge?: KnowledgeBase;
  /** The understanding step (default: learned from the project's `nlu/` corpus). */
  understanding?: MessageUnderstanding;
  flows?: Flow[];
  services?: FlowServices;
  handoffNotice?: HandoffNotice;
  clock?: () => number;
  /** Seconds a queued web customer may be gone before the conversation counts as abandoned. */
  abandonAfterMs?: number;
  /** How long a dead instance keeps the Telegram polling lease (tests shorten it). */
  pollingLeaseTtlMs?: number;
  /** How often unanswered fix proposals are looked for (tests shorten it; default one minute). */
  lifecycleSweepMs?: number;
  /**
   * Whether agents must classify a conversation before taking it (default on; the tests of other
   * features, written before the rule, start the app with it off: see test/support/start-app.ts).
   */
  classifyBeforeTaking?: boolean;
}

/** A running (or ready to run) handoff server. */
export interface App {
  config: Config;
  engine: Engine;
  store: Store;
  directory: AgentDirectory;
  edge: HttpEdge;
  /** Outgoing webhooks, when WEBHOOK_URLS is set. */
  webhooks?: WebhookDispatcher;
  /** Starts listening; resolves with the base URL (`http://127.0.0.1:PORT`). */
  listen(): Promise<string>;
  /** Stops taking work, finishes what is in flight and closes everything. */
  close(): Promise<void>;
}

/**
 * The understanding step learned from the project's own corpus (`nlu/`). The trained models are
 * cached in `node_modules/.cache` under the corpus's hash, so only the first start trains.
 */
function defaultUnderstanding(config: Config, log: Logger): MessageUnderstanding {
  const root = projectRoot();
  const learned = loadUnderstander({
    corpusDir: path.join(root, 'nlu'),
    cacheDir: path.join(root, 'node_modules', '.cache', 'handoff-nlu'),
  });
  // With a chat model configured, it reads each message first; the learned step is its fallback.
  const { chatModel } = languageModelsFrom(config);
  if (!chatModel) return learned;
  return new ChatModelUnderstanding(chatModel, learned, {
    log: (message, fields) => log.warn(fields, message),
  });
}

/** How old a stored, unanswered customer message may be for a restart to still answer it. */
const UNANSWERED_WINDOW_MS = 15 * 60 * 1000;

/**
 * The composition root: builds the store, the engine, the flows and every channel adapter from
 * the configuration, and mounts them on one HTTP server.
 */
export async function createApp(config: Config, log: Logger, overrides: AppOverrides = {}): Promise<App> {
  // --- Several instances: with REDIS_URL, the store, socket.io rooms and leases are shared in Redis. ---
  const cluster = config.REDIS_URL
    ? await connectRedisCluster({ url: config.REDIS_URL, prefix: config.REDIS_PREFIX, log })
    : undefined;
  const events = new EngineEvents();
  events.setMaxListeners(50);
  // Every ticket and rating save is announced as an event (webhooks), whoever saves it.
  const store = announceSaves(
    overrides.store ?? cluster?.store ?? new SqliteStore(path.join(config.DATA_DIR, 'handoff.sqlite')),
    events,
  );
  const metrics = createDeskMetrics({ events, store, ...(overrides.clock && { clock: overrides.clock }) });
  const knowledge = overrides.knowledge && metrics.observeKnowledge(overrides.knowledge);
  // Console sessions live in real time, whatever clock the support logic runs on: the browser
  // expires the cookie by the wall clock, and so does the store.
  const directory = new AgentDirectory(store, config.SESSION_TTL_HOURS * 3600 * 1000);
  const edge = createHttpEdge({
    log,
    trustProxy: config.TRUST_PROXY,
    requestTimeoutMs: config.HTTP_REQUEST_TIMEOUT_MS,
    headersTimeoutMs: config.HTTP_HEADERS_TIMEOUT_MS,
  });
  // Per person and per address, shared through Redis when several instances run.
  const limits = new Limits(limitRules(config), {
    ...(cluster && { redis: cluster.client }),
    prefix: config.REDIS_PREFIX,
    allow: config.RATE_LIMIT_ALLOW,
  });
  const clientAddress = clientAddressReader(config.TRUST_PROXY);
  const sessions = new WebSessions(store);
  if (cluster) edge.io.adapter(cluster.socketAdapter);
  // --- end of several instances ---

  // The support policy, tickets and status page the flows use (POLICY_FILE, SMTP_URL, STATUS_PAGE_URL).
  const support = createSupportServices(config, {
    store,
    log,
    ...(overrides.clock && { clock: overrides.clock }),
  });
  const policy = overrides.services?.policy ?? support.policy;
  // Built before the engine it drives, so the confirm-fix flow finds it among the services.
  // What the ticket lifecycle (confirmed fixes, outage merges) does to conversations, through the engine.
  const lifecycleDesk = (): LifecycleDesk => ({
    store,
    say: (conversation, content) => engine.say(conversation, content),
    transition: (id, input) => engine.handoff.transition(id, input),
    updateConversation: (id, change) => engine.updateConversation(id, change),
    claim: (id, agent) => engine.handoff.claim(id, agent),
  });
  const fixConfirmation = new FixConfirmation({
    desk: lifecycleDesk,
    confirmFixHours: policy.ticketLifecycle.confirmFixHours,
    reopenWindowDays: policy.ticketLifecycle.reopenWindowDays,
    isAgentAvailable: async (agentId) =>
      (await edge.io.of('/console').in(agentRoom(agentId)).fetchSockets()).length > 0,
    log,
    ...(overrides.clock && { clock: overrides.clock }),
  });
  const services = { ...support, fixConfirmation, ...overrides.services };
  followHandoffs(events, services.tickets ?? support.tickets, log);

  // Durable outbox: Telegram, SMS and e-mail sends are stored first and retried by any instance.
  const outbox = outboxDecorator({
    ...(cluster && { store: () => new RedisOutboxStore(cluster.client, config.REDIS_PREFIX) }),
    dataDir: config.DATA_DIR,
    log: log.child({ component: 'outbox' }),
    settle: async (entry, delivery) => {
      const conversation = await store.getConversation(entry.message.conversationId);
      if (conversation) await engine.delivery.setDelivery(conversation, entry.message, delivery);
    },
  });

  const understanding = overrides.understanding ?? defaultUnderstanding(config, log);
  // Available agents, counted in the console namespace (whose gateway is attached further down).
  const presence = consolePresence(edge.io.of('/console'));
  const engine = new Engine({
    store,
    events,
    log,
    flows: overrides.flows ?? defaultFlows(),
    understanding,
    ...(knowledge && { knowledge }),
    services,
    handoffNotice: overrides.handoffNotice ?? policyHandoffNotice(services.policy ?? support.policy),
    ...(overrides.clock && { clock: overrides.clock }),
    presence,
    maxMessageLength: config.MAX_MESSAGE_LENGTH,
    decorateChannel: (channel) => outbox.decorate(channel),
  });
  engine.registerChannel(new WebChannel());
  // "Did this help?" answered no: the next best docs page and a person, on the answer's channel.
  if (knowledge) {
    followNotHelpful({
      events,
      store,
      knowledge,
      say: (conversation, content) => engine.say(conversation, content),
      log: log.child({ component: 'feedback' }),
    });
  }

  const admin = await directory.ensureAdmin(config.ADMIN_PASSWORD);
  if (admin.generatedPassword) {
    // Printed once, on purpose: the operator needs it to sign in the first time.
    log.warn(
      { username: 'admin' },
      `Created the first agent "admin" with password: ${admin.generatedPassword} (change it with: npm run agents -- reset admin)`,
    );
  }

  const { app, io } = edge;
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  let draining = false;
  app.get('/readyz', async (_req, res) => {
    // Not ready while draining, or while the shared Redis does not answer (the balancer skips us).
    const redis = cluster ? await cluster.ready() : undefined;
    const ready = !draining && redis !== false;
    res.status(ready ? 200 : 503).json({ ready, ...(redis !== undefined && { redis }) });
  });
  app.use(metricsRoute(metrics.registry, config.METRICS_TOKEN));
  app.use('/console/api', consoleAuthRoutes(directory, limits));
  app.use('/console/api', ticketRoutes({ engine, store, directory }));
  app.use(
    '/console/api',
    lifecycleRoutes({
      directory,
      fixConfirmation,
      engine,
      outageDesk: lifecycleDesk(),
      store,
      policy,
      tickets: services.tickets ?? support.tickets,
      ...(overrides.clock && { clock: overrides.clock }),
    }),
  );
  app.use('/console/api', answerRoutes({ store, directory }));
  app.use('/console/api', conversationRoutes({ store, directory }));
  app.use('/console/api', cannedRoutes({ store, directory }));
  app.use('/console/api', agentAdminRoutes(directory));
  app.use(
    '/console/api',
    reportRoutes({ store, directory, ...(overrides.clock && { clock: overrides.clock }) }),
  );
  app.use(
    '/api/v1',
    apiRoutes({
      engine,
      store,
      tokens: new ApiTokens(store),
      tickets: services.tickets ?? support.tickets,
      limits,
      classifyBeforeTaking: overrides.classifyBeforeTaking ?? true,
      ...(config.PUBLIC_URL && { publicUrl: config.PUBLIC_URL }),
    }),
  );
  app.use(
    uploadRoutes({
      dataDir: config.DATA_DIR,
      directory,
      limits,
      sessions,
      clientAddress,
      retentionDays: config.UPLOAD_RETENTION_DAYS,
      maxVideoBytes: policy.uploads.videoMaxMb * 1024 * 1024,
    }),
  );
  app.use(webStaticRoutes(path.join(projectRoot(), 'public')));
  app.use(express.static(path.join(projectRoot(), 'public'), { index: 'index.html', maxAge: '5m' }));

  // The gateways read conversations through a read model; every change goes through the engine.
  const conversations = conversationReadModel(store);
  attachChatGateway({
    namespace: io.of('/chat'),
    engine,
    conversations,
    log: log.child({ component: 'chat' }),
    greeting: (profile) => textsFor({ profile })('greeting.web'),
    limits,
    sessions,
    clientAddress,
    dataDir: config.DATA_DIR,
    abandonAfterMs: overrides.abandonAfterMs ?? 15 * 60 * 1000,
    ...(config.IDENTITY_SECRET && { identitySecret: config.IDENTITY_SECRET }),
  });
  const consoleOptions: ConsoleGatewayOptions = {
    namespace: io.of('/console'),
    engine,
    presence,
    conversations,
    agents: store,
    directory,
    log: log.child({ component: 'console' }),
    limits,
    clientAddress,
    classification: {
      severities: Object.keys((services.policy ?? support.policy).severities),
      categories: Object.keys((services.policy ?? support.policy).categories),
    },
    resolveTickets: (id) => (services.tickets ?? support.tickets).resolveConversation(id),
    classifyBeforeTaking: overrides.classifyBeforeTaking ?? true,
    afterResolve: (conversation, agent) =>
      askForRating(engine, conversation, agent, config.CSAT_CHANNELS, overrides.clock),
    ...agentNoteHooks({
      store,
      policy: services.policy ?? support.policy,
      tickets: services.tickets ?? support.tickets,
      ...(overrides.clock && { clock: overrides.clock }),
    }),
  };
  attachConsoleGateway(consoleOptions);

  // --- Telegram and SMS channels: each attaches only when its settings are present. ---
  const channelEdges = [
    await attachTelegram({
      config,
      engine,
      store,
      app,
      log: log.child({ component: 'telegram' }),
      ...(cluster && { acquireLease: cluster.acquireLease }),
      ...(overrides.pollingLeaseTtlMs !== undefined && { leaseTtlMs: overrides.pollingLeaseTtlMs }),
    }),
    attachSms({ config, engine, store, app, log: log.child({ component: 'sms' }) }),
    attachEmail({
      config,
      engine,
      store,
      app,
      tickets: services.tickets ?? support.tickets,
      policy: services.policy ?? support.policy,
      fixConfirmation,
      log: log.child({ component: 'email' }),
      understanding,
      ...(knowledge && { knowledge }),
      ...(overrides.clock && { clock: overrides.clock }),
    }),
  ].filter((edge) => edge !== undefined);
  attachVoice({
    config,
    engine,
    store,
    app,
    tickets: services.tickets ?? support.tickets,
    policy: services.policy ?? support.policy,
    log: log.child({ component: 'voice' }),
    ...(overrides.clock && { clock: overrides.clock }),
  });
  // --- end of Telegram and SMS channels ---
  // --- Durable outbox: runs once a remote channel went behind it (see outboxDecorator above). ---
  outbox.start();
  // A message stored but never handed to the outbox (the instance died in between) is sent again.
  const redeliver = (): void => {
    void engine.delivery.redeliverStale(STALE_DELIVERY_MS).catch((error: unknown) => {
      log.warn({ err: error }, 'redelivery sweep failed');
    });
  };
  const sweeper = outbox.active ? setInterval(redeliver, STALE_DELIVERY_MS) : undefined;
  sweeper?.unref();
  if (outbox.active) redeliver();
  // A fix the customer never confirmed closes with a note once its time is up; outage reports
  // waiting in the queue join the outage the status page shows.
  const mergeIntoIncident =
    services.statusPage &&
    incidentSweep(lifecycleDesk(), services.statusPage, {
      policy,
      tickets: services.tickets ?? support.tickets,
      clock: overrides.clock ?? Date.now,
    });
  const lifecycleSweep = setInterval(() => {
    void fixConfirmation.closeUnanswered().catch((error: unknown) => {
      log.warn({ err: error }, 'closing unanswered fix proposals failed');
    });
    void mergeIntoIncident?.().catch((error: unknown) => {
      log.warn({ err: error }, 'merging outage reports into the status page incident failed');
    });
  }, overrides.lifecycleSweepMs ?? 60_000);
  lifecycleSweep.unref();
  // --- end of durable outbox ---
  // --- Outgoing webhooks (WEBHOOK_URLS): signed, queued in their own durable outbox, logged. ---
  const webhooks = attachWebhooks({
    config,
    events,
    store,
    log: log.child({ component: 'webhooks' }),
    ...(cluster && { redis: cluster.client }),
    observe: webhookDeliveryCounter(metrics.registry),
  });
  app.use(
    '/console/api',
    webhookRoutes({ store, directory, ...(webhooks && { dispatcher: webhooks.dispatcher }) }),
  );
  // --- end of outgoing webhooks ---

  app.use(notFoundHandler());
  app.use(errorHandler(log));

  return {
    config,
    engine,
    store,
    directory,
    edge,
    ...(webhooks && { webhooks: webhooks.dispatcher }),
    listen: () =>
      new Promise((resolve, reject) => {
        edge.server.once('error', reject);
        edge.server.listen(config.PORT, config.HOST, () => {
          // What a previous run stored but died before answering is answered now.
          void engine.recovery
            .answerUnanswered(UNANSWERED_WINDOW_MS)
            .then((count) => count > 0 && log.info({ count }, 'answered messages a previous run had stored'))
            .catch((error: unknown) => log.warn({ err: error }, 'answering stored messages failed'));
          const address = edge.server.address() as AddressInfo;
          const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`);
        });
      }),
    close: async () => {
      draining = true;
      metrics.close();
      if (sweeper) clearInterval(sweeper);
      clearInterval(lifecycleSweep);
      await Promise.all(channelEdges.map((edge) => edge.close()));
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
        // Keep-alive browser connections would hold the close open: idle ones go now, and any
        // request still running gets a few seconds to finish before it is cut.
        edge.server.closeIdleConnections();
        setTimeout(() => edge.server.closeAllConnections(), CLOSE_GRACE_MS).unref();
      });
      await engine.idle();
      await outbox.close();
      await webhooks?.close();
      await store.close();
      await cluster?.close();
    },
  };
}
