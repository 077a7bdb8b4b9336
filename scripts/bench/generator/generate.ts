import type { Database, Statement } from 'better-sqlite3';
import type { RatingValue } from '../../../shared/assessment/ratings';
import { computeReadiness } from '../../../shared/assessment/readiness';
import type { Framework } from '../../../shared/framework/schema';
import { applicableCriteria } from '../../../shared/framework/traverse';
import { SERVICE_CATEGORIES, type ProviderType } from '../../../shared/providers/vocabulary';
import type { Progress } from '../../../shared/result';
import { buildSnapshot, snapshotHash } from '../../../electron/core/accreditation/seal';
import { getDecision } from '../../../electron/core/accreditation/decisions';
import { setNetworkName, storedNetworkName } from '../../../electron/core/accreditation/profile';
import { getAssessment } from '../../../electron/core/assessments/queries';
import { appendAudit } from '../../../electron/core/audit/trail';
import { buildPayload, insertCertificate } from '../../../electron/core/certificates/issue';
import { nextCertificateNumber, recordEvent } from '../../../electron/core/certificates/queries';
import type { CoreContext } from '../../../electron/core/context';
import { storeRoot } from '../../../electron/core/evidence/store';
import { getFramework } from '../../../electron/core/frameworks/store';
import { newId } from '../../../electron/core/ids';
import { nameKey } from '../../../electron/core/providers/rows';
import { ensureNetworkKey, unlockNetworkKey } from '../../../electron/core/signing/keystore';
import { writeEvidencePool, type PoolFile } from './evidence-pool';
import {
  between,
  charityNumberFor,
  companyNumberFor,
  FINDING_TEXTS,
  pick,
  providerIdentity,
  seededRandom,
  SERVICE_NAMES,
  type Random,
} from './names';

export interface GenerateOptions {
  providers: number;
  seed?: number;
  /** Unlocks (or creates) the network signing key that signs the generated certificates. */
  passphrase: string;
  /** Providers written per transaction: each batch commits whole or not at all. */
  batchSize?: number;
  progress?: (p: Progress) => void;
}

export interface GeneratedCounts {
  providers: number;
  services: number;
  assessments: number;
  ratings: number;
  evidence: number;
  evidenceFiles: number;
  findings: number;
  decisions: number;
  certificates: number;
}

const noCounts = (): GeneratedCounts => ({
  providers: 0,
  services: 0,
  assessments: 0,
  ratings: 0,
  evidence: 0,
  evidenceFiles: 0,
  findings: 0,
  decisions: 0,
  certificates: 0,
});

const FRAMEWORK_ID = 'spqa-national';
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

type Statements = ReturnType<typeof prepare>;

