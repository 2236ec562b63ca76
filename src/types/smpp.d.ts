// The part of the `smpp` package (SMPP 3.4/5.0 client and server) Kopilka uses; the package ships no types.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Socket } from 'node:net';

  export interface Pdu {
    command: string;
    command_status: number;
    sequence_number: number;
    [field: string]: unknown;
    response(options?: Record<string, unknown>): Pdu;
  }

  export interface Session extends EventEmitter {
    socket: Socket;
    send(pdu: Pdu, responseCallback?: (pdu: Pdu) => void): boolean;
    bind_transceiver(options: Record<string, unknown>, callback: (pdu: Pdu) => void): void;
    submit_sm(options: Record<string, unknown>, callback: (pdu: Pdu) => void): void;
    deliver_sm(options: Record<string, unknown>, callback?: (pdu: Pdu) => void): void;
    unbind(options?: Record<string, unknown>, callback?: (pdu: Pdu) => void): void;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    pause(): void;
    resume(): void;
  }

  export interface Server extends EventEmitter {
    listen(port: number, host: string, callback?: () => void): void;
    close(callback?: () => void): void;
    address(): { port: number } | string | null;
  }

  export function connect(options: { url?: string; host?: string; port?: number; tls?: boolean; auto_enquire_link_period?: number }, listener?: () => void): Session;
  export function createServer(listener: (session: Session) => void): Server;
  export const ESME_RBINDFAIL: number;
  export const ESME_RSUBMITFAIL: number;
  export const ESME_RTHROTTLED: number;
  const smpp: { connect: typeof connect; createServer: typeof createServer; ESME_RBINDFAIL: number; ESME_RSUBMITFAIL: number; ESME_RTHROTTLED: number };
  export default smpp;
}
