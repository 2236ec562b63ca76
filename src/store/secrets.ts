import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

// Channel credentials (an SMTP password) are stored sealed with AES-256-GCM under the server's key: 32 bytes in
// base64 from KOPILKA_SECRET_KEY, else from the file KOPILKA_SECRET_FILE (default data/secret.key), made on first
// use. Servers sharing one PostgreSQL on several hosts need the same key: set KOPILKA_SECRET_KEY on each.

let key: Buffer | null = null;

function serverKey(): Buffer {
  if (key) return key;
  const given = process.env.KOPILKA_SECRET_KEY;
  if (given) {
    key = Buffer.from(given, 'base64');
    if (key.length !== 32) throw new Error('KOPILKA_SECRET_KEY must be 32 bytes in base64 (openssl rand -base64 32)');
    return key;
  }
  const file = resolve(process.env.KOPILKA_SECRET_FILE || resolve(process.env.KOPILKA_DATA_DIR || './data', 'secret.key'));
  try {
    key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  } catch {
    mkdirSync(dirname(file), { recursive: true });
    const made = randomBytes(32);
    // `wx`: of two processes making it at once, one writes and the other reads what it wrote.
    try {
      writeFileSync(file, made.toString('base64'), { mode: 0o600, flag: 'wx' });
      key = made;
    } catch {
      key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    }
  }
  return key;
}

/** The text sealed: `v1.` then nonce, tag and ciphertext in base64. */
export function seal(text: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', serverKey(), nonce);
  const sealed = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([nonce, cipher.getAuthTag(), sealed]).toString('base64')}`;
}

/** The text a `seal` made; throws when it was sealed under another key or changed. */
export function unseal(sealed: string): string {
  const bytes = Buffer.from(sealed.replace(/^v1\./, ''), 'base64');
  const decipher = createDecipheriv('aes-256-gcm', serverKey(), bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}

/** A token that carries `text` and proves the server made it: `text` in base64url, a dot, its HMAC-SHA256. */
export function signed(text: string): string {
  const mac = createHmac('sha256', serverKey()).update(`kopilka:${text}`).digest('base64url');
  return `${Buffer.from(text).toString('base64url')}.${mac}`;
}

/** The text a `signed` token carries, or null when the server did not make it. */
export function verified(token: string): string | null {
  const [body, mac] = token.split('.');
  if (!body || !mac) return null;
  const text = Buffer.from(body, 'base64url').toString('utf8');
  const expected = createHmac('sha256', serverKey()).update(`kopilka:${text}`).digest();
  const given = Buffer.from(mac, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? text : null;
}
