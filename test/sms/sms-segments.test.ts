import { renderForSms } from '../../adapters/sms/sms-render';
import { countSegments, splitForSms } from '../../adapters/sms/sms-segments';
import type { TranscriptMessage } from '../../src/model/message';

describe('SMS segment counting and shaping', () => {
  it('counts GSM-7 at 160 alone and 153 per part, with extension characters counting two', () => {
    expect(countSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', units: 160, segments: 1 });
    expect(countSegments('a'.repeat(161))).toMatchObject({ segments: 2 });
    expect(countSegments('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(countSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
    expect(countSegments(`${'a'.repeat(158)}€`)).toMatchObject({
      encoding: 'GSM-7',
      units: 160,
      segments: 1,
    });
    expect(countSegments(`${'a'.repeat(159)}[`)).toMatchObject({ units: 161, segments: 2 });
  });

  it('counts UCS-2 at 70 alone and 67 per part as soon as one character is outside GSM-7', () => {
    expect(countSegments(`${'a'.repeat(69)}✓`)).toEqual({ encoding: 'UCS-2', units: 70, segments: 1 });
    expect(countSegments(`${'a'.repeat(70)}✓`)).toMatchObject({ segments: 2 });
    expect(countSegments('é'.repeat(160))).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(countSegments('日本語'.repeat(45))).toMatchObject({ encoding: 'UCS-2', units: 135, segments: 3 });
  });

  it('splits long text on word boundaries into numbered parts of at most two segments', () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const parts = splitForSms(words, 2);
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((part, i) => {
      expect(part.startsWith(`(${i + 1}/${parts.length}) `)).toBe(true);
      expect(countSegments(part).segments).toBeLessThanOrEqual(2);
    });
    const rejoined = parts.map((p) => p.replace(/^\(\d+\/\d+\) /, '')).join(' ');
    expect(rejoined).toBe(words);
  });

  it('turns a docs answer into its summary line and link within two segments', () => {
    const message: TranscriptMessage = {
      conversationId: 'c',
      seq: 3,
      author: 'bot',
      createdAt: 0,
      text: 'a long passage…',
      summary: `“Open Logging” — ${'then click the call and copy the Call-ID shown on the right. '.repeat(8)}`,
      citations: [{ title: 'Call-ID', url: 'https://docs.example.com/guides/callid/#find-a-call-id' }],
      answerId: 'ans_1',
    };
    const [sms, ...more] = renderForSms(message);
    expect(more).toHaveLength(0);
    expect(sms).toMatch(/^"Open Logging" - then click/);
    expect(sms!.endsWith(' https://docs.example.com/guides/callid/#find-a-call-id')).toBe(true);
    expect(countSegments(sms!)).toMatchObject({ encoding: 'GSM-7', segments: 2 });
  });
});
