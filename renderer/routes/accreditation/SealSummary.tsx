import { Link } from 'react-router';
import type { MethodOutput } from '../../../shared/contract';
import { outcomeBadgeClass, outcomeLabel } from '../../components/labels';
import { plural } from '../evidence/describe';

export type SealPreview = MethodOutput<'assessments.sealPreview'>;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Everything a submission freezes, in words and figures, so the assessor knows what they seal. */
export function SealSummary({ preview, headingId }: { preview: SealPreview; headingId: string }) {
  const { findings, readiness: r } = preview;
  const findingRows: [string, number][] = [
    ['Major nonconformities', findings.major],
    ['Minor nonconformities', findings.minor],
    ['Observations', findings.observation],
    ['Good practice', findings.goodPractice],
  ];
  const totalFindings = findingRows.reduce((n, [, c]) => n + c, 0);
  return (
    <div className="seal-summary">
      <dl className="summary-list">
        <dt>Standards</dt>
        <dd>
          <span className="mono">{preview.framework}</span>
        </dd>
        <dt>Revision</dt>
        <dd>{preview.revision}</dd>
        <dt>Criteria rated</dt>
        <dd>
          {preview.rated} of {preview.applicable}
          {preview.unrated.length > 0 ? (
            <span className="muted"> ({preview.unrated.length} not rated yet)</span>
          ) : null}
        </dd>
        <dt>Findings</dt>
        <dd>
          {totalFindings === 0
            ? 'None recorded'
            : findingRows
                .filter(([, n]) => n > 0)
                .map(([label, n]) => `${label}: ${n}`)
                .join('; ')}
        </dd>
        <dt>Evidence</dt>
        <dd>
          {preview.evidence.length === 0
            ? 'None attached'
            : `${plural(preview.evidence.length, 'item', 'items')}, each sealed by its fingerprint`}
        </dd>
        <dt>Outcome the standards recommend</dt>
        <dd>
          <span className={outcomeBadgeClass(r.outcome)}>{outcomeLabel(r.outcome)}</span> · overall
          score {r.scorePercent}%
        </dd>
      </dl>
      {r.reasons.length > 0 ? (
        <>
          <h3>Why that outcome</h3>
          <ul>
            {r.reasons.map((reason) => (
              <li key={reason}>{capitalise(reason)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h3 id={`${headingId}-evidence`}>Evidence sealed with it</h3>
      {preview.evidence.length === 0 ? (
        <p className="muted">No evidence is attached to this assessment.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby={`${headingId}-evidence`}>
            <thead>
              <tr>
                <th scope="col">Evidence</th>
                <th scope="col">Fingerprint (SHA-256) or link</th>
              </tr>
            </thead>
            <tbody>
              {preview.evidence.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{e.title}</th>
                  <td className="hash mono break-anywhere">{e.sha256 ?? e.url ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** What stops submission, each in words, with the criteria still to rate as links. */
export function Blockers({
  preview,
  assessmentId,
}: {
  preview: SealPreview;
  assessmentId: string;
}) {
  if (preview.blockers.length === 0) return null;
  return (
    <div className="notice notice-warning" id="submit-blockers">
      <h3 className="notice-heading">Not ready to submit</h3>
      <ul>
        {preview.blockers.map((b) => (
          <li key={b}>{capitalise(b)}.</li>
        ))}
      </ul>
      {preview.unrated.length > 0 ? (
        <>
          <p>Still to rate:</p>
          <ul className="inline-list">
            {preview.unrated.map((code) => (
              <li key={code}>
                <Link
                  to={`/assessments/${assessmentId}/domain/${code.replace(/\d.*$/, '')}`}
                  state={{ criterion: code }}
                >
                  {code}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
