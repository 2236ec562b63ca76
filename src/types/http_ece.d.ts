// The part of http_ece (encrypted content-encoding for HTTP, RFC 8188) the tests' push service uses to read a push
// as a browser does (RFC 8291).
declare module 'http_ece' {
  import type { ECDH } from 'node:crypto';

  interface Params {
    version?: 'aes128gcm' | 'aesgcm';
    /** The receiver's key pair: the sender's public key comes in the body's header. */
    privateKey?: ECDH;
    /** base64url */
    authSecret?: string;
  }

  export function decrypt(buffer: Buffer, params: Params): Buffer;
  const ece: { decrypt: typeof decrypt };
  export default ece;
}
