/** The months' names; the published register page is given them with its data, so dates read alike. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * "2026-03-04" (or an ISO timestamp) as "4 March 2026". Written out rather than left to Intl so
 * the words never depend on the machine's locale data.
 */
export function formatDate(iso: string | null | undefined, short = false): string {
  if (!iso) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return iso;
  return `${Number(match[3])} ${short ? month.slice(0, 3) : month} ${match[1]}`;
}

/** "4 Mar 2026", for narrow table columns. */
export const formatShortDate = (iso: string | null | undefined) => formatDate(iso, true);
