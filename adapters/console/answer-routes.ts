import express, { type Request, type Response, type Router } from 'express';
import type { AgentDirectory } from '../../src/agents/agent-directory';
import type { RecordStore } from '../../src/store/ports';
import { readCookie } from '../http/cookies';
import { SESSION_COOKIE } from './session-cookie';

/** One docs answer as the team reviews it: the question, the page given, and how it went. */
export interface AnswerReview {
  answerId: string;
  conversationId: string;
  question: string;
  page?: string;
  confidence?: number;
  at: number;
  /** What the customer said with "Did this help?", if anything. */
  helpful?: boolean;
  /** The customer asked for a human soon after this answer. */
  askedForHuman: boolean;
}

/**
 * `GET /console/api/answers` for signed-in agents: recent docs answers with their feedback, newest
 * first; `?failed=1` keeps those marked unhelpful or followed by "Human", i.e. what the docs fail.
 */
export function answerRoutes(options: { store: RecordStore; directory: AgentDirectory }): Router {
  const router = express.Router();
  router.get('/answers', async (req: Request, res: Response) => {
    await options.directory.authenticate(readCookie(req.headers.cookie, SESSION_COOKIE));
    const [answers, feedback] = await Promise.all([
      options.store.listRecords('answers', 1000),
      options.store.listRecords('answer-feedback', 5000),
    ]);
    const reviews = new Map<string, AnswerReview>();
    for (const record of answers) {
      const answerId = String(record.answerId);
      reviews.set(answerId, {
        answerId,
        conversationId: String(record.conversationId),
        question: typeof record.question === 'string' ? record.question : '',
        ...(typeof record.page === 'string' && { page: record.page }),
        ...(typeof record.confidence === 'number' && { confidence: record.confidence }),
        at: Number(record.at ?? 0),
        askedForHuman: false,
      });
    }
    for (const record of feedback) {
      const review = reviews.get(String(record.answerId));
      if (!review) continue;
      if (typeof record.helpful === 'boolean') review.helpful = record.helpful;
      if (record.outcome === 'human') review.askedForHuman = true;
    }
    const failedOnly = req.query.failed === '1' || req.query.failed === 'true';
    // Records come oldest first; reversed before the (stable) sort, answers given in the same
    // millisecond still come newest first.
    const list = [...reviews.values()]
      .reverse()
      .filter((review) => !failedOnly || review.helpful === false || review.askedForHuman)
      .sort((a, b) => b.at - a.at)
      .slice(0, 500);
    res.json({ answers: list });
  });
  return router;
}
