import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { AgentDirectory } from '../../src/agents/agent-directory';
import { NotFoundError, ValidationError } from '../../src/errors';
import type { Agent } from '../../src/model/agent';
import type { CannedResponseStore } from '../../src/store/ports';
import { readCookie } from '../http/cookies';
import { SESSION_COOKIE } from './session-cookie';

const SHORTCUT = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/**
 * The team's shared canned responses: `GET /canned` lists them, `POST /canned` creates one or
 * replaces it (with its `id`), `DELETE /canned/:id` removes it. Any signed-in agent may manage them.
 */
export function cannedRoutes(options: {
  store: CannedResponseStore;
  directory: AgentDirectory;
  clock?: () => number;
}): Router {
  const { store, directory } = options;
  const now = options.clock ?? Date.now;
  const router = express.Router();
  const signedIn = (req: Request): Promise<Agent> =>
    directory.authenticate(readCookie(req.headers.cookie, SESSION_COOKIE));

  router.get('/canned', async (req: Request, res: Response) => {
    await signedIn(req);
    res.json({ responses: await store.listCannedResponses() });
  });

  router.post('/canned', express.json({ limit: '16kb' }), async (req: Request, res: Response) => {
    const agent = await signedIn(req);
    const { id, shortcut, text } = (req.body ?? {}) as { id?: unknown; shortcut?: unknown; text?: unknown };
    if (typeof shortcut !== 'string' || !SHORTCUT.test(shortcut.trim().toLowerCase()))
      throw new ValidationError('shortcut: 1-40 letters, digits, - or _');
    if (typeof text !== 'string' || text.trim().length === 0 || text.length > 2000)
      throw new ValidationError('text: 1-2000 characters');
    if (id !== undefined && (typeof id !== 'string' || id.length === 0 || id.length > 64))
      throw new ValidationError('id must be a string');
    const response = {
      id: id ?? randomUUID(),
      shortcut: shortcut.trim().toLowerCase(),
      text: text.trim(),
      updatedAt: now(),
      updatedBy: agent.displayName,
    };
    await store.saveCannedResponse(response);
    res.json({ response });
  });

  router.delete('/canned/:id', async (req: Request, res: Response) => {
    await signedIn(req);
    const deleted = await store.deleteCannedResponse(String(req.params.id));
    if (!deleted) throw new NotFoundError('Canned response', 'No such canned response');
    res.json({ ok: true });
  });

  return router;
}
