import type { StatusIncident, StatusSummary } from './status-summary';
import { significantWords } from '../text/significant-words';

/**
 * The active incident the customer's description most likely is about: one that shares a
 * meaningful word (a component, "calls", "portal") with it. A major or critical incident matches
 * any report of everything failing. Undefined when none seems related.
 */
export function matchIncident(summary: StatusSummary, description: string): StatusIncident | undefined {
  const said = significantWords(description);
  const everythingDown = /\b(all|every|nothing|everything|whole|entire|completely)\b/i.test(description);
  let best: { incident: StatusIncident; shared: number } | undefined;
  for (const incident of summary.incidents) {
    const about = significantWords(
      [incident.name, incident.latestUpdate ?? '', ...incident.components].join(' '),
    );
    const shared = [...said].filter((w) => about.has(w)).length;
    const major = incident.impact === 'major' || incident.impact === 'critical';
    const score = shared + (major && everythingDown ? 1 : 0);
    if (score > 0 && (!best || score > best.shared)) best = { incident, shared: score };
  }
  return best?.incident;
}