function prepare(db: Database) {
  const statement = (sql: string): Statement => db.prepare(sql);
  return {
    provider:
      statement(`INSERT INTO providers (id, name, name_key, type, charity_number, company_number,
      region, address_line1, town, postcode, website, description, contacts, created_at, updated_at)
      VALUES (@id, @name, @nameKey, @type, @charity, @company, @region, @address, @town, @postcode,
      @website, @description, @contacts, @at, @at)`),
    service: statement(`INSERT INTO services (id, provider_id, name, category, referral_route,
      self_referral, accepting_referrals, places_per_month, waiting_weeks, capacity_confirmed_on,
      created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    assessment: statement(`INSERT INTO assessments (id, provider_id, kind, status, framework_id,
      framework_version, provider_type, started_at, started_by, updated_at, progress_percent,
      score_percent, outcome, assessor, based_on, submitted_at)
      VALUES (@id, @providerId, @kind, @status, @frameworkId, @frameworkVersion, @providerType,
      @startedAt, @by, @updatedAt, @progress, @score, @outcome, @assessor, @basedOn, @submittedAt)`),
    revision:
      statement(`INSERT INTO assessment_revisions (assessment_id, revision, opened_at, opened_by,
      reason) VALUES (?, 1, ?, ?, 'first assessment')`),
    rating:
      statement(`INSERT INTO ratings (assessment_id, criterion, rating, note, reason, updated_at,
      updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    evidence:
      statement(`INSERT INTO evidence (id, assessment_id, sha256, title, kind, original_name, size,
      media_type, effective_date, expiry_date, personal_data, added_by, added_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`),
    evidenceCriterion: statement(
      'INSERT INTO evidence_criteria (evidence_id, criterion) VALUES (?, ?)',
    ),
    finding: statement(`INSERT INTO findings (id, assessment_id, criterion, type, text, action,
      action_owner, action_due, created_at, created_by, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    seal: statement(`UPDATE assessment_revisions SET sealed_at = ?, sealed_by = ?, snapshot = ?, sha256 = ?
      WHERE assessment_id = ? AND revision = 1`),
    sealEvidence: statement('UPDATE evidence SET sealed_at = ? WHERE assessment_id = ?'),
    decision:
      statement(`INSERT INTO decisions (id, assessment_id, revision, outcome, recommended_outcome,
      conditions, conditions_due, reasons, decided_by, decided_at)
      VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`),
    decided: statement("UPDATE assessments SET status = 'decided', updated_at = ? WHERE id = ?"),
    scores: statement(
      'UPDATE assessments SET progress_percent = ?, score_percent = ?, outcome = ? WHERE id = ?',
    ),
    submitted: statement(
      "UPDATE assessments SET status = 'submitted', submitted_at = ?, updated_at = ? WHERE id = ?",
    ),
  };
}

/** What every part of the generation reads and counts into. */
interface GeneratorState {
  db: Database;
  statements: Statements;
  random: Random;
  framework: Framework;
  pool: PoolFile[];
  actor: string;
  now: number;
  key: ReturnType<typeof unlockNetworkKey>;
  issuer: string;
  counts: GeneratedCounts;
}

const RATINGS: readonly RatingValue[] = ['met', 'met', 'met', 'met', 'partial', 'not-met', 'na'];

/** Rates `share` of the criteria a provider of this type is asked; a provider has a typical level. */
function rate(
  state: Pick<GeneratorState, 'statements' | 'random' | 'framework' | 'counts'>,
  {
    assessmentId,
    type,
    share,
    floor,
    at,
    by,
  }: {
    assessmentId: string;
    type: ProviderType;
    share: number;
    /** The least share of those rated that are Met: how well run the weakest provider is. */
    floor: number;
    at: string;
    by: string;
  },
): Map<string, RatingValue> {
  const ratings = new Map<string, RatingValue>();
  // How well run the organisation is; an external assessment comes once it is nearly ready.
  const strength = floor + (1 - floor) * state.random();
  for (const { criterion } of applicableCriteria(state.framework, type)) {
    if (state.random() > share) continue;
    const rating: RatingValue =
      state.random() < strength ? 'met' : pick(state.random, RATINGS.slice(3));
    const reason = rating === 'na' ? 'not offered by this organisation' : null;
    const note = state.random() < 0.3 ? 'Seen at the visit; records were up to date.' : null;
    state.statements.rating.run(assessmentId, criterion.code, rating, note, reason, at, by);
    ratings.set(criterion.code, rating);
    state.counts.ratings += 1;
  }
  return ratings;
}

/** Attaches `count` files from the pool to an assessment, each to one to three criteria. */
function attachEvidence(
  state: Pick<GeneratorState, 'statements' | 'random' | 'pool' | 'framework' | 'actor' | 'counts'>,
  {
    assessmentId,
    type,
    count,
    at,
  }: { assessmentId: string; type: ProviderType; count: number; at: string },
): void {
  const criteria = applicableCriteria(state.framework, type).map((c) => c.criterion.code);
  for (let i = 0; i < count; i += 1) {
    const file = pick(state.random, state.pool);
    const id = newId('evd');
    const effective = at.slice(0, 10);
    const expires =
      state.random() < 0.4 ? `${Number(effective.slice(0, 4)) + 1}${effective.slice(4)}` : null;
    state.statements.evidence.run(
      id,
      assessmentId,
      file.sha256,
      file.title,
      file.kind,
      file.originalName,
      file.size,
      file.mediaType,
      effective,
      expires,
      state.actor,
      at,
    );
    const links = new Set<string>();
    const wanted = between(state.random, 1, 3);
    while (links.size < Math.min(wanted, criteria.length)) links.add(pick(state.random, criteria));
    for (const code of links) state.statements.evidenceCriterion.run(id, code);
    state.counts.evidence += 1;
  }
}

function insertAssessment(
  state: Pick<GeneratorState, 'statements' | 'random' | 'framework' | 'actor' | 'counts'>,
  values: {
    providerId: string;
    kind: 'self' | 'external';
    type: ProviderType;
    status: string;
    startedAt: string;
    assessor: string | null;
    basedOn: string | null;
    share: number;
  },
): { id: string; ratings: Map<string, RatingValue> } {
  const id = newId('asm');
  const by = values.assessor ?? state.actor;
  state.statements.assessment.run({
    id,
    providerId: values.providerId,
    kind: values.kind,
    status: values.status,
    frameworkId: state.framework.id,
    frameworkVersion: state.framework.version,
    providerType: values.type,
    startedAt: values.startedAt,
    by,
    updatedAt: values.startedAt,
    progress: 0,
    score: 0,
    outcome: 'not-accredited',
    assessor: values.assessor,
    basedOn: values.basedOn,
    submittedAt:
      values.status === 'in-progress' || values.status === 'draft' ? null : values.startedAt,
  });
  state.statements.revision.run(id, values.startedAt, by);
  const floor = values.kind === 'external' ? 0.9 : 0.4;
  const ratings = rate(state, {
    assessmentId: id,
    type: values.type,
    share: values.share,
    floor,
    at: values.startedAt,
    by,
  });
  const readiness = computeReadiness(state.framework, values.type, ratings);
  state.statements.scores.run(
    readiness.progressPercent,
    readiness.scorePercent,
    readiness.outcome,
    id,
  );
  state.counts.assessments += 1;
  return { id, ratings };
}

/** An external assessment taken through to a sealed revision, a decision and, when earned, a certificate. */
function externalAssessment(
  state: GeneratorState,
  {
    providerId,
    type,
    selfId,
    startedMs,
  }: { providerId: string; type: ProviderType; selfId: string; startedMs: number },
) {
  const startedAt = new Date(startedMs).toISOString();
  const assessor = `Assessor ${between(state.random, 1, 40)}`;
  const { id } = insertAssessment(state, {
    providerId,
    kind: 'external',
    type,
    status: 'in-progress',
    startedAt,
    assessor,
    basedOn: selfId,
    share: 1,
  });
  attachEvidence(state, {
    assessmentId: id,
    type,
    count: between(state.random, 2, 6),
    at: startedAt,
  });
  const criteria = applicableCriteria(state.framework, type).map((c) => c.criterion.code);
  for (let findings = between(state.random, 0, 3); findings > 0; findings -= 1) {
    const kind = pick(state.random, [
      'observation',
      'good-practice',
      'minor-nc',
      'major-nc',
    ] as const);
    const nc = kind === 'minor-nc' || kind === 'major-nc';
    state.statements.finding.run(
      newId('fnd'),
      id,
      pick(state.random, criteria),
      kind,
      pick(state.random, FINDING_TEXTS),
      nc ? 'Put the missing records in place and show them to the assessor.' : null,
      nc ? 'Service manager' : null,
      nc ? isoDay(startedMs + 60 * DAY) : null,
      startedAt,
      assessor,
      startedAt,
    );
    state.counts.findings += 1;
  }
  const sealedAt = new Date(startedMs + 7 * DAY).toISOString();
  state.statements.submitted.run(sealedAt, sealedAt, id);
  const snapshot = buildSnapshot(state.db, getAssessment(state.db, id), {
    actor: assessor,
    now: sealedAt,
  });
  state.statements.seal.run(
    sealedAt,
    assessor,
    JSON.stringify(snapshot),
    snapshotHash(snapshot),
    id,
  );
  state.statements.sealEvidence.run(sealedAt, id);
  if (state.random() < 0.05) return; // awaiting a decision
  const decidedMs = startedMs + 21 * DAY;
  const decidedAt = new Date(decidedMs).toISOString();
  const recommended = snapshot.readiness.outcome as 'accredited' | 'conditional' | 'not-accredited';
  const conditional = recommended === 'conditional';
  state.statements.decision.run(
    newId('dec'),
    id,
    recommended,
    recommended,
    conditional ? 'Complete the reference checks missing from two volunteer files.' : null,
    conditional ? isoDay(decidedMs + 60 * DAY) : null,
    'As recommended by the assessor.',
    'Accreditation panel',
    decidedAt,
  );
  state.statements.decided.run(decidedAt, id);
  state.counts.decisions += 1;
  if (recommended === 'not-accredited') return;
  const decision = getDecision(state.db, id);
  if (!decision) return;
  const issuedOn = isoDay(decidedMs);
  const number = nextCertificateNumber(state.db, issuedOn.slice(0, 4));
  const payload = buildPayload(state.db, {
    number,
    assessment: getAssessment(state.db, id),
    decision,
    issuedOn,
    issuer: { name: state.issuer, keyId: state.key.keyId },
    supersedes: null,
  });
  insertCertificate(state.db, payload, {
    baseNumber: number,
    reissue: 0,
    decisionId: decision.id,
    privateKey: state.key.privateKey,
    now: decidedAt,
  });
  recordEvent(state.db, number, {
    at: decidedAt,
    actor: state.actor,
    action: 'issue',
    from: null,
    to: 'active',
    reason: null,
  });
  state.counts.certificates += 1;
}

function generateProvider(state: GeneratorState, index: number): void {
  const who = providerIdentity(state.random, index);
  const id = newId('prv');
  const type = pick(state.random, ['activity', 'activity', 'link-worker', 'both', 'both'] as const);
  const form = state.random();
  const createdMs = state.now - between(state.random, 30, 5 * 365) * DAY;
  const createdAt = new Date(createdMs).toISOString();
  state.statements.provider.run({
    id,
    name: who.name,
    nameKey: nameKey(who.name),
    type,
    charity: form < 0.75 ? charityNumberFor(index, who.region) : null,
    company: form > 0.45 ? companyNumberFor(index, who.region) : null,
    region: who.region,
    address: who.addressLine1,
    town: who.town,
    postcode: who.postcode,
    website: who.website,
    description: `A community organisation in ${who.town} offering ${type === 'link-worker' ? 'link worker support' : 'activities'} to people referred through social prescribing.`,
    contacts: JSON.stringify([{ ...who.contact }]),
    at: createdAt,
  });
  state.counts.providers += 1;
  for (let services = between(state.random, 1, 4); services > 0; services -= 1) {
    const category = pick(state.random, SERVICE_CATEGORIES);
    state.statements.service.run(
      newId('svc'),
      id,
      pick(state.random, SERVICE_NAMES[category] ?? ['Drop-in']),
      category,
      pick(state.random, ['link-worker-only', 'health-and-care', 'any-agency']),
      state.random() < 0.5 ? 1 : 0,
      state.random() < 0.85 ? 1 : 0,
      between(state.random, 4, 60),
      between(state.random, 0, 8),
      isoDay(state.now - between(state.random, 0, 300) * DAY),
      createdAt,
      createdAt,
    );
    state.counts.services += 1;
  }
  const selfMs = createdMs + between(state.random, 1, 20) * DAY;
  const share = state.random() < 0.1 ? 0 : state.random() < 0.2 ? state.random() : 1;
  const self = insertAssessment(state, {
    providerId: id,
    kind: 'self',
    type,
    status: share === 0 ? 'draft' : 'in-progress',
    startedAt: new Date(selfMs).toISOString(),
    assessor: null,
    basedOn: null,
    share,
  });
  if (share > 0)
    attachEvidence(state, {
      assessmentId: self.id,
      type,
      count: between(state.random, 1, 5),
      at: new Date(selfMs).toISOString(),
    });
  if (share === 1 && state.random() < 0.9) {
    const externalMs = Math.min(
      selfMs + between(state.random, 20, 200) * DAY,
      state.now - 30 * DAY,
    );
    externalAssessment(state, { providerId: id, type, selfId: self.id, startedMs: externalMs });
  }
}

/**
 * Fills a database with a national network's worth of realistic records: providers with their
 * services, self-assessments with ratings and evidence, external assessments with findings,
 * sealed revisions, decisions and signed certificates. Rows go straight into the same tables the
 * handlers write (no per-record requests), in batches of one transaction each; certificates are
 * built and signed by the same functions the app uses, so they verify.
 */
export function generateData(ctx: CoreContext, options: GenerateOptions): GeneratedCounts {
  const random = seededRandom(options.seed ?? 20_26);
  const { framework } = getFramework(ctx.db, FRAMEWORK_ID);
  const nowIso = ctx.clock.now().toISOString();
  const counts = noCounts();
  // About one distinct file for every twenty providers: real evidence repeats (shared templates).
  const poolSize = Math.max(20, Math.min(5000, Math.ceil(options.providers / 20)));
  const pool = writeEvidencePool(storeRoot(ctx.dataDir), random, poolSize);
  counts.evidenceFiles = pool.length;
  const setup = ctx.db.transaction(() => {
    const insertBlob = ctx.db.prepare(
      'INSERT OR IGNORE INTO evidence_blobs (sha256, size, media_type, stored_at) VALUES (?, ?, ?, ?)',
    );
    for (const file of pool) insertBlob.run(file.sha256, file.size, file.mediaType, nowIso);
    ensureNetworkKey(ctx.db, options.passphrase, { actor: ctx.actor, now: nowIso });
    if (!storedNetworkName(ctx.db)) setNetworkName(ctx.db, 'National Social Prescribing Network');
  });
  setup.immediate();
  const state: GeneratorState = {
    db: ctx.db,
    statements: prepare(ctx.db),
    random,
    framework,
    pool,
    actor: ctx.actor,
    now: ctx.clock.now().getTime(),
    key: unlockNetworkKey(ctx.db, options.passphrase),
    issuer: storedNetworkName(ctx.db) ?? 'National Social Prescribing Network',
    counts,
  };
  const batchSize = options.batchSize ?? 5000;
  const start = Number(ctx.db.prepare('SELECT count(*) FROM providers').pluck().get() ?? 0);
  for (let done = 0; done < options.providers; done += batchSize) {
    const end = Math.min(options.providers, done + batchSize);
    ctx.db
      .transaction(() => {
        for (let i = done; i < end; i += 1) generateProvider(state, start + i);
        if (end === options.providers) {
          appendAudit(ctx.db, new Date().toISOString(), {
            actor: ctx.actor,
            action: 'bench.generated',
            entityType: 'database',
            entityId: 'bench',
            detail: { ...counts },
          });
        }
      })
      .immediate();
    options.progress?.({ phase: 'generating providers', done: end, total: options.providers });
  }
  return counts;
}

/**
 * Adds one provider with an external assessment rating every criterion and carrying
 * `evidenceItems` pieces of evidence (files already in the store), for timing how long the
 * heaviest assessment screen takes to open. Returns the assessment's id.
 */
export function generateHeavyAssessment(ctx: CoreContext, evidenceItems: number): string {
  const random = seededRandom(7);
  const { framework } = getFramework(ctx.db, FRAMEWORK_ID);
  const pool = (
    ctx.db
      .prepare('SELECT sha256, size, media_type FROM evidence_blobs WHERE deleted_at IS NULL')
      .all() as { sha256: string; size: number; media_type: string }[]
  ).map((blob, i) => ({
    sha256: blob.sha256,
    size: blob.size,
    mediaType: blob.media_type,
    kind: 'policy',
    title: `Policy document ${i + 1}`,
    originalName: `policy-${i + 1}.txt`,
  }));
  if (pool.length === 0) throw new Error('generate data first: the evidence store is empty');
  const state = {
    statements: prepare(ctx.db),
    random,
    framework,
    pool,
    actor: ctx.actor,
    counts: noCounts(),
  };
  return ctx.db
    .transaction(() => {
      const at = ctx.clock.now().toISOString();
      const providerId = newId('prv');
      state.statements.provider.run({
        id: providerId,
        name: 'Bench Heavy Evidence Trust',
        nameKey: nameKey('Bench Heavy Evidence Trust'),
        type: 'both',
        charity: null,
        company: null,
        region: 'london',
        address: '1 High Street',
        town: 'Hackney',
        postcode: 'E8 1AA',
        website: null,
        description: null,
        contacts: '[]',
        at,
      });
      const { id } = insertAssessment(state, {
        providerId,
        kind: 'external',
        type: 'both',
        status: 'in-progress',
        startedAt: at,
        assessor: 'Assessor 1',
        basedOn: null,
        share: 1,
      });
      attachEvidence(state, { assessmentId: id, type: 'both', count: evidenceItems, at });
      return id;
    })
    .immediate();
}
