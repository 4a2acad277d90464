/**
 * The structural reading of repeated sibling blocks (core/talks/blocks.ts, docs/talk-detection.md
 * "Session 8: structural reading"): runs of like blocks whose first lines read as talk titles are the
 * talks, whatever the markup. Every page here is made up for the test, in wording of its own; class
 * names are random or absent, since shape is read from structure only.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, talkForNode } from '@/core/talks';
import { isTitleLike, leadOf } from '@/core/talks/blocks';

const page = (body: string, title: string) =>
  new JSDOM(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, {
    url: 'https://forum.example.net/t/1',
  }).window.document;
const titles = (doc: Document) => detectTalkSections(doc).map((s) => [s.title, s.speakers]);
const filed = (doc: Document, id: string) =>
  talkForNode(detectTalkSections(doc), doc.getElementById(id)!.firstChild!)?.title ?? null;
const notes = (id: string, text: string) => `<p id="${id}">${text}</p>`;

describe('a comment tree where each talk is a comment of the poster', () => {
  const comment = (user: string, first: string, rest: string, replies = '') =>
    `<div class="x9"><div class="meta"><span class="author">${user}</span> · <time datetime="2025-03-02T10:00:00Z">2d</time></div>
     <div class="q1">${first}${rest}</div><div class="actions"><button>Reply</button></div>${replies}</div>`;
  const doc = page(
    `<main><div class="op"><h1>Notes from GreenOps Summit 2025, one reply per session</h1>
     <p id="intro">I split my notes so each session gets its own discussion under it; sorted oldest first.</p></div>
     <div class="comments">
     ${comment('lumen', '<p><strong>Carbon-Aware Batch Jobs — Renata Oyelaran (opening keynote)</strong></p>', notes('k1', 'She moved the nightly jobs to the hours when the grid is cleanest and saved more than any hardware refresh did.'), comment('pik', '', notes('r1', 'Was there a recording of this one? Asking for my whole team.')))}
     ${comment('lumen', '<p><strong>Coffee and the sponsor booths</strong></p>', notes('b1', 'Not a session, just so the order makes sense: the booths were busy and the coffee was better than last year.'))}
     ${comment('pik', '', notes('q1', 'Did anyone get into “Scope 3 for Software People”? The room was full before I got there, sadly.'))}
     ${comment('lumen', '<p><strong>“Idle Is Not Free” by Sebastián (he is around here too)</strong></p>', notes('k2', 'Idle clusters burn a quarter of their peak power; his team scales to zero at night and wakes on the first request.'))}
     ${comment('lumen', '<p><strong>And finally: Measuring Watts per Request (Hana Lindqvist)</strong></p>', notes('k3', 'A power meter on one rack and a request counter were enough to put a number on every endpoint they serve.'))}
     ${comment('lumen', '', notes('outro', 'That is all from me; a good conference, and next year I will bring a colleague along.'))}
     </div></main>`,
    'Notes from GreenOps Summit 2025, one reply per session',
  );

  it('each comment opening with a title-like line is a talk; its replies and notes belong to it', () => {
    expect(titles(doc)).toEqual([
      ['Carbon-Aware Batch Jobs', ['Renata Oyelaran']],
      ['Idle Is Not Free', []],
      ['Measuring Watts per Request', ['Hana Lindqvist']],
    ]);
    expect(filed(doc, 'k1')).toBe('Carbon-Aware Batch Jobs');
    expect(filed(doc, 'r1')).toBe('Carbon-Aware Batch Jobs');
    expect(filed(doc, 'k2')).toBe('Idle Is Not Free');
    expect(filed(doc, 'k3')).toBe('Measuring Watts per Request');
  });

  it('a comment of the same shape without a talk title, another reader’s question and the intro belong to no talk', () => {
    expect(filed(doc, 'b1')).toBeNull();
    expect(filed(doc, 'q1')).toBeNull();
    expect(filed(doc, 'intro')).toBeNull();
    expect(filed(doc, 'outro')).toBeNull();
  });
});

describe('paragraphs that open with a time stamp', () => {
  const stamp = (t: string, line: string, id = '') =>
    `<p${id ? ` id="${id}"` : ''}><a href="https://video.example/v?t=${t.replace(/:/g, '')}">${t}</a> — ${line}</p>`;
  const doc = page(
    `<article><h1>WasmCon 2025 livestream, my notes</h1>
     <p id="intro">I watched the recorded stream of the main room; the stamps are positions in the video.</p>
     ${stamp('0:00:00', 'holding slide and music for a while. Skip it.')}
     ${stamp('0:09:30', 'opening keynote, Dagny Halvorsen: Components All the Way Down')}
     <ul><li id="a1">Her claim: the component model is what makes Wasm outside the browser worth the trouble.</li><li>She showed a plugin system rebuilt on it in a week.</li></ul>
     ${stamp('0:51:10', '“Garbage Collection Lands” (Piotr Zawadzki)')}
     <ul><li id="a2">The GC proposal shipped in two engines; languages with a runtime of their own shrink by half.</li></ul>
     ${stamp('1:40:00', 'break. The stream shows the sponsor loop for half an hour.', 'brk')}
     <ul><li id="a3">I made tea during this part and read the chat, which was mostly about the sound.</li></ul>
     ${stamp('2:12:45', 'Debugging Wasm in Production (Ilse)')}
     <ul><li id="a4">Ilse works on a CDN's edge runtime; source maps and a core dump format carry the whole story.</li></ul>
     <h2>Overall</h2><p id="end">A long stream, but the keynote alone was worth it.</p></article>`,
    'WasmCon 2025 livestream, my notes',
  );

  it('each stamped line that reads as a title starts a talk that owns the list after it', () => {
    expect(titles(doc)).toEqual([
      ['Components All the Way Down', ['Dagny Halvorsen']],
      ['Garbage Collection Lands', ['Piotr Zawadzki']],
      ['Debugging Wasm in Production', ['Ilse']],
    ]);
    expect(filed(doc, 'a1')).toBe('Components All the Way Down');
    expect(filed(doc, 'a2')).toBe('Garbage Collection Lands');
    expect(filed(doc, 'a4')).toBe('Debugging Wasm in Production');
  });

  it('a stamped sentence (a break, the stream starting) is no talk and ends the talk above', () => {
    expect(filed(doc, 'brk')).toBeNull();
    expect(filed(doc, 'a3')).toBeNull();
    expect(filed(doc, 'intro')).toBeNull();
    expect(filed(doc, 'end')).toBeNull();
  });
});

describe('talks found among a run of like blocks name the run', () => {
  const card = (head: string, body: string) =>
    `<div class="k2"><div class="k3"><span role="button">▸</span><h3>${head}</h3></div><div class="k4">${body}</div></div>`;
  const doc = page(
    `<main><h1>Cloud Summit 2025 — notas da equipa</h1><p id="intro">Só escrevemos sobre o que vimos do princípio ao fim.</p>
     ${card('Dia 1 · Keynote: Serverless Without Regrets (Beatriz Lemos)', '<p id="a">A Beatriz mostrou três anos de faturas e uma regra simples para cada função.</p>')}
     ${card('Bancos de dados na borda — Tiago Freire e Marta Sousa', '<p id="b">Réplicas de leitura em doze cidades e um único ponto de escrita, por opção.</p>')}
     ${card('Almoço, stands e a fila do café', '<p id="lunch">Fila longa, café fraco, conversas boas.</p>')}
     ${card('Dia 2 · «Observabilidade para equipas pequenas»', '<p id="c">Orador: Samuel Quaresma. Três sinais chegam: erros, latência e saturação, por serviço.</p>')}
     <h2>Conclusões</h2><p id="end">Voltamos no próximo ano.</p></main>`,
    'Cloud Summit 2025 — notas da equipa',
  );

  it('a block whose quoted first line lacks the evidence of the others is a talk of the run too', () => {
    expect(titles(doc).map(([t]) => t)).toEqual([
      'Serverless Without Regrets',
      'Bancos de dados na borda',
      'Observabilidade para equipas pequenas',
    ]);
    expect(filed(doc, 'c')).toBe('Observabilidade para equipas pequenas');
    expect(filed(doc, 'lunch')).toBeNull();
    expect(filed(doc, 'end')).toBeNull();
  });
});

describe('what a run of like blocks is not', () => {
  it('blocks whose first lines are sentences or name no talk are a discussion, not talks', () => {
    const doc = page(
      `<main><h1>Thoughts after DataConf 2025?</h1><div class="c">
       ${['Loved the venue this year', 'The wifi was rough on day two', 'Anyone else skip the party'].map((l, i) => `<div><p><b>${l}</b></p><p id="d${i}">Long comment text that goes on for a while about how the day went, the food and the trains home.</p></div>`).join('')}
       </div></main>`,
      'Thoughts after DataConf 2025?',
    );
    expect(titles(doc)).toEqual([]);
  });

  it('a list of titles with speakers and no notes is a programme list, not a write-up', () => {
    const doc = page(
      `<main><h1>DataConf 2025 lineup</h1><div>
       <p>Query Plans Explained — Mara Jovanović</p><p>Columnar Everything — Teodor Weiss</p>
       <p>Vectors Without Hype — Asha Raman</p><p>Streaming Joins — Kofi Mensah</p></div></main>`,
      'DataConf 2025 lineup',
    );
    expect(titles(doc)).toEqual([]);
  });

  it('off event pages (no conference words anywhere) no run is read', () => {
    const doc = page(
      `<main><h1>Three recipes from the baking stream</h1><div>
       ${['0:03:10 — Lemon Tart — Ana Ruiz', '0:41:00 — Fig Bread — Tomas Berg', '1:20:30 — Plum Jam — Lea Kranz'].map((l) => `<p>${l}</p><ul><li>Long notes on how the dish came out, what to change next time and what the children said about it.</li></ul>`).join('')}
       </div></main>`,
      'Three recipes from the baking stream',
    );
    expect(titles(doc)).toEqual([]);
  });
});

describe('a block’s first line and whether it reads as a title', () => {
  it('reads past meta (author, date) and buttons to the first line', () => {
    const doc = page(
      `<div id="b"><div class="post-meta">anna · <time>3h</time></div><button>Follow</button><p><strong>Title Here — Anna Berg</strong></p><p>Notes.</p></div>`,
      't',
    );
    expect(leadOf(doc.getElementById('b')!)).toMatchObject({ text: 'Title Here — Anna Berg', kind: 'bold' });
  });

  it.each([
    ['Components All the Way Down', true],
    ['“Garbage Collection Lands” (Piotr Zawadzki)', true],
    ['Why Is My Build Slow?', true],
    ['stream starts on a holding slide. Skip ahead.', false],
    ['closing remarks and the sprint rooms for Sunday.', false],
    ['Word', false],
  ])('%s -> %s', (line, expected) => {
    expect(isTitleLike(line)).toBe(expected);
  });
});

describe('a card grid whose titles are links to their recordings, under a kicker', () => {
  const tile = (kicker: string, slug: string, title: string, who: string, id: string, text: string) =>
    `<div class="c4"><div class="c5"><p class="z1">${kicker}</p>
     <p class="z2"><a href="https://watch.summit.example.org/2025/${slug}">${title}</a></p>
     <p class="z3">${who}</p><p id="${id}">${text}</p></div></div>`;
  const doc = page(
    `<article><h1>Three sessions from Lakeside Summit we still argue about</h1>
     <p id="intro">Four of us took the ferry over for both days; below, one card per session, linked to its recording.</p>
     <div class="c3">
     ${tile('Wed · Room 2 · 10:00', 'tests', 'What Your Flaky Tests Are Telling You', 'Aurelia Fontaine, Brightwell', 'f1', 'Aurelia sorted two thousand flaky failures by cause; most were timing, and her team fixed the clock, not the tests.')}
     ${tile('Wed · Room 1 · 14:30', 'cdn', 'The CDN Is Part of Your App', 'Dmitri Volkonsky', 'f2', 'Caching rules belong in the repository with the code they cache; his team reviews them like any other change.')}
     ${tile('Thu · Room 3 · 09:15', 'oncall', 'On-Call for Small Teams', 'Priya Raman', 'f3', 'With four engineers a weekly rotation burns people out; they moved to follow-the-sun with a partner team abroad.')}
     </div>
     <div class="c3"><div class="c4"><a href="https://watch.summit.example.org/2025/x">Keeping Secrets in Git</a></div>
     <div class="c4"><a href="https://watch.summit.example.org/2025/y">Postgres at the Edge</a></div>
     <div class="c4"><a href="https://watch.summit.example.org/2025/z">Designing Status Pages</a></div></div>
     </article>`,
    'Three sessions from Lakeside Summit we still argue about',
  );

  it('each card whose line links to its recording is a talk, owning its notes, with the speakers under it', () => {
    expect(titles(doc)).toEqual([
      ['What Your Flaky Tests Are Telling You', ['Aurelia Fontaine']],
      ['The CDN Is Part of Your App', ['Dmitri Volkonsky']],
      ['On-Call for Small Teams', ['Priya Raman']],
    ]);
    expect(filed(doc, 'f1')).toBe('What Your Flaky Tests Are Telling You');
    expect(filed(doc, 'f3')).toBe('On-Call for Small Teams');
    expect(filed(doc, 'intro')).toBeNull();
  });
});
