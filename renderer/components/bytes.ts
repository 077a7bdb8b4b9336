import { plural } from '../../shared/text/plural';

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** A file size people can read: "980 bytes", "12.4 MB", "1.0 GB" (powers of 1024, as file managers show). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return plural(bytes, 'byte', 'bytes');
  return `${value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`;
}
