import { BENCH_ADMIN_PASSWORD, withServer, type BenchContext } from '../context';
import { AgentConsole } from '../load/agent-console';
import { ChatCustomer } from '../load/chat-customer';
import { summarize, type LatencySummary } from '../stats';

/** Section 4: how fast an agent hears of a handoff and a customer gets the agent's reply. */
export interface HandoffResult {
  handoffs: number;
  /** Customers handing off at the same time. */
  concurrency: number;
  /** "Human" sent by the customer -> `handoffRequested` at the signed-in agent's console socket. */
  notify: LatencySummary;
  /** Agent `reply` sent -> the message at the customer's widget socket. */
  agentToCustomer: LatencySummary;
  /** Handoffs or replies that never arrived. */
  missing: number;
}

const WAIT_MS = 10_000;

/** Customers ask a question, type "Human"; the agent claims, replies a few times and resolves. */
export async function measureHandoff(context: BenchContext): Promise<HandoffResult> {
  const { plan } = context.options;
  const concurrency = Math.min(10, plan.handoffs);
  context.progress(
    `handoff: ${plan.handoffs} handoffs (${concurrency} at a time), ${plan.repliesPerHandoff} replies each`,
  );
  return withServer(context.startApp(), async (server) => {
    const agent = await AgentConsole.signIn(server.url, 'admin', BENCH_ADMIN_PASSWORD);
    const notify: number[] = [];
    const delivery: number[] = [];
    let missing = 0;
    let next = 0;
    const deadline = Date.now() + plan.loadDeadlineMs;
    const oneHandoff = async (index: number) => {
      const name = `Bench customer ${index}`;
      const customer = await ChatCustomer.connect(server.url, { displayName: name });
      try {
        await customer.ask(context.questions[index % context.questions.length]!, WAIT_MS);
        const queued = agent.handoffFor(name, WAIT_MS);
        const started = performance.now();
        const told = customer.ask('Human', WAIT_MS);
        const summary = await queued;
        if (!summary) {
          missing += 1;
          return;
        }
        notify.push(performance.now() - started);
        await told;
        await agent.claim(summary.id);
        for (let r = 0; r < plan.repliesPerHandoff; r += 1) {
          const text = `Agent reply ${r} to customer ${index}`;
          const arrived = customer.nextAgentMessage(text, WAIT_MS);
          await agent.reply(summary.id, text, `r${index}-${r}`);
          const ms = await arrived;
          if (ms === undefined) missing += 1;
          else delivery.push(ms);
        }
        await agent.resolve(summary.id);
      } finally {
        customer.close();
      }
    };
    const worker = async () => {
      while (next < plan.handoffs && Date.now() < deadline) {
        next += 1;
        await oneHandoff(next);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    agent.close();
    return {
      handoffs: notify.length,
      concurrency,
      notify: summarize(notify),
      agentToCustomer: summarize(delivery),
      missing,
    };
  });
}
