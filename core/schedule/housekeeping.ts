/**
 * Housekeeping entries of a schedule: breaks, meals, registration, doors opening, rooms closed.
 * They are listed with the talks but kept out of matching. A title is housekeeping only when it is
 * made of nothing but such words (in a few languages) and names at least one of them: "Coffee
 * break (30 min)" and "Mittagspause" are; "Lunch and Learn: Kafka" and "Breaking Changes in React"
 * are not, since "learn", "kafka" and "breaking" are not housekeeping words.
 */

/** Words and phrases that make an entry housekeeping, one language a line, separated by `|`. */
const CORE = [
  'break|breaks|coffee|coffee break|tea|tea break|lunch|lunch break|dinner|breakfast|brunch|snack|snacks',
  'refreshments|registration|check in|checkin|badge pickup|doors open|doors|venue opens|venue closes',
  'venue closed|room closed|closed|reception|happy hour|recess|intermission|meal|meals|catering|drinks',
  'housekeeping|logistics',
  'pause|pausen|kaffeepause|mittagspause|mittagessen|abendessen|frühstück|anmeldung|registrierung|einlass',
  'kaffee|imbiss|raum geschlossen',
  'pause café|déjeuner|dîner|petit déjeuner|accueil|inscription|inscriptions|café',
  'almuerzo|comida|cena|desayuno|pausa|receso|registro|acreditación|acreditaciones|descanso',
  'pranzo|caffè|colazione|registrazione|almoço|intervalo|jantar|credenciamento|lanche',
  'pauze|koffiepauze|lunchpauze|diner|registratie|koffie|ontbijt|przerwa|przerwa kawowa|obiad',
  '休憩|昼休み|昼休憩|昼食|ランチ|受付|懇親会|開場|閉場|午餐|午休|茶歇|休息|签到|晚餐|점심|점심시간|휴식|등록',
].flatMap((line) => line.split('|'));

/** Words that may stand beside them ("Short coffee break and snacks in the foyer"), but not alone. */
const FILLER = [
  'and|the|a|an|with|in|at|of|on|for|to|morning|afternoon|evening|midday|mid|networking|welcome|short|long',
  'extended|quick|light|free|time|day|provided|served|included|hall|foyer|lobby|open|opens|room|venue',
  'min|mins|minute|minutes|h|hour|hours',
  'und|mit|im|kurze|große|et|de|du|le|la|les|y|el|e|di|do|da|en|i|z|kawowa|分|시간',
].flatMap((line) => line.split('|'));

/** Longest first, so "coffee break" wins over "coffee". */
const VOCABULARY = [
  ...CORE.map((word) => ({ word, core: true })),
  ...FILLER.map((word) => ({ word, core: false })),
]
  .map(({ word, core }) => ({ word: word.normalize('NFC'), core }))
  .sort((a, b) => b.word.length - a.word.length);

/** A quick test before the full one: a housekeeping text contains at least one core word. */
const ANY_CORE = new RegExp(
  CORE.map((word) => word.normalize('NFC').replace(/ /g, '[^\\p{L}]+')).join('|'),
  'iu',
);

/** Full-width Latin letters ("ＬＵＮＣＨ"), which only NFKC folds: such a title skips the quick test. */
const FULL_WIDTH = /[\uff00-\uffef]/;

/** Scripts written without spaces between words: a vocabulary word there needs no boundary. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LETTER = /[\p{L}\p{M}]/u;

/** Lower case, full-width forms folded, everything but letters (digits, times, emoji, punctuation) a space. */
function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}]+/gu, ' ')
    .trim();
}

/** Whether `text` is made only of vocabulary words with at least one core word among them. */
function onlyHousekeepingWords(text: string): boolean {
  if (text.length > 120 || (!ANY_CORE.test(text) && !FULL_WIDTH.test(text))) return false;
  const s = normalize(text);
  if (!s || s.length > 80) return false;
  let pos = 0;
  let core = false;
  while (pos < s.length) {
    if (s[pos] === ' ') {
      pos++;
      continue;
    }
    const next = VOCABULARY.find(({ word }) => {
      if (!s.startsWith(word, pos)) return false;
      const after = s[pos + word.length];
      // A word must end at a space or the end, unless it or what follows is written without spaces.
      return (
        after === undefined ||
        after === ' ' ||
        UNSPACED.test(word.at(-1)!) ||
        !LETTER.test(after) ||
        UNSPACED.test(after)
      );
    });
    if (!next) return false;
    core ||= next.core;
    pos += next.word.length;
  }
  return core;
}

/**
 * Whether an event is housekeeping, by its title or its type (frab `type` "break"): see the module
 * comment for the rule. Tracks are not read: a "Networking" track at a networks conference holds talks.
 */
export function isHousekeeping(title: string, type: string | null = null): boolean {
  return onlyHousekeepingWords(title) || (!!type && onlyHousekeepingWords(type));
}
