import type { FlowContext } from '../../src/engine/flow';
import type { KnowledgeAnswer, KnowledgeBase } from '../../src/knowledge/knowledge-base';
import { noEntities, type Understanding } from '../../src/understanding/understanding';
import { outOfScope } from '../../flows/out-of-scope';

/** A knowledge base whose only answer has the given confidence. */
function docsAnswering(confidence: number): KnowledgeBase {
  const hit = {
    pagePath: 'noc.md',
    pageTitle: 'NOC',
    headingPath: ['NOC'],
    url: 'https://docs.example.com/noc/',
    text: 'The NOC watches your traffic.',
    score: 1,
  };
  return {
    search: () => [hit],
    answer: async (): Promise<KnowledgeAnswer> => ({
      kind: 'answer',
      confidence,
      hits: [hit],
      passage: hit.text,
    }),
    stats: () => ({ pages: 1, sections: 1, builtAt: 0, buildMs: 0 }),
  };
}

/** Runs the flow on a message read as off-topic with `offTopic` confidence; gives what it said. */
async function run(offTopic: number, docs: number): Promise<{ outcome: unknown; said: string[] }> {
  const said: string[] = [];
  const understanding: Understanding = {
    intent: 'off_topic',
    confidence: offTopic,
    ranked: [{ intent: 'off_topic', confidence: offTopic }],
    entities: noEntities(),
    source: 'model',
  };
  const context = {
    conversation: { profile: {} },
    text: 'a message',
    understanding,
    knowledge: docsAnswering(docs),
    say: async (content: string | { text: string }) => {
      said.push(typeof content === 'string' ? content : content.text);
    },
  } as unknown as FlowContext;
  return { outcome: await outOfScope.run(context), said };
}

describe('off-topic or not: the docs answer is the evidence, weighed against the reading', () => {
  it('declines when the message reads as off-topic more surely than the docs answer it', async () => {
    const { outcome, said } = await run(0.8, 0.6);
    expect(outcome).toEqual({ done: true });
    expect(said).toHaveLength(1);
  });

  it('lets the docs answer when they are surer than the off-topic reading', async () => {
    expect(await run(0.6, 0.8)).toEqual({ outcome: { pass: true }, said: [] });
  });

  it('never lets a weak docs answer override, however unsure the reading', async () => {
    // The docs are surer than the reading here, but below the floor every override needs.
    const { outcome } = await run(0.2, 0.45);
    expect(outcome).toEqual({ done: true });
  });
});
