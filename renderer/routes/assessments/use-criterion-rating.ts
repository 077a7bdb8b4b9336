import { useEffect, useRef, useState } from 'react';
import type { RatingValue } from '../../../shared/assessment/ratings';
import type { RatingRecord } from '../../../shared/assessment/schema';
import { messageOf } from '../../../shared/error-message';
import { ApiError } from '../../api/bridge';

export interface RatingDraft {
  rating: RatingValue | null;
  note: string;
  reason: string;
  /** Why an essential criterion is Met without current evidence; empty when it has evidence. */
  overrideReason: string;
}

export type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** The core's refusal to rate an essential criterion Met with no evidence current today. */
function needsEvidence(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.code === 'invalid_input' &&
    (error.details as { rule?: string } | undefined)?.rule === 'evidence_required'
  );
}

export const draftOf = (record: RatingRecord | undefined): RatingDraft => ({
  rating: record?.rating ?? null,
  note: record?.note ?? '',
  reason: record?.reason ?? '',
  overrideReason: record?.overrideReason ?? '',
});

/**
 * One criterion's rating as it is being chosen and saved. Saves go one after another, so arrowing
 * through the options can never land out of order. Not applicable waits for its reason. Met on an
 * essential criterion without current evidence is refused by the core: it then waits
 * (`awaitingEvidence`) until evidence is added, when it is saved by itself, or an override reason
 * is given.
 */
export function useCriterionRating({
  record,
  currentEvidence,
  onSave,
}: {
  record: RatingRecord | undefined;
  /** How many pieces of its evidence are current on the assessment date. */
  currentEvidence: number;
  onSave: (draft: RatingDraft) => Promise<void>;
}) {
  const [draft, setDraft] = useState<RatingDraft>(() => draftOf(record));
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [problem, setProblem] = useState('');
  const [awaitingEvidence, setAwaitingEvidence] = useState(false);
  const evidenceAtRefusal = useRef(0);
  const latestEvidence = useRef(currentEvidence);
  const queue = useRef<Promise<void>>(Promise.resolve());

  // The rating last chosen here. A save that lands after a newer choice (arrowing across the
  // options saves each one in turn; Not applicable waits for its reason; Met waits for evidence)
  // must not put the older rating back on screen.
  const lastChoice = useRef<RatingValue | null | undefined>(undefined);
  useEffect(() => {
    if (lastChoice.current !== undefined && lastChoice.current !== (record?.rating ?? null)) return;
    setDraft(draftOf(record));
  }, [record]);

  async function save(next: RatingDraft) {
    lastChoice.current = next.rating;
    setDraft(next);
    setAwaitingEvidence(false);
    if (next.rating === 'na' && !next.reason.trim()) {
      setProblem(
        'Not applicable needs a reason. Type it below; it is saved when you leave the field.',
      );
      setSaveState('idle');
      return;
    }
    setProblem('');
    setSaveState('saving');
    queue.current = queue.current.then(async () => {
      try {
        await onSave(next);
        setSaveState('saved');
      } catch (error) {
        if (needsEvidence(error)) {
          setSaveState('idle');
          // Arrowing on past Met has already moved on from it; only a standing choice waits.
          if (lastChoice.current !== 'met') return;
          evidenceAtRefusal.current = latestEvidence.current;
          setAwaitingEvidence(true);
          return;
        }
        setSaveState('error');
        setProblem(messageOf(error));
      }
    });
    await queue.current;
  }

  // Evidence added while Met was held back: the rating the person chose can now be saved. Only
  // more current evidence than at the refusal retries, so a stale count can never loop.
  const retry = useRef<() => void>(() => undefined);
  useEffect(() => {
    retry.current = () => void save(draft);
    latestEvidence.current = currentEvidence;
  });
  useEffect(() => {
    if (awaitingEvidence && currentEvidence > evidenceAtRefusal.current) retry.current();
  }, [awaitingEvidence, currentEvidence]);

  return {
    draft,
    setDraft,
    saveState,
    problem,
    awaitingEvidence,
    save,
    // A different rating drops an override reason: it only ever explains Met.
    choose: (rating: RatingValue) =>
      save({ ...draft, rating, overrideReason: rating === 'met' ? draft.overrideReason : '' }),
    /** Gives up waiting for evidence: the rating goes back to what is saved. */
    keepSaved: () => {
      setAwaitingEvidence(false);
      lastChoice.current = undefined;
      setDraft(draftOf(record));
    },
    /** Whether the note or the reason differs from what is saved. */
    edited: (field: 'note' | 'reason') => draft[field] !== (record?.[field] ?? ''),
  };
}
