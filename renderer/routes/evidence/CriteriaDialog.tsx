import { useId, useState, type FormEvent } from 'react';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { invoke } from '../../api/bridge';
import { Dialog } from '../../components/Dialog';
import { CriteriaPicker, type DomainChoices } from './CriteriaPicker';

/** Changes which criteria a piece of evidence supports; one file can stand for several. */
export function CriteriaDialog({
  record,
  choices,
  onClose,
  onSaved,
}: {
  record: EvidenceRecord;
  choices: DomainChoices[];
  onClose: () => void;
  onSaved: (record: EvidenceRecord) => void;
}) {
  const formId = useId();
  const [chosen, setChosen] = useState<string[]>(record.criteria);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      onSaved(await invoke('evidence.attach', { id: record.id, criteria: chosen }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={`Criteria for ${record.title}`}
      onClose={onClose}
      wide
      footer={
        <>
          <button type="submit" form={formId} className="button" disabled={busy}>
            Save criteria
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
            Cancel
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)} noValidate>
        {error ? (
          <p className="error-message" role="alert">
            {error}
          </p>
        ) : null}
        <CriteriaPicker
          prefix={`attach-${record.id}`}
          domains={choices}
          selected={chosen}
          onChange={setChosen}
        />
      </form>
    </Dialog>
  );
}
