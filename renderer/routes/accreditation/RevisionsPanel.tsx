import type { Revision } from '../../../shared/accreditation/schema';
import type { AssessmentSummary } from '../../../shared/assessment/schema';
import { invoke } from '../../api/bridge';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextArea } from '../../components/fields';
import { formatDate } from '../../components/labels';
import { fieldErrorsFrom } from '../../components/problems';
import { SubmitButton } from '../../components/SubmitButton';
import { Table } from '../../components/Table';
import { useForm } from '../../components/use-form';

/** Every revision of the assessment: why it was opened, when it was sealed and its fingerprint. */
export function RevisionHistory({ revisions }: { revisions: Revision[] }) {
  return (
    <section aria-labelledby="revisions-heading">
      <h2 id="revisions-heading">Revisions</h2>
      <Table
        caption="Revisions of this assessment, oldest first"
        hideCaption
        headings={['Revision', 'Opened', 'Reason', 'Sealed', 'Fingerprint (SHA-256)']}
      >
        {revisions.map((revision) => (
          <tr key={revision.revision}>
            <th scope="row">{revision.revision}</th>
            <td>
              {formatDate(revision.openedAt)}
              <br />
              <span className="muted">by {revision.openedBy}</span>
            </td>
            <td className="pre-line">{revision.reason}</td>
            <td>
              {revision.sealedAt ? (
                <>
                  {formatDate(revision.sealedAt)}
                  <br />
                  <span className="muted">by {revision.sealedBy}</span>
                </>
              ) : (
                <span className="badge badge-muted">Open</span>
              )}
            </td>
            <td className="hash mono break-anywhere">{revision.sha256 ?? 'Not sealed yet'}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
}

/**
 * A sealed assessment never changes: a correction opens a new revision, with its reason, and the
 * sealed one stays exactly as it was.
 */
export function NewRevisionForm({
  assessment,
  onOpened,
}: {
  assessment: AssessmentSummary;
  onOpened: (revision: Revision) => void;
}) {
  const form = useForm({
    initial: { revisionReason: '' },
    check: ({ revisionReason }) =>
      revisionReason.trim().length < 3
        ? [{ field: 'revisionReason', message: 'Give the reason for a new revision' }]
        : [],
    send: async ({ revisionReason }) => {
      const result = await invoke('assessments.revise', {
        id: assessment.id,
        reason: revisionReason.trim(),
      });
      form.setDraft({ revisionReason: '' });
      onOpened(result.revision);
    },
    errorsFrom: (error) =>
      fieldErrorsFrom(error, (path) => (path === 'reason' ? 'revisionReason' : path)),
  });
  return (
    <section aria-labelledby="new-revision-heading" className="panel">
      <h2 id="new-revision-heading">Open a new revision</h2>
      <p>
        Revision {assessment.revision} stays sealed exactly as it is. A new revision{' '}
        {assessment.revision + 1} starts from its ratings and findings so you can correct them, then
        is submitted and sealed on its own.
        {assessment.status === 'decided'
          ? ' The decision already made stays on record for the earlier revision; the new one needs a decision of its own.'
          : ''}
      </p>
      <form onSubmit={form.onSubmit} noValidate>
        <ErrorSummary errors={form.errors} title="The revision could not be opened" />
        <TextArea
          {...form.field('revisionReason')}
          label="Reason for a new revision"
          hint="For example: the provider sent its updated safeguarding policy after the visit."
          rows={2}
          required
        />
        <SubmitButton busy={form.busy} busyLabel="Opening…" secondary>
          Open revision {assessment.revision + 1}
        </SubmitButton>
      </form>
    </section>
  );
}
