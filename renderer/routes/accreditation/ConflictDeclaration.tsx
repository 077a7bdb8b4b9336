import { TextArea } from '../../components/fields';
import { RadioGroup } from '../../components/RadioGroup';
import type { FieldProps } from '../../components/use-form';

export type DeclarationKind = 'none' | 'conflict';

const KINDS = ['none', 'conflict'] as const;
const LABELS: Record<DeclarationKind, string> = {
  none: 'I have no conflict of interest',
  conflict: 'I have a conflict of interest to declare',
};

/**
 * The assessor's declaration before any rating. Advice or consultancy to the provider in the past
 * two years is a conflict: the assessment is then recorded as blocked, and the screen says so
 * before it is started, not after.
 */
export function ConflictDeclaration({
  providerName,
  kind,
  description,
}: {
  providerName: string;
  kind: FieldProps<DeclarationKind | ''>;
  /** What the conflict is, asked for once one is declared. */
  description: FieldProps<string>;
}) {
  return (
    <RadioGroup
      {...kind}
      legend={`Your interests in ${providerName}`}
      hint={`A conflict is any advice, consultancy, paid or unpaid work, or trusteeship for ${providerName} in the past two years, or a close personal or financial tie to it.`}
      options={KINDS}
      labels={LABELS}
      optionHints={{
        none: `I have not advised or worked for ${providerName} in the past two years and have no other interest in it.`,
      }}
    >
      {kind.value === 'conflict' ? (
        <div className="conditional-reveal">
          <TextArea
            {...description}
            label="Describe the conflict"
            hint="For example: “I advised them on their safeguarding policy in March last year.”"
            rows={3}
            required
          />
          <div className="notice notice-warning" id="conflict-consequence">
            <p>
              <strong>A conflict blocks this assessment.</strong> Your declaration is recorded, but
              the assessment cannot be rated, submitted or decided. Another assessor with no
              conflict will need to assess {providerName}.
            </p>
          </div>
        </div>
      ) : null}
    </RadioGroup>
  );
}
