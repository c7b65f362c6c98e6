import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { EngineEventMap, EngineEvents } from '../../src/events/engine-events';
import type { KnowledgeBase } from '../../src/knowledge/knowledge-base';
import type { Author } from '../../src/model/message';
import type { Store } from '../../src/store/store';

/** Delivery states that mean the provider did not get the message to the customer. */
const FAILED_DELIVERY = new Set(['failed', 'undelivered']);

/** Most queued conversations read per scrape: enough for any desk, bounded for a stuck one. */
const QUEUE_SCAN_LIMIT = 5000;

/** The desk's Prometheus registry, fed by the engine's events. */
export interface DeskMetrics {
  registry: Registry;
  /** Wraps a knowledge base so the confidence of every answer it gives is observed. */
  observeKnowledge(knowledge: KnowledgeBase): KnowledgeBase;
  /** Stops listening to the engine. */
  close(): void;
}

/**
 * Builds the metrics of one instance: messages by channel and direction, handoff transitions,
 * provider delivery failures (from the engine's events), queue length and longest wait (read from
 * the store at scrape time, so every instance reports the shared queue), answer confidence, and
 * prom-client's default process metrics (CPU, memory, event-loop lag, GC).
 */
export function createDeskMetrics(options: {
  events: EngineEvents;
  store: Store;
  clock?: () => number;
}): DeskMetrics {
  const { events, store, clock = Date.now } = options;
  const registry = new Registry();

  const messages = new Counter({
    name: 'handoff_messages_total',
    help: 'Transcript messages stored, by channel, direction (inbound from the customer, outbound to them) and author.',
    labelNames: ['channel', 'direction', 'author'] as const,
    registers: [registry],
  });
  const transitions = new Counter({
    name: 'handoff_transitions_total',
    help: 'Handoff state changes, by event (request, claim, resolve, ...) and the modes before and after.',
    labelNames: ['event', 'from', 'to'] as const,
    registers: [registry],
  });
  const deliveryFailures = new Counter({
    name: 'handoff_delivery_failures_total',
    help: 'Outbound messages a channel provider reported as failed or undelivered, by channel and status.',
    labelNames: ['channel', 'status'] as const,
    registers: [registry],
  });
  const confidence = new Histogram({
    name: 'handoff_answer_confidence',
    help: 'Calibrated confidence of each answer looked up in the docs (0 to 1).',
    buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.65, 0.7, 0.8, 0.9, 1],
    registers: [registry],
  });
  // Queue figures come from the store, which Redis shares between instances; read once per scrape.
  let queueRead: Promise<{ length: number; longestWaitSeconds: number }> | undefined;
  const readQueue = () => {
    queueRead ??= store
      .listConversations({ modes: ['queued'], limit: QUEUE_SCAN_LIMIT })
      .then((queued) => {
        const now = clock();
        const waits = queued.map((c) => Math.max(0, now - (c.queuedAt ?? c.updatedAt)) / 1000);
        return { length: queued.length, longestWaitSeconds: Math.max(0, ...waits) };
      })
      .finally(() => {
        queueRead = undefined;
      });
    return queueRead;
  };
  new Gauge({
    name: 'handoff_queue_length',
    help: 'Conversations waiting for an agent.',
    registers: [registry],
    async collect() {
      this.set((await readQueue()).length);
    },
  });
  new Gauge({
    name: 'handoff_queue_longest_wait_seconds',
    help: 'How long the customer who has waited longest for an agent has been waiting.',
    registers: [registry],
    async collect() {
      this.set((await readQueue()).longestWaitSeconds);
    },
  });

  const onMessage = ({ conversation, message }: EngineEventMap['message'][0]) => {
    messages.inc({
      channel: conversation.ref.channel,
      direction: directionOf(message.author),
      author: message.author,
    });
  };
  const onHandoff = ({ transition }: EngineEventMap['handoff'][0]) => {
    transitions.inc({ event: transition.event, from: transition.from, to: transition.to });
  };
  const onUpdate = ({ conversation, message }: EngineEventMap['messageUpdated'][0]) => {
    const status = message.delivery?.status;
    if (status && FAILED_DELIVERY.has(status))
      deliveryFailures.inc({ channel: conversation.ref.channel, status });
  };
  events.on('message', onMessage);
  events.on('handoff', onHandoff);
  events.on('messageUpdated', onUpdate);

  return {
    // The desk's own metrics and the process's, scraped together (the merge keeps both live).
    registry: Registry.merge([processMetrics(), registry]),
    observeKnowledge: (knowledge) => ({
      search: (query, limit) => knowledge.search(query, limit),
      stats: () => knowledge.stats(),
      answer: async (query) => {
        const answer = await knowledge.answer(query);
        confidence.observe(answer.confidence);
        return answer;
      },
    }),
    close: () => {
      events.off('message', onMessage);
      events.off('handoff', onHandoff);
      events.off('messageUpdated', onUpdate);
    },
  };
}

let processRegistry: Registry | undefined;

/**
 * prom-client's default metrics (CPU, memory, event-loop lag, GC, handles), collected once per
 * process: they describe the process, not an app, and every collection adds its own event-loop
 * monitor and GC observer that nothing can stop (tests start many apps in one process).
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Customers' messages come in; the bot's and agents' go out; system lines and notes stay inside. */
function directionOf(author: Author): 'inbound' | 'outbound' | 'internal' {
  if (author === 'customer') return 'inbound';
  return author === 'system' || author === 'note' ? 'internal' : 'outbound';
}
