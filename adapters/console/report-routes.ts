import express, { type Request, type Response, type Router } from 'express';
import type { AgentDirectory } from '../../src/agents/agent-directory';
import { ValidationError } from '../../src/errors';
import { loadDeskReport } from '../../src/reports/load-report';
import { reportCsv } from '../../src/reports/report-csv';
import type { Store } from '../../src/store/store';
import { requireAdmin } from './require-admin';

const DAY_MS = 24 * 3600 * 1000;
/** Longest range one report covers. */
const MAX_DAYS = 366;

/**
 * The desk report for admins (team leads): `GET /reports/desk?from=YYYY-MM-DD&to=YYYY-MM-DD`
 * (UTC days, both included; the last 7 days by default) as JSON, and the same as CSV from
 * `GET /reports/desk.csv`, downloaded as a file.
 */
export function reportRoutes(options: {
  store: Store;
  directory: AgentDirectory;
  clock?: () => number;
}): Router {
  const { store, directory } = options;
  const now = options.clock ?? Date.now;
  const router = express.Router();

  router.get('/reports/desk', async (req: Request, res: Response) => {
    await requireAdmin(req, directory);
    const { since, until } = range(req.query, now());
    res.json({ report: await loadDeskReport(store, since, until) });
  });

  router.get('/reports/desk.csv', async (req: Request, res: Response) => {
    await requireAdmin(req, directory);
    const { since, until } = range(req.query, now());
    const report = await loadDeskReport(store, since, until);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="desk-report-${report.from}-to-${report.to}.csv"`,
    );
    res.send(reportCsv(report));
  });

  return router;
}

/** The range asked for: whole UTC days, `to` included; a week ending today when not given. */
function range(query: Request['query'], now: number): { since: number; until: number } {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const to = day(query.to, 'to') ?? today;
  const from = day(query.from, 'from') ?? to - 6 * DAY_MS;
  if (from > to) throw new ValidationError('from must not be after to');
  if ((to - from) / DAY_MS + 1 > MAX_DAYS)
    throw new ValidationError(`a report covers at most ${MAX_DAYS} days`);
  return { since: from, until: to + DAY_MS };
}

function day(value: unknown, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const at =
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  if (Number.isNaN(at)) throw new ValidationError(`${name} must be a date like 2026-11-30`);
  return at;
}
