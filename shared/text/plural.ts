const grouped = new Intl.NumberFormat('en-GB');

/** "1 provider", "1,234 providers": a count with its noun, the number grouped as people read it. */
export function plural(count: number, one: string, many: string): string {
  return `${grouped.format(count)} ${count === 1 ? one : many}`;
}
