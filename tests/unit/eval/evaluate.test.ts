import { describe, expect, it } from 'vitest';
import type { RecapCase } from '@/eval/talks/cases';
import {
  checkTargets,
  evaluateRecap,
  evaluateWebPage,
  pairSections,
  sectionIsTalk,
  share,
  totalRecaps,
  totalRecapsByRound,
  totalWebPages,
} from '@/eval/talks/evaluate';
import { doc, fakeDetector } from './fake-detector';

const PAGE = `
  <h1>Conf 2024: my notes</h1>
  <p>Intro paragraph that belongs to no talk.</p>
  <h2>Alpha Talk — Ann Lee</h2>
  <p>Alpha said <em>one</em> thing.</p>
  <h2>Beta Talk</h2>
  <p>Beta said another.</p>
  <h2>Wrapping up</h2>
  <p>See you next year.</p>`;

const CASE: RecapCase = {
  file: 'tiny.html',
  platform: 'hand-made',
  kind: 'multi-talk',
  postTitle: 'Conf 2024: my notes',
  talks: [
    { title: 'Alpha Talk', speakers: ['Ann Lee'], heading: 'Alpha Talk — Ann Lee' },
    { title: 'Beta Talk', speakers: ['Bo Kim', 'Cy Park'], heading: 'Beta Talk' },
  ],
  passages: [
    { text: 'Intro paragraph that belongs to no talk.', talk: null },
    { text: 'Alpha said one thing.', talk: 'Alpha Talk' },
    { text: 'Beta said another.', talk: 'Beta Talk' },
    { text: 'See you next year.', talk: null },
  ],
};

describe('evaluateRecap', () => {
  it('scores a perfect detector as perfect', () => {
    const d = doc(PAGE);
    const r = evaluateRecap(
      d,
      CASE,
      fakeDetector('h2:not(:last-of-type)', { speakers: [['Ann Lee'], ['Cy Park', 'Bo Kim']] }),
    );
    expect(r.passages).toEqual({ right: 4, total: 4 });
    expect(r.talkPassages).toEqual({ right: 2, total: 2 });
    expect(r.talklessPassages).toEqual({ right: 2, total: 2 });
    expect(r.precision).toEqual({ right: 2, total: 2 });
    expect(r.recall).toEqual({ right: 2, total: 2 });
    expect(r.speakers).toEqual({ right: 2, total: 2 });
    expect(r.unlocated).toBe(0);
    expect(r.passageResults.map((p) => p.got)).toEqual([null, 'Alpha Talk — Ann Lee', 'Beta Talk', null]);
  });

  it('counts a non-talk heading taken for a talk against precision and the passages under it', () => {
    const r = evaluateRecap(doc(PAGE), CASE, fakeDetector('h2', { speakers: [['Ann Lee'], ['Bo Kim']] }));
    expect(r.precision).toEqual({ right: 2, total: 3 });
    expect(r.recall).toEqual({ right: 2, total: 2 });
    expect(r.passages).toEqual({ right: 3, total: 4 });
    expect(r.talklessPassages).toEqual({ right: 1, total: 2 });
    expect(r.passageResults[3]).toMatchObject({ expected: null, got: 'Wrapping up', right: false });
    // Beta's speakers miss Cy Park: one of the two found talks has its speakers right
    expect(r.speakers).toEqual({ right: 1, total: 2 });
    expect(r.detected.map((s) => s.matches)).toEqual(['Alpha Talk', 'Beta Talk', null]);
  });

  it('counts a talk found twice once: the copy is a wrong detection', () => {
    const r = evaluateRecap(
      doc(PAGE),
      CASE,
      fakeDetector('h2', { titles: ['Alpha Talk', 'Alpha Talk (Ann Lee)', 'Beta Talk'] }),
    );
    expect(r.precision).toEqual({ right: 2, total: 3 });
    expect(r.recall).toEqual({ right: 2, total: 2 });
  });

  it('pairs one to one even when a greedy choice would block a talk', () => {
    // Section 0 could be either talk ("A" matches "A" and, with a speaker suffix, "A: Ann" is talk "A");
    // section 1 can only be "A": the best pairing gives both talks a section.
    const talks = [
      { title: 'A', speakers: ['Ann'], heading: '' },
      { title: 'A: Ann', speakers: [], heading: '' },
    ];
    const sections = [
      { title: 'A: Ann', speakers: [] },
      { title: 'A', speakers: [] },
    ];
    expect(pairSections(sections, talks)).toEqual([1, 0]);
  });

  it('with no sections, recall is 0, precision has nothing to count and talk-less passages are right', () => {
    const r = evaluateRecap(doc(PAGE), CASE, fakeDetector('h6'));
    expect(r.precision).toEqual({ right: 0, total: 0 });
    expect(share(r.precision)).toBeNull();
    expect(r.recall).toEqual({ right: 0, total: 2 });
    expect(r.speakers).toEqual({ right: 0, total: 0 });
    expect(r.passages).toEqual({ right: 2, total: 4 });
    expect(r.talkPassages).toEqual({ right: 0, total: 2 });
    expect(r.talklessPassages).toEqual({ right: 2, total: 2 });
  });

  it('counts a title with a prefix as wrong, for titles and for passages', () => {
    const r = evaluateRecap(
      doc(PAGE),
      CASE,
      fakeDetector('h2:not(:last-of-type)', { titles: ['Keynote: Alpha Talk', 'Beta Talk'] }),
    );
    expect(r.precision).toEqual({ right: 1, total: 2 });
    expect(r.passageResults[1]).toMatchObject({ got: 'Keynote: Alpha Talk', right: false });
  });

  it('counts a passage that is not on the page exactly once as wrong, and reports it', () => {
    const c: RecapCase = {
      ...CASE,
      passages: [
        { text: 'Not on the page.', talk: null },
        { text: 'said', talk: 'Alpha Talk' },
      ],
    };
    const r = evaluateRecap(doc(PAGE), c, fakeDetector('h2'));
    expect(r.unlocated).toBe(2);
    expect(r.passages).toEqual({ right: 0, total: 2 });
    expect(r.passageResults.map((p) => p.occurrences)).toEqual([0, 2]);
  });

  it('on archive pages, wants the post title too', () => {
    const c: RecapCase = {
      ...CASE,
      kind: 'archive',
      talks: CASE.talks.map((t) => ({ ...t, post: 'March meetup — recap' })),
    };
    const right = evaluateRecap(
      doc(PAGE),
      c,
      fakeDetector('h2:not(:last-of-type)', { postTitle: 'March Meetup - Recap' }),
    );
    expect(right.recall).toEqual({ right: 2, total: 2 });
    expect(right.passages).toEqual({ right: 4, total: 4 });
    const wrongPost = evaluateRecap(
      doc(PAGE),
      c,
      fakeDetector('h2:not(:last-of-type)', { postTitle: 'April meetup' }),
    );
    expect(wrongPost.recall).toEqual({ right: 0, total: 2 });
    expect(wrongPost.passages).toEqual({ right: 2, total: 4 });
    const noPost = evaluateRecap(doc(PAGE), c, fakeDetector('h2:not(:last-of-type)'));
    expect(noPost.precision).toEqual({ right: 0, total: 2 });
  });

  it('rejects a case whose passage names a talk that is not in talks[]', () => {
    const c: RecapCase = { ...CASE, passages: [{ text: 'Beta said another.', talk: 'Gamma' }] };
    expect(() => evaluateRecap(doc(PAGE), c, fakeDetector('h2'))).toThrow(/Gamma/);
  });
});

