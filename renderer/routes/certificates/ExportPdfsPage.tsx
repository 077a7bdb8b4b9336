import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  CERTIFICATE_STATUSES,
  type CertificateStatus,
} from '../../../shared/accreditation/vocabulary';
import type { MethodOutput } from '../../../shared/contract';
import type { Progress } from '../../../shared/result';
import { plural } from '../../../shared/text/plural';
import { invoke, isDesktop } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { formatBytes } from '../../components/bytes';
import { CheckboxGroup, firstOptionField } from '../../components/CheckboxGroup';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { PathField } from '../../components/fields';
import { LoadedPage } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { fieldErrorsFrom } from '../../components/problems';
import { TaskPanel } from '../../components/ProgressBar';
import { SubmitButton } from '../../components/SubmitButton';
import { useForm, type Form } from '../../components/use-form';
import { certificateStatusLabel } from './labels';

type Stage =
  | { kind: 'form' }
  | { kind: 'saving'; progress: Progress | null }
  | { kind: 'done'; files: number; bytes: number; folder: string };

interface Draft {
  statuses: CertificateStatus[];
  folder: string;
}

const TITLE = 'Save certificate PDFs';
const STATUSES_FIELD = firstOptionField('status', CERTIFICATE_STATUSES);

/**
 * Saves the PDF of many certificates at once into a folder, one file per certificate named by
 * its number (for printing, or sending to holders). The core spreads the work over every core.
 */
export function ExportPdfsPage() {
  const list = useLoad(() => invoke('certificates.list', {}), []);
  return (
    <LoadedPage title={TITLE} state={list} what="the certificates">
      {(certificates) => <ExportPdfs certificates={certificates} />}
    </LoadedPage>
  );
}

function ExportPdfs({ certificates }: { certificates: MethodOutput<'certificates.list'> }) {
  const counts = new Map<CertificateStatus, number>();
  for (const certificate of certificates)
    counts.set(certificate.status, (counts.get(certificate.status) ?? 0) + 1);
  const chosenCount = (statuses: CertificateStatus[]) =>
    statuses.reduce((sum, status) => sum + (counts.get(status) ?? 0), 0);
  const [stage, setStage] = useState<Stage>({ kind: 'form' });
  const form = useForm<Draft>({
    initial: { statuses: ['active', 'suspended'], folder: '' },
    check: ({ statuses, folder }) => {
      const problems: FieldError[] = [];
      if (chosenCount(statuses) === 0)
        problems.push({
          field: STATUSES_FIELD,
          message: 'Choose statuses that at least one certificate has',
        });
      if (!folder.trim())
        problems.push({ field: 'folder', message: 'Enter the folder to save the PDFs into' });
      return problems;
    },
    send: async ({ statuses, folder }) => {
      setStage({ kind: 'saving', progress: null });
      try {
        const result = await invoke(
          'certificates.exportPdfs',
          { folder: folder.trim(), statuses },
          (progress) => setStage({ kind: 'saving', progress }),
        );
        setStage({ kind: 'done', ...result });
      } catch (error) {
        setStage({ kind: 'form' });
        throw error;
      }
    },
    errorsFrom: (error) => fieldErrorsFrom(error, (path) => (path === 'folder' ? 'folder' : '')),
  });

  return (
    <Page
      title={TITLE}
      actions={
        <Link className="button secondary" to="/certificates">
          All certificates
        </Link>
      }
    >
      <p className="lede">
        Save the PDF of every certificate you choose into one folder, each named by its number (for
        example SPQA-2026-000123.pdf), to print or send to the holders. Each PDF carries its signed
        data, so it can be checked without SPQA. A PDF already in the folder for the same
        certificate is replaced.
      </p>
      {certificates.length === 0 ? (
        <p>No certificates have been issued yet.</p>
      ) : (
        <ExportForm
          form={form}
          counts={counts}
          chosen={chosenCount(form.draft.statuses)}
          saving={stage.kind === 'saving'}
        />
      )}
      {stage.kind === 'saving' ? (
        <TaskPanel
          id="saving-heading"
          heading="Saving"
          label="Saving certificate PDFs"
          progress={stage.progress}
          text={
            stage.progress
              ? `${stage.progress.done.toLocaleString('en-GB')} of ${stage.progress.total.toLocaleString('en-GB')} saved`
              : 'Starting…'
          }
        />
      ) : null}
      {stage.kind === 'done' ? <Saved {...stage} /> : null}
    </Page>
  );
}

function ExportForm({
  form,
  counts,
  chosen,
  saving,
}: {
  form: Form<Draft>;
  counts: Map<CertificateStatus, number>;
  /** How many certificates the statuses chosen cover. */
  chosen: number;
  saving: boolean;
}) {
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <form className="form" onSubmit={form.onSubmit} noValidate>
        <CheckboxGroup
          name="status"
          legend="Certificates with these statuses today"
          hint={`${plural(chosen, 'certificate is', 'certificates are')} chosen.`}
          error={form.errorFor(STATUSES_FIELD)}
          options={CERTIFICATE_STATUSES}
          labelOf={(status) =>
            `${certificateStatusLabel(status)} (${(counts.get(status) ?? 0).toLocaleString('en-GB')})`
          }
          chosen={form.draft.statuses}
          onChange={form.set('statuses')}
          disabled={saving}
        />
        <PathField
          {...form.field('folder')}
          label="Folder to save into"
          choose={{ kind: 'folder' }}
          hint={`The full path of a folder; it is made if it does not exist.${
            isDesktop() ? '' : ' The folder is on the computer running SPQA.'
          }`}
          required
        />
        <div className="form-actions">
          <SubmitButton busy={saving} busyLabel="Saving…">
            Save the PDFs
          </SubmitButton>
        </div>
      </form>
    </>
  );
}

/** The PDFs saved, taking focus: the result is below the form, out of the reader's sight. */
function Saved({ files, bytes, folder }: { files: number; bytes: number; folder: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.parentElement?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <section className="panel" aria-labelledby="saved-heading">
      <h2 id="saved-heading" tabIndex={-1} ref={heading}>
        Saved
      </h2>
      <p role="status" className="notice notice-success">
        Saved {plural(files, 'certificate PDF', 'certificate PDFs')} ({formatBytes(bytes)}) into{' '}
        <span className="code break-anywhere">{folder}</span>.
      </p>
    </section>
  );
}
