import type { MessageContent } from '../../src/model/message';
import type { ProblemBrief } from '../../src/model/conversation';
import { SEVERITIES, type SeverityName, type SupportPolicy } from '../../src/policy/policy-schema';
import type { KnowledgeHit } from '../../src/knowledge/knowledge-base';
import type { StatusIncident } from '../../src/status-page/status-summary';
import { translator, type Translate } from '../../src/i18n/translate';
import { sectionTitle } from '../docs-pages';

/** The texts' language when a caller names none. */
const ENGLISH = translator('en');

/** Asks which category the problem is in, explaining each in one line. */
export function categoryQuestion(
  policy: SupportPolicy,
  suggested?: 'platform' | 'operational',
  t: Translate = ENGLISH,
): MessageContent {
  const guess = suggested ? t('report.categoryGuess', { category: t(`triage.${suggested}`) }) : '';
  return {
    text: t('report.categoryQuestion', {
      guess,
      platform: policy.categories.platform,
      operational: policy.categories.operational,
    }),
    summary: t('report.categorySummary'),
    quickReplies: [
      { label: t('report.platform'), value: 'Platform' },
      { label: t('report.operational'), value: 'Operational' },
      { label: t('report.notSure'), value: 'Not sure' },
    ],
  };
}

/** Asks for the severity with the policy's example of each level. */
export function severityQuestion(
  policy: SupportPolicy,
  suggested?: SeverityName,
  t: Translate = ENGLISH,
): MessageContent {
  const lines = SEVERITIES.map((s) => `${s} ${policy.severities[s].label}: ${policy.severities[s].example}.`);
  const guess = suggested
    ? t('report.severityGuess', { severity: suggested, label: policy.severities[suggested].label })
    : '';
  return {
    text: t('report.severityQuestion', { guess, levels: lines.join('\n') }),
    summary: t('report.severitySummary', {
      levels: SEVERITIES.map((s) => `${s}: ${policy.severities[s].example}`).join('; '),
    }),
    quickReplies: SEVERITIES.map((s) => ({ label: `${s} ${policy.severities[s].label}`, value: s })),
  };
}

/** Shows the docs sections that may already answer the problem. */
export function docsSuggestion(hits: KnowledgeHit[], t: Translate = ENGLISH): MessageContent {
  const lines = hits.map((hit) => `• ${sectionTitle(hit)}: ${hit.url}`);
  return {
    text: t('report.docsQuestion', { lines: lines.join('\n') }),
    summary: t('report.docsSummary', { urls: hits.map((h) => h.url).join(' ') }),
    citations: hits.map((hit) => ({ title: sectionTitle(hit), url: hit.url })),
    quickReplies: [
      { label: t('report.solved'), value: 'Solved' },
      { label: t('report.notSolved'), value: 'Not solved' },
    ],
  };
}

/** Tells the customer the team already knows about the incident that matches their report. */
export function knownIncident(
  policy: SupportPolicy,
  incident: StatusIncident,
  t: Translate = ENGLISH,
): MessageContent {
  const link = incident.url ?? policy.statusPage.url;
  const values = { name: incident.name, status: incident.status, link };
  return {
    text: incident.latestUpdate
      ? t('report.knownIncidentUpdate', { ...values, update: incident.latestUpdate })
      : t('report.knownIncident', values),
    summary: t('report.knownIncidentSummary', values),
    quickReplies: [
      { label: t('report.followUpdates'), value: 'I will follow the updates' },
      { label: t('report.different'), value: 'My problem is different' },
    ],
  };
}

/** Where to find a Call-ID, and how many to send. */
export function callIdQuestion(policy: SupportPolicy, t: Translate = ENGLISH): MessageContent {
  const { maxPerReport, whereToFind } = policy.callIds;
  return {
    text: t('report.callIdQuestion', { max: maxPerReport, where: whereToFind }),
    quickReplies: [{ label: t('report.noCallId'), value: 'skip' }],
  };
}

/** The one-paragraph summary of a filed report. */
export function filedSummary(
  ticketId: string,
  brief: ProblemBrief,
  reopened: boolean,
  linkedTicketId?: string,
  t: Translate = ENGLISH,
): string {
  const what = [brief.category && t(`report.${brief.category}`), brief.severity].filter(Boolean).join(' ');
  const calls = brief.callIds?.length ? `, ${t('report.callIds', { count: brief.callIds.length })}` : '';
  const files = brief.attachments?.length
    ? `, ${t('report.attachments', { count: brief.attachments.length })}`
    : '';
  return reopened
    ? t('report.reopened', { ticketId, details: `${what}${calls}${files}` })
    : t('report.filed', {
        ticketId,
        details: `${what || t('report.unclassified')}${calls}${files}`,
        linked: linkedTicketId ? t('report.linked', { linkedTicketId }) : '',
      });
}
