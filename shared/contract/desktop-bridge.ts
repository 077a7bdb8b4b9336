import type { Progress } from '../result';
import type { ChoosePathRequest } from './choose-path';

/**
 * The IPC channels between the desktop shell's preload and its main process. Declared once here:
 * the preload is bundled (esbuild inlines these constants), so it can import them like the main
 * process does.
 */
export const DESKTOP_CHANNELS = {
  invoke: 'spqa:invoke',
  progress: 'spqa:progress',
  openEvidence: 'spqa:open-evidence',
  choosePath: 'spqa:choose-path',
} as const;

/** A progress event on its way from the main process to the preload, tagged with its request. */
export interface ProgressMessage extends Progress {
  requestId: number;
}

export type ProgressListener = (progress: Progress) => void;

/**
 * What the desktop preload exposes to the page as `window.spqa`: one frozen object, no raw IPC.
 * The preload `satisfies` this type and the renderer reads the same one, so the two cannot drift.
 */
export interface DesktopBridge {
  readonly platform: 'desktop';
  invoke(method: string, input: unknown, onProgress?: ProgressListener): Promise<unknown>;
  /** The path of a file the person dropped or picked, so the core can stream it from disk. */
  pathForFile(file: File): string;
  openEvidence(id: string): Promise<unknown>;
  choosePath(request: ChoosePathRequest): Promise<unknown>;
}
