import type Response from 'twilio/lib/http/response';
import RequestClient from 'twilio/lib/base/RequestClient';

/**
 * The twilio library's HTTP client with every request sent to another base URL (a regional proxy, or
 * a local fake Twilio in tests) instead of https://api.twilio.com, keeping path, query and auth.
 */
export class RebasedRequestClient extends RequestClient {
  private readonly base: URL;

  constructor(baseUrl: string) {
    super();
    this.base = new URL(baseUrl);
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    const original = new URL(opts.uri);
    const target = new URL(this.base.href);
    target.pathname = `${this.base.pathname.replace(/\/$/, '')}${original.pathname}`;
    target.search = original.search;
    return super.request({ ...opts, uri: target.href });
  }
}
