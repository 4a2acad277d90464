/**
 * What a reader taught detection about one site: lines that are not talks there ("Key takeaways" is a
 * part of the talk above it; "Wrapping up" belongs to no talk) and the form that holds talk titles
 * ("h3 headings"). Later pages of the same site are detected with these rules.
 */
import * as v from 'valibot';
import { TALK_FORMS, type TalkForm } from './talk-forms';
import { vocabularyKey } from './vocabulary';

export { TALK_FORMS, type TalkForm } from './talk-forms';

/** A line that is not a talk: a part of the talk above it, or the end of it (belonging to no talk). */
export interface NotATalk {
  /** The line's text as the vocabulary compares it (lower case, decoration stripped). */
  key: string;
  /** The text as the reader saw it, for showing the rule. */
  text: string;
  as: 'part' | 'none';
}

export interface TalkRules {
  notTalks: NotATalk[];
  /** The form the reader named for talk titles on this site; null: detect. */
  talkForm: TalkForm | null;
}

export const NO_RULES: TalkRules = { notTalks: [], talkForm: null };

/** At most this many lines are remembered per site: a rule list, not a second library. */
const MAX_NOT_TALKS = 200;

export const TalkRulesSchema = v.object({
  notTalks: v.pipe(
    v.array(
      v.object({
        key: v.pipe(v.string(), v.maxLength(500)),
        text: v.pipe(v.string(), v.maxLength(500)),
        as: v.picklist(['part', 'none']),
      }),
    ),
    v.maxLength(MAX_NOT_TALKS),
  ),
  talkForm: v.nullable(v.picklist(TALK_FORMS)),
});

/** The rules with `text` marked as not a talk (replacing an earlier rule for the same line). */
export function withNotATalk(rules: TalkRules, text: string, as: NotATalk['as']): TalkRules {
  const key = vocabularyKey(text);
  if (!key) return rules;
  const others = rules.notTalks.filter((r) => r.key !== key);
  return { ...rules, notTalks: [...others, { key, text: text.trim(), as }].slice(-MAX_NOT_TALKS) };
}

/** How the rules judge a line: not a talk (and which kind), or no opinion. */
export function ruleFor(rules: TalkRules, text: string): NotATalk['as'] | null {
  if (!rules.notTalks.length) return null;
  const key = vocabularyKey(text);
  return rules.notTalks.find((r) => r.key === key)?.as ?? null;
}

/** True when the rules say anything at all. */
export function hasRules(rules: TalkRules): boolean {
  return rules.notTalks.length > 0 || rules.talkForm !== null;
}

/**
 * The site a rule belongs to: the host without "www." (blog.example.org and example.org are different
 * sites to a blog platform, and "www." is the same site).
 */
export function siteOf(url: string): string | null {
  try {
    const { hostname, protocol } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return null;
    return hostname.replace(/^www\./, '').toLowerCase() || null;
  } catch {
    return null;
  }
}
