import {
  PROVIDER_TYPES,
  PROVIDER_TYPE_LABELS,
  REGIONS,
  REGION_LABELS,
} from '../../../shared/providers/vocabulary';
import { SelectField, TextArea, TextField } from '../../components/fields';
import type { Form } from '../../components/use-form';
import type { ProviderDraft } from './provider-draft';

/** What the organisation is and where: everything on the provider's form but its contacts. */
export function OrganisationFields({ form }: { form: Form<ProviderDraft> }) {
  const { field } = form;
  return (
    <>
      <TextField
        {...field('name')}
        label="Organisation name"
        required
        autoComplete="organization"
      />
      <SelectField
        {...field('type')}
        label="Type of provider"
        hint="Link worker services are assessed on link worker practice; activity providers on activities and services; both on everything."
        options={PROVIDER_TYPES}
        labels={PROVIDER_TYPE_LABELS}
        emptyLabel="Choose…"
        required
      />
      <fieldset className="fieldset">
        <legend>Legal identity</legend>
        <p className="hint">
          Leave both empty if the organisation is neither a registered charity nor a company.
        </p>
        <TextField
          {...field('charityNumber')}
          label="Charity number"
          hint="For example 1123456, SC012345 or NIC100123"
          width="medium"
        />
        <TextField
          {...field('companyNumber')}
          label="Company number"
          hint="8 characters, for example 08812345"
          width="medium"
        />
      </fieldset>
      <fieldset className="fieldset">
        <legend>Where it is</legend>
        <SelectField
          {...field('region')}
          label="Region or nation"
          options={REGIONS}
          labels={REGION_LABELS}
          emptyLabel="Not given"
        />
        <TextField {...field('addressLine1')} label="Address line 1" autoComplete="address-line1" />
        <TextField {...field('addressLine2')} label="Address line 2" autoComplete="address-line2" />
        <TextField
          {...field('town')}
          label="Town or city"
          width="medium"
          autoComplete="address-level2"
        />
        <TextField
          {...field('postcode')}
          label="Postcode"
          width="short"
          autoComplete="postal-code"
        />
      </fieldset>
      <TextField
        {...field('website')}
        label="Website"
        type="url"
        hint="Starting https://"
        autoComplete="url"
      />
      <TextArea {...field('description')} label="What the organisation does" />
    </>
  );
}
