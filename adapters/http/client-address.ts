import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';
import type { Config } from '../../src/config';

/**
 * How the client's address is read from a request (HTTP or a socket.io handshake), under the same
 * TRUST_PROXY rule express uses for `req.ip`: only the hops trusted by count or address are
 * believed, so a client cannot pick its own address by writing X-Forwarded-For.
 */
export function clientAddressReader(trust: Config['TRUST_PROXY']): (req: IncomingMessage) => string {
  const trusted =
    trust === true
      ? () => true
      : trust === false
        ? () => false
        : typeof trust === 'number'
          ? (_address: string, hop: number) => hop < trust
          : proxyaddr.compile(trust);
  return (req) => proxyaddr(req, trusted);
}
