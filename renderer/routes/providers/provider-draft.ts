import type { Provider, ProviderInput } from '../../../shared/providers/schema';
import type { ProviderType, Region } from '../../../shared/providers/vocabulary';
import type { FieldError } from '../../components/ErrorSummary';
import { firstPart } from '../../components/problems';

export interface ContactDraft {
  name: string;
  role: string;
  email: string;
  phone: string;
}

/** A provider as typed into its form: empty strings, not nulls, and nothing chosen yet as ''. */
export interface ProviderDraft {
  name: string;
  type: ProviderType | '';
  charityNumber: string;
  companyNumber: string;
  region: Region | '';
  addressLine1: string;
  addressLine2: string;
  town: string;
  postcode: string;
  website: string;
  description: string;
  contacts: ContactDraft[];
}

export const EMPTY_CONTACT: ContactDraft = { name: '', role: '', email: '', phone: '' };

export const EMPTY_PROVIDER: ProviderDraft = {
  name: '',
  type: '',
  charityNumber: '',
  companyNumber: '',
  region: '',
  addressLine1: '',
  addressLine2: '',
  town: '',
  postcode: '',
  website: '',
  description: '',
  contacts: [],
};

export function draftFromProvider(provider: Provider): ProviderDraft {
  return {
    name: provider.name,
    type: provider.type,
    charityNumber: provider.charityNumber ?? '',
    companyNumber: provider.companyNumber ?? '',
    region: provider.region ?? '',
    addressLine1: provider.addressLine1 ?? '',
    addressLine2: provider.addressLine2 ?? '',
    town: provider.town ?? '',
    postcode: provider.postcode ?? '',
    website: provider.website ?? '',
    description: provider.description ?? '',
    contacts: provider.contacts.map((contact) => ({
      name: contact.name,
      role: contact.role ?? '',
      email: contact.email ?? '',
      phone: contact.phone ?? '',
    })),
  };
}

export function inputFrom(draft: ProviderDraft): ProviderInput {
  return {
    ...draft,
    type: draft.type as ProviderType,
    region: draft.region === '' ? null : draft.region,
    contacts: draft.contacts,
  };
}

/** What must be there before the core is asked. */
export function checkProvider(draft: ProviderDraft): FieldError[] {
  const missing: FieldError[] = [];
  if (!draft.name.trim()) missing.push({ field: 'name', message: 'Enter the organisation’s name' });
  if (!draft.type) missing.push({ field: 'type', message: 'Choose the type of provider' });
  return missing;
}

/** The form field of a contact's part: contact 1's email is `contact-0-email`. */
export const contactField = (index: number, key: keyof ContactDraft) => `contact-${index}-${key}`;

// Problems come back keyed by the core's names; contacts[0].email becomes contact-0-email.
export function providerFieldOf(path: string): string {
  const contact = /^contacts\[(\d+)\]\.(\w+)/.exec(path);
  if (contact) return `contact-${contact[1]}-${contact[2]}`;
  if (path === 'charity_number') return 'charityNumber';
  if (path === 'company_number') return 'companyNumber';
  return firstPart(path);
}
