import { useState, type FormEvent } from 'react';
import type { FieldError } from './ErrorSummary';
import { fieldErrorsFrom, firstPart } from './problems';

export interface FormOptions<D> {
  initial: D | (() => D);
  /**
   * Put before each field's name, for a form that can be open more than once on a screen (a
   * service's form beside another's). Field errors use the prefixed names too.
   */
  prefix?: string;
  /** What is wrong before asking the core, if anything; nothing is sent while there is. */
  check?: (draft: D) => FieldError[];
  /** Sends the draft; a failure is shown against the fields it names. */
  send: (draft: D) => Promise<void>;
  /**
   * Reads the core's refusal of the draft sent as field errors; by default each problem's path
   * names its field.
   */
  errorsFrom?: (error: unknown, sent: D) => FieldError[];
}

/** What a field takes from its form: its name, value, how it changes and what is wrong with it. */
export interface FieldProps<V> {
  name: string;
  value: V;
  onChange: (value: V) => void;
  error: string | undefined;
}

/**
 * The props of each field over a draft: `field(key)` for one of its keys. `update` changes the
 * draft from what it is now, so a part of a larger form's draft can have fields of its own.
 */
export function fieldsOf<D extends object>({
  draft,
  update,
  errors,
  prefix = '',
}: {
  draft: D;
  update: (change: (current: D) => D) => void;
  errors: FieldError[];
  /** Put before each key to name its field, as FormOptions.prefix. */
  prefix?: string;
}) {
  return <K extends keyof D & string>(key: K): FieldProps<D[K]> => ({
    name: `${prefix}${key}`,
    value: draft[key],
    onChange: (value) => update((current) => ({ ...current, [key]: value })),
    error: errors.find((e) => e.field === `${prefix}${key}`)?.message,
  });
}

/**
 * A form's draft, its field errors and its sending. `field(key)` gives the props a text, select or
 * radio field takes for one of the draft's keys, so a field says only what is its own (label,
 * hint, width); `onSubmit` checks, sends and shows what went wrong.
 */
export function useForm<D extends object>({
  initial,
  prefix = '',
  check = () => [],
  send,
  errorsFrom = (error) => fieldErrorsFrom(error, (path) => `${prefix}${firstPart(path)}`),
}: FormOptions<D>) {
  const [draft, setDraft] = useState<D>(initial);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof D>(key: K) =>
    (value: D[K]) =>
      setDraft((current) => ({ ...current, [key]: value }));
  const errorFor = (name: string) => errors.find((e) => e.field === name)?.message;
  const field = fieldsOf({ draft, update: setDraft, errors, prefix });

  async function submit(event: FormEvent) {
    event.preventDefault();
    // Enter in a text box would send it again while it is still being sent.
    if (busy) return;
    const problems = check(draft);
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      await send(draft);
    } catch (error) {
      setErrors(errorsFrom(error, draft));
    } finally {
      setBusy(false);
    }
  }

  return {
    draft,
    setDraft,
    set,
    field,
    errors,
    setErrors,
    errorFor,
    busy,
    onSubmit: (event: FormEvent) => void submit(event),
  };
}

/** A form made by useForm, for the parts of a long form drawn by components of their own. */
export type Form<D extends object> = ReturnType<typeof useForm<D>>;
