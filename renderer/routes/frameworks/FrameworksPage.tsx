import { useState } from 'react';
import { Link } from 'react-router';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { formatDate } from '../../components/labels';
import { LoadError, Loading, Page } from '../../components/Page';

type Check =
  | { kind: 'idle' }
  | { kind: 'problems'; fileName: string; problems: { path: string; message: string }[] }
  | { kind: 'imported'; text: string };

export function FrameworksPage() {
  const state = useLoad(() => invoke('frameworks.list', {}), []);
  const [check, setCheck] = useState<Check>({ kind: 'idle' });

  async function importFile(file: File) {
    const text = await file.text();
    const validation = await invoke('frameworks.validate', { fileName: file.name, text });
    if (!validation.valid) {
      setCheck({ kind: 'problems', fileName: file.name, problems: validation.problems });
      return;
    }
    try {
      const summary = await invoke('frameworks.import', { fileName: file.name, text });
      setCheck({
        kind: 'imported',
        text: `Imported ${summary.title} ${summary.version} (${summary.criteria} criteria).`,
      });
      state.reload();
    } catch (error) {
      setCheck({
        kind: 'problems',
        fileName: file.name,
        problems: [{ path: '', message: (error as Error).message }],
      });
    }
  }

  return (
    <Page title="Standards frameworks">
      <p>
        The standards are published by the national network as versioned frameworks. Every
        assessment stays on the version it started with.
      </p>
      {state.error ? <LoadError error={state.error} retry={state.reload} /> : null}
      {!state.data ? (
        <Loading what="the frameworks" />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Installed frameworks</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Version</th>
                <th scope="col">Published</th>
                <th scope="col">Standards</th>
                <th scope="col">Criteria</th>
              </tr>
            </thead>
            <tbody>
              {state.data.map((f) => (
                <tr key={`${f.id}@${f.version}`}>
                  <th scope="row">
                    <Link to={`/frameworks/${f.id}@${f.version}`}>{f.title}</Link>
                  </th>
                  <td>{f.version}</td>
                  <td>{formatDate(f.publishedOn)}</td>
                  <td>{f.standards}</td>
                  <td>{f.criteria}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="panel" aria-labelledby="import-heading">
        <h2 id="import-heading">Import a framework version</h2>
        <p className="hint" id="framework-file-hint">
          A JSON file published by the network. A version already imported never changes; a revised
          framework needs a new version number.
        </p>
        <div className="field">
          <label htmlFor="framework-file">Choose a framework file</label>
          <input
            id="framework-file"
            type="file"
            accept=".json,application/json"
            aria-describedby="framework-file-hint"
            className="file-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void importFile(file);
            }}
          />
        </div>
        <div aria-live="polite">
          {check.kind === 'imported' ? <p className="notice notice-success">{check.text}</p> : null}
        </div>
        {check.kind === 'problems' ? (
          <div role="alert" className="notice notice-error">
            <p>{check.fileName} was not imported:</p>
            <ul>
              {check.problems.map((p) => (
                <li key={`${p.path}:${p.message}`}>
                  {p.path ? <code>{p.path}</code> : null} {p.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
    </Page>
  );
}
