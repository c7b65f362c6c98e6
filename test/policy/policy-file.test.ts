import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeEscalationPrice, handledAroundTheClock } from '../../src/policy/classification';
import { loadPolicy, parsePolicy, PolicyError } from '../../src/policy/load-policy';
import { isOpen, nextOpening } from '../../src/policy/opening-hours';
import { timeZoneForPhone } from '../../src/policy/phone-time-zone';

const utc = (iso: string): number => Date.parse(`${iso}Z`);

describe('the policy file', () => {
  it('defaults to the published policy', () => {
    const policy = loadPolicy(undefined);
    expect(policy.businessHours).toEqual({
      timeZone: 'UTC',
      days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'],
      open: '08:00',
      close: '20:00',
    });
    expect(policy.phoneHours).toMatchObject({ open: '09:00', close: '23:00' });
    expect(describeEscalationPrice(policy)).toBe('$150 per hour (minimum 1 hour)');
    expect(policy.contacts.sms.map((s) => s.number)).toEqual(['+44 7481 346 455', '+1 408 475 9494']);
    expect(handledAroundTheClock(policy, 'platform', 'P2')).toBe(true);
    expect(handledAroundTheClock(policy, 'platform', 'P3')).toBe(false);
    expect(handledAroundTheClock(policy, 'operational', 'P0')).toBe(false);
  });

  it('overrides only what the file sets', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-'));
    const file = path.join(dir, 'policy.json');
    fs.writeFileSync(
      file,
      JSON.stringify({ paidEscalation: { pricePerHour: 200, currency: 'EUR', minimumHours: 2 } }),
    );
    const policy = loadPolicy(file);
    expect(describeEscalationPrice(policy)).toBe('€200 per hour (minimum 2 hours)');
    expect(policy.paidEscalation.severities).toEqual(['P3', 'P4']);
    expect(policy.businessHours.open).toBe('08:00');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [{ businessHours: { open: '8am', close: '20:00' } }, /businessHours\.open: must be HH:MM/],
    [
      { businessHours: { open: '08:00', close: '20:00', timeZone: 'Mars/Olympus' } },
      /businessHours\.timeZone: must be an IANA time zone/,
    ],
    [{ contacts: { email: 'not-an-email' } }, /contacts\.email/],
    [{ severities: { P0: { label: 'Critical', critical: true, example: 'x' } } }, /severities\.P1: Required/],
  ])('refuses %j naming the bad field', (input, message) => {
    expect(() => parsePolicy(input)).toThrow(PolicyError);
    expect(() => parsePolicy(input)).toThrow(message);
  });

  it('reports a file that is not JSON', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-'));
    const file = path.join(dir, 'policy.json');
    fs.writeFileSync(file, '{ "teamName": ');
    expect(() => loadPolicy(file)).toThrow(/is not valid JSON/);
    expect(() => loadPolicy(path.join(dir, 'missing.json'))).toThrow(/Cannot read the policy file/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('opening hours', () => {
  const business = parsePolicy({}).businessHours;
  const weekdaysLondon = {
    timeZone: 'Europe/London',
    days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const,
    open: '09:00',
    close: '17:30',
  };
  const overnight = { timeZone: 'UTC', days: ['fri'] as const, open: '22:00', close: '06:00' };

  it.each([
    ['07:59 closed', business, '2026-03-02T07:59', false, '2026-03-02T08:00'],
    ['08:00 open', business, '2026-03-02T08:00', true, '2026-03-02T08:00'],
    ['19:59 open', business, '2026-03-02T19:59', true, '2026-03-02T19:59'],
    ['20:00 closed until the next day', business, '2026-03-02T20:00', false, '2026-03-03T08:00'],
    [
      'London Friday after closing waits for Monday',
      weekdaysLondon,
      '2026-03-06T17:30',
      false,
      '2026-03-09T09:00',
    ],
    [
      'London in summer time opens at 08:00 UTC',
      weekdaysLondon,
      '2026-07-06T07:30',
      false,
      '2026-07-06T08:00',
    ],
    [
      'London on the day clocks go forward (Sunday) waits for Monday',
      weekdaysLondon,
      '2026-03-29T10:00',
      false,
      '2026-03-30T08:00',
    ],
    ['an overnight window is open after midnight', overnight, '2026-03-07T05:59', true, '2026-03-07T05:59'],
    ['an overnight window closes at its end', overnight, '2026-03-07T06:00', false, '2026-03-13T22:00'],
  ])('%s', (_case, hours, at, open, opens) => {
    const window = { ...hours, days: [...hours.days] };
    expect(isOpen(window, utc(at))).toBe(open);
    expect(new Date(nextOpening(window, utc(at))).toISOString().slice(0, 16)).toBe(opens);
  });
});

describe('a phone number’s time zone', () => {
  it.each([
    ['+447700900123', 'Europe/London'],
    ['+4915112345678', 'Europe/Berlin'],
    ['+35312345678', 'Europe/Dublin'],
    ['+14155550100', undefined],
    ['07700900123', undefined],
  ])('%s → %s', (phone, zone) => {
    expect(timeZoneForPhone(phone)).toBe(zone);
  });
});
