import { RadioGroup } from '../../components/RadioGroup';
import { TextArea } from '../../components/fields';

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
  text,
  onKind,
  onText,
  errors,
}: {
  providerName: string;
  kind: DeclarationKind | '';
  text: string;
  onKind: (kind: DeclarationKind) => void;
  onText: (text: string) => void;
  errors: { kind?: string | undefined; text?: string | undefined };
}) {
  return (
    <RadioGroup
      name="declaration"
      legend={`Your interests in ${providerName}`}
      hint={`A conflict is any advice, consultancy, paid or unpaid work, or trusteeship for ${providerName} in the past two years, or a close personal or financial tie to it.`}
      value={kind}
      options={KINDS}
      labels={LABELS}
      optionHints={{
        none: `I have not advised or worked for ${providerName} in the past two years and have no other interest in it.`,
      }}
      onChange={onKind}
      error={errors.kind}
    >
      {kind === 'conflict' ? (
        <div className="conditional-reveal">
          <TextArea
            name="conflictText"
            label="Describe the conflict"
            hint="For example: “I advised them on their safeguarding policy in March last year.”"
            value={text}
            onChange={onText}
            error={errors.text}
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
