import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { CheckboxField } from '../../components/fields';
import { LoadError, Loading } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { AssessmentHeader } from '../assessments/AssessmentHeader';
import { AddEvidenceForm } from './AddEvidenceForm';
import { CriteriaDialog } from './CriteriaDialog';
import { domainChoices } from './criteria-choices';
import { plural, standingOf } from './describe';
import { EditEvidenceDialog } from './EditEvidenceDialog';
import { EvidenceCard, type EvidenceAction } from './EvidenceCard';
import { PreviewDialog } from './PreviewDialog';
import { RemoveEvidenceDialog, removalMessage } from './RemoveEvidenceDialog';

/**
 * Every piece of evidence for one assessment: its full description, and the place to add files,
 * folders and links, correct details, change the criteria it supports, preview and remove.
 */
export function EvidencePage() {
  const { id = '' } = useParams();
  const [includeRemoved, setIncludeRemoved] = useState(false);
  const detail = useLoad(() => invoke('assessments.get', { id }), [id]);
  const evidence = useLoad(async () => {
    const [list, freshness] = await Promise.all([
      invoke('evidence.list', { assessmentId: id, includeRemoved }),
      invoke('evidence.freshness', { assessmentId: id }),
    ]);
    return { list, onDate: freshness.onDate };
  }, [id, includeRemoved]);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<{ action: EvidenceAction; record: EvidenceRecord } | null>(null);
  const [message, setMessage] = useState('');
  const choices = useMemo(() => (detail.data ? domainChoices(detail.data) : []), [detail.data]);
  // A removed card leaves nothing to return focus to, so it goes to the list's heading instead.
  const focusList = useRef(false);
  useEffect(() => {
    if (focusList.current && evidence.data) {
      focusList.current = false;
      document.getElementById('evidence-list-heading')?.focus();
    }
  }, [evidence.data]);

  const error = detail.error ?? evidence.error;
  if (error)
    return (
      <Page title="Evidence">
        <LoadError
          error={error}
          retry={() => {
            detail.reload();
            evidence.reload();
          }}
        />
      </Page>
    );
  if (!detail.data || !evidence.data)
    return (
      <Page title="Evidence">
        <Loading what="the evidence" />
      </Page>
    );

  const { assessment } = detail.data;
  const { list, onDate } = evidence.data;
  const sealed = assessment.status === 'submitted' || assessment.status === 'decided';
  const live = list.filter((e) => !e.removedAt);
  const covered = new Set(live.flatMap((e) => e.criteria)).size;
  const expiring = live.filter((e) => standingOf(e, onDate).state === 'expiring').length;
  const expired = live.filter((e) => standingOf(e, onDate).state === 'expired').length;

  const done = (text: string) => {
    setOpen(null);
    setMessage(text);
    evidence.reload();
  };

  return (
    <Page title={`Evidence: ${assessment.providerName}`}>
      <AssessmentHeader assessment={assessment} current="evidence" />
      <p role="status" className="status-line">
        {message}
      </p>
      {sealed ? (
        <p className="notice notice-info">
          This assessment is {assessment.status}, so its evidence is sealed as the assessor received
          it: you can preview and open every piece, but not change or remove any.
        </p>
      ) : null}
      <p>
        {live.length === 0
          ? 'No evidence yet.'
          : `${plural(live.length, 'piece', 'pieces')} of evidence, supporting ${plural(covered, 'criterion', 'criteria')}.`}
        {expiring > 0 ? ` ${expiring} expiring within 30 days.` : ''}
        {expired > 0 ? ` ${expired} out of date.` : ''}
      </p>

      {sealed ? null : (
        <section aria-labelledby="add-evidence-heading">
          <h2 id="add-evidence-heading">Add evidence</h2>
          <button
            type="button"
            className="button secondary"
            aria-expanded={adding}
            aria-controls="add-evidence-panel"
            id="add-evidence-toggle"
            onClick={() => setAdding((a) => !a)}
          >
            {adding ? 'Close the form' : 'Add files, a folder or a link'}
          </button>
          <div id="add-evidence-panel" hidden={!adding} className="panel">
            {adding ? (
              <AddEvidenceForm
                assessmentId={id}
                prefix="ev-page"
                label="Add evidence"
                choices={choices}
                allowFolder
                onAdded={(records) => {
                  setMessage(`Added ${plural(records.length, 'piece', 'pieces')} of evidence.`);
                  evidence.reload();
                }}
              />
            ) : null}
          </div>
        </section>
      )}

      <section aria-labelledby="evidence-list-heading">
        <h2 id="evidence-list-heading" tabIndex={-1}>
          All evidence
        </h2>
        <CheckboxField
          name="include-removed"
          label="Show removed evidence too"
          checked={includeRemoved}
          onChange={setIncludeRemoved}
        />
        {list.length === 0 ? <p>Nothing to show.</p> : null}
        {list.map((r) => (
          <EvidenceCard
            key={r.id}
            record={r}
            onDate={onDate}
            sealed={sealed}
            onAction={(action, record) => setOpen({ action, record })}
          />
        ))}
      </section>

      {open?.action === 'preview' ? (
        <PreviewDialog record={open.record} onClose={() => setOpen(null)} />
      ) : null}
      {open?.action === 'edit' ? (
        <EditEvidenceDialog
          record={open.record}
          onClose={() => setOpen(null)}
          onSaved={(r) => done(`Saved the details of ${r.title}.`)}
        />
      ) : null}
      {open?.action === 'criteria' ? (
        <CriteriaDialog
          record={open.record}
          choices={choices}
          onClose={() => setOpen(null)}
          onSaved={(r) =>
            done(
              r.criteria.length > 0
                ? `${r.title} now supports ${r.criteria.join(', ')}.`
                : `${r.title} now supports no criterion.`,
            )
          }
        />
      ) : null}
      {open?.action === 'remove' ? (
        <RemoveEvidenceDialog
          record={open.record}
          sealed={sealed}
          onClose={() => setOpen(null)}
          onRemoved={(result) => {
            focusList.current = !includeRemoved;
            done(removalMessage(result));
          }}
        />
      ) : null}
    </Page>
  );
}
