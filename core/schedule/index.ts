/**
 * Conference schedules (issue #13): `parseSchedule` reads a schedule file's text into a
 * `ParsedSchedule` (types.ts), whatever its format; `detectScheduleFormat` only says which format.
 * `buildScheduleIndex` prepares the imported talks, `matchTalk` says which of them a write-up's talk is
 * (or offers candidates), `searchScheduleTalks` finds them by what the reader types
 * (docs/schedule-matching.md).
 */
export type { ScheduleParseOptions } from './assemble';
export { detectScheduleFormat } from './detect';
export { countOf, formatCount, ScheduleParseError, type ScheduleParseErrorKind } from './errors';
export { isHousekeeping } from './housekeeping';
export { classifyLink, safeHttpUrl } from './links';
export { SCHEDULE_LIMITS } from './limits';
export { parseSchedule } from './parse';
export * from './types';
export {
  MATCH_THRESHOLD,
  type MatchCandidate,
  type MatchEvidence,
  matchTalk,
  type ScheduleMatch,
  type TalkQuery,
} from './match';
export {
  buildScheduleIndex,
  type MatchableConference,
  type MatchableTalk,
  type ScheduleIndex,
} from './schedule-index';
export { type ScheduleSearchHit, searchScheduleTalks } from './search';
