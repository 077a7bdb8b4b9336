import type { Method, MethodInput, MethodOutput } from '../../shared/contract';
import type { AppErrorShape, Progress, Result } from '../../shared/result';

type ProgressListener = (p: Progress) => void;

interface DesktopBridge {
  platform: 'desktop';
  invoke(method: string, input: unknown, onProgress?: ProgressListener): Promise<unknown>;
}

declare global {
  interface Window {
    spqa?: DesktopBridge;
  }
}

/** A failed call, carrying the core's error code, message and details (e.g. field problems). */
export class ApiError extends Error {
  readonly code: AppErrorShape['code'];
  readonly details: unknown;
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.code = shape.code;
    this.details = shape.details;
  }
}

const TOKEN_KEY = 'spqa.token';

/** Browser mode: the token arrives once in the URL and is kept for the tab's life only. */
function webToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function invokeOverHttp(
  method: string,
  input: unknown,
  onProgress?: ProgressListener,
): Promise<Result<unknown>> {
  const response = await fetch('./api/invoke', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${webToken()}` },
    body: JSON.stringify({ method, input }),
  });
  if (!response.ok || !response.body) {
    return {
      ok: false,
      error: {
        code: 'internal',
        message: `the local server said ${response.status}: ${await response.text()}`,
      },
    };
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffered += value;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      const message = JSON.parse(line) as
        ({ type: 'progress' } & Progress) | { type: 'result'; result: Result<unknown> };
      if (message.type === 'result') return message.result;
      onProgress?.({ phase: message.phase, done: message.done, total: message.total });
      newline = buffered.indexOf('\n');
    }
    if (done) break;
  }
  return {
    ok: false,
    error: { code: 'internal', message: 'the local server closed the connection early' },
  };
}

export const isDesktop = () => window.spqa?.platform === 'desktop';

/** Calls a contract method in the core: through the preload bridge, or the loopback server. */
export async function invoke<M extends Method>(
  method: M,
  input: MethodInput<M>,
  onProgress?: ProgressListener,
): Promise<MethodOutput<M>> {
  const result = (
    window.spqa
      ? await window.spqa.invoke(method, input, onProgress)
      : await invokeOverHttp(method, input, onProgress)
  ) as Result<MethodOutput<M>>;
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

// Resolve the token as soon as the page loads, before the router rewrites the URL.
if (!window.spqa) webToken();
