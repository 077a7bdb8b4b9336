import type { Database } from 'better-sqlite3';
import type { BundlePreview, PreviewItem } from '../../../shared/bundles/schema';
import type { ParsedBundle } from './read-bundle';
import { planAssessment } from './plan-assessment';
import { planCertificates, planEvidence } from './plan-attachments';
import { date, fields, type Add, type Plan } from './plan-types';
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
  const items: PreviewItem[] = [];
  const add: Add = (kind, id, label, status, detail) => {
    items.push({ kind, id, label, status, detail });
  };
  const plan: Plan = {
    items,
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

  // The framework the assessment is pinned to.
  const fw = bundle.framework;
  const fwKey = `${fw.framework.id}@${fw.framework.version}`;
  const installed = db
    .prepare('SELECT sha256 FROM frameworks WHERE id = ? AND version = ?')
    .get(fw.framework.id, fw.framework.version) as { sha256: string } | undefined;
  if (!installed) {
    plan.installFramework = true;
    add(
      'framework',
      fwKey,
      fw.framework.title,
      'new',
      'not installed here; it will be installed from the bundle',
    );
  } else if (installed.sha256 !== fw.sha256) {
    add(
      'framework',
      fwKey,
      fw.framework.title,
      'conflict',
      `${fwKey} is installed here with different content`,
    );
  } else add('framework', fwKey, fw.framework.title, 'unchanged', null);

  // The provider and its services.
  const p = bundle.provider.provider;
  const providerRow = toRow(PROVIDERS, p);
  const localProvider = selectRow(db, PROVIDERS, 'id = ?', [p.id]);
  if (!localProvider) {
    const clash = numberClash(db, providerRow);
    if (clash) add('provider', p.id, p.name, 'conflict', clash);
    else {
      plan.provider = 'insert';
      add('provider', p.id, p.name, 'new', null);
    }
  } else {
    const c = compareEditable(PROVIDERS, localProvider, providerRow);
    const clash = c.apply ? numberClash(db, providerRow) : null;
    if (clash) add('provider', p.id, p.name, 'conflict', clash);
    else {
      if (c.apply) plan.provider = 'update';
      add('provider', p.id, p.name, c.status, c.detail);
    }
  }
  for (const s of bundle.provider.services) {
    const row = toRow(SERVICES, s);
    const local = selectRow(db, SERVICES, 'id = ?', [s.id]);
    if (!local) {
      plan.services.push({ row, op: 'insert' });
      add('service', s.id, s.name, 'new', null);
    } else if (local.provider_id !== s.providerId) {
      add(
        'service',
        s.id,
        s.name,
        'conflict',
        'a service with this id belongs to another provider here',
      );
    } else {
      const c = compareEditable(SERVICES, local, row);
      if (c.apply) plan.services.push({ row, op: 'update' });
      add('service', s.id, s.name, c.status, c.detail);
    }
  }

  const takeAssessment = planAssessment(db, bundle, plan, add);
  planEvidence(db, dataDir, bundle, plan, add, takeAssessment);
  planCertificates(db, bundle, plan, add);
  return plan;
}

export function previewOf(bundle: ParsedBundle, plan: Plan): BundlePreview {
  const counts = { new: 0, unchanged: 0, changed: 0, conflict: 0 };
  for (const item of plan.items) counts[item.status] += 1;
  const problems = plan.items
    .filter((i) => i.status === 'conflict')
    .map((i) => `${i.label}: ${i.detail ?? 'conflicts with your records'}`);
  const m = bundle.manifest;
  return {
    manifestSha256: bundle.manifestSha256,
    sender: { name: m.sender.name, keyId: m.sender.keyId, trustedAs: bundle.signer.trustedAs },
    createdAt: m.createdAt,
    createdBy: m.createdBy,
    subject: m.subject,
    framework: {
      id: m.framework.id,
      version: m.framework.version,
      installed: !plan.installFramework,
    },
    includesPersonalData: m.includesPersonalData,
    evidenceFiles: m.evidenceFiles,
    items: plan.items,
    counts,
    canApply: counts.conflict === 0,
    nothingToImport: counts.new === 0 && counts.changed === 0,
    problems,
    warnings: bundle.warnings,
  };
}
