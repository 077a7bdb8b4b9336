import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { AssessmentSummary } from '../../../shared/assessment/schema';
import type { MethodOutput } from '../../../shared/contract';
import { parseFrameworkKey } from '../../../shared/framework/schema';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { formatDate, statusLabel } from '../../components/labels';
import { LoadedPage } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { fieldErrorsFrom, firstPart } from '../../components/problems';
import { RadioGroup } from '../../components/RadioGroup';
import { useForm, type Form } from '../../components/use-form';
import { FrameworkChoice, firstFrameworkKey } from '../frameworks/FrameworkChoice';
import { BlockedOutcome } from './BlockedOutcome';
import { ConflictDeclaration, type DeclarationKind } from './ConflictDeclaration';

const TITLE = 'Start an external assessment';
const NO_SELF = 'none';

type StartData = MethodOutput<'providers.get'> & {
  profile: MethodOutput<'profile.get'>;
  frameworks: MethodOutput<'frameworks.list'>;
};

/** The self-assessments an external one can be based on, or none, with their labels. */
interface Choices {
  options: string[];
  labels: Record<string, string>;
}

interface Draft {
  assessor: string;
  /** The self-assessment it is based on, or NO_SELF. */
  basedOn: string;
  /** The framework's `id@version`, used only without a self-assessment. */
  framework: string;
  declaration: DeclarationKind | '';
  conflictText: string;
}

function selfLabel(self: AssessmentSummary): string {
  return `Self-assessment started ${formatDate(self.startedAt)} (${statusLabel(self.status)}, ${Math.round(self.progressPercent)}% rated, standards ${self.frameworkVersion})`;
}

// The core's problems name its own fields; these are the screen's.
function fieldOf(path: string): string {
  if (path.startsWith('declaration')) return 'conflictText';
  if (path === 'fromAssessmentId') return 'basedOn';
  return firstPart(path);
}

function checkAssessor(draft: Draft): FieldError[] {
  return draft.assessor.trim().length < 2
    ? [{ field: 'assessor', message: 'Enter the assessor’s name' }]
    : [];
}

function checkDeclaration(draft: Draft): FieldError[] {
  const problems: FieldError[] = [];
  if (!draft.declaration)
    problems.push({ field: 'declaration', message: 'Say whether you have a conflict of interest' });
  if (draft.declaration === 'conflict' && draft.conflictText.trim().length < 3)
    problems.push({ field: 'conflictText', message: 'Describe the conflict' });
  return problems;
}

/** What the core needs to start it: who, on what, and the declaration. */
function inputFrom(draft: Draft, providerId: string) {
  const { id: frameworkId, version } = parseFrameworkKey(draft.framework);
  return {
    providerId,
    assessor: draft.assessor.trim(),
    ...(draft.basedOn !== NO_SELF
      ? { fromAssessmentId: draft.basedOn }
      : frameworkId
        ? { frameworkId, frameworkVersion: version ?? undefined }
        : {}),
    declaration:
      draft.declaration === 'conflict'
        ? { kind: 'conflict' as const, text: draft.conflictText.trim() }
        : { kind: 'none' as const },
  };
}

/**
 * Starting an external assessment takes two steps: who assesses and from what, then the
 * declaration of interests. A declared conflict still records the assessment (the declaration is
 * part of the record) but blocks it, and this screen then says so plainly.
 */
export function StartExternalPage() {
  const { id = '' } = useParams();
  const state = useLoad(async (): Promise<StartData> => {
    const [detail, profile, frameworks] = await Promise.all([
      invoke('providers.get', { id }),
      invoke('profile.get', {}),
      invoke('frameworks.list', {}),
    ]);
    return { ...detail, profile, frameworks };
  }, [id]);
  return (
    <LoadedPage title={TITLE} state={state} what="the provider">
      {(data) => <StartExternal data={data} />}
    </LoadedPage>
  );
}

