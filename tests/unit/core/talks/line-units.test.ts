/**
 * Talks whose lines are not blocks of their own (`line-units.ts`, read by `shape-talks.ts`): bold or
 * italic runs opening lines separated only by `<br>` in one text span or paragraph, a run inside a
 * line after the speaker's name, one-word labels of the same shape (a break) that end the talk above,
 * and names in scripts without letter case beside a title (`caseless-lines.ts`). Every page is made
 * up for the test, in markups and languages of its own.
 */
import { describe, expect, it } from 'vitest';
import { caselessSpeakersBeside, isCaselessTitle } from '@/core/talks/caseless-lines';
import { lineUnits } from '@/core/talks/line-units';
import { shapeLines } from '@/core/talks/shapes';
import { filed, page, titles } from './detected';

const NOTE = (who: string) =>
  `${who} began with the failure that started it all and went through the fixes one by one, slide after slide, with the numbers from production beside each of them.`;

describe('talks opening at runs inside one block', () => {
  const talks: [string, string][] = [
    ['Filas sem pânico em produção', 'Beatriz Carvalho'],
    ['O custo real dos testes lentos', 'Rui Medeiros'],
    ['Mapas de calor para APIs', 'Inês Figueira'],
  ];
  it.each([
    [
      'bold runs after <br> in one text span, "— Name" after each (a thread post)',
      (rows: string) =>
        `<div class="post"><span>Escrevi estas notas na mesma noite.<br><br>${rows}</span></div>`,
      (t: string, p: string, i: number) =>
        `🎤 <strong>${t}</strong> — ${p}<br><span${i === 1 ? ' id="t1"' : ''}>${NOTE(p.split(' ')[0]!)}</span><br><br>`,
    ],
    [
      'italic runs opening paragraphs that hold the notes after a <br>, "(Name):" after each',
      (rows: string) => `<article>${rows}</article>`,
      (t: string, p: string, i: number) =>
        `<p><em>${t}</em> (${p}): <br><span${i === 1 ? ' id="t1"' : ''}>${NOTE(p.split(' ')[0]!)}</span></p>`,
    ],
  ])('%s', (_, wrap, row) => {
    const doc = page(
      `<main><h1>Conferência Tejo 2025</h1>${wrap(talks.map(([t, p], i) => row(t, p, i)).join(''))}</main>`,
      'Conferência Tejo 2025',
    );
    expect(titles(doc)).toEqual(talks.map(([t, p]) => [t, [p]]));
    expect(filed(doc, 't1')).toBe(talks[1]![0]);
  });

  it('a one-word run of the same shape (a break) ends the talk above it; text before a run stays above', () => {
    const rows = talks
      .map(
        ([t, p], i) =>
          `<p>${i === 2 ? '<span id="before">Depois do almoço voltámos à sala grande.</span> ' : ''}<b>${t}</b> — ${p}<br>${NOTE(p.split(' ')[0]!)}</p>${i === 1 ? '<p><b>Almoço</b> — <span id="lunch">bacalhau e uma fila longa para o café.</span></p>' : ''}`,
      )
      .join('');
    const doc = page(`<main><h1>Conferência Tejo 2025</h1>${rows}</main>`, 'Conferência Tejo 2025');
    expect(titles(doc)).toEqual(talks.map(([t, p]) => [t, [p]]));
    expect(filed(doc, 'lunch')).toBeNull();
    expect(filed(doc, 'before')).toBeNull();
  });
});

