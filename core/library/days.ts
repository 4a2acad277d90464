/** Days as the library groups and filters by them: local calendar days, keyed `YYYY-MM-DD`. */

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The local calendar day of a timestamp, as `YYYY-MM-DD`; `unknown date` for a time that is no date. */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return 'unknown date';
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight starting the day `key` (`YYYY-MM-DD`); NaN when the key is not a date. */
export function dayStart(key: string): number {
  const m = DAY_KEY.exec(key);
  if (!m) return Number.NaN;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}

/** Local midnight ending the day `key`: the start of the next day. */
export function dayEnd(key: string): number {
  const m = DAY_KEY.exec(key);
  if (!m) return Number.NaN;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1).getTime();
}

/** The day `days - 1` days before the day of `now`: the first day of "the last `days` days" (today counts). */
export function firstOfLastDays(now: number, days: number): string {
  const d = new Date(now);
  return dayKey(new Date(d.getFullYear(), d.getMonth(), d.getDate() - (days - 1)).getTime());
}
