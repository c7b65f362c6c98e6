import express, { type Request, type Response, type Router } from 'express';
import type { AgentDirectory } from '../../src/agents/agent-directory';
import { RateLimitError } from '../../src/errors';
import { readCookie } from '../http/cookies';
import { normaliseUsername } from '../../src/agents/username';
import { loginBody, parsePayload } from '../http/edge-schemas';
import type { Limits } from '../http/limits';
import { toAgentView } from './conversation-views';
import { SESSION_COOKIE } from './session-cookie';

/**
 * Console sign-in over JSON: the session token goes into an httpOnly, SameSite=Strict cookie and
 * never into the page's JavaScript. Attempts are limited per address and per normalised username
 * (every spelling that signs in as `admin` draws on one allowance); a success clears the username's.
 */
export function consoleAuthRoutes(directory: AgentDirectory, limits: Limits): Router {
  const router = express.Router();
  router.use(express.json({ limit: '4kb' }));

  router.post('/login', async (req: Request, res: Response) => {
    const { username, password } = parsePayload(loginBody, req.body);
    const account = normaliseUsername(username);
    const [byAddress, byAccount] = await Promise.all([
      limits.take('loginsPerAddress', req.ip ?? 'unknown'),
      limits.take('loginsPerUsername', account),
    ]);
    if (!byAddress || !byAccount) {
      throw new RateLimitError('Too many attempts; wait a few minutes and try again');
    }
    const { agent, token, expiresAt } = await directory.signIn(account, password);
    await limits.reset('loginsPerUsername', account);
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
