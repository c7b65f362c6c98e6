import type { MessageContent } from '../../src/model/message';
import type { ProblemBrief } from '../../src/model/conversation';
import { SEVERITIES, type SeverityName, type SupportPolicy } from '../../src/policy/policy-schema';
import type { KnowledgeHit } from '../../src/knowledge/knowledge-base';
import type { StatusIncident } from '../../src/status-page/status-summary';

/** Asks which category the problem is in, explaining each in one line. */
export function categoryQuestion(
  policy: SupportPolicy,
  suggested?: 'platform' | 'operational',
): MessageContent {
  const guess = suggested ? `From what you describe it sounds ${suggested}, but please confirm. ` : '';
  return {
    text:
      `${guess}Which category is it?\n` +
      `• Platform: ${policy.categories.platform}.\n` +
      `• Operational: ${policy.categories.operational}.\n` +
      'Not sure? Say so and the team will classify it.',
    summary:
      'Is it a Platform problem (our system itself) or Operational (your configuration)? Reply Platform, Operational or Not sure.',
    quickReplies: [
      { label: 'Platform', value: 'Platform' },
      { label: 'Operational', value: 'Operational' },
      { label: 'Not sure', value: 'Not sure' },
    ],
  };
}

/** Asks for the severity with the policy's example of each level. */
export function severityQuestion(policy: SupportPolicy, suggested?: SeverityName): MessageContent {
  const lines = SEVERITIES.map((s) => `${s} ${policy.severities[s].label}: ${policy.severities[s].example}.`);
  const guess = suggested
    ? `From what you describe, this sounds like ${suggested} (${policy.severities[suggested].label}); please confirm or pick another. `
    : '';
  return {
    text: `${guess}How severe is it? Pick the level whose example fits best:\n${lines.join('\n')}\nIf none fits exactly, pick the closest; the team can adjust it.`,
    summary: `How severe? ${SEVERITIES.map((s) => `${s}: ${policy.severities[s].example}`).join('; ')}. Reply P0-P5.`,
    quickReplies: SEVERITIES.map((s) => ({ label: `${s} ${policy.severities[s].label}`, value: s })),
  };
}

/** Shows the docs sections that may already answer the problem. */
export function docsSuggestion(hits: KnowledgeHit[]): MessageContent {
  const lines = hits.map((hit) => `• ${sectionTitle(hit)}: ${hit.url}`);
  return {
    text: `Before I file it, these parts of the documentation may already solve it:\n${lines.join('\n')}\nDid one of them solve your problem? Reply "solved" or "not solved".`,
    summary: `These docs may solve it: ${hits.map((h) => h.url).join(' ')} Did they? Reply solved or not solved.`,
    citations: hits.map((hit) => ({ title: sectionTitle(hit), url: hit.url })),
    quickReplies: [
      { label: 'Solved', value: 'Solved' },
      { label: 'Not solved', value: 'Not solved' },
    ],
  };
}

/** The title of a docs section as a reader recognises it. */
export function sectionTitle(hit: KnowledgeHit): string {
  return [hit.pageTitle, ...hit.headingPath.slice(1)].filter(Boolean).join(' › ');
}

/** Tells the customer the team already knows about the incident that matches their report. */
export function knownIncident(policy: SupportPolicy, incident: StatusIncident): MessageContent {
  const latest = incident.latestUpdate ? ` Latest update: ${incident.latestUpdate}` : '';
  const link = incident.url ?? policy.statusPage.url;
  return {
    text:
      `This looks like a known incident our team is already working on: "${incident.name}" (${incident.status}).${latest}\n` +
      `Updates and ETAs are posted at ${link}. A new report would not speed it up, so I suggest following the updates there. ` +
      'If your problem is something else, tell me and we carry on.',
    summary: `Known incident: "${incident.name}" (${incident.status}). Follow ${link} for updates. Reply "different" if your problem is something else.`,
    quickReplies: [
      { label: 'I will follow the updates', value: 'I will follow the updates' },
      { label: 'My problem is different', value: 'My problem is different' },
    ],
  };
}

/** Where to find a Call-ID, and how many to send. */
export function callIdQuestion(policy: SupportPolicy): MessageContent {
  const { maxPerReport, whereToFind } = policy.callIds;
  return {
    text: `Please send the Call-ID of one or more affected calls (up to ${maxPerReport}); it is how we find the calls. ${whereToFind} Type "skip" if you have none.`,
    quickReplies: [{ label: 'I have no Call-ID', value: 'skip' }],
  };
}

/** The one-paragraph summary of a filed report. */
export function filedSummary(
  ticketId: string,
  brief: ProblemBrief,
  reopened: boolean,
  linkedTicketId?: string,
): string {
  const what = [brief.category && capitalise(brief.category), brief.severity].filter(Boolean).join(' ');
  const calls = brief.callIds?.length
    ? `, ${brief.callIds.length} Call-ID${brief.callIds.length > 1 ? 's' : ''}`
    : '';
  const files = brief.attachments?.length
    ? `, ${brief.attachments.length} attachment${brief.attachments.length > 1 ? 's' : ''}`
    : '';
  return reopened
    ? `I have reopened your ticket ${ticketId} with these new details (${what}${calls}${files}).`
    : `Thank you. Your report is filed as ticket ${ticketId} (${what || 'unclassified'}${calls}${files})${linkedTicketId ? `, linked to your earlier ticket ${linkedTicketId}, which closed too long ago to reopen` : ''}. Please quote ${ticketId} if you contact us about it.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