describe('names in scripts without letter case, counted by recurrence', () => {
  it.each([
    [
      'Telugu: "T — name" as bold leads, the given name again in the notes',
      'PyCon India 2025 గమనికలు',
      [
        ['డేటా పైప్‌లైన్లు సులభంగా', 'రవి కుమార్'],
        ['వెబ్ పనితీరు రహస్యాలు', 'సీత రాణి'],
        ['పైథాన్ లో పరీక్షలు', 'అనిల్ వర్మ'],
      ],
      (t: string, p: string) =>
        `<p><b>${t}</b> — ${p}<br>${p.split(' ')[0]} గారు తన అనుభవాన్ని పంచుకున్నారు. ఉత్పత్తిలో ఎదురైన సమస్యలు, వాటి పరిష్కారాలు, సంఖ్యలతో సహా వివరించారు. ప్రేక్షకులు చాలా ప్రశ్నలు అడిగారు.</p>`,
    ],
    [
      'Marathi: "name: T" as bold runs in one block, the name again in the notes',
      'देवफेस्ट पुणे 2025',
      [
        ['सुरक्षित प्रमाणीकरणाचे नवे मार्ग', 'अनिता देशमुख'],
        ['मोबाईल अॅप्सची चाचणी', 'राहुल जोशी'],
        ['ढगातील खर्च कमी करणे', 'स्नेहा कुलकर्णी'],
      ],
      (t: string, p: string) =>
        `<b>${p}: ${t}</b><br>${p.split(' ')[0]} यांनी उत्पादनातील अडचणी आणि त्यावरचे उपाय आकडेवारीसह सांगितले. श्रोत्यांनी बरेच प्रश्न विचारले आणि चर्चा रंगली.<br><br>`,
    ],
  ])('%s', (_, title, talks, row) => {
    const body = talks.map(([t, p]) => row(t!, p!)).join('');
    const doc = page(`<main><h1>${title}</h1><div class="entry">${body}</div></main>`, title);
    expect(titles(doc)).toEqual(talks.map(([t, p]) => [t, [p]]));
  });

  it.each([
    ['Telugu tail', 'డేటా పైప్‌లైన్లు సులభంగా — రవి కుమార్', 'రవి గారు చెప్పారు', ['రవి కుమార్']],
    ['Hebrew head', 'נועה לוי: בדיקות בלי פחד', 'לנועה היו הרבה דוגמאות', ['נועה לוי']],
    ['Korean tail', '느린 테스트의 비용 — 김지은', '지은 님은 숫자로 보여주었다', ['김지은']],
    ['not named again', 'డేటా పైప్‌లైన్లు సులభంగా — రవి కుమార్', 'ఎవరూ లేరు ఇక్కడ', null],
    ['a phrase in a cased script', 'Queues — Lunch Break', 'Lunch Break was long', null],
  ])('%s', (_, line, notes, speakers) => {
    expect(caselessSpeakersBeside(line, notes)?.speakers ?? null).toEqual(speakers);
  });

  it.each([
    ['డేటా పైప్‌లైన్లు సులభంగా', true],
    ['सुरक्षित प्रमाणीकरणाचे नवे मार्ग', true],
    ['ఇది ఒక వాక్యం. ఇది మరొకటి', false],
    ['ایک', false],
    ['a title in lower case', false],
  ])('isCaselessTitle(%s) is %s', (title, expected) => {
    expect(isCaselessTitle(title)).toBe(expected);
  });
});

describe('line units offered', () => {
  it('runs opening lines, inside lines, role=heading spans and contents entries, not a block already offered', () => {
    const doc = page(
      `<main><nav><ol><li><a href="#a">First part</a></li><li><a href="#b">Second part</a></li></ol></nav>
      <div id="post"><p><b>Whole line</b></p><p>Intro.<br><i>After a break</i> notes</p>
      <p>Some text with <b>a run inside</b> it.</p><span role="heading">Span heading</span>
      <section id="a"><p>${NOTE('A')}</p></section><section id="b"><p>${NOTE('B')}</p></section></div></main>`,
      'T',
    );
    const post = doc.getElementById('post')!;
    const units = lineUnits(post, shapeLines(post));
    expect(units.map((u) => [u.line, u.key.split('<')[0]])).toEqual([
      ['After a break', 'I.mark'],
      ['a run inside', 'B.bold'],
      ['Span heading', 'SPAN.heading'],
      ['First part', 'contents'],
      ['Second part', 'contents'],
    ]);
    expect(units.find((u) => u.line === 'First part')!.el.tagName).toBe('P');
  });
});

describe('runs of one shape by the hundred', () => {
  it('are a feed or an index: not read as lines, while a few runs of another shape are', () => {
    const feed = Array.from({ length: 400 }, (_, i) => `<b>Entry ${i} of the feed</b><br>`).join('');
    const doc = page(
      `<main><div id="post"><span>${feed}</span><p>Intro.<br><i>After a break</i> notes</p></div></main>`,
      'T',
    );
    const post = doc.getElementById('post')!;
    expect(lineUnits(post, shapeLines(post)).map((u) => u.line)).toEqual(['After a break']);
  });
});

describe('pages that are no write-ups stay without talks', () => {
  it.each([
    [
      'a recipe blog whose steps open at bold runs, no one named',
      `<h1>Three soups for winter</h1><div class="entry">${[
        'Roasted tomato soup',
        'Leek and potato soup',
        'Spiced lentil soup',
      ]
        .map(
          (t) =>
            `<b>${t}</b><br>Chop everything, roast it slowly until it smells sweet, then blend with stock and season to taste before serving hot.<br><br>`,
        )
        .join('')}</div>`,
    ],
    [
      'a Hindi how-to whose steps are bold runs, no one named again',
      `<h1>पायथन कसे शिकावे</h1><div class="entry">${[
        'पहिला टप्पा समजून घ्या',
        'दुसरा टप्पा सराव करा',
        'तिसरा टप्पा प्रकल्प करा',
      ]
        .map(
          (t) =>
            `<b>${t}</b><br>रोज थोडा वेळ द्या आणि लहान उदाहरणे लिहा. चुका होतील, त्यातून शिका आणि पुढे चला.<br><br>`,
        )
        .join('')}</div>`,
    ],
  ])('%s', (_, body) => {
    expect(titles(page(`<main>${body}</main>`, 'Blog'))).toEqual([]);
  });
});
