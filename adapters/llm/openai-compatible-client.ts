import { ChannelError } from '../../src/errors';

/** Where an OpenAI-compatible API lives (OpenAI, Ollama's /v1, vLLM, LM Studio, llama.cpp server). */
export interface OpenAiCompatibleSettings {
  /** Base URL including the version path, e.g. `http://127.0.0.1:11434/v1`. */
  baseUrl: string;
  apiKey?: string;
  /** Milliseconds before a request is given up: a slow model must not hold a customer's answer. */
  timeoutMs?: number;
}

/** POSTs JSON to an OpenAI-compatible endpoint and returns the parsed answer; errors name the status. */
export async function postJson<T>(
  settings: OpenAiCompatibleSettings,
  path: string,
  body: unknown,
): Promise<T> {
  const url = `${settings.baseUrl.replace(/\/+$/, '')}${path}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(settings.apiKey && { authorization: `Bearer ${settings.apiKey}` }),
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(settings.timeoutMs ?? 15_000),
  });
  if (!response.ok) {
    // The body may echo the request; keep only the first line of the provider's message.
    const detail = (await response.text().catch(() => '')).split('\n')[0]?.slice(0, 200) ?? '';
    throw new ChannelError(
      `model API answered ${response.status} ${detail}`.trim(),
      response.status,
      response.status >= 500,
    );
  }
  return (await response.json()) as T;
}
