import { useState } from 'react';
import { Link } from 'react-router';
import type { CsvProblem } from '../../../shared/contract/providers';
import { messageOf } from '../../../shared/error-message';
import type { Progress } from '../../../shared/result';
import { plural } from '../../../shared/text/plural';
import { ApiError, invoke } from '../../api/bridge';
import { FilePicker } from '../../components/FilePicker';
import { Page } from '../../components/Page';
import { ProgressBar } from '../../components/ProgressBar';
import { Table } from '../../components/Table';

const COLUMNS = 'name,type,region,postcode,charity_number,company_number';
const OPTIONAL =
  'address_line1, address_line2, town, website, description, contact_name, contact_role, contact_email, contact_phone';

type Stage =
  | { kind: 'choose' }
  | { kind: 'checked'; fileName: string; csv: string; count: number }
  | { kind: 'problems'; fileName: string; message: string; problems: CsvProblem[] }
  | { kind: 'importing'; progress: Progress | null }
  | { kind: 'done'; count: number };

/** The core's refusal of a file: its message, and each problem with the line it is on. */
function refusal(fileName: string, error: unknown): Stage {
  const problems =
    error instanceof ApiError
      ? ((error.details as { problems?: CsvProblem[] } | undefined)?.problems ?? [])
      : [];
  return { kind: 'problems', fileName, message: messageOf(error), problems };
}

export function ImportProvidersPage() {
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });

  async function check(file: File) {
    const csv = await file.text();
    try {
      const result = await invoke('providers.importCsv', {
        fileName: file.name,
        csv,
        dryRun: true,
      });
      setStage({ kind: 'checked', fileName: file.name, csv, count: result.imported });
    } catch (error) {
      setStage(refusal(file.name, error));
    }
  }

  async function importNow({ fileName, csv }: { fileName: string; csv: string }) {
    setStage({ kind: 'importing', progress: null });
    try {
      const result = await invoke(
        'providers.importCsv',
        { fileName, csv, dryRun: false },
        (progress) => setStage({ kind: 'importing', progress }),
      );
      setStage({ kind: 'done', count: result.imported });
    } catch (error) {
      setStage(refusal(fileName, error));
    }
  }

  return (
    <Page title="Import providers from a CSV file">
      <section className="panel" aria-labelledby="format-heading">
        <h2 id="format-heading">What the file needs</h2>
        <p>A header row with at least these columns, then one provider per row:</p>
        <pre className="code">{COLUMNS}</pre>
        <p>
          Optional columns: {OPTIONAL}. Type is link-worker, activity or both; region is one of the
          nine English regions, Scotland, Wales or Northern Ireland.
        </p>
        <p>
          Every row is checked before anything is saved. If any row has a problem, nothing is
          imported and each problem is listed with its line and column.
        </p>
      </section>

      <FilePicker
        id="csv-file"
        label="Choose a CSV file"
        accept=".csv,text/csv"
        onFile={(file) => void check(file)}
      />

      <div aria-live="polite">
        {stage.kind === 'checked' ? (
          <div className="notice notice-info">
            <p>
              {stage.fileName}: all {stage.count} rows are valid.
            </p>
            <button type="button" className="button" onClick={() => void importNow(stage)}>
              Import {plural(stage.count, 'provider', 'providers')}
            </button>
          </div>
        ) : null}
        {stage.kind === 'importing' ? (
          <ProgressBar
            label="Importing providers"
            value={stage.progress?.done ?? 0}
            max={stage.progress?.total ?? 1}
            text={
              stage.progress ? `${stage.progress.done} of ${stage.progress.total}` : 'Starting…'
            }
          />
        ) : null}
        {stage.kind === 'done' ? (
          <div className="notice notice-success">
            <p>
              Imported {plural(stage.count, 'provider', 'providers')}.{' '}
              <Link to="/providers">See the providers</Link>
            </p>
          </div>
        ) : null}
      </div>
      {stage.kind === 'problems' ? (
        <div role="alert" className="notice notice-error">
          <h2>Nothing was imported</h2>
          <p>{stage.message}</p>
          {stage.problems.length > 0 ? (
            <Table
              caption={`Problems in ${stage.fileName}`}
              headings={['Line', 'Column', 'Problem']}
            >
              {stage.problems.map((problem) => (
                <tr key={`${problem.line}:${problem.column}:${problem.message}`}>
                  <td>{problem.line}</td>
                  <td>{problem.column || '—'}</td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </Table>
          ) : null}
        </div>
      ) : null}
    </Page>
  );
}
