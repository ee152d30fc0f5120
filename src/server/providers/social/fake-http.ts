// What the two fake platform servers share: a loopback node:http server that can stop answering (to test the
// ambiguous case), request bodies in the forms the platforms accept (query, urlencoded, JSON, multipart), a sliding
// call window per account for rate limits, and the POST of a signed webhook to Loa.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  raw: Buffer;
  /** Query, urlencoded and multipart text fields merged (body wins). */
  fields: Record<string, string>;
  /** The JSON body, when there is one. */
  json: unknown;
  files: Record<string, { filename: string; contentType: string; data: Buffer }>;
}

export interface FakeAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface WebhookSendOptions {
  /** Change the body after signing (a tampered delivery). */
  tamper?: boolean;
  /** Sign with this secret instead of the app's. */
  secret?: string;
}

export interface FakeHttpServer {
  url: string;
  port: number;
  /** Accept requests and never answer them (the request is recorded: a post may exist). */
  hang: boolean;
  close(): Promise<void>;
}

const MAX_BODY = 10 * 1024 * 1024;

export async function startFakeHttp(port: number, handle: (req: FakeRequest) => FakeAnswer): Promise<FakeHttpServer> {
  const sockets = new Set<Socket>();
  const state = { hang: false };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const u = new URL(req.url ?? '/', 'http://fake.local');
      const parsed = parseBody(req.headers['content-type'] ?? '', raw);
      const fields: Record<string, string> = Object.fromEntries(u.searchParams);
      Object.assign(fields, parsed.fields);
      let answer: FakeAnswer;
      try {
        answer = handle({ method: req.method ?? 'GET', path: u.pathname, query: u.searchParams, headers: req.headers, raw, fields, json: parsed.json, files: parsed.files });
      } catch {
        answer = { status: 500, body: { error: 'fake server error' } };
      }
      if (state.hang) return; // the socket stays open until close()
      const body = Buffer.from(JSON.stringify(answer.body));
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': String(body.length), ...answer.headers });
      res.end(body);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    get hang() {
      return state.hang;
    },
    set hang(v: boolean) {
      state.hang = v;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function parseBody(contentType: string, raw: Buffer): Pick<FakeRequest, 'fields' | 'json' | 'files'> {
  const out: Pick<FakeRequest, 'fields' | 'json' | 'files'> = { fields: {}, json: null, files: {} };
  if (!raw.length) return out;
  if (contentType.startsWith('application/json')) {
    try {
      out.json = JSON.parse(raw.toString('utf8')) as unknown;
    } catch {
      out.json = null;
    }
  } else if (contentType.startsWith('application/x-www-form-urlencoded')) {
    out.fields = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  } else if (contentType.startsWith('multipart/form-data')) {
    const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
    if (boundary) parseMultipart(raw, boundary, out);
  }
  return out;
}

function parseMultipart(raw: Buffer, boundary: string, out: Pick<FakeRequest, 'fields' | 'files'>): void {
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = raw.indexOf(delimiter);
  while (pos !== -1) {
    const start = pos + delimiter.length;
    if (raw.subarray(start, start + 2).toString() === '--') break;
    const next = raw.indexOf(delimiter, start);
    if (next === -1) break;
    const part = raw.subarray(start + 2, next - 2); // skip CRLF after the delimiter and before the next one
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1) {
      const head = part.subarray(0, split).toString('utf8');
      const data = part.subarray(split + 4);
      const name = /name="([^"]*)"/.exec(head)?.[1];
      const filename = /filename="([^"]*)"/.exec(head)?.[1];
      const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? 'application/octet-stream';
      if (name !== undefined) {
        if (filename !== undefined) out.files[name] = { filename, contentType: type.trim(), data: Buffer.from(data) };
        else out.fields[name] = data.toString('utf8');
      }
    }
    pos = next;
  }
}

/** Calls per account in a sliding window; `hit` says whether this call is over the limit. */
export function createCallWindow(limit: number | undefined, windowMs: number, now: () => number) {
  const calls = new Map<string, number[]>();
  return {
    hit(account: string): boolean {
      if (limit === undefined) return false;
      const t = now();
      const list = (calls.get(account) ?? []).filter((x) => x > t - windowMs);
      list.push(t);
      calls.set(account, list);
      return list.length > limit;
    },
    reset() {
      calls.clear();
    },
  };
}

/** POSTs a webhook to Loa as the platform does; returns Loa's answer. */
export async function postWebhook(target: string, rawBody: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const res = await fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: rawBody });
  return { status: res.status, body: await res.text() };
}

/** The switches both fake platforms give a test: stop answering, expire or renew an account's token, fail calls. */
export interface FakeSwitches {
  /** Stop answering (requests still land); false answers again. */
  setHang(hang: boolean): void;
  /** The account's token is expired from now on. */
  expireToken(accountId: string): void;
  /** The account was reconnected: its token works again. */
  renewToken(accountId: string): void;
  /** The next `n` calls answer a 5xx (temporary). */
  failNext(n?: number): void;
}

/** The switches' state, read by a fake's handler; `attach` gives them the server once it listens. */
export function createFakeSwitches() {
  const expired = new Set<string>();
  let failing = 0;
  let server: FakeHttpServer | null = null;
  const switches: FakeSwitches = {
    setHang(hang) {
      if (server) server.hang = hang;
    },
    expireToken: (id) => void expired.add(id),
    renewToken: (id) => void expired.delete(id),
    failNext(n = 1) {
      failing += n;
    },
  };
  return {
    switches,
    attach: (s: FakeHttpServer) => void (server = s),
    isExpired: (id: string) => expired.has(id),
    /** True (and used up) when this call is one the test asked to fail. */
    takeFailure(): boolean {
      if (failing === 0) return false;
      failing--;
      return true;
    },
  };
}
