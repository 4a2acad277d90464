/**
 * Section ends at lines between talks (core/talks/section-ends.ts): a bold line that opens no talk ends
 * the talk above it when it is a structural line (a break, the hallway track) under a talk heading, or,
 * where talks open at bold lines, whatever it says. Pages made up for the test, in several languages.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, talkForNode } from '@/core/talks';

function page(title: string, body: string): Document {
  return new JSDOM(`<!doctype html><html><head><title>${title}</title></head><body><article>
    <h1>${title}</h1>${body}</article></body></html>`).window.document;
}

const filedUnder = (doc: Document, id: string) =>
  talkForNode(detectTalkSections(doc), doc.getElementById(id)!.firstChild!)?.title ?? null;

describe('a structural bold line ends the talk heading above it', () => {
  it.each([
    [
      'German, a lunch line',
      'Notizen von der JavaLand 2025',
      '<p>Drei Vorträge, die ich mitnehme.</p>',
      ['Records überall', 'Ana Weber'],
      ['Build-Zeiten halbieren', 'Tobias Krämer'],
      '<p><b>Mittagspause</b></p><p id="between">Currywurst im Hof und ein langes Gespräch über Maven.</p>',
    ],
    [
      'English, the hallway track',
      'Notes from DevOpsDays Leeds 2025',
      '<p>Two talks and what happened between them.</p>',
      ['Runbooks Nobody Opens', 'Priya Nair'],
      ['Paging Without Panic', 'Tom Reyes'],
      '<p><strong>Hallway track</strong></p><p id="between">I spent the next hour at the coffee urn arguing about pagers.</p>',
    ],
    [
      'Spanish, a coffee break',
      'Crónica de la Commit Conf 2025',
      '<p>Las charlas que más me gustaron.</p>',
      ['Migraciones sin miedo', 'Lucía Ortega'],
      ['Colas que no pierden mensajes', 'Javier Soto'],
      '<p><b>Pausa para el café</b></p><p id="between">Churros en el patio y mucha gente conocida.</p>',
    ],
  ])('%s', (_case, title, intro, [t1, s1], [t2, s2], between) => {
    const doc = page(
      title,
      `${intro}
      <h2>${t1} — ${s1}</h2><p>${s1!.split(' ')[0]} began with a story about an outage that took a weekend.</p>
      <p>The fix was small and took a year to agree on.</p>${between}
      <h2>${t2} — ${s2}</h2><p>${s2!.split(' ')[0]} closed the morning with numbers from two years of work.</p>`,
    );
    expect(detectTalkSections(doc).map((s) => s.title)).toEqual([t1, t2]);
    expect(filedUnder(doc, 'between')).toBeNull();
  });
});

describe('where talks open at bold lines, a bold line that opens no talk ends the talk above', () => {
  /** Two talks opened by bold "Title — Speaker" lines, the second's notes going on in `after`. */
  const twoTalkLines = (after: string) =>
    page(
      'Three talks from PyCon Lietuva 2025',
      `<p>These are the three talks I keep thinking about.</p>
      <p><b>Typing an Old Codebase — Rūta Kazlauskienė</b></p>
      <p>Rūta showed how her team added types to a ten-year-old service, one module a week.</p>
      <p><b>Profiling Without Guesswork — Mantas Petraitis</b></p>
      <p>Mantas measured before he changed anything, and most of the slow parts were not where he thought.</p>
      ${after}`,
    );

  it.each([
    ['Lithuanian lunch', 'Pietūs ir stendai'],
    ['Swahili lunch', 'Chakula cha mchana na mabanda'],
    ['an English aside', 'A word about the venue'],
  ])('%s', (_case, line) => {
    const doc = twoTalkLines(
      `<p><b>${line}</b></p>
      <p id="between">Cepelinai for lunch and a long queue at the stickers table.</p>
      <p><b>Packaging in 2025 — Eglė Jonaitė</b></p>
      <p id="talk">Eglė walked through the packaging tools her team dropped and the two they kept.</p>`,
    );
    expect(detectTalkSections(doc).map((s) => s.title)).toEqual([
      'Typing an Old Codebase',
      'Profiling Without Guesswork',
      'Packaging in 2025',
    ]);
    expect(filedUnder(doc, 'between')).toBeNull();
    expect(filedUnder(doc, 'talk')).toBe('Packaging in 2025');
  });

  it.each([
    ['a speaker line', '<p><b>Speaker: Mantas Petraitis</b></p>'],
    ["a talk's part", '<p><b>Q&amp;A</b></p>'],
  ])('%s under the talk line does not end it', (_case, line) => {
    const doc = twoTalkLines(
      `<p>Then he profiled the service in production for a week.</p>
      ${line}
      <p id="inside">Measure first; the profiler is cheaper than a rewrite.</p>`,
    );
    expect(filedUnder(doc, 'inside')).toBe('Profiling Without Guesswork');
  });
});