function StartExternal({ data }: { data: StartData }) {
  const { provider, assessments, profile, frameworks } = data;
  const navigate = useNavigate();
  const selfAssessments = assessments.filter((a) => a.kind === 'self');
  const basedOn: Choices = {
    options: [...selfAssessments.map((a) => a.id), NO_SELF],
    labels: Object.fromEntries([
      ...selfAssessments.map((a) => [a.id, selfLabel(a)]),
      [NO_SELF, 'Start without a self-assessment'],
    ]),
  };
  const [step, setStep] = useState<1 | 2>(1);
  const [blocked, setBlocked] = useState<AssessmentSummary | null>(null);
  const form = useForm<Draft>({
    initial: {
      assessor: profile?.name ?? '',
      basedOn: selfAssessments[0]?.id ?? NO_SELF,
      framework: firstFrameworkKey(frameworks),
      declaration: '',
      conflictText: '',
    },
    check: checkDeclaration,
    send: async (draft) => {
      const started = await invoke('assessments.startExternal', inputFrom(draft, provider.id));
      if (started.conflict) setBlocked(started);
      else void navigate(`/assessments/${started.id}`);
    },
    errorsFrom: (error) => fieldErrorsFrom(error, fieldOf),
  });
  // A new step (or the outcome) is like a new page: focus goes to its heading.
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const shown = useRef('1');
  useEffect(() => {
    const now = blocked ? 'blocked' : String(step);
    if (shown.current === now) return;
    shown.current = now;
    stepHeading.current?.focus();
  }, [step, blocked]);

  const title = `${TITLE}: ${provider.name}`;
  if (blocked)
    return (
      <Page title={title}>
        <BlockedOutcome assessment={blocked} provider={provider} headingRef={stepHeading} />
      </Page>
    );

  function next(event: FormEvent) {
    event.preventDefault();
    const problems = checkAssessor(form.draft);
    form.setErrors(problems);
    if (problems.length === 0) setStep(2);
  }

  return (
    <Page title={title}>
      <p className="muted">
        <Link to={`/providers/${provider.id}`}>{provider.name}</Link> · Step {step} of 2
      </p>
      {step === 1 ? (
        <form onSubmit={next} noValidate className="form">
          <h2 tabIndex={-1} ref={stepHeading}>
            About the assessment
          </h2>
          <ErrorSummary errors={form.errors} />
          <AssessmentChoices
            form={form}
            providerName={provider.name}
            fromProfile={profile !== null}
            basedOn={basedOn}
            frameworks={frameworks}
          />
          <div className="form-actions">
            <button type="submit" className="button">
              Continue to the declaration
            </button>
            <Link className="button secondary" to={`/providers/${provider.id}`}>
              Cancel
            </Link>
          </div>
        </form>
      ) : (
        <form onSubmit={form.onSubmit} noValidate className="form">
          <h2 tabIndex={-1} ref={stepHeading}>
            Declaration of interests
          </h2>
          <ErrorSummary errors={form.errors} />
          <dl className="summary-list compact">
            <dt>Assessor</dt>
            <dd>{form.draft.assessor}</dd>
            <dt>Based on</dt>
            <dd>{basedOn.labels[form.draft.basedOn]}</dd>
          </dl>
          <ConflictDeclaration
            providerName={provider.name}
            kind={form.field('declaration')}
            description={form.field('conflictText')}
          />
          <div className="form-actions">
            <button type="submit" className="button" disabled={form.busy}>
              {form.draft.declaration === 'conflict'
                ? 'Record the declaration'
                : 'Start the assessment'}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                form.setErrors([]);
                setStep(1);
              }}
            >
              Back
            </button>
          </div>
        </form>
      )}
    </Page>
  );
}

/** Step one's questions: who assesses, from which self-assessment, on which standards. */
function AssessmentChoices({
  form,
  providerName,
  fromProfile,
  basedOn,
  frameworks,
}: {
  form: Form<Draft>;
  providerName: string;
  fromProfile: boolean;
  basedOn: Choices;
  frameworks: StartData['frameworks'];
}) {
  const { field, draft } = form;
  return (
    <>
      <TextField
        {...field('assessor')}
        label="Assessor"
        hint={
          fromProfile
            ? 'Filled in from your profile. The decision will be made by someone else.'
            : 'The person who carries out the assessment. The decision will be made by someone else.'
        }
        autoComplete="name"
        width="medium"
        required
      />
      <RadioGroup
        {...field('basedOn')}
        legend="Based on a self-assessment?"
        hint={`You see ${providerName}’s own ratings and evidence beside each criterion. Your ratings start empty: nothing is copied.`}
        {...basedOn}
      />
      {draft.basedOn === NO_SELF && frameworks.length > 0 ? (
        <FrameworkChoice
          frameworks={frameworks}
          value={draft.framework}
          onChange={form.set('framework')}
          hint="The assessment stays on this version for ever. Based on a self-assessment, it uses the same version as that."
        />
      ) : null}
    </>
  );
}
