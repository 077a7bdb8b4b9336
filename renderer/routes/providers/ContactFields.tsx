import { TextField } from '../../components/fields';
import type { Form } from '../../components/use-form';
import {
  contactField,
  EMPTY_CONTACT,
  type ContactDraft,
  type ProviderDraft,
} from './provider-draft';

/** Each part of a contact, as its field asks for it. */
const PARTS: { key: keyof ContactDraft; label: string; type?: 'email' | 'tel'; required?: true }[] =
  [
    { key: 'name', label: 'Name', required: true },
    { key: 'role', label: 'Role' },
    { key: 'email', label: 'Email', type: 'email' },
    { key: 'phone', label: 'Phone', type: 'tel' },
  ];

/** The provider's contacts: as many as needed, each added and removed here. */
export function ContactFields({ form }: { form: Form<ProviderDraft> }) {
  const { draft, setDraft, errorFor } = form;
  const setContacts = (change: (contacts: ContactDraft[]) => ContactDraft[]) =>
    setDraft((current) => ({ ...current, contacts: change(current.contacts) }));
  return (
    <fieldset className="fieldset">
      <legend>Contacts</legend>
      {draft.contacts.length === 0 ? <p className="hint">No contacts yet.</p> : null}
      {draft.contacts.map((contact, index) => (
        <fieldset className="fieldset nested" key={index}>
          <legend>Contact {index + 1}</legend>
          {PARTS.map(({ key, label, type, required }) => (
            <TextField
              key={key}
              name={contactField(index, key)}
              label={label}
              type={type}
              value={contact[key]}
              onChange={(value) =>
                setContacts((contacts) =>
                  contacts.map((other, at) => (at === index ? { ...other, [key]: value } : other)),
                )
              }
              error={errorFor(contactField(index, key))}
              required={required}
              width="medium"
            />
          ))}
          <button
            type="button"
            className="button link"
            onClick={() => setContacts((contacts) => contacts.filter((_, at) => at !== index))}
          >
            Remove contact {index + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button secondary"
        onClick={() => setContacts((contacts) => [...contacts, EMPTY_CONTACT])}
      >
        Add a contact
      </button>
    </fieldset>
  );
}
