// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { boundedLine, cleanLine, plainText, stripControlCharacters, textOf } from '@/core/schedule/text';

describe('textOf', () => {
  it.each([
    ['text', 'text'],
    [42, '42'],
    [Number.NaN, ''],
    [null, ''],
    [undefined, ''],
    [{ en: 'x' }, ''],
    [['a'], ''],
  ])('%j -> %j', (value, expected) => {
    expect(textOf(value)).toBe(expected);
  });
});

describe('stripControlCharacters', () => {
  it.each([
    ['a\u0000b\u0007c', 'abc'],
    ['tab\tnew\nline\r', 'tab\tnew\nline\r'],
    ['\u0085C1\u009f', 'C1'],
    // Direction overrides can make a title read backwards: they go.
    ['evil\u202egnp.exe', 'evilgnp.exe'],
    ['\u2066isolate\u2069', 'isolate'],
    ['\ufeffBOM', 'BOM'],
    // A lone surrogate (JSON can carry one) becomes U+FFFD; a pair stays.
    ['lone \ud800 high', 'lone \ufffd high'],
    ['pair 😀', 'pair 😀'],
    ['日本語 é', '日本語 é'],
  ])('%j -> %j', (value, expected) => {
    expect(stripControlCharacters(value)).toBe(expected);
  });
});

describe('cleanLine and boundedLine', () => {
  it.each([
    ['  Two\n\twords  ', 'Two words'],
    ['a\u0000b', 'ab'],
    // Markup in a title is kept as text, never interpreted.
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
    ['Tom &amp; Jerry', 'Tom &amp; Jerry'],
  ])('cleanLine(%j) -> %j', (value, expected) => {
    expect(cleanLine(value)).toBe(expected);
  });

  it.each([
    ['', 10, null],
    ['   ', 10, null],
    ['short', 10, 'short'],
    ['a much longer line', 8, 'a much…'],
  ])('boundedLine(%j, %i) -> %j', (value, max, expected) => {
    expect(boundedLine(value, max)).toBe(expected);
  });
});

describe('plainText', () => {
  it.each([
    ['plain words', 'plain words'],
    ['<p>One</p><p>Two</p>', 'One\n\nTwo'],
    ['line<br>break<br/>again', 'line\nbreak\nagain'],
    ['<ul><li>a</li><li>b</li></ul>', 'a\nb'],
    ['<b>bold</b> and <a href="https://x.example">link</a>', 'bold and link'],
    // Entities are decoded after tags are removed: an escaped tag stays visible text.
    ['&lt;b&gt;not bold&lt;/b&gt; &amp; &eacute; &#233; &#x41;', '<b>not bold</b> & é é A'],
    ['<img src=x onerror=alert(1)>after', 'after'],
    ['<script>alert(1)</script>visible<style>p{}</style>', 'visible'],
    ['<SCRIPT type="text/javascript">x()</SCRIPT>ok', 'ok'],
    ['<script>never closed', ''],
    ['<!-- hidden -->shown<!-- unclosed', 'shown'],
    // A "<" not followed by a letter is text.
    ['a < b and c > d, <3', 'a < b and c > d, <3'],
    ['Windows\r\nline\rends', 'Windows\nline\nends'],
    ['  spaced \t out  \n\n\n\n  paragraphs  ', 'spaced out\n\nparagraphs'],
    ['nbsp&nbsp;here\u00a0too\u200bzero', 'nbsp here too zero'],
    ['control\u0000char', 'controlchar'],
    [null, ''],
  ])('%j -> %j', (markup, expected) => {
    expect(plainText(markup)).toBe(expected);
  });

  it('takes linear time on hostile markup (many unclosed scripts and comments)', () => {
    const hostile = '<script<!--'.repeat(20_000);
    const started = performance.now();
    expect(plainText(hostile)).toBe('');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
