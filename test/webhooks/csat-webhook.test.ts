import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../adapters/sqlite/sqlite-store';
import { EngineEvents } from '../../src/events/engine-events';
import { createLogger } from '../../src/logger';
import type { SatisfactionRating } from '../../src/model/satisfaction';
import { announceSaves } from '../../src/store/announcing-store';
import { followEngineForWebhooks } from '../../src/webhooks/engine-webhooks';
import type { WebhookEvent } from '../../src/webhooks/webhook-event';

describe('a satisfaction rating reaches the webhooks as csat.received', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handoff-csat-webhook-'));
  const real = new SqliteStore(path.join(dir, 'handoff.sqlite'));
  afterAll(async () => {
    await real.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('announces the score, then the comment, each once, from whatever saves it through the store', async () => {
    const events = new EngineEvents();
    const store = announceSaves(real, events);
    const sent: WebhookEvent[] = [];
    const stop = followEngineForWebhooks(
      events,
      async (event) => {
        sent.push(event);
      },
      createLogger('silent'),
    );
    const rating: SatisfactionRating = {
      id: 'c_1:1000',
      conversationId: 'c_1',
      channel: 'telegram',
      satisfied: true,
      score: 5,
      agentId: 'alice',
      askedAt: 1000,
      ratedAt: 2000,
    };
    await store.ratings.save(rating);
    await store.ratings.save({ ...rating, comment: 'quick and kind' });
    stop();
    await store.ratings.save({ ...rating, score: 1 });

    // The store still saves after the webhooks stop listening; only the announcement stops.
    expect((await real.ratings.get('c_1:1000'))?.score).toBe(1);
    expect(sent.map((e) => e.type)).toEqual(['csat.received', 'csat.received']);
    expect(new Set(sent.map((e) => e.id)).size).toBe(2);
    expect(JSON.stringify(sent[0])).toContain('"score":5');
    expect(JSON.stringify(sent[1])).toContain('quick and kind');
  });
});
