import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { AgentDirectory } from '../../src/agents/agent-directory';
import { randomPassword } from '../../src/agents/passwords';
import type { Agent } from '../../src/model/agent';
import { parsePayload } from '../http/edge-schemas';
import { requireAdmin } from './require-admin';

/** An agent as the admin page lists it (never the password hash). */
export interface AgentAccount {
  id: string;
  username: string;
  displayName: string;
  role: Agent['role'];
  createdAt: number;
  disabledAt?: number;
}

const role = z.enum(['admin', 'agent'], { invalid_type_error: 'role must be admin or agent' });
const newAgent = z.object({
  username: z.string({ required_error: 'username is required' }).max(64),
  displayName: z.string().max(80).optional(),
  role: role.optional(),
  /** Left out: a password is generated and shown once to the admin, who hands it over. */
  password: z.string().max(200).optional(),
});
const changeRole = z.object({ role });

/**
 * Agent accounts for admins, without the command line: `GET /admin/agents`, `POST /admin/agents`
 * (add; the password is generated when not given and returned once), `POST /admin/agents/:id/disable`
 * and `/enable`, `POST /admin/agents/:id/reset` (new password, returned once) and
 * `POST /admin/agents/:id/role`. Disabling or resetting ends the agent's sessions at once.
 */
export function agentAdminRoutes(directory: AgentDirectory): Router {
  const router = express.Router();
  router.use('/admin', express.json({ limit: '4kb' }));

  router.get('/admin/agents', async (req: Request, res: Response) => {
    await requireAdmin(req, directory);
    const agents = await directory.list();
    res.json({ agents: agents.map(toAccount).sort((a, b) => a.username.localeCompare(b.username)) });
  });

  router.post('/admin/agents', async (req: Request, res: Response) => {
    await requireAdmin(req, directory);
    const input = parsePayload(newAgent, req.body);
    const password = input.password ?? randomPassword();
    const agent = await directory.add({
      username: input.username,
      password,
      ...(input.displayName !== undefined && { displayName: input.displayName }),
      ...(input.role !== undefined && { role: input.role }),
    });
    res.status(201).json({ agent: toAccount(agent), ...(input.password === undefined && { password }) });
  });

  router.post('/admin/agents/:id/disable', async (req: Request, res: Response) => {
    const admin = await requireAdmin(req, directory);
    res.json({ agent: toAccount(await directory.setDisabled(String(req.params.id), true, admin)) });
  });

  router.post('/admin/agents/:id/enable', async (req: Request, res: Response) => {
    const admin = await requireAdmin(req, directory);
    res.json({ agent: toAccount(await directory.setDisabled(String(req.params.id), false, admin)) });
  });

  router.post('/admin/agents/:id/reset', async (req: Request, res: Response) => {
    await requireAdmin(req, directory);
    res.json({ password: await directory.resetPasswordOf(String(req.params.id)) });
  });

  router.post('/admin/agents/:id/role', async (req: Request, res: Response) => {
    await requireAdmin(req, directory);
    const { role: next } = parsePayload(changeRole, req.body);
    res.json({ agent: toAccount(await directory.setRole(String(req.params.id), next)) });
  });

  return router;
}

function toAccount(agent: Agent): AgentAccount {
  return {
    id: agent.id,
    username: agent.username,
    displayName: agent.displayName,
    role: agent.role,
    createdAt: agent.createdAt,
    ...(agent.disabledAt !== undefined && { disabledAt: agent.disabledAt }),
  };
}
