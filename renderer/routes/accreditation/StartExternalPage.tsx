import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { AssessmentSummary } from '../../../shared/assessment/schema';
import { invoke } from '../../api/bridge';
import { useLoad } from '../../api/use-load';
import { ErrorSummary, type FieldError } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { formatDate, statusLabel } from '../../components/labels';
import { LoadError, Loading } from '../../components/Loaded';
import { Page } from '../../components/Page';
import { fieldErrorsFrom } from '../../components/problems';
import { RadioGroup } from '../../components/RadioGroup';
import { ConflictDeclaration, type DeclarationKind } from './ConflictDeclaration';

const NO_SELF = 'none';

function selfLabel(a: AssessmentSummary): string {
  return `Self-assessment started ${formatDate(a.startedAt)} (${statusLabel(a.status)}, ${Math.round(a.progressPercent)}% rated, standards ${a.frameworkVersion})`;
}

// The core's problems name its own fields; these are the screen's.
function fieldOf(path: string): string {
  if (path.startsWith('declaration')) return 'conflictText';
  if (path === 'fromAssessmentId') return 'basedOn';
  return path.split(/[.[]/)[0] ?? '';
}

/**
 * Starting an external assessment takes two steps: who assesses and from what, then the
 * declaration of interests. A declared conflict still records the assessment (the declaration is
 * part of the record) but blocks it, and this screen then says so plainly.
 */
export function StartExternalPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const state = useLoad(async () => {
    const [detail, profile, frameworks] = await Promise.all([
      invoke('providers.get', { id }),
      invoke('profile.get', {}),
      invoke('frameworks.list', {}),
    ]);
    return { ...detail, profile, frameworks };
  }, [id]);
  const [step, setStep] = useState<1 | 2>(1);
  const [assessor, setAssessor] = useState<string | null>(null);
  const [basedOn, setBasedOn] = useState<string | null>(null);
  const [framework, setFramework] = useState('');
  const [kind, setKind] = useState<DeclarationKind | ''>('');
  const [conflictText, setConflictText] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [blocked, setBlocked] = useState<AssessmentSummary | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  // A new step (or the outcome) is like a new page: focus goes to its heading.
  const shown = useRef('1');
  useEffect(() => {
    const now = blocked ? 'blocked' : String(step);
    if (shown.current === now) return;
    shown.current = now;
    stepHeading.current?.focus();
  }, [step, blocked]);

  const title = state.data
    ? `Start an external assessment: ${state.data.provider.name}`
    : 'Start an external assessment';
  if (state.error)
    return (
      <Page title={title}>
        <LoadError error={state.error} retry={state.reload} />
      </Page>
    );
  if (!state.data)
    return (
      <Page title={title}>
        <Loading what="the provider" />
      </Page>
    );
  const { provider, assessments, profile, frameworks } = state.data;
  const selfAssessments = assessments.filter((a) => a.kind === 'self');
  const assessorName = assessor ?? profile?.name ?? '';
  const chosenSelf = basedOn ?? selfAssessments[0]?.id ?? NO_SELF;
  const chosenFramework =
    framework || (frameworks[0] ? `${frameworks[0].id}@${frameworks[0].version}` : '');
  const errorFor = (field: string) => errors.find((e) => e.field === field)?.message;
  const basedOnOptions = [...selfAssessments.map((a) => a.id), NO_SELF];
  const basedOnLabels: Record<string, string> = Object.fromEntries([
    ...selfAssessments.map((a) => [a.id, selfLabel(a)]),
    [NO_SELF, 'Start without a self-assessment'],
  ]);

  if (blocked) {
    return (
      <Page title={title}>
        <div className="notice notice-error blocked-outcome">
          <h2 tabIndex={-1} ref={stepHeading}>
            Assessment blocked by a conflict of interest
          </h2>
          <p>
            {blocked.assessor} declared a conflict of interest, so cannot assess {provider.name}.
          </p>
          <p className="pre-line">
            <strong>Declared:</strong> {blocked.conflict}
          </p>
          <p>
            The declaration is recorded with the assessment, which stays blocked: it cannot be
            rated, submitted or decided. Ask an assessor who has not advised {provider.name} in the
            past two years to start a new external assessment.
          </p>
        </div>
        <div className="button-row">
          <Link className="button" to={`/providers/${provider.id}`}>
            Back to {provider.name}
          </Link>
          <Link className="button secondary" to={`/assessments/${blocked.id}`}>
            See the blocked assessment
          </Link>
        </div>
      </Page>
    );
  }

  function next(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (assessorName.trim().length < 2)
      problems.push({ field: 'assessor', message: 'Enter the assessor’s name' });
    setErrors(problems);
    if (problems.length === 0) setStep(2);
  }

  async function start(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!kind)
      problems.push({
        field: 'declaration',
        message: 'Say whether you have a conflict of interest',
      });
    if (kind === 'conflict' && conflictText.trim().length < 3)
      problems.push({ field: 'conflictText', message: 'Describe the conflict' });
    setErrors(problems);
    if (problems.length > 0) return;
    const [frameworkId, frameworkVersion] = chosenFramework.split('@');
    setBusy(true);
    try {
      const started = await invoke('assessments.startExternal', {
        providerId: provider.id,
        assessor: assessorName.trim(),
        ...(chosenSelf !== NO_SELF
          ? { fromAssessmentId: chosenSelf }
          : frameworkId
            ? { frameworkId, frameworkVersion }
            : {}),
        declaration:
          kind === 'conflict' ? { kind: 'conflict', text: conflictText.trim() } : { kind: 'none' },
      });
      if (started.conflict) setBlocked(started);
      else void navigate(`/assessments/${started.id}`);
    } catch (error) {
      setErrors(fieldErrorsFrom(error, fieldOf));
    } finally {
      setBusy(false);
    }
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
          <ErrorSummary errors={errors} />
          <TextField
            name="assessor"
            label="Assessor"
            hint={
              profile
                ? 'Filled in from your profile. The decision will be made by someone else.'
                : 'The person who carries out the assessment. The decision will be made by someone else.'
            }
            value={assessorName}
            onChange={setAssessor}
            error={errorFor('assessor')}
            autoComplete="name"
            width="medium"
            required
          />
          <RadioGroup
            name="basedOn"
            legend="Based on a self-assessment?"
            hint={`You see ${provider.name}’s own ratings and evidence beside each criterion. Your ratings start empty: nothing is copied.`}
            value={chosenSelf}
            options={basedOnOptions}
            labels={basedOnLabels}
            onChange={setBasedOn}
            error={errorFor('basedOn')}
          />
          {chosenSelf === NO_SELF && frameworks.length > 0 ? (
            <div className="field">
              <label htmlFor="field-framework">Standards version</label>
              <p className="hint" id="hint-framework">
                The assessment stays on this version for ever. Based on a self-assessment, it uses
                the same version as that.
              </p>
              <select
                id="field-framework"
                className="input input-long"
                value={chosenFramework}
                aria-describedby="hint-framework"
                onChange={(e) => setFramework(e.target.value)}
              >
                {frameworks.map((f) => (
                  <option key={`${f.id}@${f.version}`} value={`${f.id}@${f.version}`}>
                    {f.title} {f.version}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
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
        <form onSubmit={(e) => void start(e)} noValidate className="form">
          <h2 tabIndex={-1} ref={stepHeading}>
            Declaration of interests
          </h2>
          <ErrorSummary errors={errors} />
          <dl className="summary-list compact">
            <dt>Assessor</dt>
            <dd>{assessorName}</dd>
            <dt>Based on</dt>
            <dd>{basedOnLabels[chosenSelf]}</dd>
          </dl>
          <ConflictDeclaration
            providerName={provider.name}
            kind={kind}
            text={conflictText}
            onKind={setKind}
            onText={setConflictText}
            errors={{ kind: errorFor('declaration'), text: errorFor('conflictText') }}
          />
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {kind === 'conflict' ? 'Record the declaration' : 'Start the assessment'}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => {
                setErrors([]);
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
