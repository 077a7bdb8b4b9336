import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { AssessmentDetail } from '../../../shared/assessment/schema';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { plural } from '../../../shared/text/plural';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { CheckboxField } from '../../components/fields';
import { bothLoaded, LoadedPage } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { AssessmentHeader } from '../assessments/AssessmentHeader';
import { AddEvidenceForm } from './AddEvidenceForm';
import { domainChoices } from './criteria-choices';
import { standingOf } from './describe';
import { EvidenceCard, type EvidenceAction } from './EvidenceCard';
import { EvidenceDialog } from './EvidenceDialog';

interface EvidenceList {
  list: EvidenceRecord[];
  onDate: string;
}

/**
 * Every piece of evidence for one assessment: its full description, and the place to add files,
 * folders and links, correct details, change the criteria it supports, preview and remove.
 */
export function EvidencePage() {
  const { id = '' } = useParams();
  const [includeRemoved, setIncludeRemoved] = useState(false);
  const detail = useLoad(() => invoke('assessments.get', { id }), [id]);
  const evidence = useLoad(async (): Promise<EvidenceList> => {
    const [list, freshness] = await Promise.all([
      invoke('evidence.list', { assessmentId: id, includeRemoved }),
      invoke('evidence.freshness', { assessmentId: id }),
    ]);
    return { list, onDate: freshness.onDate };
  }, [id, includeRemoved]);
  return (
    <LoadedPage title="Evidence" state={bothLoaded(detail, evidence)} what="the evidence">
      {([assessment, listed]) => (
        <EvidenceScreen
          detail={assessment}
          evidence={listed}
          reload={evidence.reload}
          includeRemoved={includeRemoved}
          onIncludeRemoved={setIncludeRemoved}
        />
      )}
    </LoadedPage>
  );
}

function EvidenceScreen({
  detail,
  evidence: { list, onDate },
  reload,
  includeRemoved,
  onIncludeRemoved,
}: {
  detail: AssessmentDetail;
  evidence: EvidenceList;
  reload: () => void;
  includeRemoved: boolean;
  onIncludeRemoved: (include: boolean) => void;
}) {
  const { assessment } = detail;
  const [open, setOpen] = useState<{ action: EvidenceAction; record: EvidenceRecord } | null>(null);
  const [message, setMessage] = useState('');
  const choices = useMemo(() => domainChoices(detail), [detail]);
  // A removed card leaves nothing to return focus to, so it goes to the list's heading instead.
  const focusList = useRef(false);
  useEffect(() => {
    if (!focusList.current) return;
    focusList.current = false;
    document.getElementById('evidence-list-heading')?.focus();
  }, [list]);
  const sealed = assessment.status === 'submitted' || assessment.status === 'decided';
  const done = (text: string) => {
    setOpen(null);
    setMessage(text);
    reload();
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
      <EvidenceCounts list={list} onDate={onDate} />
      {sealed ? null : (
        <AddEvidence
          assessmentId={assessment.id}
          choices={choices}
          onAdded={(records) => {
            setMessage(`Added ${plural(records.length, 'piece', 'pieces')} of evidence.`);
            reload();
          }}
        />
      )}
      <section aria-labelledby="evidence-list-heading">
        <h2 id="evidence-list-heading" tabIndex={-1}>
          All evidence
        </h2>
        <CheckboxField
          name="include-removed"
          label="Show removed evidence too"
          value={includeRemoved}
          onChange={onIncludeRemoved}
        />
        {list.length === 0 ? <p>Nothing to show.</p> : null}
        {list.map((record) => (
          <EvidenceCard
            key={record.id}
            record={record}
            onDate={onDate}
            sealed={sealed}
            onAction={(action, chosen) => setOpen({ action, record: chosen })}
          />
        ))}
      </section>
      {open ? (
        <EvidenceDialog
          {...open}
          choices={choices}
          sealed={sealed}
          onClose={() => setOpen(null)}
          onDone={(text, { removed }) => {
            focusList.current = removed && !includeRemoved;
            done(text);
          }}
        />
      ) : null}
    </Page>
  );
}

/** How much evidence there is, how many criteria it covers, and how much is running out. */
function EvidenceCounts({ list, onDate }: EvidenceList) {
  const live = list.filter((record) => !record.removedAt);
  const covered = new Set(live.flatMap((record) => record.criteria)).size;
  const count = (state: string) =>
    live.filter((record) => standingOf(record, onDate).state === state).length;
  const expiring = count('expiring');
  const expired = count('expired');
  return (
    <p>
      {live.length === 0
        ? 'No evidence yet.'
        : `${plural(live.length, 'piece', 'pieces')} of evidence, supporting ${plural(covered, 'criterion', 'criteria')}.`}
      {expiring > 0 ? ` ${expiring} expiring within 30 days.` : ''}
      {expired > 0 ? ` ${expired} out of date.` : ''}
    </p>
  );
}

/** The add form, behind a button, for files, a whole folder or a link. */
function AddEvidence({
  assessmentId,
  choices,
  onAdded,
}: {
  assessmentId: string;
  choices: ReturnType<typeof domainChoices>;
  onAdded: (records: EvidenceRecord[]) => void;
}) {
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="add-evidence-heading">
      <h2 id="add-evidence-heading">Add evidence</h2>
      <button
        type="button"
        className="button secondary"
        aria-expanded={adding}
        aria-controls="add-evidence-panel"
        id="add-evidence-toggle"
        onClick={() => setAdding((shown) => !shown)}
      >
        {adding ? 'Close the form' : 'Add files, a folder or a link'}
      </button>
      <div id="add-evidence-panel" hidden={!adding} className="panel">
        {adding ? (
          <AddEvidenceForm
            assessmentId={assessmentId}
            prefix="ev-page"
            label="Add evidence"
            choices={choices}
            allowFolder
            onAdded={onAdded}
          />
        ) : null}
      </div>
    </section>
  );
}
