/**
 * Positive evidence that a talk was given and is reported (detect15b, docs/talk-detection.md): the marks
 * one candidate bears, and the page's gate over candidates from generic structure. Made-up pages in
 * several languages and scripts.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { recordedTalks, recordMarks, type RecordCandidate, type RecordMarks } from '@/core/talks/recorded';
import { page, titles } from './detected';

/** A candidate titled by `line` (a heading) over the paragraph `notes`. */
function candidate(line: string, notes: string, speakers: string[] = []): RecordCandidate {
  const doc = new JSDOM(`<!doctype html><article><h2>${line}</h2><p>${notes}</p></article>`).window.document;
  const heading = doc.querySelector('h2')!;
  const els = [heading, doc.querySelector('p')!];
  return { title: line, speakers, heading, notes: { text: els.map((el) => el.textContent).join(' '), els } };
}

const NONE: RecordMarks = {
  speaker: false,
  person: false,
  attribution: false,
  talkReference: false,
  recording: false,
  titleShaped: false,
  advice: false,
  addressesReader: false,
};

describe('recordMarks', () => {
  it.each<[string, string, string, Partial<RecordMarks>]>([
    [
      'a third-person subject (English)',
      'Caching at scale',
      'She showed the cache misses first.',
      { attribution: true },
    ],
    [
      'a third-person subject (German)',
      'Schneller bauen',
      'Danach zeigte er die Messungen.',
      { attribution: true },
    ],
    ['a third-person subject (Hindi)', 'कैश की कहानी', 'उन्होंने बताया कि कैश दो बार टूटा।', { attribution: true }],
    ['a name with さん (Japanese)', '型の話', '山田さんは型の移行を説明しました。', { attribution: true }],
    [
      'a third person in Vietnamese',
      'Bộ nhớ đệm',
      'Sau đó anh ấy giải thích cách đo.',
      { attribution: true },
    ],
    [
      'quoted speech',
      'Caching',
      'The closing line: “delete the cache before it deletes itself”.',
      { attribution: true },
    ],
    [
      'the talk referred to (Spanish)',
      'Cachés',
      'En la charla se vieron tres casos reales.',
      { talkReference: true },
    ],
    [
      'the talk referred to (Korean)',
      '캐시 이야기',
      '이 발표에서 세 가지 사례를 보았다.',
      { talkReference: true },
    ],
    [
      'a person named under the line',
      'Caching',
      'Maria Lopez walked through three outages.',
      { person: true },
    ],
    [
      'a recording',
      'Caching',
      'Recording: <a href="https://www.youtube.com/watch?v=x">watch</a>.',
      { recording: true },
    ],
    ['a time in front', '10:30 — Caching', 'Notes follow.', { titleShaped: true }],
    ['a quoted title', '“Caching at scale”', 'Notes follow.', { titleShaped: true }],
    ['a question is no mark against (talks are titled so too)', 'Why cache at all?', 'Notes follow.', {}],
    ['a numbered step', 'Step 2: Rehearse', 'Notes follow.', { advice: true }],
    [
      'the reader addressed (English)',
      'Rehearse',
      'Run through your slides before you go on stage.',
      { addressesReader: true },
    ],
    [
      'the reader addressed (Galician)',
      'Escribe cedo',
      'Os teus lectores agradecerán as ligazóns.',
      { addressesReader: true },
    ],
    [
      'the reader addressed (Indonesian "Anda")',
      'Datang lebih awal',
      'Anda bisa mengambil lencana di pintu utama.',
      { addressesReader: true },
    ],
    ['Swahili "tu" (only) is no reader', 'Mafunzo', 'Tulikuwa watu thelathini tu mwaka jana.', {}],
    ['Turkish "anda" (at the moment) is no reader', 'Kayıtlar', 'Şu anda kayıtlar açık değil.', {}],
  ])('%s', (_name, line, notes, marks) => {
    expect(recordMarks(candidate(line, notes))).toEqual({ ...NONE, ...marks });
  });

  it('a speaker tied to the line', () => {
    expect(recordMarks(candidate('Caching', 'Notes follow.', ['Maria Lopez'])).speaker).toBe(true);
  });
});

describe('recordedTalks', () => {
  const unmarked = (n: number) => candidate(`Tip number ${n}`, 'Keep it short and simple.');
  const recorded = (n: number) => candidate(`Lesson ${n}`, 'She said the cache was the problem.');
  const spoken = (n: number) => candidate(`Lesson ${n}`, 'Keep it short.', ['Maria Lopez']);

  it.each<[string, RecordCandidate[], number]>([
    ['all recorded: all stand', [recorded(1), recorded(2)], 2],
    ['half recorded: only the marked stand', [recorded(1), unmarked(2)], 0],
    ['two of three recorded: all stand', [recorded(1), recorded(2), unmarked(3)], 3],
    ['most unrecorded: only the marked stand', [spoken(1), unmarked(2), unmarked(3)], 1],
    ['none recorded: none stands', [unmarked(1), unmarked(2)], 0],
    ['one talk is never gated', [unmarked(1)], 1],
  ])('%s', (_name, talks, kept) => {
    expect(recordedTalks(talks)).toHaveLength(kept);
  });
});

