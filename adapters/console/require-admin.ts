import type { Request } from 'express';
import type { AgentDirectory } from '../../src/agents/agent-directory';
import { HandoffError } from '../../src/errors';
import type { Agent } from '../../src/model/agent';
import { readCookie } from '../http/cookies';
import { SESSION_COOKIE } from './session-cookie';

/** The signed-in agent of a request, who must be an admin (team lead): 401 signed out, 403 otherwise. */
export async function requireAdmin(req: Request, directory: AgentDirectory): Promise<Agent> {
  const agent = await directory.authenticate(readCookie(req.headers.cookie, SESSION_COOKIE));
  if (agent.role !== 'admin') throw new HandoffError('forbidden', 'Only admins can do this');
  return agent;
}
