const count = new Intl.NumberFormat('en-GB');

/** "1 provider", "1,234 providers": a count with its noun, the number grouped as people read it. */
export function plural(n: number, one: string, many: string): string {
  return `${count.format(n)} ${n === 1 ? one : many}`;
}
