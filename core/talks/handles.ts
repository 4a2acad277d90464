/**
 * Speakers named by a handle, as platforms that link profiles write them ("by @orlakeating", "by
 * @bnowicki and @sade_codes", "Jane (@jd)"). A handle is kept as the speaker when the write-up gives
 * nothing better; when the same write-up also names a person whose name the handle spells ("Orla
 * Keating" for "@orlakeating", "Tessa Quinlan" for "@tessaq", "Bartek Nowicki" for "@bnowicki"), the
 * person is the speaker.
 */
import { isPersonName } from './people';

/** "@orlakeating", "@sade_codes", "@jo.dev": letters, digits, "_", "." and "-" inside. */
const HANDLE = '@[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,28}[A-Za-z0-9_])?';
/** "by @a", "von @a", "— @a and @b", "Jane (@jd)": a line that only attributes to handles. */
const BYLINE = new RegExp(
  String.raw`^(?:[-–—|·•]\s*)?(?:(?:by|von|par|por|door|di|da|de|oleh)\s+)?((?:(?:\p{Lu}\p{Ll}+\s+)?\(?${HANDLE}\)?)(?:\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bdan\b)\s*(?:(?:\p{Lu}\p{Ll}+\s+)?\(?${HANDLE}\)?))*)\s*$`,
  'iu',
);
const RE_HANDLE = new RegExp(HANDLE, 'g');

/** The handles a line attributes a talk to ("by @a and @b" -> ["@a", "@b"]), or none. */
export function bylineHandles(line: string): string[] {
  const m = BYLINE.exec(line.trim());
  return m?.[1] ? [...m[1].matchAll(RE_HANDLE)].map((h) => h[0]) : [];
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Whether `handle` spells `name`: the name joined ("orlakeating"), initial and family name
 * ("bnowicki"), given name and initial ("tessaq"), family and given name; or a part of the handle
 * between "_", "." or digits is the given or the family name ("sade_codes" for Sade Adeyemi).
 */
export function handleSpells(handle: string, name: string): boolean {
  const words = fold(name)
    .split(/\s+/)
    .map((w) => w.replace(/[^\p{L}]/gu, ''))
    .filter(Boolean);
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last || words.length < 2) return false;
  const parts = fold(handle.replace(/^@/, ''))
    .split(/[_.\-\d]+/)
    .filter(Boolean);
  const letters = parts.join('');
  const spellings = [words.join(''), first + last, last + first, first[0] + last, first + last[0]];
  if (spellings.includes(letters)) return true;
  return parts.length > 1 && parts.some((p) => p.length >= 3 && (p === first || p === last));
}

/** Runs of two to four capitalised words in `text`: where people's names are. */
const CAPITALISED = /\p{Lu}[\p{L}\p{M}'’-]+(?:[ \t]+\p{Lu}[\p{L}\p{M}'’-]+){1,3}/gu;

/** Each handle as the person of `text` its letters spell, or as itself when nobody there fits. */
export function linkHandles(handles: readonly string[], text: string): string[] {
  const names: string[] = [];
  for (const run of text.matchAll(CAPITALISED)) {
    const words = run[0].split(/[ \t]+/);
    for (let i = 0; i + 1 < words.length; i++) names.push(`${words[i]} ${words[i + 1]}`);
  }
  return handles.map((h) => names.find((n) => isPersonName(n) && handleSpells(h, n)) ?? h);
}

/** Whether `name` is a handle ("@jd"), which stands for a person though it is not shaped like a name. */
export const isHandle = (name: string) => new RegExp(`^${HANDLE}$`).test(name);
