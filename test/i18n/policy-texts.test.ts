import { parsePolicy } from '../../src/policy/load-policy';
import { policyFact } from '../../src/policy/policy-facts';
import { policyInLanguage } from '../../src/policy/policy-in-language';

/** Monday 5 January 2026, 21:00 UTC: support (08:00-20:00 UTC) is closed. */
const MONDAY_21_UTC = Date.UTC(2026, 0, 5, 21, 0);

describe('policy texts per language', () => {
  it('takes the file’s texts.es, else the built-in Spanish of an untouched default, else the English', () => {
    const policy = parsePolicy({
      categories: {
        platform: parsePolicy({}).categories.platform,
        operational: 'your own dial plan and routes',
      },
      severities: {
        P0: { label: 'Critical', critical: true, example: 'Everything is down' },
        P1: { label: 'Critical', critical: true, example: 'Your company is down and all of your calls fail' },
        P2: { label: 'Critical', critical: true, example: 'One customer is down' },
        P3: { label: 'Important', critical: false, example: 'Some calls fail' },
        P4: { label: 'Trivial', critical: false, example: 'A small glitch' },
        P5: { label: 'Trivial', critical: false, example: 'An idea' },
      },
      texts: { es: { severities: { P0: { example: 'Todo está caído' } } } },
    });
    const spanish = policyInLanguage(policy, 'es');
    // The file's own Spanish.
    expect(spanish.severities.P0.example).toBe('Todo está caído');
    // Left at the published default: its built-in translation.
    expect(spanish.severities.P1.example).toBe('Su empresa está caída y fallan todas sus llamadas');
    expect(spanish.severities.P3.label).toBe('Importante');
    expect(spanish.categories.platform).toMatch(/^la estabilidad de nuestra propia plataforma/);
    // Rewritten in English without a Spanish text: the English, never the default's translation.
    expect(spanish.severities.P2.example).toBe('One customer is down');
    expect(spanish.categories.operational).toBe('your own dial plan and routes');
    // Not texts: unchanged.
    expect(spanish.businessHours).toEqual(policy.businessHours);
    expect(spanish.nonCritical.situations[0]?.phrases).toEqual(policy.nonCritical.situations[0]?.phrases);
    expect(policyInLanguage(policy, 'en')).toBe(policy);
  });

  it('rejects a text the file cannot translate, naming it', () => {
    expect(() => parsePolicy({ texts: { es: { teamName: 'Equipo' } } })).toThrow(/texts\.es/);
    expect(() => parsePolicy({ texts: { de: {} } })).toThrow(/texts/);
  });

  it('answers a policy question in Spanish, clocks and prices included', () => {
    const policy = parsePolicy({});
    const situation = { now: MONDAY_21_UTC, zone: 'Europe/Madrid' };
    expect(policyFact(policy, 'hours', situation, 'es').text).toBe(
      'El horario de soporte es 08:00-20:00 UTC para incidencias operativas y no críticas; las incidencias críticas (platform P0/P1/P2) se atienden 24/7.\n' +
        'El soporte está cerrado ahora mismo (son las 21:00 UTC (22:00 en su hora, Europe/Madrid)); vuelve a abrir a las mar, 6 ene, 08:00 UTC (mar, 6 ene, 09:00 en su hora, Europe/Madrid).\n' +
        'Fuera de horario, un problema P3/P4 que sea crítico para usted puede escalarse como soporte de pago a 150\u00a0US$ por hora (mínimo 1 hora).',
    );
    expect(policyFact(policy, 'hours', situation).text).toMatch(
      /^Support hours are 08:00-20:00 UTC .*\nSupport is closed right now \(it is 21:00 UTC \(22:00 your time, Europe\/Madrid\)\)/,
    );
    expect(policyFact(policy, 'severity', situation, 'es').text).toContain(
      '• P3 (Importante): Una caída parcial',
    );
  });
});
