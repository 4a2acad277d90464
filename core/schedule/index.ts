/**
 * Conference schedules (issue #13): `parseSchedule` reads a schedule file's text into a
 * `ParsedSchedule` (types.ts), whatever its format; `detectScheduleFormat` only says which format.
 */
export type { ScheduleParseOptions } from './assemble';
export { detectScheduleFormat } from './detect';
export { countOf, formatCount, ScheduleParseError, type ScheduleParseErrorKind } from './errors';
export { isHousekeeping } from './housekeeping';
export { classifyLink, safeHttpUrl } from './links';
export { SCHEDULE_LIMITS } from './limits';
export { parseSchedule } from './parse';
export * from './types';
