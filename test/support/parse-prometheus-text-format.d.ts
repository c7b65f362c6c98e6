/** Types for parse-prometheus-text-format, which ships none: what the tests read from it. */
declare module 'parse-prometheus-text-format' {
  /** One sample (counter, gauge, untyped) or one histogram/summary series, values as written. */
  export interface ParsedMetric {
    value?: string;
    labels?: Record<string, string>;
    buckets?: Record<string, string>;
    count?: string;
    sum?: string;
  }
  /** One metric family: its name, help, type (upper case) and series. */
  export interface ParsedFamily {
    name: string;
    help: string;
    type: string;
    metrics: ParsedMetric[];
  }
  export default function parsePrometheusTextFormat(text: string): ParsedFamily[];
}
