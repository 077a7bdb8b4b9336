import type { FieldError } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';

export const MIN_PASSPHRASE = 10;

export interface PassphraseDraft {
  passphrase: string;
  confirm: string;
}

export const EMPTY_PASSPHRASE: PassphraseDraft = { passphrase: '', confirm: '' };

/** What is wrong with a passphrase before it is sent, keyed by field; empty when nothing is. */
export function passphraseProblems(draft: PassphraseDraft, creating: boolean): FieldError[] {
  if (!draft.passphrase) return [{ field: 'passphrase', message: 'Enter the signing passphrase' }];
  if (!creating) return [];
  if (draft.passphrase.length < MIN_PASSPHRASE)
    return [
      {
        field: 'passphrase',
        message: `The passphrase must be at least ${MIN_PASSPHRASE} characters`,
      },
    ];
  if (draft.confirm !== draft.passphrase)
    return [{ field: 'confirmPassphrase', message: 'The two passphrases are not the same' }];
  return [];
}

/**
 * The signing passphrase: one field to unlock the network key, or, when the key is being
 * created, the new passphrase twice so a typing slip cannot lock the key away for good.
 */
export function PassphraseFields({
  creating,
  draft,
  onChange,
  errorFor,
}: {
  creating: boolean;
  draft: PassphraseDraft;
  onChange: (draft: PassphraseDraft) => void;
  errorFor: (field: string) => string | undefined;
}) {
  return (
    <>
      <TextField
        name="passphrase"
        label={creating ? 'New signing passphrase' : 'Signing passphrase'}
        type="password"
        hint={
          creating
            ? `At least ${MIN_PASSPHRASE} characters. It cannot be recovered: without it no more certificates can be signed with this key.`
            : 'The passphrase that unlocks the network’s signing key.'
        }
        value={draft.passphrase}
        onChange={(passphrase) => onChange({ ...draft, passphrase })}
        error={errorFor('passphrase')}
        autoComplete={creating ? 'new-password' : 'current-password'}
        width="medium"
        required
      />
      {creating ? (
        <TextField
          name="confirmPassphrase"
          label="Type the passphrase again"
          type="password"
          value={draft.confirm}
          onChange={(confirm) => onChange({ ...draft, confirm })}
          error={errorFor('confirmPassphrase')}
          autoComplete="new-password"
          width="medium"
          required
        />
      ) : null}
    </>
  );
}
