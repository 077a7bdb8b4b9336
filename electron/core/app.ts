import { userInfo } from 'node:os';
import { join } from 'node:path';
import {
  coreContract,
  isCoreMethod,
  isHostMethod,
  type CoreMethod,
  type MethodOutput,
} from '../../shared/contract';
import type { Progress, Result } from '../../shared/result';
import { assessmentHandlers } from './assessments/handlers';
import { backupHandlers } from './backup/handlers';
import { recordRestore, type RestoredFrom } from './backup/restore-audit';
import { bundleHandlers } from './bundles/handlers';
import { systemClock, type Clock } from './clock';
import type { CoreContext, HandlerTable, StagedUpload } from './context';
import type { Readable } from 'node:stream';
import { DATABASE_FILE } from './data-dir';
import { errorShape, fromZod } from './errors';
import { frameworkHandlers } from './frameworks/handlers';
import { installBundledFrameworks } from './frameworks/install';
import { readProfile } from './accreditation/profile';
import { openDatabase } from './db/open';
import { providerHandlers } from './providers/handlers';
import { registerHandlers } from './register/handlers';
import { evidenceHandlers } from './evidence/handlers';
import { accreditationHandlers } from './accreditation/handlers';
import { certificateHandlers } from './certificates/handlers';
import { badgeHandlers } from './credentials/handlers';
import { clearInterruptedWrites, ingestStream, storeRoot } from './evidence/store';
import { newId } from './ids';
import { systemHandlers } from './system/handlers';
import { APP_VERSION } from './version';

export interface CoreOptions {
  dataDir: string;
  resourcesDir: string;
  /** The bundled worker scripts (dist/workers), for work spread over threads (certificate PDFs). */
  workersDir?: string | undefined;
  actor?: string | undefined;
  clock?: Clock;
  nativeBinding?: string | undefined;
  /** Check every result against the contract's output schema too (tests turn this on). */
  validateOutput?: boolean;
  /**
   * Set by the host when it opens the core on data it has just restored from a backup: the
   * restore is then recorded in the restored database's own audit trail.
   */
  restored?: RestoredFrom | undefined;
}

export interface InvokeOptions {
  onProgress?: (progress: Progress) => void;
}

export interface Core {
  invoke<M extends CoreMethod>(
    method: M,
    input: unknown,
    options?: InvokeOptions,
  ): Promise<Result<MethodOutput<M>>>;
  /** For callers that take a method name from outside (IPC, HTTP): unknown names are refused. */
  invokeUnknown(method: string, input: unknown, options?: InvokeOptions): Promise<Result<unknown>>;
  /**
   * Streams a file into the evidence store ahead of `evidence.add` (browser mode's uploads);
   * returns the id to name it by. Nothing is recorded until `evidence.add` describes it.
   */
  stageUpload(
    source: Readable,
    originalName: string,
    size: number | null,
    onProgress?: (p: Progress) => void,
  ): Promise<{ uploadId: string } & StagedUpload>;
  close(): void;
  readonly context: CoreContext;
}

function defaultActor(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

export async function openCore(options: CoreOptions): Promise<Core> {
  const databasePath = join(options.dataDir, DATABASE_FILE);
  const opened = await openDatabase(databasePath, { nativeBinding: options.nativeBinding });
  const context: CoreContext = {
    db: opened.db,
    clock: options.clock ?? systemClock,
    actor: options.actor ?? defaultActor(),
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    workersDir: options.workersDir ?? null,
    progress: () => undefined,
    uploads: new Map(),
  };
  // Who acts, for the audit trail: as configured, else the local profile's name, else the OS user.
  const actorNow = () => options.actor ?? readProfile(context.db)?.name ?? context.actor;
  try {
    installBundledFrameworks(context);
    await clearInterruptedWrites(storeRoot(options.dataDir));
    if (options.restored) recordRestore({ ...context, actor: actorNow() }, options.restored);
  } catch (error) {
    opened.db.close();
    opened.endSession();
    throw error;
  }

  const handlers: HandlerTable = {
    ...systemHandlers({
      appVersion: APP_VERSION,
      schemaVersion: opened.schemaVersion,
      databasePath,
      journalMode: opened.journalMode,
    }),
    ...frameworkHandlers,
    ...providerHandlers,
    ...assessmentHandlers,
    ...evidenceHandlers,
    ...accreditationHandlers,
    ...certificateHandlers,
    ...badgeHandlers,
    ...registerHandlers,
    ...backupHandlers({ appVersion: APP_VERSION, nativeBinding: options.nativeBinding }),
    ...bundleHandlers,
  };

  async function invokeUnknown(
    method: string,
    input: unknown,
    invokeOptions: InvokeOptions = {},
  ): Promise<Result<unknown>> {
    if (isHostMethod(method)) {
      return {
        ok: false,
        error: {
          code: 'refused',
          message:
            `${method} is answered by the app around the core (the desktop app or browser mode), ` +
            'not by the core on its own',
        },
      };
    }
    if (!isCoreMethod(method)) {
      return { ok: false, error: { code: 'invalid_input', message: `unknown method "${method}"` } };
    }
    const spec = coreContract[method];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return { ok: false, error: fromZod(parsed.error).toShape() };
    const handler = handlers[method] as (input: unknown, ctx: CoreContext) => unknown;
    try {
      const value = await handler(parsed.data, {
        ...context,
        actor: actorNow(),
        progress: invokeOptions.onProgress ?? (() => undefined),
      });
      if (options.validateOutput) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) {
          throw new Error(
            `${method} returned a value outside its contract: ${checked.error.message}`,
          );
        }
      }
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: errorShape(error) };
    }
  }

  return {
    invoke: (method, input, invokeOptions) =>
      invokeUnknown(method, input, invokeOptions) as Promise<Result<MethodOutput<typeof method>>>,
    invokeUnknown,
    async stageUpload(source, originalName, size, onProgress) {
      const blob = await ingestStream(storeRoot(options.dataDir), source, size, (bytes) =>
        onProgress?.({ phase: `receiving ${originalName}`, done: bytes, total: size ?? bytes }),
      );
      const uploadId = newId('upl');
      const staged = { ...blob, originalName };
      context.uploads.set(uploadId, staged);
      return { uploadId, ...staged };
    },
    close: () => {
      opened.db.close();
      opened.endSession();
    },
    context,
  };
}
