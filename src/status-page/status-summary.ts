/** An active incident as the status page reports it. */
export interface StatusIncident {
  name: string;
  /** investigating, identified, monitoring, ... */
  status: string;
  impact: string;
  /** Link to the incident's page, when the status page gives one. */
  url?: string;
  /** The newest update's text. */
  latestUpdate?: string;
  /** Names of the components it affects. */
  components: string[];
}

/** What the status page says right now. */
export interface StatusSummary {
  /** The page's own overall description ("All Systems Operational"). */
  description: string;
  incidents: StatusIncident[];
  /** Components that are not operational, with their status. */
  degraded: { name: string; status: string }[];
}

interface RawSummary {
  status?: { description?: unknown };
  components?: { name?: unknown; status?: unknown; group?: unknown }[];
  incidents?: {
    name?: unknown;
    status?: unknown;
    impact?: unknown;
    shortlink?: unknown;
    incident_updates?: { body?: unknown }[];
    components?: { name?: unknown }[];
  }[];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Reads an Atlassian Statuspage `/api/v2/summary.json` body, ignoring whatever it does not need. */
export function parseSummary(body: unknown): StatusSummary {
  const raw = (typeof body === 'object' && body !== null ? body : {}) as RawSummary;
  const incidents = (Array.isArray(raw.incidents) ? raw.incidents : [])
    .filter((i) => text(i.status) !== 'resolved' && text(i.status) !== 'postmortem')
    .map((i) => {
      const url = text(i.shortlink);
      const latestUpdate = text(i.incident_updates?.[0]?.body);
      return {
        name: text(i.name) ?? 'Unnamed incident',
        status: text(i.status) ?? 'investigating',
        impact: text(i.impact) ?? 'none',
        ...(url && { url }),
        ...(latestUpdate && { latestUpdate }),
        components: (i.components ?? []).map((c) => text(c.name)).filter((n): n is string => Boolean(n)),
      };
    });
  const degraded = (Array.isArray(raw.components) ? raw.components : [])
    .filter((c) => c.group !== true && text(c.status) && text(c.status) !== 'operational')
    .map((c) => ({ name: text(c.name) ?? 'Unnamed component', status: text(c.status) ?? 'unknown' }));
  return { description: text(raw.status?.description) ?? '', incidents, degraded };
}
