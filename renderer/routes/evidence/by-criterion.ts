import type { EvidenceRecord } from '../../../shared/evidence/schema';

/** Evidence under each criterion it supports (a piece supporting two is under both). */
export function evidenceByCriterion(records: EvidenceRecord[]): Map<string, EvidenceRecord[]> {
  const byCode = new Map<string, EvidenceRecord[]>();
  for (const record of records)
    for (const code of record.criteria) byCode.set(code, [...(byCode.get(code) ?? []), record]);
  return byCode;
}
