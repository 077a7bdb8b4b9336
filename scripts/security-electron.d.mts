export interface Finding {
  id: string;
  severity: 'HIGH' | 'MEDIUM' | 'LOW' | 'INFORMATIONAL';
  confidence: string;
  file: string;
  line: number;
  description: string;
}

export interface Report {
  checks: number;
  /** Files the scanner could not parse (so could not check). */
  errors: string[];
  findings: Finding[];
}

export const SCANNED: string[];
export const EXCLUDED_CHECKS: Record<string, string>;
export const FAILING: string[];
export function scan(input: string, version: string): Promise<Report>;
export function scanProject(dir?: string): Promise<Report>;
export function summarise(report: Report): { ok: boolean; text: string };
