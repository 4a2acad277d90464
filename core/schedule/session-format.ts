/**
 * Session-format markers in titles: "(Workshop)", "Hands-on Lab: …", "… Deep Dive", "(Part 2)",
 * "(Repeat)". A schedule lists a workshop, a second part or a repeat of a talk as a session of its own
 * under nearly the same title; the marker is what tells them apart, so it is no subtitle a write-up may
 * drop: a title without it is not silently the session with it (title-similarity.ts, match.ts).
 */
import { STOPWORDS, type TitleForm, type TitleSegment } from './normalize';

/** The kinds of session a marker names (a part keeps its number: "part 2"). */
type FormatKind = 'hands-on' | 'deep-dive' | 'repeat' | `part ${string}`;

/** Marker words (folded, as `titleWords` gives them) and phrases, in the languages talk detection reads. */
const MARKERS: [words: string[], kind: FormatKind][] = [
  ...`workshop workshops tutorial tutorials lab labs masterclass bootcamp training trainings hands-on
  handson master-class atelier ateliers taller talleres oficina oficinas minicurso formation schulung
  ubung praxisworkshop tutoriel tutorielle treinamento capacitacion ハンズオン ワークショップ チュートリアル
  工作坊 动手实验 실습 워크숍 워크샵 핸즈온 튜토리얼`
    .split(/\s+/)
    .map((w): [string[], FormatKind] => [w.split('-'), 'hands-on']),
  ...['deep dive', 'deep-dive', 'deepdive'].map((w): [string[], FormatKind] => [
    w.split(/[ -]/),
    'deep-dive',
  ]),
  ...'repeat repeated rerun encore reprise wiederholung rediffusion repeticion repeticao 再演'
    .split(' ')
    .map((w): [string[], FormatKind] => [[w], 'repeat']),
];
/** Markers that may also open a title ("Workshop Kubernetes Security"): "training" and "lab" read as words there. */
const LEADING = new Set([
  'workshop',
  'workshops',
  'tutorial',
  'masterclass',
  'bootcamp',
  'hands',
  'deep',
  'atelier',
  'taller',
]);
/** "Part 2", "Teil II", "partie 3": a part is a session of its own. */
const PART_WORDS = new Set(['part', 'pt', 'teil', 'partie', 'parte', 'deel', 'parts']);
const PART_NUMBER = /^(?:\p{N}+|i{1,3}|iv|v|vi{1,3}|ix|x)$/u;
const CJK_PART = /^(?:前編|後編|中編|上篇|下篇|第\p{N}+部)$/u;

type Phrases = ReadonlyMap<string, readonly [words: string[], kind: FormatKind][]>;

/** Marker phrases by their first word, for look-ups word by word. */
function byFirstWord(phrases: typeof MARKERS): Phrases {
  const map = new Map<string, [string[], FormatKind][]>();
  for (const phrase of phrases) {
    const first = phrase[0][0]!;
    map.set(first, [...(map.get(first) ?? []), phrase]);
  }
  return map;
}
const ANY = byFirstWord(MARKERS);
const AT_START = byFirstWord(MARKERS.filter(([w]) => LEADING.has(w[0]!)));

const isCjkPart = (word: string) => word.charCodeAt(0) > 0x2e7f && CJK_PART.test(word);

/** True when `word` may start a marker (most titles have none: they are passed over at once). */
function mayStartMarker(word: string): boolean {
  return ANY.has(word) || PART_WORDS.has(word) || isCjkPart(word);
}

/** The marker at `words[i]`, as its kind and length, or null. */
function markerAt(words: readonly string[], i: number, phrases: Phrases = ANY): [FormatKind, number] | null {
  const w = words[i]!;
  if (PART_WORDS.has(w) && i + 1 < words.length && PART_NUMBER.test(words[i + 1]!))
    return [`part ${words[i + 1]}`, 2];
  if (isCjkPart(w)) return [`part ${w}`, 1];
  for (const [phrase, kind] of phrases.get(w) ?? []) {
    if (phrase.every((p, k) => words[i + k] === p)) return [kind, phrase.length];
  }
  return null;
}

/** The markers of `words` when every word is a marker or a stopword ("a hands-on workshop"), else null. */
function onlyMarkers(words: readonly string[]): FormatKind[] | null {
  const kinds: FormatKind[] = [];
  for (let i = 0; i < words.length; ) {
    const m = markerAt(words, i);
    if (m) {
      kinds.push(m[0]);
      i += m[1];
    } else if (STOPWORDS.has(words[i]!)) i++;
    else return null;
  }
  return kinds.length ? kinds : null;
}

/** What `sessionFormat` finds. */
export interface SessionFormat {
  /** The kinds of the markers, sorted and joined: '' for an ordinary talk, 'hands-on', 'part 2' … */
  key: string;
  /** The form without them (the form itself when it has none, or when they are all it holds). */
  stripped: TitleForm;
}

/**
 * The session-format markers of a title: a `(…)` group that names one ("(Workshop)", "(Hands-on, 90
 * min)", "(Part 2)"), a segment that is nothing else ("Workshop: …", "…: A Hands-on Lab", "… - Part 2"),
 * and a marker that opens the main title or closes the title ("Hands-on Kubernetes Security",
 * "Kubernetes Networking Deep Dive", "Operators from Scratch, Part 2").
 */
export function sessionFormat(form: TitleForm): SessionFormat {
  if (!form.some((segment) => segment.words.some(mayStartMarker))) return { key: '', stripped: form };
  const kinds: FormatKind[] = [];
  const out: TitleSegment[] = [];
  form.forEach((segment, s) => {
    const { words } = segment;
    if (segment.paren) {
      const found = words.map((_, i) => markerAt(words, i)).filter((m) => m !== null);
      if (found.length) {
        for (const [kind] of found) kinds.push(kind);
        return;
      }
      out.push(segment);
      return;
    }
    const whole = onlyMarkers(words);
    if (whole && form.length > 1) {
      kinds.push(...whole);
      return;
    }
    let start = 0;
    let end = words.length;
    if (s === 0) {
      // "Workshop Kubernetes Security", "A Deep Dive into eBPF": the marker and the words that join it.
      let i = 0;
      while (i < end && STOPWORDS.has(words[i]!)) i++;
      const m = i < end ? markerAt(words, i, AT_START) : null;
      if (m) {
        kinds.push(m[0]);
        start = i + m[1];
        while (start < end && STOPWORDS.has(words[start]!)) start++;
      }
    }
    if (s === lastWordsSegment(form)) {
      // "Kubernetes Security Workshop", "… Part 2", "… Deep Dive".
      for (let i = Math.max(start, end - 3); i < end; i++) {
        const m = markerAt(words, i);
        if (m && i + m[1] === end && i > start) {
          kinds.push(m[0]);
          end = i;
          break;
        }
      }
    }
    if (start === 0 && end === words.length) out.push(segment);
    else if (end > start) out.push({ words: words.slice(start, end), paren: false });
  });
  if (!kinds.length || !out.length) return { key: '', stripped: form };
  return { key: [...new Set(kinds)].sort().join('+'), stripped: out };
}

/** The index of the last segment that is not a `(…)` group. */
function lastWordsSegment(form: TitleForm): number {
  for (let s = form.length - 1; s >= 0; s--) if (!form[s]!.paren) return s;
  return -1;
}
