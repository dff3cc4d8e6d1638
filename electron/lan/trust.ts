import { X509Certificate } from 'node:crypto';
import Fastify from 'fastify';
import type { Credentials } from '../core/network/certs';
import { securityHeaders } from '../http/headers';
import { caMobileconfig } from './mobileconfig';
import { trustPage } from './trust-page';

/**
 * The trust server: plain HTTP on `trustPort` of the serving address, for devices that do not
 * trust the CA yet. It serves the CA certificate (.crt for Android and Windows, .mobileconfig for
 * iOS) and a page saying how to trust it; nothing else (no API, no app, no pairing) answers here.
 * No Host check: all it holds is public (a certificate is no secret), so a page that reached it
 * through a rebound name would learn nothing.
 */
export interface TrustOptions {
  address: string;
  /** 0: any free port (tests) */
  port: number;
  /** the LAN listener's port (the page links to its pairing page) */
  lanPort: number;
  credentials: Credentials;
}

export interface RunningTrust {
  /** http://address:port */
  url: string;
  port: number;
  setCredentials(c: Credentials): void;
  close(): Promise<void>;
}

interface CaFiles {
  der: Buffer;
  mobileconfig: string;
  page: ReturnType<typeof trustPage>;
}

function caFiles(c: Credentials, pairUrl: string): CaFiles {
  const der = new X509Certificate(c.caCert).raw;
  return {
    der,
    mobileconfig: caMobileconfig(der, c.caFingerprint),
    page: trustPage({ fingerprint: c.caFingerprint, pairUrl }),
  };
}

export async function startTrust(opts: TrustOptions): Promise<RunningTrust> {
  const pairUrl = `https://${opts.address}:${opts.lanPort}/pair`;
  let files = caFiles(opts.credentials, pairUrl);
  const app = Fastify({ logger: false, bodyLimit: 1024, forceCloseConnections: true });
  app.removeAllContentTypeParsers();
  app.addHook('onRequest', async (_req, reply) => {
    securityHeaders(reply);
    reply.header('Cache-Control', 'no-store');
  });
  app.get('/', (_req, reply) =>
    reply.header('Content-Security-Policy', files.page.csp).type('text/html; charset=utf-8').send(files.page.html),
  );
  app.get('/ca.crt', (_req, reply) =>
    reply
      .type('application/x-x509-ca-cert')
      .header('Content-Disposition', 'attachment; filename="kehu-ca.crt"')
      .send(files.der),
  );
  app.get('/ca.mobileconfig', (_req, reply) =>
    reply
      .type('application/x-apple-aspen-config')
      .header('Content-Disposition', 'attachment; filename="kehu-ca.mobileconfig"')
      .send(files.mobileconfig),
  );
  app.setNotFoundHandler((_req, reply) => reply.code(404).type('text/plain; charset=utf-8').send('Not found'));
  app.setErrorHandler((_err, _req, reply) => reply.code(400).type('text/plain; charset=utf-8').send('Bad request'));
  try {
    await app.listen({ host: opts.address, port: opts.port });
  } catch (err) {
    await app.close().catch(() => undefined);
    throw err;
  }
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://${opts.address}:${port}`,
    port,
    setCredentials(c) {
      files = caFiles(c, pairUrl);
    },
    close: () => app.close(),
  };
}
