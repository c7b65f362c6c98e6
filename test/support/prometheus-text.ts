import parsePrometheusTextFormat, { type ParsedFamily } from 'parse-prometheus-text-format';

// The exposition format's line grammar (text format 0.0.4): a metric name, optional labels with
// escaped quoted values, a float value, an optional integer timestamp. Prometheus reads the value
// with Go's ParseFloat, so NaN and Inf are accepted in any case (prom-client writes `Nan`).
const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = `[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"`;
const VALUE =
  '(?:[+-]?(?:\\d+\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?)|(?:[nN][aA][nN])|[+-]?(?:[iI][nN][fF]))';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{(?:${LABEL}(?:,${LABEL})*,?)?\\})? ${VALUE}(?: -?\\d+)?$`);
const HELP = new RegExp(`^# HELP ${NAME} .*$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);

/**
 * Checks every line of a scrape against the format's grammar (the parser below is lenient and
 * would accept a broken line), that no family is declared twice, then parses it.
 */
export function parseScrape(text: string): ParsedFamily[] {
  const declared = new Set<string>();
  const lines = text.split('\n');
  if (lines.pop() !== '') throw new Error('a scrape must end with a newline');
  for (const [index, line] of lines.entries()) {
    const type = TYPE.exec(line);
    if (type) {
      if (declared.has(type[1]!)) throw new Error(`line ${index + 1}: ${type[1]} declared twice`);
      declared.add(type[1]!);
      continue;
    }
    if (line === '' || HELP.test(line) || SAMPLE.test(line)) continue;
    throw new Error(`line ${index + 1} is not in the Prometheus text format: ${line}`);
  }
  return parsePrometheusTextFormat(text);
}

/** The value of the one series of `name` whose labels include `labels`; undefined when absent. */
export function valueOf(
  families: ParsedFamily[],
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const family = families.find((f) => f.name === name);
  const series = family?.metrics.find((m) =>
    Object.entries(labels).every(([key, value]) => m.labels?.[key] === value),
  );
  if (!series) return undefined;
  return Number(series.value ?? series.count);
}