describe('sectionIsTalk', () => {
  it('uses the title rule with the talk’s speakers', () => {
    const talk = { title: 'Alpha Talk', speakers: ['Ann Lee'], heading: '' };
    expect(sectionIsTalk({ title: 'alpha talk by Ann', speakers: [] }, talk)).toBe(true);
    expect(sectionIsTalk({ title: 'Alpha Talk by Acme', speakers: [] }, talk)).toBe(false);
  });
});

describe('totals', () => {
  it('sums counts over pages (micro-average), so pages weigh by their passages and talks', () => {
    const d = doc(PAGE);
    const a = evaluateRecap(d, CASE, fakeDetector('h2'));
    const b = evaluateRecap(d, CASE, fakeDetector('h6'));
    const t = totalRecaps([a, b]);
    expect(t.pages).toBe(2);
    expect(t.passages).toEqual({ right: a.passages.right + b.passages.right, total: 8 });
    expect(t.precision).toEqual({ right: 2, total: 3 });
    expect(t.recall).toEqual({ right: 2, total: 4 });
  });

  it('web pages: invented talks are summed and pages without any are counted', () => {
    const none = evaluateWebPage(doc('<h2>History</h2><p>x</p>'), 'wiki', fakeDetector('h6'));
    const some = evaluateWebPage(doc('<h2>History</h2><h2>Values</h2>'), 'wiki-2', fakeDetector('h2'));
    expect(some).toEqual({ name: 'wiki-2', invented: 2, titles: ['History', 'Values'] });
    const t = totalWebPages([none, some]);
    expect(t).toEqual({ pages: 2, pagesWithoutTalks: { right: 1, total: 2 }, invented: 2 });
  });

  it('checks the targets of issue 12', () => {
    const full = { right: 100, total: 100 };
    const recaps = {
      pages: 1,
      passages: full,
      talkPassages: full,
      talklessPassages: { right: 94, total: 100 },
      precision: full,
      recall: { right: 95, total: 100 },
      speakers: { right: 17, total: 20 },
      unlocated: 0,
    };
    const web = { pages: 62, pagesWithoutTalks: { right: 59, total: 62 }, invented: 5 };
    expect(checkTargets(recaps, web).map((t) => [t.name, t.met])).toEqual([
      ['passages under the right talk', true],
      ['talk-less passages under no talk', false],
      ['talk-title precision', true],
      ['talk-title recall', true],
      ['speakers right', true],
      ['web pages with no talks', false],
    ]);
  });
});

describe('totalRecapsByRound', () => {
  it('splits the totals by the round that added each page, original pages first', () => {
    const d = doc(PAGE);
    const original = evaluateRecap(d, CASE, fakeDetector('h2'));
    const added = evaluateRecap(d, { ...CASE, file: 'new.html', added: 'issue 12' }, fakeDetector('h6'));
    expect(original.added).toBeNull();
    expect(added.added).toBe('issue 12');
    const rounds = totalRecapsByRound([original, added, original]);
    expect(rounds.map((r) => [r.added, r.totals.pages, r.totals.recall])).toEqual([
      [null, 2, { right: 4, total: 4 }],
      ['issue 12', 1, { right: 0, total: 2 }],
    ]);
  });
});
