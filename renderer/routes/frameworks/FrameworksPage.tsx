import { useState } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../../../shared/error-message';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { FilePicker } from '../../components/FilePicker';
import { formatDate } from '../../components/labels';
import { Loaded } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { Table } from '../../components/Table';

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
        problems: [{ path: '', message: messageOf(error) }],
      });
    }
  }

  return (
    <Page title="Standards frameworks">
      <p>
        The standards are published by the national network as versioned frameworks. Every
        assessment stays on the version it started with.
      </p>
      <Loaded state={state} what="the frameworks">
        {(frameworks) => (
          <Table
            caption="Installed frameworks"
            hideCaption
            headings={['Title', 'Version', 'Published', 'Standards', 'Criteria']}
          >
            {frameworks.map((framework) => (
              <tr key={`${framework.id}@${framework.version}`}>
                <th scope="row">
                  <Link to={`/frameworks/${framework.id}@${framework.version}`}>
                    {framework.title}
                  </Link>
                </th>
                <td>{framework.version}</td>
                <td>{formatDate(framework.publishedOn)}</td>
                <td>{framework.standards}</td>
                <td>{framework.criteria}</td>
              </tr>
            ))}
          </Table>
        )}
      </Loaded>
      <section className="panel" aria-labelledby="import-heading">
        <h2 id="import-heading">Import a framework version</h2>
        <p className="hint" id="framework-file-hint">
          A JSON file published by the network. A version already imported never changes; a revised
          framework needs a new version number.
        </p>
        <FilePicker
          id="framework-file"
          label="Choose a framework file"
          accept=".json,application/json"
          describedBy="framework-file-hint"
          onFile={(file) => void importFile(file)}
        />
        <div aria-live="polite">
          {check.kind === 'imported' ? <p className="notice notice-success">{check.text}</p> : null}
        </div>
        {check.kind === 'problems' ? (
          <div role="alert" className="notice notice-error">
            <p>{check.fileName} was not imported:</p>
            <ul>
              {check.problems.map((problem) => (
                <li key={`${problem.path}:${problem.message}`}>
                  {problem.path ? <code>{problem.path}</code> : null} {problem.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
    </Page>
  );
}
