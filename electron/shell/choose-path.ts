import { choosePathRequestSchema, type ChoosePathRequest } from '../../shared/contract/choose-path';
import { messageOf } from '../../shared/error-message';

/*
 * The native dialog for a path request from the page (shared/contract/choose-path.ts): which one,
 * and with what options. Kept free of `electron` imports (even of its types, which the layer rule
 * keeps to the shell files) so it is tested on plain Node; ipc.ts shows the dialog, and the
 * compiler checks these options against Electron's own types there.
 */
interface DialogCommon {
  title: string;
  defaultPath?: string;
  filters?: { name: string; extensions: string[] }[];
}
type OpenDialogOptions = DialogCommon & {
  properties: (
    'openFile' | 'openDirectory' | 'createDirectory' | 'promptToCreate' | 'dontAddToRecent'
  )[];
};
type SaveDialogOptions = DialogCommon & {
  properties: ('createDirectory' | 'showOverwriteConfirmation')[];
};

export type NativeDialog =
  { type: 'open'; options: OpenDialogOptions } | { type: 'save'; options: SaveDialogOptions };

export function nativeDialogFor(request: ChoosePathRequest): NativeDialog {
  const common = {
    title: request.title,
    ...(request.defaultPath ? { defaultPath: request.defaultPath } : {}),
  };
  const { filters } = request;
  if (request.kind === 'new-file')
    return {
      type: 'save',
      options: {
        ...common,
        ...(filters ? { filters } : {}),
        // The page asks again before replacing a file; the dialog warns too, where it can.
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      },
    };
  return {
    type: 'open',
    options: {
      ...common,
      ...(request.kind === 'existing-file' && filters ? { filters } : {}),
      properties:
        request.kind === 'folder'
          ? ['openDirectory', 'createDirectory', 'promptToCreate', 'dontAddToRecent']
          : ['openFile', 'dontAddToRecent'],
    },
  };
}

/** The path from what a dialog returned: null when it was cancelled or gave nothing. */
export function chosenPath(result: DialogResult): string | null {
  if (result.canceled) return null;
  const path = result.filePath ?? result.filePaths?.[0];
  return path ? path : null;
}

/** What a dialog gives back (Electron's open and save results both fit). */
export interface DialogResult {
  canceled: boolean;
  filePaths?: string[];
  filePath?: string | undefined;
}

export type ChoosePathReply =
  | { ok: true; value: { path: string | null } }
  | {
      ok: false;
      error: { code: 'invalid_input' | 'internal'; message: string; details?: unknown };
    };

/**
 * Answers the page's request for a path: checks it, shows the dialog `show` stands for, and
 * gives the path chosen. Every outcome is a reply, a failing dialog included, so the page hears
 * why rather than an exception from the IPC layer.
 */
export async function answerChoosePath(
  raw: unknown,
  show: (dialog: NativeDialog) => Promise<DialogResult>,
): Promise<ChoosePathReply> {
  const request = choosePathRequestSchema.safeParse(raw);
  if (!request.success)
    return {
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'malformed request for a file dialog',
        details: request.error.issues,
      },
    };
  try {
    return { ok: true, value: { path: chosenPath(await show(nativeDialogFor(request.data))) } };
  } catch (error) {
    return {
      ok: false,
      error: { code: 'internal', message: messageOf(error) },
    };
  }
}
