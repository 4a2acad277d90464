/**
 * Pages that teach, ask or guide (veto14c, docs/talk-detection.md): a call for speakers' FAQ, a how-to
 * about giving talks, whose questions and steps are headings among talk words, record no talk. A write-up
 * whose talk titles are questions, each with its speaker, keeps them. Made-up pages in several languages.
 */
import { describe, expect, it } from 'vitest';
import { page, titles } from './detected';

/** A post titled `h1` of `h2` headings, each with a paragraph of `notes` under it. */
const post = (h1: string, heads: string[], notes: (i: number) => string, head = '') =>
  `${head}<main><article><h1>${h1}</h1><p>${notes(-1)}</p>${heads
    .map((h, i) => `<h2>${h}</h2><p>${notes(i)}</p>`)
    .join('')}</article></main>`;

const PAGES: [string, string, string][] = [
  [
    'an FAQ in Spanish',
    'Convocatoria de ponentes: preguntas frecuentes',
    post(
      'Convocatoria de ponentes — preguntas frecuentes',
      [
        '¿Pagáis el viaje a los ponentes?',
        '¿Puedo enviar más de una charla?',
        '¿Se graban las charlas?',
        '¿Cuándo sabré si mi charla fue aceptada?',
      ],
      () => 'Sí, a todos los ponentes de la conferencia les respondemos antes de marzo.',
    ),
  ],
  [
    'an FAQ in Japanese',
    '登壇者募集 よくある質問',
    post(
      '登壇者募集：よくある質問',
      ['初めての登壇でも応募できますか？', '複数のトークを応募できますか？', 'セッションは録画されますか？'],
      () => 'はい、カンファレンスのセッションはすべて録画して後日公開します。',
    ),
  ],
  [
    'an FAQ marked up as schema.org FAQPage, its questions without a question mark (Japanese)',
    '登壇者募集 よくある質問',
    post(
      '登壇者募集：よくある質問',
      ['初めての登壇でも応募できます', '複数のトークを応募できます', 'セッションは録画されます'],
      () => 'はい、カンファレンスのセッションはすべて録画して後日公開します。',
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[]}</script>',
    ),
  ],
  [
    'an FAQ of <details> in French, its questions without a question mark',
    'Appel à orateurs : foire aux questions',
    `<main><article><h1>Appel à orateurs</h1><p>Tout sur les conférences et les talks de cette année.</p>${[
      'Le remboursement du voyage des orateurs',
      'Plusieurs propositions de talk par personne',
      "L'enregistrement des conférences",
    ]
      .map(
        (q) =>
          `<details><summary><h3>${q}</h3></summary><p>Oui, pour chaque talk de la conférence.</p></details>`,
      )
      .join('')}</article></main>`,
  ],
  [
    'a how-to in German',
    'Den eigenen Konferenzvortrag vorbereiten',
    post(
      'Den eigenen Konferenzvortrag vorbereiten',
      [
        'Tipp 1: Eine einzige Botschaft wählen',
        'Tipp 2: Die Folien zuletzt bauen',
        'Tipp 3: Laut vor Publikum üben',
        'Tipp 4: Fragen der Zuhörer einplanen',
      ],
      () =>
        'Vor meinem ersten Vortrag auf der Konferenz hätte ich mir das gewünscht, etwa beim Vortrag „Queues That Never Drain“.',
    ),
  ],
];

describe('pages that teach, ask or guide record no talks', () => {
  it.each(PAGES)('%s', (_kind, title, body) => {
    expect(titles(page(body, title))).toEqual([]);
  });
});

describe('a write-up whose talk titles are questions keeps them', () => {
  it('each question named with its speaker', () => {
    const talks: [string, string][] = [
      ['Do We Still Need Microservices?', 'Marisol Quintero'],
      ['Is Your Cache Lying to You?', 'Jana Brückner'],
      ['Who Owns the Pager?', 'Tomasz Wrzesień'],
    ];
    const body = post(
      'My DevDays 2026 recap: the talks',
      talks.map(([t, name]) => `${t} — ${name}`),
      (i) =>
        i < 0
          ? 'Three talks stood out at the conference.'
          : `${talks[i]![1].split(' ')[0]} showed the numbers.`,
    );
    expect(titles(page(body, 'My DevDays 2026 recap'))).toEqual(talks.map(([t, s]) => [t, [s]]));
  });
});
