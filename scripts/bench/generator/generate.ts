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

const FRAMEWORK_ID = 'spqa-national';
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

type Statements = ReturnType<typeof prepare>;

function prepare(db: Database) {
  const s = (sql: string): Statement => db.prepare(sql);
  return {
    provider: s(`INSERT INTO providers (id, name, name_key, type, charity_number, company_number,
      region, address_line1, town, postcode, website, description, contacts, created_at, updated_at)
      VALUES (@id, @name, @nameKey, @type, @charity, @company, @region, @address, @town, @postcode,
      @website, @description, @contacts, @at, @at)`),
    service: s(`INSERT INTO services (id, provider_id, name, category, referral_route,
      self_referral, accepting_referrals, places_per_month, waiting_weeks, capacity_confirmed_on,
      created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    assessment: s(`INSERT INTO assessments (id, provider_id, kind, status, framework_id,
      framework_version, provider_type, started_at, started_by, updated_at, progress_percent,
      score_percent, outcome, assessor, based_on, submitted_at)
      VALUES (@id, @providerId, @kind, @status, @frameworkId, @frameworkVersion, @providerType,
      @startedAt, @by, @updatedAt, @progress, @score, @outcome, @assessor, @basedOn, @submittedAt)`),
    revision: s(`INSERT INTO assessment_revisions (assessment_id, revision, opened_at, opened_by,
      reason) VALUES (?, 1, ?, ?, 'first assessment')`),
    rating: s(`INSERT INTO ratings (assessment_id, criterion, rating, note, reason, updated_at,
      updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    evidence: s(`INSERT INTO evidence (id, assessment_id, sha256, title, kind, original_name, size,
      media_type, effective_date, expiry_date, personal_data, added_by, added_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`),
    evidenceCriterion: s('INSERT INTO evidence_criteria (evidence_id, criterion) VALUES (?, ?)'),
    finding: s(`INSERT INTO findings (id, assessment_id, criterion, type, text, action,
      action_owner, action_due, created_at, created_by, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    seal: s(`UPDATE assessment_revisions SET sealed_at = ?, sealed_by = ?, snapshot = ?, sha256 = ?
      WHERE assessment_id = ? AND revision = 1`),
    sealEvidence: s('UPDATE evidence SET sealed_at = ? WHERE assessment_id = ?'),
    decision: s(`INSERT INTO decisions (id, assessment_id, revision, outcome, recommended_outcome,
      conditions, conditions_due, reasons, decided_by, decided_at)
      VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?)`),
    decided: s("UPDATE assessments SET status = 'decided', updated_at = ? WHERE id = ?"),
    scores: s(
      'UPDATE assessments SET progress_percent = ?, score_percent = ?, outcome = ? WHERE id = ?',
    ),
    submitted: s(
      "UPDATE assessments SET status = 'submitted', submitted_at = ?, updated_at = ? WHERE id = ?",
    ),
  };
}

interface Shared {
  db: Database;
  st: Statements;
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
  g: Pick<Shared, 'st' | 'random' | 'framework' | 'counts'>,
  assessmentId: string,
  type: ProviderType,
  share: number,
  floor: number,
  at: string,
  by: string,
): Map<string, RatingValue> {
  const ratings = new Map<string, RatingValue>();
  // How well run the organisation is; an external assessment comes once it is nearly ready.
  const strength = floor + (1 - floor) * g.random();
  for (const { criterion } of applicableCriteria(g.framework, type)) {
    if (g.random() > share) continue;
    const rating: RatingValue = g.random() < strength ? 'met' : pick(g.random, RATINGS.slice(3));
    const reason = rating === 'na' ? 'not offered by this organisation' : null;
    const note = g.random() < 0.3 ? 'Seen at the visit; records were up to date.' : null;
    g.st.rating.run(assessmentId, criterion.code, rating, note, reason, at, by);
    ratings.set(criterion.code, rating);
    g.counts.ratings += 1;
  }
  return ratings;
}

/** Attaches `count` files from the pool to an assessment, each to one to three criteria. */
export function attachEvidence(
  g: Pick<Shared, 'st' | 'random' | 'pool' | 'framework' | 'actor' | 'counts'>,
  assessmentId: string,
  type: ProviderType,
  count: number,
  at: string,
): void {
  const criteria = applicableCriteria(g.framework, type).map((c) => c.criterion.code);
  for (let i = 0; i < count; i += 1) {
    const file = pick(g.random, g.pool);
    const id = newId('evd');
    const effective = at.slice(0, 10);
    const expires =
      g.random() < 0.4 ? `${Number(effective.slice(0, 4)) + 1}${effective.slice(4)}` : null;
    g.st.evidence.run(
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
      g.actor,
      at,
    );
    const links = new Set<string>();
    const wanted = between(g.random, 1, 3);
    while (links.size < Math.min(wanted, criteria.length)) links.add(pick(g.random, criteria));
    for (const code of links) g.st.evidenceCriterion.run(id, code);
    g.counts.evidence += 1;
  }
}

function insertAssessment(
  g: Shared,
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
  const by = values.assessor ?? g.actor;
  g.st.assessment.run({
    id,
    providerId: values.providerId,
    kind: values.kind,
    status: values.status,
    frameworkId: g.framework.id,
    frameworkVersion: g.framework.version,
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
  g.st.revision.run(id, values.startedAt, by);
  const floor = values.kind === 'external' ? 0.9 : 0.4;
  const ratings = rate(g, id, values.type, values.share, floor, values.startedAt, by);
  const readiness = computeReadiness(g.framework, values.type, ratings);
  g.st.scores.run(readiness.progressPercent, readiness.scorePercent, readiness.outcome, id);
  g.counts.assessments += 1;
  return { id, ratings };
}

/** An external assessment taken through to a sealed revision, a decision and, when earned, a certificate. */
function externalAssessment(
  g: Shared,
  providerId: string,
  type: ProviderType,
  selfId: string,
  startedMs: number,
) {
  const startedAt = new Date(startedMs).toISOString();
  const assessor = `Assessor ${between(g.random, 1, 40)}`;
  const { id } = insertAssessment(g, {
    providerId,
    kind: 'external',
    type,
    status: 'in-progress',
    startedAt,
    assessor,
    basedOn: selfId,
    share: 1,
  });
  attachEvidence(g, id, type, between(g.random, 2, 6), startedAt);
  const criteria = applicableCriteria(g.framework, type).map((c) => c.criterion.code);
  for (let f = between(g.random, 0, 3); f > 0; f -= 1) {
    const kind = pick(g.random, ['observation', 'good-practice', 'minor-nc', 'major-nc'] as const);
    const nc = kind === 'minor-nc' || kind === 'major-nc';
    g.st.finding.run(
      newId('fnd'),
      id,
      pick(g.random, criteria),
      kind,
      pick(g.random, FINDING_TEXTS),
      nc ? 'Put the missing records in place and show them to the assessor.' : null,
      nc ? 'Service manager' : null,
      nc ? isoDay(startedMs + 60 * DAY) : null,
      startedAt,
      assessor,
      startedAt,
    );
    g.counts.findings += 1;
  }
  const sealedAt = new Date(startedMs + 7 * DAY).toISOString();
  g.st.submitted.run(sealedAt, sealedAt, id);
  const snapshot = buildSnapshot(g.db, getAssessment(g.db, id), { actor: assessor, now: sealedAt });
  g.st.seal.run(sealedAt, assessor, JSON.stringify(snapshot), snapshotHash(snapshot), id);
  g.st.sealEvidence.run(sealedAt, id);
  if (g.random() < 0.05) return; // awaiting a decision
  const decidedMs = startedMs + 21 * DAY;
  const decidedAt = new Date(decidedMs).toISOString();
  const recommended = snapshot.readiness.outcome as 'accredited' | 'conditional' | 'not-accredited';
  const conditional = recommended === 'conditional';
  g.st.decision.run(
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
  g.st.decided.run(decidedAt, id);
  g.counts.decisions += 1;
  if (recommended === 'not-accredited') return;
  const decision = getDecision(g.db, id);
  if (!decision) return;
  const issuedOn = isoDay(decidedMs);
  const number = nextCertificateNumber(g.db, issuedOn.slice(0, 4));
  const payload = buildPayload(g.db, {
    number,
    assessment: getAssessment(g.db, id),
    decision,
    issuedOn,
    issuer: { name: g.issuer, keyId: g.key.keyId },
    supersedes: null,
  });
  insertCertificate(g.db, payload, {
    baseNumber: number,
    reissue: 0,
    decisionId: decision.id,
    privateKey: g.key.privateKey,
    now: decidedAt,
  });
  recordEvent(g.db, number, {
    at: decidedAt,
    actor: g.actor,
    action: 'issue',
    from: null,
    to: 'active',
    reason: null,
  });
  g.counts.certificates += 1;
}

function generateProvider(g: Shared, index: number): void {
  const who = providerIdentity(g.random, index);
  const id = newId('prv');
  const type = pick(g.random, ['activity', 'activity', 'link-worker', 'both', 'both'] as const);
  const form = g.random();
  const createdMs = g.now - between(g.random, 30, 5 * 365) * DAY;
  const createdAt = new Date(createdMs).toISOString();
  g.st.provider.run({
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
  g.counts.providers += 1;
  for (let s = between(g.random, 1, 4); s > 0; s -= 1) {
    const category = pick(g.random, SERVICE_CATEGORIES);
    g.st.service.run(
      newId('svc'),
      id,
      pick(g.random, SERVICE_NAMES[category] ?? ['Drop-in']),
      category,
      pick(g.random, ['link-worker-only', 'health-and-care', 'any-agency']),
      g.random() < 0.5 ? 1 : 0,
      g.random() < 0.85 ? 1 : 0,
      between(g.random, 4, 60),
      between(g.random, 0, 8),
      isoDay(g.now - between(g.random, 0, 300) * DAY),
      createdAt,
      createdAt,
    );
    g.counts.services += 1;
  }
  const selfMs = createdMs + between(g.random, 1, 20) * DAY;
  const share = g.random() < 0.1 ? 0 : g.random() < 0.2 ? g.random() : 1;
  const self = insertAssessment(g, {
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
    attachEvidence(g, self.id, type, between(g.random, 1, 5), new Date(selfMs).toISOString());
  if (share === 1 && g.random() < 0.9) {
    const externalMs = Math.min(selfMs + between(g.random, 20, 200) * DAY, g.now - 30 * DAY);
    externalAssessment(g, id, type, self.id, externalMs);
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
  const counts: GeneratedCounts = {
    providers: 0,
    services: 0,
    assessments: 0,
    ratings: 0,
    evidence: 0,
    evidenceFiles: 0,
    findings: 0,
    decisions: 0,
    certificates: 0,
  };
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
  const g: Shared = {
    db: ctx.db,
    st: prepare(ctx.db),
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
        for (let i = done; i < end; i += 1) generateProvider(g, start + i);
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
  ).map((b, i) => ({
    sha256: b.sha256,
    size: b.size,
    mediaType: b.media_type,
    kind: 'policy',
    title: `Policy document ${i + 1}`,
    originalName: `policy-${i + 1}.txt`,
  }));
  if (pool.length === 0) throw new Error('generate data first: the evidence store is empty');
  const counts = {
    providers: 0,
    services: 0,
    assessments: 0,
    ratings: 0,
    evidence: 0,
    evidenceFiles: 0,
    findings: 0,
    decisions: 0,
    certificates: 0,
  };
  const g = {
    db: ctx.db,
    st: prepare(ctx.db),
    random,
    framework,
    pool,
    actor: ctx.actor,
    counts,
  };
  return ctx.db
    .transaction(() => {
      const at = ctx.clock.now().toISOString();
      const providerId = newId('prv');
      g.st.provider.run({
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
      const id = newId('asm');
      g.st.assessment.run({
        id,
        providerId,
        kind: 'external',
        status: 'in-progress',
        frameworkId: framework.id,
        frameworkVersion: framework.version,
        providerType: 'both',
        startedAt: at,
        by: 'Assessor 1',
        updatedAt: at,
        progress: 0,
        score: 0,
        outcome: 'not-accredited',
        assessor: 'Assessor 1',
        basedOn: null,
        submittedAt: null,
      });
      g.st.revision.run(id, at, 'Assessor 1');
      const ratings = rate(g, id, 'both', 1, 0.9, at, 'Assessor 1');
      const readiness = computeReadiness(framework, 'both', ratings);
      g.st.scores.run(readiness.progressPercent, readiness.scorePercent, readiness.outcome, id);
      attachEvidence(g, id, 'both', evidenceItems, at);
      return id;
    })
    .immediate();
}
