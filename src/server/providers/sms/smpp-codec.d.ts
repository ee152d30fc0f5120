// Types for the parts of the `smpp` package (0.5.1) Loa uses: its PDU codec and its thin session/server over a
// socket. The package ships no types. Windowing, throttling, binds and reconnection are Loa's (smpp.ts).
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  /** A decoded or to-be-encoded PDU: header fields plus the command's parameters and TLVs by name. */
  export class PDU {
    constructor(command: string, options?: Record<string, unknown>);
    command: string;
    command_id: number;
    command_status: number;
    sequence_number: number;
    isResponse(): boolean;
    response(options?: Record<string, unknown>): PDU;
    toBuffer(): Buffer;
    [param: string]: unknown;
  }

  export class Session extends EventEmitter {
    socket: Socket;
    /** Sends a PDU (a request keeps its sequence_number when set); false when the socket is not writable. */
    send(pdu: PDU, responseCallback?: (pdu: PDU) => void, sendCallback?: (pdu: PDU) => void): boolean;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    pause(): void;
    resume(): void;
  }

  export class Server extends NetServer {
    sessions: Session[];
  }

  export function connect(options: { host: string; port: number; [k: string]: unknown }, listener?: () => void): Session;
  export function createServer(options: Record<string, unknown>, listener: (session: Session) => void): Server;

  export const errors: Record<string, number>;
}
