/**
 * What the reader taught talk detection, per site (core/talks/rules.ts), kept in the `talkRules`
 * setting. Learned when the reader says a detected talk is not a talk; named when the reader picks the
 * form that holds talk titles; forgotten on request.
 */
import {
  NO_RULES,
  type NotATalk,
  siteOf,
  type TalkForm,
  type TalkRules,
  withNotATalk,
} from '@/core/talks/rules';
import type { TalkNotesDatabase } from './db';
import { getSetting, setSetting } from './settings';

/** The rules for the site of `url` (none when it has none, or is not a web page). */
export async function talkRulesFor(db: TalkNotesDatabase, url: string): Promise<TalkRules> {
  const site = siteOf(url);
  if (!site) return NO_RULES;
  return (await getSetting(db, 'talkRules'))[site] ?? NO_RULES;
}

/** Changes the rules of the site of `url`; rules that say nothing are removed. Returns the new rules. */
export async function changeTalkRules(
  db: TalkNotesDatabase,
  url: string,
  change: (rules: TalkRules) => TalkRules,
): Promise<TalkRules> {
  const site = siteOf(url);
  if (!site) throw new Error('talk rules are kept for web pages only');
  return db.transaction('rw', db.settings, async () => {
    const all = { ...(await getSetting(db, 'talkRules')) };
    const next = change(all[site] ?? NO_RULES);
    if (next.notTalks.length || next.talkForm) all[site] = next;
    else delete all[site];
    await setSetting(db, 'talkRules', all);
    return next;
  });
}

export const learnNotATalk = (db: TalkNotesDatabase, url: string, text: string, as: NotATalk['as']) =>
  changeTalkRules(db, url, (rules) => withNotATalk(rules, text, as));

export const forgetNotATalk = (db: TalkNotesDatabase, url: string, key: string) =>
  changeTalkRules(db, url, (rules) => ({ ...rules, notTalks: rules.notTalks.filter((r) => r.key !== key) }));

export const setTalkForm = (db: TalkNotesDatabase, url: string, talkForm: TalkForm | null) =>
  changeTalkRules(db, url, (rules) => ({ ...rules, talkForm }));

export const forgetTalkRules = (db: TalkNotesDatabase, url: string) =>
  changeTalkRules(db, url, () => NO_RULES);
