import { emailAcknowledgement, readEmailBrief } from '../../flows/email-acknowledgement';
import { parsePolicy } from '../../src/policy/load-policy';
import { productUnderstanding } from '../support/understanding';

const policy = parsePolicy({});
/** Saturday 2026-11-28 23:10 UTC: out of support hours. */
const SATURDAY_NIGHT = Date.UTC(2026, 10, 28, 23, 10);

describe('the e-mail acknowledgement reads the severity the words suggest', () => {
  const subject = 'Everything is down';
  const text = 'Since 23:00 the whole platform is down for us, every single call fails.';

  it('promises around-the-clock handling out of hours for what reads like a critical platform problem', async () => {
    const brief = readEmailBrief(subject, text);
    expect(brief.severity).toBeUndefined();
    const cue = (await productUnderstanding().understand(`${subject}\n${text}`)).entities.severityCue;
    expect(['P0', 'P1']).toContain(cue?.severity);
    const ack = emailAcknowledgement(policy, {
      ticketId: 'T-ABCDE',
      brief,
      now: SATURDAY_NIGHT,
      suggested: { severity: cue!.severity, category: 'platform' },
    });
    expect(ack.text).toMatch(/handled around the clock/);
    expect(ack.text).not.toMatch(/expect a reply from/);
  });

  it('keeps the support hours for a problem whose words suggest nothing critical', () => {
    const ack = emailAcknowledgement(policy, {
      ticketId: 'T-ABCDE',
      brief: readEmailBrief('Report column', 'The CDR export lacks a carrier column.'),
      now: SATURDAY_NIGHT,
      suggested: { severity: 'P5', category: 'operational' },
    });
    expect(ack.text).toMatch(/expect a reply from/);
    expect(ack.text).not.toMatch(/reads like a critical/);
  });
});
