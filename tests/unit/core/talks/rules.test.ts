import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import {
  detectTalkSections,
  NO_RULES,
  siteOf,
  type TalkRules,
  talkForNode,
  withNotATalk,
} from '@/core/talks';

const doc = () =>
  new JSDOM(
    `<!doctype html><title>Recap of DevConf | Blog</title><article><h1>Recap of DevConf</h1>
    <h2>Fast Builds — Jane Doe</h2><p>Jane explained her build cache in this talk.</p>
    <h2>Key takeaways</h2><p id="kt">Cache everything twice.</p>
    <h2>Slow Tests — John Roe</h2><p>John showed flaky tests in his talk.</p>
    <h3>Robot arena</h3><p id="hall">Coffee chats.</p>
    <h3>Demo corner</h3><p id="demo">Robots.</p>
    <h2>Goodbye</h2><p id="bye">See you.</p></article>`,
    { url: 'https://blog.example.org/devconf' },
  ).window.document;
const filed = (d: Document, id: string, rules: TalkRules) =>
  talkForNode(detectTalkSections(d, rules), d.getElementById(id)!.firstChild!)?.title ?? null;

describe('site rules in detection', () => {
  it('without rules, a talk-level heading ends the talk above it', () => {
    const d = doc();
    expect(detectTalkSections(d).map((s) => [s.title, s.form])).toEqual([
      ['Fast Builds', 'h2'],
      ['Slow Tests', 'h2'],
    ]);
    expect(filed(d, 'kt', NO_RULES)).toBeNull();
  });

  it('a line marked "part of the talk above" no longer ends it', () => {
    const rules = withNotATalk(NO_RULES, 'Key takeaways', 'part');
    expect(filed(doc(), 'kt', rules)).toBe('Fast Builds');
  });

  it('a line marked "no talk" is never a talk and ends the talk above it', () => {
    const d = doc();
    const rules = withNotATalk(NO_RULES, 'Slow Tests — John Roe', 'none');
    expect(detectTalkSections(d, rules).map((s) => s.title)).toEqual(['Fast Builds']);
    expect(filed(d, 'hall', rules)).toBeNull();
  });

  it('a form named by the reader holds the talks, evidence or not', () => {
    const d = doc();
    const rules: TalkRules = { ...NO_RULES, talkForm: 'h3' };
    expect(detectTalkSections(d, rules).map((s) => s.title)).toEqual(['Robot arena', 'Demo corner']);
    expect(filed(d, 'demo', rules)).toBe('Demo corner');
    expect(filed(d, 'bye', rules)).toBeNull(); // the h2 above the level ends it
  });

  it('replaces an earlier rule for the same line, matched without decoration or case', () => {
    let rules = withNotATalk(NO_RULES, 'Key takeaways', 'part');
    rules = withNotATalk(rules, '🔑 KEY TAKEAWAYS:', 'none');
    expect(rules.notTalks).toEqual([{ key: 'key takeaways', text: '🔑 KEY TAKEAWAYS:', as: 'none' }]);
  });

  it.each([
    ['https://www.example.org/a', 'example.org'],
    ['https://blog.example.org/a?b', 'blog.example.org'],
    ['file:///tmp/a.html', null],
    ['not a url', null],
  ])('site of %s is %s', (url, site) => {
    expect(siteOf(url)).toBe(site);
  });
});
