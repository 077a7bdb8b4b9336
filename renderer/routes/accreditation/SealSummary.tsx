import type { MethodOutput } from '../../../shared/contract';
import { plural } from '../../../shared/text/plural';
import { OutcomeBadge } from '../../components/OutcomeBadge';
import { Table } from '../../components/Table';
import { capitalise } from '../../components/text';
import { CriterionLink } from '../assessments/CriterionLink';
import { ReadinessReasons } from '../assessments/ReadinessReasons';

export type SealPreview = MethodOutput<'assessments.sealPreview'>;

/** Everything a submission freezes, in words and figures, so the assessor knows what they seal. */
export function SealSummary({ preview, headingId }: { preview: SealPreview; headingId: string }) {
  const { findings, readiness } = preview;
  const findingRows: [string, number][] = [
    ['Major nonconformities', findings.major],
    ['Minor nonconformities', findings.minor],
    ['Observations', findings.observation],
    ['Good practice', findings.goodPractice],
  ];
  const totalFindings = findingRows.reduce((sum, [, count]) => sum + count, 0);
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
                .filter(([, count]) => count > 0)
                .map(([label, count]) => `${label}: ${count}`)
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
          <OutcomeBadge outcome={readiness.outcome} /> · overall score {readiness.scorePercent}%
        </dd>
      </dl>
      {readiness.reasons.length > 0 ? (
        <>
          <h3>Why that outcome</h3>
          <ReadinessReasons reasons={readiness.reasons} />
        </>
      ) : null}
      <h3 id={`${headingId}-evidence`}>Evidence sealed with it</h3>
      {preview.evidence.length === 0 ? (
        <p className="muted">No evidence is attached to this assessment.</p>
      ) : (
        <Table
          caption="Evidence sealed with it"
          hideCaption
          headings={['Evidence', 'Fingerprint (SHA-256) or link']}
        >
          {preview.evidence.map((record) => (
            <tr key={record.id}>
              <th scope="row">{record.title}</th>
              <td className="hash mono break-anywhere">{record.sha256 ?? record.url ?? '—'}</td>
            </tr>
          ))}
        </Table>
      )}
    </div>
  );
}

/** What stops submission, each in words, with the criteria still to rate as links. */
export function Blockers({ preview }: { preview: SealPreview }) {
  if (preview.blockers.length === 0) return null;
  return (
    <div className="notice notice-warning" id="submit-blockers">
      <h3 className="notice-heading">Not ready to submit</h3>
      <ul>
        {preview.blockers.map((blocker) => (
          <li key={blocker}>{capitalise(blocker)}.</li>
        ))}
      </ul>
      {preview.unrated.length > 0 ? (
        <>
          <p>Still to rate:</p>
          <ul className="inline-list">
            {preview.unrated.map((code) => (
              <li key={code}>
                <CriterionLink assessmentId={preview.assessment.id} code={code} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
