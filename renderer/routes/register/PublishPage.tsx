import { useState } from 'react';
import type { MethodOutput } from '../../../shared/contract';
import type { RegisterBuildResult } from '../../../shared/contract/register';
import {
  REGISTER_FORMAT_LABELS,
  REGISTER_FORMATS,
  type RegisterFormat,
} from '../../../shared/register/schema';
import type { Progress } from '../../../shared/result';
import { plural } from '../../../shared/text/plural';
import { invoke, isDesktop } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { CheckboxGroup, firstOptionField } from '../../components/CheckboxGroup';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { PathField, TextField } from '../../components/fields';
import { LoadedPage } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { fieldErrorsFrom } from '../../components/problems';
import { TaskPanel } from '../../components/ProgressBar';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm } from '../../components/use-form';
import { formatDateTime } from './format';
import { PublishedPanel } from './PublishedPanel';
import './register.css';

const TITLE = 'Publish the register';
const FORMATS_FIELD = firstOptionField('format', REGISTER_FORMATS);

type Stage =
  | { kind: 'form' }
  | { kind: 'building'; progress: Progress | null }
  | { kind: 'done'; result: RegisterBuildResult };

interface Draft {
  formats: RegisterFormat[];
  outDir: string;
  passphrase: string;
}

/** Folder-level problems from the core name the field `outDir`; the form's field is `outDir` too. */
const fieldOf = (path: string) => (path === 'outDir' || path === 'passphrase' ? path : '');

function checkPublication(draft: Draft): FieldError[] {
  const problems: FieldError[] = [];
  if (draft.formats.length === 0)
    problems.push({ field: FORMATS_FIELD, message: 'Choose at least one format' });
  if (!draft.outDir.trim())
    problems.push({ field: 'outDir', message: 'Enter the folder to publish into' });
  if (!draft.passphrase)
    problems.push({ field: 'passphrase', message: 'Enter the signing passphrase' });
  return problems;
}

export function PublishPage() {
  const status = useLoad(() => invoke('register.status', {}), []);
  return (
    <LoadedPage title={TITLE} state={status} what="the register">
      {(info) => <Publish info={info} reload={status.reload} />}
    </LoadedPage>
  );
}

function Publish({ info, reload }: { info: MethodOutput<'register.status'>; reload: () => void }) {
  const [stage, setStage] = useState<Stage>({ kind: 'form' });
  const form = useForm<Draft>({
    initial: { formats: [...REGISTER_FORMATS], outDir: info.suggestedOutDir, passphrase: '' },
    check: checkPublication,
    send: async ({ formats, outDir, passphrase }) => {
      setStage({ kind: 'building', progress: null });
      try {
        const result = await invoke(
          'register.build',
          { outDir: outDir.trim(), formats, passphrase },
          (progress) => setStage({ kind: 'building', progress }),
        );
        form.set('passphrase')('');
        setStage({ kind: 'done', result });
        reload();
      } catch (error) {
        setStage({ kind: 'form' });
        throw error;
      }
    },
    errorsFrom: (error) => fieldErrorsFrom(error, fieldOf),
  });
  const building = stage.kind === 'building';
  const { field } = form;

  return (
    <Page title={TITLE}>
      <p className="lede">
        Publish the register of accredited providers as a folder you can put on any web host or
        share as it is: the register as JSON and CSV, Open Referral UK data for directories, a
        searchable web page that also checks certificates, and the signed status of every
        certificate. Anyone can check the folder against its signed manifest.
      </p>
      {info.networkKey ? null : (
        <div className="notice notice-warning">
          <p>
            This installation has no network signing key yet, so nothing can be published. The key
            is created when the first certificate is issued.
          </p>
        </div>
      )}
      <p>
        {plural(info.certificates, 'certificate', 'certificates')} will be published, each with its
        status today.{' '}
        {info.lastPublication ? (
          <>
            Last published on {formatDateTime(info.lastPublication.generatedAt)} to{' '}
            <span className="code break-anywhere">{info.lastPublication.outDir}</span>.
          </>
        ) : (
          'The register has not been published from this installation before.'
        )}
      </p>

      <ErrorSummary errors={form.errors} />
      <form className="form" onSubmit={form.onSubmit} noValidate>
        <CheckboxGroup
          name="format"
          legend="Formats"
          hint="The signed status list, the public key and the signed manifest are always included."
          error={form.errorFor(FORMATS_FIELD)}
          options={REGISTER_FORMATS}
          labelOf={(format) => REGISTER_FORMAT_LABELS[format]}
          chosen={form.draft.formats}
          onChange={form.set('formats')}
          disabled={building}
        />
        <PathField
          {...field('outDir')}
          label="Folder to publish into"
          choose={{ kind: 'folder' }}
          hint={`The full path of a new or empty folder, or of an earlier publication, which is replaced whole.${
            isDesktop() ? '' : ' The folder is on the computer running SPQA.'
          }`}
          required
        />
        <TextField
          {...field('passphrase')}
          label="Signing passphrase"
          type="password"
          hint="The passphrase that unlocks the network’s signing key; the status list and manifest are signed with it."
          autoComplete="current-password"
          width="medium"
          required
        />
        <div className="form-actions">
          <SubmitButton busy={building} busyLabel="Publishing…" disabled={!info.networkKey}>
            Publish the register
          </SubmitButton>
        </div>
      </form>

      {stage.kind === 'building' ? (
        <TaskPanel
          id="publishing-heading"
          heading="Publishing"
          label="Publishing the register"
          progress={stage.progress}
          text={
            stage.progress
              ? `${stage.progress.phase}: ${Math.floor((100 * stage.progress.done) / (stage.progress.total || 1))}%`
              : 'Starting…'
          }
        />
      ) : null}

      {stage.kind === 'done' ? <PublishedPanel result={stage.result} /> : null}
    </Page>
  );
}
