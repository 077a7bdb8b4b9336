/** Time comes from one place so tests can set the date (expiry, due dates, overdue checks). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at) };
}

export const isoNow = (clock: Clock) => clock.now().toISOString();
export const isoToday = (clock: Clock) => clock.now().toISOString().slice(0, 10);
