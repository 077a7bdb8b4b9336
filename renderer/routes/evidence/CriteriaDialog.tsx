import { useState, type FormEvent } from 'react';
import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { invoke } from '../../api/bridge';
import { FormDialog } from '../../components/FormDialog';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useAction } from '../../components/use-action';
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
  const [chosen, setChosen] = useState<string[]>(record.criteria);
  const saving = useAction();
  async function submit(event: FormEvent) {
    event.preventDefault();
    await saving.run(async () =>
      onSaved(await invoke('evidence.attach', { id: record.id, criteria: chosen })),
    );
  }
  return (
    <FormDialog
      title={`Criteria for ${record.title}`}
      onClose={onClose}
      onSubmit={(event) => void submit(event)}
      submitLabel="Save criteria"
      busy={saving.busy}
      wide
    >
      <ProblemMessage problem={saving.problem} />
      <CriteriaPicker
        prefix={`attach-${record.id}`}
        domains={choices}
        selected={chosen}
        onChange={setChosen}
      />
    </FormDialog>
  );
}
