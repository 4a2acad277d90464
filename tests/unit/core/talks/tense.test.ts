/**
 * Programme versus write-up (core/talks/tense.ts): a page announcing its talks before the event has
 * titles, speakers and notes like a write-up, but its notes are abstracts in the future tense. Pages
 * made up for the test, in wording of their own.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections } from '@/core/talks';
import { announcesRatherThanReports, speaksOfTheFuture } from '@/core/talks/tense';

describe('speaksOfTheFuture', () => {
  it.each([
    ['Nadia will walk through the migration and its three outages.', true],
    ['Die Referentin wird zeigen, wie man Abhängigkeiten aktualisiert.', true],
    ['Elle va présenter le nouveau moteur de rendu.', true],
    ['La ponente explicará cómo migraron a Kubernetes.', true],
    ['O orador vai mostrar o pipeline de dados.', true],
    ['Докладчик расскажет о миграции на новую версию.', true],
    ['Prelegent opowie o testach kontraktowych.', true],
    ['Ο ομιλητής θα παρουσιάσει το νέο εργαλείο.', true],
    ['Pembicara akan membahas arsitektur layanan.', true],
    ['登壇者は新しい設計について話す予定です。', true],
    // Past and present: what a write-up says.
    ['Nadia walked through the migration and its three outages.', false],
    ['Die Referentin zeigte, wie man Abhängigkeiten aktualisiert.', false],
    ['Das Tool wird täglich von drei Teams genutzt', false],
    ['Elle a présenté le nouveau moteur de rendu.', false],
    ['Докладчик рассказал о миграции.', false],
    ['Will Harmon showed the dashboards.', false],
  ])('%s -> %s', (text, expected) => {
    expect(speaksOfTheFuture(text)).toBe(expected);
  });

  it('most talks announced, two at least, make a programme', () => {
    expect(announcesRatherThanReports(['She will show…', 'They will discuss…', 'A talk on queues.'])).toBe(
      true,
    );
    expect(announcesRatherThanReports(['She will show…', 'He showed…', 'They argued…'])).toBe(false);
    expect(announcesRatherThanReports(['She will show…'])).toBe(false);
  });
});

describe('a programme announced before the event has no talks', () => {
  const session = (title: string, speaker: string, abstract: string) =>
    `<div><div>10:00 · Hall B</div><h3>${title}</h3><p class="speaker">${speaker}</p><p>${abstract}</p></div>`;
  const programme = (abstracts: [string, string, string]) =>
    new JSDOM(
      `<!doctype html><html><head><title>Harbour DevDays 2026: the programme</title></head><body><main>
       <h1>Harbour DevDays 2026: the programme is out</h1>
       <p>After a hundred proposals, the programme committee picked the sessions below; tickets are on sale now.</p>
       <h2>Day one</h2>
       ${session('Queues Are Not Databases', 'Speaker: Olu Bankole', abstracts[0])}
       ${session('Typing the Untypable', 'Speaker: Mirela Dumitru', abstracts[1])}
       <h2>Day two</h2>
       ${session('The Pager Diaries', 'Speaker: Jesper Lund', abstracts[2])}
       </main></body></html>`,
      { url: 'https://harbourdev.example/news/programme' },
    ).window.document;

  it('abstracts in the future tense: announced, not written up', () => {
    const doc = programme([
      'Olu will explain why the team stopped treating their broker as storage, with numbers.',
      'Mirela will show a gradual typing plan for a large codebase and what it will cost you.',
      'Jesper recounts a year of on-call; bring your own stories, there will be time for questions.',
    ]);
    expect(detectTalkSections(doc)).toEqual([]);
  });

  it('the same page with notes in the past tense is a write-up', () => {
    const doc = programme([
      'Olu explained why the team stopped treating their broker as storage, with numbers.',
      'Mirela showed a gradual typing plan for a large codebase and what it cost them.',
      'Jesper recounted a year of on-call; the questions ran long.',
    ]);
    expect(detectTalkSections(doc).map((s) => s.title)).toEqual([
      'Queues Are Not Databases',
      'Typing the Untypable',
      'The Pager Diaries',
    ]);
  });
});
