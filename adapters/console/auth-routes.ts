import express, { type Request, type Response, type Router } from 'express';
import type { AgentDirectory } from '../../src/agents/agent-directory';
import { HandoffError, ValidationError } from '../../src/errors';
import { readCookie } from '../http/cookies';
import { RateLimiter } from '../http/rate-limiter';
import { toAgentView } from './conversation-views';
import { SESSION_COOKIE } from './session-cookie';

/**
 * Console sign-in over JSON: the session token goes into an httpOnly, SameSite=Strict cookie and
 * never into the page's JavaScript. Failed attempts are rate limited per address and username.
 */
export function consoleAuthRoutes(directory: AgentDirectory): Router {
  const router = express.Router();
  const limiter = new RateLimiter(10, 0.2);
  router.use(express.json({ limit: '4kb' }));

  router.post('/login', async (req: Request, res: Response) => {
    const { username, password } = (req.body ?? {}) as { username?: unknown; password?: unknown };
    if (typeof username !== 'string' || typeof password !== 'string' || !username || !password) {
      throw new ValidationError('username and password are required');
    }
    if (!limiter.take(`${req.ip}:${username.toLowerCase()}`)) {
      throw new HandoffError('rate_limited', 'Too many attempts; wait a minute and try again');
    }
    const { agent, token, expiresAt } = await directory.signIn(username, password);
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      path: '/',
      expires: new Date(expiresAt),
    });
    res.json({ agent: toAgentView(agent), expiresAt });
  });

  router.post('/logout', async (req: Request, res: Response) => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (token) await directory.signOut(token);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.json({ ok: true });
  });

  router.get('/me', async (req: Request, res: Response) => {
    const agent = await directory.authenticate(readCookie(req.headers.cookie, SESSION_COOKIE));
    res.json({ agent: toAgentView(agent) });
  });

  return router;
}