describe('in a write-up of talks in prose, a block opening with the evening ends the talk above', () => {
  it.each([
    ['English', 'The evening belonged to the old town. The party was on the river,'],
    ['German', 'Am Abend ging es in die Altstadt. Die Party war am Fluss,'],
    ['Russian', 'Вечером все пошли в старый город. Вечеринка была у реки,'],
  ])('%s', (_language, evening) => {
    const doc = page(
      'Three talks from JSConf Budapest 2025',
      `<p>Notes on the talks I saw, in the order I saw them.</p>
      <p>First up, Dóra Kiss on “Signals Without the Hype”. She rebuilt one form three ways and timed every keystroke.</p>
      <p>After the break, Bence Tóth on “Monorepos Are Not a Religion”. He moved forty packages into one repository and back.</p>
      <p id="evening">${evening} and I talked about build caches with a team from Vienna until late.</p>
      <p>On day two, Réka Szabó on “Accessible Charts”. She tested every chart in the product with a screen reader.</p>`,
    );
    expect(detectTalkSections(doc).map((s) => s.title)).toEqual([
      'Signals Without the Hype',
      'Monorepos Are Not a Religion',
      'Accessible Charts',
    ]);
    expect(filedUnder(doc, 'evening')).toBeNull();
  });
});

describe("in a thread, the writer's message quoting another author's post ends the talk above", () => {
  const post = (time: string, author: string, body: string) =>
    `<div class="post"><div><a class="post-name" href="/profile/${author}">${author}</a> · <time datetime="2025-05-24T${time}:00Z">${time}</time></div>
     <div class="post-text">${body}</div></div>`;
  const thread = (quoted: string) =>
    new JSDOM(`<!doctype html><html><head><title>Thread</title></head><body><main>
      ${post('09:00', 'Ines Duarte', 'Live-threading PyCon Portugal today. 🧵')}
      ${post('09:30', 'Ines Duarte', 'Marta Ribeiro on “Packaging Without Tears” — she started with a wheel that took an hour to build.')}
      ${post('09:45', 'Ines Duarte', 'Her fix was boring: pin the build backend and cache the compiled parts.')}
      ${post('10:30', 'Ines Duarte', `Meanwhile a friend says the other room had a good one too:${quoted}`)}
      ${post('10:50', 'Ines Duarte', '<span id="after">Sat on the stairs for a while and answered email.</span>')}
      ${post('11:30', 'Ines Duarte', 'Rui Costa on “Async Without Regret” — the event loop, drawn by hand.')}
      ${post('11:45', 'Ines Duarte', 'He showed three bugs that only happen under load.')}
      </main></body></html>`).window.document;

  it('quoting another account', () => {
    const doc = thread(
      `<div class="quote"><span class="post-name">Tiago Neves</span><div class="post-text">“Typing Django” just ended with a standing ovation.</div></div>`,
    );
    const sections = detectTalkSections(doc);
    expect(sections.map((s) => s.title)).toEqual(['Packaging Without Tears', 'Async Without Regret']);
    expect(talkForNode(sections, doc.getElementById('after')!.firstChild!)).toBeNull();
  });

  it('a message by the writer alone goes on with the talk', () => {
    const doc = thread('');
    const sections = detectTalkSections(doc);
    expect(sections.map((s) => s.title)).toEqual(['Packaging Without Tears', 'Async Without Regret']);
    expect(talkForNode(sections, doc.getElementById('after')!.firstChild!)?.title).toBe(
      'Packaging Without Tears',
    );
  });
});
