import { useRef } from 'react';
import type { TrustedKey } from '../../../shared/bundles/schema';
import { messageOf } from '../../../shared/error-message';
import { invoke } from '../../api/bridge';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { describedBy, Field } from '../../components/Field';
import { TextField } from '../../components/fields';
import { sentence } from '../../components/text';
import { useForm } from '../../components/use-form';

const MAX_PEM_BYTES = 10_000;

interface Draft {
  file: File | null;
  name: string;
}

function checkKey(draft: Draft): FieldError[] {
  const problems: FieldError[] = [];
  if (!draft.file)
    problems.push({ field: 'key-file', message: 'Choose the public key file (.pem)' });
  else if (draft.file.size > MAX_PEM_BYTES)
    problems.push({ field: 'key-file', message: 'That file is too large to be a public key' });
  if (draft.name.trim().length < 2)
    problems.push({ field: 'key-name', message: 'Enter whose key this is' });
  return problems;
}

/** Trusts another installation's key, from its public key file, under a name for it. */
export function AddKeyForm({
  onAdded,
  onStart,
}: {
  onAdded: (key: TrustedKey) => void;
  /** Sending has begun, so what the screen said of the last change is stale. */
  onStart: () => void;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const form = useForm<Draft>({
    initial: { file: null, name: '' },
    // The form's fields are key-file and key-name.
    prefix: 'key-',
    check: checkKey,
    send: async ({ file, name }) => {
      if (!file) return;
      const added = await invoke('trustedKeys.add', { pem: await file.text(), name });
      form.setDraft({ file: null, name: '' });
      if (fileInput.current) fileInput.current.value = '';
      onAdded(added);
    },
    errorsFrom: (error) => [{ field: 'key-file', message: sentence(messageOf(error)) }],
  });
  const fileError = form.errorFor('key-file');
  return (
    <section className="panel" aria-labelledby="add-key-heading">
      <h2 id="add-key-heading">Trust another key</h2>
      <ErrorSummary errors={form.errors} />
      <form
        onSubmit={(event) => {
          onStart();
          form.onSubmit(event);
        }}
        noValidate
      >
        <Field
          id="field-key-file"
          label="Public key file (.pem)"
          hint={
            <>
              The sender makes it with “Download your public key” on this screen, or with{' '}
              <span className="mono">spqa keys export-public FILE</span>.
            </>
          }
          hintId="hint-key-file"
          error={fileError}
          errorId="error-key-file"
        >
          <input
            id="field-key-file"
            ref={fileInput}
            type="file"
            accept=".pem,application/x-pem-file,text/plain"
            className="file-input"
            aria-describedby={describedBy('hint-key-file', fileError && 'error-key-file')}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => form.set('file')(e.currentTarget.files?.[0] ?? null)}
          />
        </Field>
        <TextField
          {...form.field('name')}
          label="Whose key is it?"
          hint="For example the network or organisation that sends you bundles."
          width="medium"
          required
        />
        <button type="submit" className="button" disabled={form.busy}>
          Trust this key
        </button>
      </form>
    </section>
  );
}
