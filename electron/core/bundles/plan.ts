import type { Database } from 'better-sqlite3';
import type { BundlePreview, PreviewItem } from '../../../shared/bundles/schema';
import type { ParsedBundle } from './read-bundle';
import { planAssessment } from './plan-assessment';
import { planCertificates, planEvidence } from './plan-attachments';
import { date, fields, noteFor, type Plan, type PlanContext } from './plan-types';
import {
  PROVIDERS,
  SERVICES,
  differingFields,
  selectRow,
  toRow,
  type Row,
  type TableSpec,
} from './records';

export type { Plan } from './plan-types';

/** Last writer wins for records both sides may edit (providers, services); a tie that differs is a conflict. */
function compareEditable(
  spec: TableSpec,
  local: Row,
  incoming: Row,
): { status: PreviewItem['status']; detail: string | null; apply: boolean } {
  const differ = differingFields(spec, local, incoming);
  if (differ.length === 0) return { status: 'unchanged', detail: null, apply: false };
  const theirs = String(incoming.updated_at);
  const ours = String(local.updated_at);
  if (theirs > ours)
    return { status: 'changed', detail: `updated: ${fields(differ)}`, apply: true };
  if (theirs < ours)
    return {
      status: 'unchanged',
      detail: `your copy was updated more recently (${date(ours)}) and is kept`,
      apply: false,
    };
  return {
    status: 'conflict',
    detail: `both copies were last updated at the same moment but differ (${fields(differ)})`,
    apply: false,
  };
}

/** Charity and company numbers are unique: another local provider holding one is a conflict. */
function numberClash(db: Database, row: Row): string | null {
  for (const [column, label] of [
    ['charity_number', 'charity number'],
    ['company_number', 'company number'],
  ] as const) {
    if (row[column] === null) continue;
    const other = db
      .prepare(`SELECT id, name FROM providers WHERE ${column} = ? AND id <> ?`)
      .get(row[column], row.id) as { id: string; name: string } | undefined;
    if (other)
      return `your records have a different provider, ${other.name} (${other.id}), with ${label} ${String(row[column])}`;
  }
  return null;
}

/**
 * Compares the bundle with the local records. Pure reading: it runs for the preview and again
 * inside the import's transaction, so what is applied is what the records are at that moment.
 */
export function planImport(db: Database, dataDir: string, bundle: ParsedBundle): Plan {
  const plan: Plan = {
    items: [],
    installFramework: false,
    provider: null,
    services: [],
    assessment: null,
    revisions: [],
    decisions: [],
    evidence: [],
    certificates: [],
    superseded: [],
  };
  const context: PlanContext = { db, bundle, plan, add: (item) => plan.items.push(item) };
  planFramework(context);
  planProvider(context);
  const takeAssessment = planAssessment(context);
  planEvidence(context, { dataDir, takeAssessment });
  planCertificates(context);
  return plan;
}

/** The framework the assessment is pinned to. */
function planFramework({ db, bundle, plan, add }: PlanContext): void {
  const { framework, sha256 } = bundle.framework;
  const key = `${framework.id}@${framework.version}`;
  const note = noteFor(add, { kind: 'framework', id: key, label: framework.title });
  const installed = db
    .prepare('SELECT sha256 FROM frameworks WHERE id = ? AND version = ?')
    .get(framework.id, framework.version) as { sha256: string } | undefined;
  if (!installed) {
    plan.installFramework = true;
    note('new', 'not installed here; it will be installed from the bundle');
  } else if (installed.sha256 !== sha256) {
    note('conflict', `${key} is installed here with different content`);
  } else note('unchanged');
}

/** The provider and its services. */
function planProvider({ db, bundle, plan, add }: PlanContext): void {
  const { provider, services } = bundle.provider;
  const note = noteFor(add, { kind: 'provider', id: provider.id, label: provider.name });
  const providerRow = toRow(PROVIDERS, provider);
  const localProvider = selectRow(db, PROVIDERS, 'id = ?', [provider.id]);
  if (!localProvider) {
    const clash = numberClash(db, providerRow);
    if (clash) note('conflict', clash);
    else {
      plan.provider = 'insert';
      note('new');
    }
  } else {
    const comparison = compareEditable(PROVIDERS, localProvider, providerRow);
    const clash = comparison.apply ? numberClash(db, providerRow) : null;
    if (clash) note('conflict', clash);
    else {
      if (comparison.apply) plan.provider = 'update';
      note(comparison.status, comparison.detail);
    }
  }
  for (const service of services) {
    const noteService = noteFor(add, { kind: 'service', id: service.id, label: service.name });
    const row = toRow(SERVICES, service);
    const local = selectRow(db, SERVICES, 'id = ?', [service.id]);
    if (!local) {
      plan.services.push({ row, op: 'insert' });
      noteService('new');
    } else if (local.provider_id !== service.providerId) {
      noteService('conflict', 'a service with this id belongs to another provider here');
    } else {
      const comparison = compareEditable(SERVICES, local, row);
      if (comparison.apply) plan.services.push({ row, op: 'update' });
      noteService(comparison.status, comparison.detail);
    }
  }
}

export function previewOf(bundle: ParsedBundle, plan: Plan): BundlePreview {
  const counts = { new: 0, unchanged: 0, changed: 0, conflict: 0 };
  for (const item of plan.items) counts[item.status] += 1;
  const problems = plan.items
    .filter((i) => i.status === 'conflict')
    .map((i) => `${i.label}: ${i.detail ?? 'conflicts with your records'}`);
  const manifest = bundle.manifest;
  return {
    manifestSha256: bundle.manifestSha256,
    sender: {
      name: manifest.sender.name,
      keyId: manifest.sender.keyId,
      trustedAs: bundle.signer.trustedAs,
    },
    createdAt: manifest.createdAt,
    createdBy: manifest.createdBy,
    subject: manifest.subject,
    framework: {
      id: manifest.framework.id,
      version: manifest.framework.version,
      installed: !plan.installFramework,
    },
    includesPersonalData: manifest.includesPersonalData,
    evidenceFiles: manifest.evidenceFiles,
    items: plan.items,
    counts,
    canApply: counts.conflict === 0,
    nothingToImport: counts.new === 0 && counts.changed === 0,
    problems,
    warnings: bundle.warnings,
  };
}
