import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { extname, join, normalize, sep } from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { errorShape } from '../core/errors';
import type { InProcessConnection } from '../core/host/in-process';
import type { RestorableCore } from '../core/host/restorable-core';
import { SECURITY_HEADERS, isLoopbackHost } from './security';
import { messageOf } from '../../shared/error-message';

const MAX_BODY_BYTES = 64 * 1024 * 1024;

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

const invokeBodySchema = z.object({ method: z.string().min(1).max(100), input: z.unknown() });

export interface WebServerOptions {
  /** Uploads and downloads run through `use`, so a restore waits for them and they for it. */
  core: RestorableCore<InProcessConnection>;
  rendererDir: string;
  token: string;
  port: number;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer /, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/plain; charset=utf-8',
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves the built UI and one endpoint, POST /api/invoke, that relays contract calls to the core.
 * The reply is newline-delimited JSON: progress events as they happen, then the result.
 */
export function createWebServer(options: WebServerOptions): Server {
  const { core, rendererDir, token } = options;
  let port = options.port;

  const server = createServer((req, res) => {
    void (async () => {
      if (!isLoopbackHost(req.headers.host, port)) return send(res, 421, 'wrong host');
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

      if (url.pathname === '/api/upload' || url.pathname.startsWith('/api/evidence/')) {
        const origin = req.headers.origin;
        if (origin !== undefined && origin !== `http://${req.headers.host}`)
          return send(res, 403, 'cross-origin request refused');
        if (!tokenMatches(req.headers.authorization, token))
          return send(res, 401, 'missing or wrong token');
        if (url.pathname === '/api/upload') {
          if (req.method !== 'POST') return send(res, 405, 'POST only');
          const name =
            (url.searchParams.get('name') ?? '').replace(/[\\/]/g, '_').slice(0, 255) || 'upload';
          const declared = Number(req.headers['content-length']);
          try {
            const staged = await core.use(({ core: open }) =>
              open.stageUpload(req, name, Number.isFinite(declared) ? declared : null),
            );
            return send(res, 200, JSON.stringify({ ok: true, value: staged }), 'application/json');
          } catch (error) {
            const shape = errorShape(error);
            return send(res, 200, JSON.stringify({ ok: false, error: shape }), 'application/json');
          }
        }
        // GET /api/evidence/<id>/content: the stored file, for downloading in browser mode.
        const match = /^\/api\/evidence\/(evd_[0-9A-Z]+)\/content$/.exec(url.pathname);
        if (!match?.[1] || req.method !== 'GET') return send(res, 404, 'not found');
        const id = match[1];
        return core.use(async ({ core: open }) => {
          const located = await open.invoke('evidence.locate', { id });
          if (!located.ok) return send(res, 404, located.error.message);
          res.writeHead(200, {
            ...SECURITY_HEADERS,
            'Content-Type': 'application/octet-stream',
            'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(located.value.fileName)}`,
            'Cache-Control': 'no-store',
          });
          await pipeline(createReadStream(located.value.path), res);
          return undefined;
        });
      }

      if (url.pathname === '/api/invoke') {
        if (req.method !== 'POST') return send(res, 405, 'POST only');
        const origin = req.headers.origin;
        if (origin !== undefined && origin !== `http://${req.headers.host}`)
          return send(res, 403, 'cross-origin request refused');
        if (!tokenMatches(req.headers.authorization, token))
          return send(res, 401, 'missing or wrong token');
        const raw = await readBody(req);
        if (raw === null) return send(res, 413, 'request too large');
        let body: z.infer<typeof invokeBodySchema>;
        try {
          body = invokeBodySchema.parse(JSON.parse(raw));
        } catch {
          return send(res, 400, 'the body must be JSON: {"method": "...", "input": ...}');
        }
        res.writeHead(200, {
          ...SECURITY_HEADERS,
          'Content-Type': 'application/x-ndjson',
          'Cache-Control': 'no-store',
        });
        const result = await core.invoke(body.method, body.input, (p) =>
          res.write(`${JSON.stringify({ type: 'progress', ...p })}\n`),
        );
        res.end(`${JSON.stringify({ type: 'result', result })}\n`);
        return undefined;
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'GET only');
      const relative =
        url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
      const file = normalize(join(rendererDir, relative));
      if (!file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile()) {
        return send(res, 404, 'not found');
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': MEDIA_TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
      return undefined;
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, messageOf(error));
      else res.end();
    });
  });
  server.on('listening', () => {
    const address = server.address();
    if (address && typeof address === 'object') port = address.port;
  });
  return server;
}
