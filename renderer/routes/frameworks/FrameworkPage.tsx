import { useParams } from 'react-router';
import type { MethodOutput } from '../../../shared/contract';
import { parseFrameworkKey } from '../../../shared/framework/schema';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { LoadedPage } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { LevelBadge } from './LevelBadge';

const SCOPE_LABELS: Record<string, string> = {
  'link-worker': 'link worker services',
  activity: 'activity providers',
};

export function FrameworkPage() {
  const { key = '' } = useParams();
  const { id, version } = parseFrameworkKey(key);
  const state = useLoad(
    () => invoke('frameworks.get', version ? { id, version } : { id }),
    [id, version],
  );
  return (
    <LoadedPage title="Framework" state={state} what="the framework">
      {(loaded) => <Framework {...loaded} />}
    </LoadedPage>
  );
}

/** Every domain, standard and criterion of one framework version, with its guidance. */
function Framework({ framework, summary }: MethodOutput<'frameworks.get'>) {
  return (
    <Page title={`${framework.title} ${framework.version}`}>
      <p>{framework.summary}</p>
      <p className="muted">
        Published by {framework.publisher} · {summary.standards} standards · {summary.criteria}{' '}
        criteria · content fingerprint <code>{summary.sha256.slice(0, 16)}</code>
      </p>
      {framework.domains.map((domain) => (
        <section key={domain.code} aria-labelledby={`domain-${domain.code}`}>
          <h2 id={`domain-${domain.code}`}>{domain.title}</h2>
          <p>{domain.summary}</p>
          {domain.standards.map((standard) => (
            <section
              key={standard.code}
              aria-labelledby={`standard-${standard.code}`}
              className="panel"
            >
              <h3 id={`standard-${standard.code}`}>
                {standard.code} {standard.title}
              </h3>
              <p className="muted">{standard.intent}</p>
              <ul className="criteria-list">
                {standard.criteria.map((criterion) => (
                  <li key={criterion.code}>
                    <span className="criterion-code">{criterion.code}</span> {criterion.statement}{' '}
                    <LevelBadge level={criterion.level} />
                    <details className="guidance">
                      <summary>Guidance for {criterion.code}</summary>
                      <p>{criterion.guidance}</p>
                      <p className="muted">
                        Applies to{' '}
                        {criterion.appliesTo
                          .map((scope) => SCOPE_LABELS[scope] ?? scope)
                          .join(' and ')}
                        .
                      </p>
                      <p className="muted">
                        Examples of evidence: {criterion.evidenceExamples.join('; ')}.
                      </p>
                    </details>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      ))}
    </Page>
  );
}
