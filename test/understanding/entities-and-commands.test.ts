import { commandIntent } from '../../src/understanding/commands';
import {
  explicitSeverity,
  extractEntities,
  namedSeverities,
} from '../../src/understanding/entity-extractors';
import { looksLikeQuestion } from '../../src/understanding/question-form';

const NOW = new Date(Date.UTC(2026, 5, 1, 15, 0));

describe('entities: formats, found wherever they appear', () => {
  it('finds Call-IDs, an e-mail, a phone number and a ticket id in one message', () => {
    const entities = extractEntities(
      'ticket T-7K3Q9 again: a84b4c76e66710@10.0.0.1 failed, mail me at ops@carrier.example or call +44 20 7946 0018',
      NOW,
    );
    expect(entities.callIds).toEqual(['a84b4c76e66710@10.0.0.1']);
    expect(entities.emails).toEqual(['ops@carrier.example']);
    expect(entities.phones).toEqual(['+44 20 7946 0018']);
    expect(entities.ticketIds).toEqual(['T-7K3Q9']);
  });

  it.each([
    ['it is a P2 for us', 'P2'],
    ['severity 3', 'P3'],
    ['prio: p1', 'P1'],
    ['we have 2 routes down', undefined],
    ['P7 is not a level', undefined],
  ])('severity named outright in "%s"', (text, expected) => {
    expect(explicitSeverity(text)).toBe(expected);
  });

  it('finds every severity named, in order, once each', () => {
    expect(namedSeverities('is this P1 or P2? or p1 again')).toEqual(['P1', 'P2']);
  });

  it('keeps how the customer put the time', () => {
    expect(extractEntities('calls fail since this morning', NOW).when).toBe('since this morning');
    expect(extractEntities('broken after the 14:00 change', NOW).when).toBe('after the 14:00 change');
    expect(extractEntities('calls fail to Spain', NOW).when).toBeUndefined();
  });

  it('names a category only when the customer does', () => {
    expect(extractEntities('Operational', NOW).category).toBe('operational');
    expect(extractEntities('the whole system is down', NOW).category).toBeUndefined();
  });
});

describe('exact commands', () => {
  it.each([
    ['Human', 'handoff.request'],
    ['/human', 'handoff.request'],
    ['/start@handoff_bot', 'greeting'],
    ['AGENT!', 'handoff.request'],
    ['cancel', 'cancel'],
  ])('"%s" is %s without asking a model', (text, intent) => {
    expect(commandIntent(text)).toBe(intent);
  });

  it('a command word inside a sentence is not a command', () => {
    expect(commandIntent('the human resources page is broken')).toBeUndefined();
    expect(commandIntent('cancel my number port')).toBeUndefined();
  });
});

describe('question form', () => {
  it.each([
    ['btw when do you open?', true],
    ['so what is the price', true],
    ['are you there', true],
    ['calls fail with 503', false],
    ['since yesterday', false],
  ])('"%s" -> %s', (text, expected) => {
    expect(looksLikeQuestion(text)).toBe(expected);
  });
});
