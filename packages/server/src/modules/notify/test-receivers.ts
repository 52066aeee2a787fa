import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';

/**
 * Test doubles on 127.0.0.1 only: an HTTP receiver (the SMS gateway, the webhook endpoint) and a
 * tiny SMTP server speaking just enough for nodemailer. Each records what arrives and can be told
 * to answer 500, to hang, to be slow or to be down (its port refusing connections).
 */
export type HttpMode = 'ok' | 'fail500' | 'hang' | 'down';

export interface Received {
  at: number;
  headers: IncomingMessage['headers'];
  raw: string;
  body: Record<string, unknown>;
}

export interface HttpReceiver {
  url: string;
  port: number;
  mode: HttpMode;
  /** Wait this long before answering (a slow receiver). */
  delayMs: number;
  received: Received[];
  /** Change the mode; 'down' closes the port, any other mode opens it again on the same port. */
  setMode(mode: HttpMode): Promise<void>;
  close(): Promise<void>;
}

function listen(server: Server | TcpServer, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as { port: number }).port);
    });
  });
}

function closeServer(server: Server | TcpServer, sockets: Set<Socket>): Promise<void> {
  for (const s of sockets) s.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

export async function startHttpReceiver(opts: { path?: string; mode?: HttpMode; delayMs?: number } = {}): Promise<HttpReceiver> {
  const path = opts.path ?? '/';
  const sockets = new Set<Socket>();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        /* recorded raw */
      }
      r.received.push({ at: Date.now(), headers: req.headers, raw, body });
      if (r.mode === 'hang') return; // never answers
      const answer = () => {
        if (r.mode === 'fail500') {
          res.writeHead(500, { 'content-type': 'text/plain' }).end('gateway error');
        } else {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        }
      };
      if (r.delayMs > 0) setTimeout(answer, r.delayMs);
      else answer();
    });
  };
  let server = createHttpServer(handler);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await listen(server, 0);
  const r: HttpReceiver = {
    url: `http://127.0.0.1:${port}${path}`,
    port,
    mode: opts.mode ?? 'ok',
    delayMs: opts.delayMs ?? 0,
    received: [],
    async setMode(mode) {
      const wasDown = r.mode === 'down';
      r.mode = mode;
      if (mode === 'down' && !wasDown) await closeServer(server, sockets);
      if (mode !== 'down' && wasDown) {
        server = createHttpServer(handler);
        server.on('connection', (s) => {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
        });
        await listen(server, port);
      }
    },
    async close() {
      if (r.mode !== 'down') await closeServer(server, sockets);
    },
  };
  return r;
}

export interface ReceivedMail {
  from: string;
  to: string[];
  data: string;
}

export interface SmtpReceiver {
  url: string;
  /** 'refuse': 554 at the greeting; 'reject': 550 to MAIL FROM; 'ok': accepts. */
  mode: 'ok' | 'refuse' | 'reject';
  received: ReceivedMail[];
  /** Conversations begun (accepted or not). */
  connections: number;
  close(): Promise<void>;
}

/** Enough SMTP for nodemailer: EHLO, MAIL, RCPT, DATA, QUIT (no TLS, no auth). */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const sockets = new Set<Socket>();
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    r.connections++;
    const say = (line: string) => socket.write(`${line}\r\n`);
    if (r.mode === 'refuse') {
      say('554 5.3.2 no service here');
      socket.end();
      return;
    }
    say('220 test.local ESMTP');
    let buffer = '';
    let inData = false;
    let mail: ReceivedMail = { from: '', to: [], data: '' };
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          mail.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          r.received.push(mail);
          mail = { from: '', to: [], data: '' };
          say('250 2.0.0 queued');
          continue;
        }
        const nl = buffer.indexOf('\r\n');
        if (nl < 0) return;
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const cmd = line.slice(0, 4).toUpperCase();
        if (cmd === 'EHLO' || cmd === 'HELO') say('250 test.local');
        else if (cmd === 'MAIL') {
          if (r.mode === 'reject') say('550 5.7.1 sender refused');
          else {
            mail.from = line.slice(10).trim();
            say('250 2.1.0 ok');
          }
        } else if (cmd === 'RCPT') {
          mail.to.push(line.slice(8).trim());
          say('250 2.1.5 ok');
        } else if (cmd === 'DATA') {
          inData = true;
          say('354 end with <CRLF>.<CRLF>');
        } else if (cmd === 'RSET' || cmd === 'NOOP') say('250 ok');
        else if (cmd === 'QUIT') {
          say('221 bye');
          socket.end();
        } else say('502 5.5.2 not implemented');
      }
    });
  });
  const port = await listen(server, 0);
  const r: SmtpReceiver = {
    url: `smtp://127.0.0.1:${port}`,
    mode: 'ok',
    received: [],
    connections: 0,
    close: () => closeServer(server, sockets),
  };
  return r;
}

/** A port on 127.0.0.1 with nothing listening. */
export async function deadPort(): Promise<number> {
  const s = createTcpServer();
  const port = await listen(s, 0);
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** Poll until `check` is true (real time). */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
