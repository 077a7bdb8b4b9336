import { useParams } from 'react-router';
import { parseFrameworkKey } from '../../../shared/framework/schema';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { LoadError, Loading, Page } from '../../components/Page';

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
  if (state.error)
    return (
      <Page title="Framework">
        <LoadError error={state.error} />
      </Page>
    );
  if (!state.data)
    return (
      <Page title="Framework">
        <Loading what="the framework" />
      </Page>
    );
  const { framework: f, summary } = state.data;
  return (
    <Page title={`${f.title} ${f.version}`}>
      <p>{f.summary}</p>
      <p className="muted">
        Published by {f.publisher} · {summary.standards} standards · {summary.criteria} criteria ·
        content fingerprint <code>{summary.sha256.slice(0, 16)}</code>
      </p>
      {f.domains.map((d) => (
        <section key={d.code} aria-labelledby={`domain-${d.code}`}>
          <h2 id={`domain-${d.code}`}>{d.title}</h2>
          <p>{d.summary}</p>
          {d.standards.map((s) => (
            <section key={s.code} aria-labelledby={`standard-${s.code}`} className="panel">
              <h3 id={`standard-${s.code}`}>
                {s.code} {s.title}
              </h3>
              <p className="muted">{s.intent}</p>
              <ul className="criteria-list">
                {s.criteria.map((c) => (
                  <li key={c.code}>
                    <span className="criterion-code">{c.code}</span> {c.statement}{' '}
                    <span
                      className={
                        c.level === 'essential' ? 'badge badge-essential' : 'badge badge-muted'
                      }
                    >
                      {c.level === 'essential' ? 'Essential' : 'Developmental'}
                    </span>
                    <details className="guidance">
                      <summary>Guidance for {c.code}</summary>
                      <p>{c.guidance}</p>
                      <p className="muted">
                        Applies to {c.appliesTo.map((a) => SCOPE_LABELS[a] ?? a).join(' and ')}.
                      </p>
                      <p className="muted">
                        Examples of evidence: {c.evidenceExamples.join('; ')}.
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
