import type { MethodOutput } from '../../../shared/contract';
import { frameworkKey } from '../../../shared/framework/schema';
import { Field } from '../../components/Field';

type Frameworks = MethodOutput<'frameworks.list'>;

/** Which version of the standards a new assessment uses, as a `id@version` key. */
export function FrameworkChoice({
  frameworks,
  value,
  onChange,
  hint,
}: {
  frameworks: Frameworks;
  value: string;
  onChange: (key: string) => void;
  hint: string;
}) {
  return (
    <Field id="field-framework" label="Standards version" hint={hint} hintId="hint-framework">
      <select
        id="field-framework"
        className="input input-long"
        value={value}
        aria-describedby="hint-framework"
        onChange={(e) => onChange(e.target.value)}
      >
        {frameworks.map((framework) => (
          <option key={frameworkKey(framework)} value={frameworkKey(framework)}>
            {framework.title} {framework.version}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** The choice before any is made: the first framework listed (each id newest first), if any. */
export const firstFrameworkKey = (frameworks: Frameworks) =>
  frameworks[0] ? frameworkKey(frameworks[0]) : '';