/** A post titled `h1` of `h2` headings, each with a paragraph of notes. */
const post = (h1: string, lead: string, sections: [string, string][]) =>
  `<main><article><h1>${h1}</h1><p>${lead}</p>${sections
    .map(([h, p]) => `<h2>${h}</h2><p>${p}</p>`)
    .join('')}</article></main>`;

describe('pages that speak of talks and record none', () => {
  it.each<[string, string, string]>([
    [
      'a how-to on slides (English)',
      'How I build conference talk slides',
      post(
        'How I build conference talk slides',
        'After giving talks at a dozen conferences I have opinions about slides. Here is what you can steal for your next talk.',
        [
          [
            'Start with one sentence',
            'Before you open your editor, write the one sentence you want the audience to keep. If you cannot, your talk is not ready.',
          ],
          [
            'One idea per slide',
            'Your slides are not your speaker notes. Put one idea on each slide and say the rest out loud, or the room reads ahead of you.',
          ],
          [
            'Make the code readable',
            'Use a large font and highlight the one line you are talking about. Nobody in the back row can read your terminal.',
          ],
          [
            'Rehearse with a timer',
            'Run through the talk three times with a timer. You will cut a third of it before the session.',
          ],
        ],
      ),
    ],
    [
      'a how-to on writing a write-up (Galician)',
      'Como escribir unha boa crónica dunha conferencia',
      post(
        'Como escribir unha boa crónica dunha conferencia',
        'Despois de cada conferencia lemos moitas crónicas. Aquí tes algúns consellos para que a túa crónica das charlas sexa útil.',
        [
          [
            'Toma notas durante a charla',
            'Non confíes na memoria. Durante cada charla apunta as tres ideas principais e o nome do relator.',
          ],
          [
            'Escribe o mesmo día',
            'Escribe a crónica esa mesma noite, cando aínda lembras as charlas. Se esperas unha semana, as notas xa non serven.',
          ],
          [
            'Enlaza os vídeos e as diapositivas',
            'Cando a organización publique os vídeos, engade as ligazóns. Os teus lectores agradecerán ver a charla completa.',
          ],
        ],
      ),
    ],
    [
      'a sponsor’s booth report (English)',
      'Three days at our KubeCon booth',
      post(
        'Three days at our KubeCon booth',
        'This was our first time sponsoring the conference. We spent every hour on the expo floor and saw maybe two talks between us.',
        [
          [
            'The numbers',
            'Eleven hundred badge scans and three hundred demos; the speakers’ lounge was next to us, so we met a few speakers too.',
          ],
          [
            'Day by day on the floor',
            'The first day was the busiest, mostly in the hour after the opening keynote, when the whole hall emptied into the expo.',
          ],
          [
            'Swag, honestly',
            'We brought socks, as everyone does. Between sessions the phone charger cable on the counter was what people thanked us for most.',
          ],
        ],
      ),
    ],
  ])('%s: no talks', (_kind, title, body) => {
    expect(titles(page(body, title))).toEqual([]);
  });

  it.each<[string, string, string]>([
    [
      'a write-up whose notes say what the speakers did (English)',
      'My notes from the talks at DevConf',
      post('My notes from the talks at DevConf', 'Three talks stood out for me at this year’s conference.', [
        [
          'Caching at scale',
          'In her talk she opened with the outage that started it all and showed how the cache misses piled up.',
        ],
        [
          'Fuzzing the parser',
          'In his talk he ran the fuzzer live on stage and it found a crash in under a minute.',
        ],
        [
          'Docs that survive a reorg',
          'The talk closed on ownership: “docs have to move with the code”, and the room agreed.',
        ],
      ]),
    ],
    [
      'a write-up in Japanese',
      'カンファレンス参加レポート',
      post('カンファレンス参加レポート', '今年のカンファレンスで聞いた講演のメモです。', [
        ['型の移行', 'この講演で山田さんは大規模な型の移行を三段階で説明しました。'],
        ['キャッシュの話', 'この発表で佐藤さんはキャッシュが二度壊れた話をしました。'],
        ['テストの速さ', 'この講演で鈴木さんはテストを十倍速くした方法を紹介しました。'],
      ]),
    ],
  ])('%s: the talks stand', (_kind, title, body) => {
    expect(titles(page(body, title))).toHaveLength(3);
  });
});
