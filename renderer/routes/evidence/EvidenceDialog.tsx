import type { EvidenceRecord } from '../../../shared/evidence/schema';
import { CriteriaDialog } from './CriteriaDialog';
import type { DomainChoices } from './CriteriaPicker';
import { EditEvidenceDialog } from './EditEvidenceDialog';
import type { EvidenceAction } from './EvidenceCard';
import { PreviewDialog } from './PreviewDialog';
import { RemoveEvidenceDialog, removalMessage } from './RemoveEvidenceDialog';

/**
 * The dialog for what was chosen on an evidence card. A change ends with a sentence for the
 * status line, and says whether the record was removed (so focus has somewhere else to go).
 */
export function EvidenceDialog({
  action,
  record,
  choices,
  sealed,
  onClose,
  onDone,
}: {
  action: EvidenceAction;
  record: EvidenceRecord;
  choices: DomainChoices[];
  sealed: boolean;
  onClose: () => void;
  onDone: (message: string, change: { removed: boolean }) => void;
}) {
  switch (action) {
    case 'preview':
      return <PreviewDialog record={record} onClose={onClose} />;
    case 'edit':
      return (
        <EditEvidenceDialog
          record={record}
          onClose={onClose}
          onSaved={(saved) => onDone(`Saved the details of ${saved.title}.`, { removed: false })}
        />
      );
    case 'criteria':
      return (
        <CriteriaDialog
          record={record}
          choices={choices}
          onClose={onClose}
          onSaved={(saved) =>
            onDone(
              saved.criteria.length > 0
                ? `${saved.title} now supports ${saved.criteria.join(', ')}.`
                : `${saved.title} now supports no criterion.`,
              { removed: false },
            )
          }
        />
      );
    case 'remove':
      return (
        <RemoveEvidenceDialog
          record={record}
          sealed={sealed}
          onClose={onClose}
          onRemoved={(result) => onDone(removalMessage(result), { removed: true })}
        />
      );
  }
}
