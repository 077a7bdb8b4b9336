import type { Method, MethodInput, MethodOutput } from '../../shared/contract';
import type { ChoosePathRequest } from '../../shared/contract/choose-path';
import type { DesktopBridge, ProgressListener } from '../../shared/contract/desktop-bridge';
import type { AppErrorShape, Progress, Result } from '../../shared/result';

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

/**
 * Asks the desktop shell's native dialog for a path: the one chosen, or null if cancelled. Only
 * the desktop app has the dialog (see isDesktop).
 */
export async function choosePath(request: ChoosePathRequest): Promise<string | null> {
  if (!window.spqa) throw new Error('there is no file dialog in browser mode');
  const result = (await window.spqa.choosePath(request)) as Result<{ path: string | null }>;
  if (!result.ok) throw new ApiError(result.error);
  return result.value.path;
}

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

export type EvidenceSource = { kind: 'path'; path: string } | { kind: 'upload'; uploadId: string };

/**
 * Makes a picked or dropped file available to the core without reading it into the page: on the
 * desktop the core streams it from its path; in browser mode it is streamed to the local server.
 */
export function stageFile(file: File, onProgress?: ProgressListener): Promise<EvidenceSource> {
  if (window.spqa) return Promise.resolve({ kind: 'path', path: window.spqa.pathForFile(file) });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `./api/upload?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Authorization', `Bearer ${webToken()}`);
    xhr.upload.onprogress = (event) =>
      onProgress?.({
        phase: `sending ${file.name}`,
        done: event.loaded,
        total: event.total || file.size,
      });
    xhr.onerror = () => reject(new Error(`could not send ${file.name} to the local server`));
    xhr.onload = () => {
      try {
        const result = JSON.parse(xhr.responseText) as Result<{ uploadId: string }>;
        if (result.ok) resolve({ kind: 'upload', uploadId: result.value.uploadId });
        else reject(new ApiError(result.error));
      } catch {
        reject(new Error(`the local server said ${xhr.status}: ${xhr.responseText}`));
      }
    };
    xhr.send(file);
  });
}

/** Opens evidence in the system's viewer (desktop) or downloads it (browser mode). */
export async function openEvidenceExternally({
  id,
  fileName,
}: {
  id: string;
  /** What a download is saved as. */
  fileName: string;
}): Promise<void> {
  if (window.spqa) {
    const result = (await window.spqa.openEvidence(id)) as Result<unknown>;
    if (!result.ok) throw new ApiError(result.error);
    return;
  }
  const response = await fetch(`./api/evidence/${encodeURIComponent(id)}/content`, {
    headers: { Authorization: `Bearer ${webToken()}` },
  });
  if (!response.ok)
    throw new Error(`the local server said ${response.status}: ${await response.text()}`);
  downloadBlob(await response.blob(), fileName);
}

/** Hands a file to the browser's (or the desktop window's) own download, as a named file. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves a file the core made (a certificate, a report), which arrives as base64 bytes. */
export function downloadFileBytes(file: {
  fileName: string;
  mediaType: string;
  base64: string;
}): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  downloadBlob(new Blob([bytes], { type: file.mediaType }), file.fileName);
}
