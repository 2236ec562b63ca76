import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from 'node:crypto';
import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';

// A push service for the tests, as a browser vendor's is: each subscription an endpoint of its own over HTTPS. A
// push must carry a VAPID token (RFC 8292) signed with the key the browser subscribed with, for this service, not
// expired; its body is decrypted with the browser's private key and auth secret (RFC 8291) as the browser would.

const certificate = readFileSync(new URL('fixtures/push-service.crt', import.meta.url));
const key = readFileSync(new URL('fixtures/push-service.key', import.meta.url));

export interface Pushed {
  /** The subscription's number, in the order they were made. */
  browser: number;
  payload: unknown;
  ttl: number;
  /** The VAPID claims: the push service's origin, the sender's contact, and when the token expires (seconds). */
  claims: { aud: string; sub: string; exp: number };
}

export interface PushService {
  /** A browser's subscription with the sender's VAPID public key (its `applicationServerKey`), as `PushSubscription.toJSON()` gives it. */
  subscribe(applicationServerKey: string): { endpoint: string; keys: { p256dh: string; auth: string } };
  pushed: Pushed[];
  /** Pushes it refused, with why: a VAPID token missing, forged or for another key, or a body it could not decrypt. */
  refused: string[];
  /** The browsers that unsubscribed: their endpoints answer 410 Gone. */
  gone: Set<number>;
  /** Answers 503 to every push while set, as a service that is down. */
  down: boolean;
  close(): Promise<void>;
}

interface Browser {
  ecdh: ECDH;
  auth: Buffer;
  applicationServerKey: string;
}

/** The P-256 public key of a VAPID header (an uncompressed point, base64url) as a key to verify with. */
const vapidKey = (k: string) => {
  const point = Buffer.from(k, 'base64url');
  return createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33, 65).toString('base64url') }, format: 'jwk' });
};

export async function startPushService(): Promise<PushService> {
  // The test trusts its push service's certificate, as NODE_EXTRA_CA_CERTS would have a process trust it.
  https.globalAgent.options.ca = certificate;
  const browsers: Browser[] = [];
  const service: Omit<PushService, 'subscribe' | 'close'> = { pushed: [], refused: [], gone: new Set(), down: false };
  const server = https.createServer({ cert: certificate, key }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const number = Number(/^\/push\/(\d+)$/.exec(req.url ?? '')?.[1] ?? -1);
      const browser = browsers[number];
      const refuse = (status: number, why: string) => {
        service.refused.push(why);
        res.writeHead(status).end(why);
      };
      if (!browser) return refuse(404, 'no such subscription');
      if (service.gone.has(number)) return res.writeHead(410).end('unsubscribed');
      if (service.down) return res.writeHead(503).end('down for maintenance');
      const vapid = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(req.headers.authorization ?? '');
      if (!vapid) return refuse(401, `no VAPID authorization: ${req.headers.authorization}`);
      const [header, claims, signature] = (vapid[1] as string).split('.') as [string, string, string];
      if (vapid[2] !== browser.applicationServerKey) return refuse(403, 'signed with a key the browser did not subscribe with');
      const signedRight = verify('sha256', Buffer.from(`${header}.${claims}`), { key: vapidKey(vapid[2] as string), dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'));
      if (!signedRight || JSON.parse(Buffer.from(header, 'base64url').toString()).alg !== 'ES256') return refuse(403, 'the VAPID token is not signed ES256 with the key given');
      const c = JSON.parse(Buffer.from(claims, 'base64url').toString()) as Pushed['claims'];
      const now = Date.now() / 1000;
      if (c.aud !== `https://127.0.0.1:${port}`) return refuse(403, `the token is for ${c.aud}`);
      if (!(c.exp > now && c.exp <= now + 24 * 3600)) return refuse(403, `the token expires at ${c.exp}`);
      if (!/^(mailto:|https:)/.test(c.sub)) return refuse(403, `the token's subject is ${c.sub}`);
      if (req.headers['content-encoding'] !== 'aes128gcm') return refuse(415, `content encoding ${req.headers['content-encoding']}`);
      try {
        const plain = ece.decrypt(Buffer.concat(chunks), { version: 'aes128gcm', privateKey: browser.ecdh, authSecret: browser.auth.toString('base64url') });
        service.pushed.push({ browser: number, payload: JSON.parse(plain.toString('utf8')), ttl: Number(req.headers.ttl), claims: c });
      } catch (error) {
        return refuse(400, `the body does not decrypt: ${(error as Error).message}`);
      }
      res.writeHead(201, { location: `/message/${service.pushed.length}` }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(service, {
    subscribe(applicationServerKey: string) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const browser = { ecdh, auth: randomBytes(16), applicationServerKey };
      browsers.push(browser);
      return { endpoint: `https://127.0.0.1:${port}/push/${browsers.length - 1}`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: browser.auth.toString('base64url') } };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
