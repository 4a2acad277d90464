import { describe, expect, it } from 'vitest';
import { collapseSpace, locatePassage, renderText } from '@/eval/talks/locate';

const doc = (body: string) =>
  new DOMParser().parseFromString(
    `<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`,
    'text/html',
  );

describe('renderText', () => {
  it('collapses whitespace within and across text nodes and separates blocks with a line break', () => {
    const d = doc('<h2>  Title\n  here </h2>\n<p>One <em> two </em>  three</p><ul><li>a</li><li>b</li></ul>');
    expect(renderText(d.body).text).toBe('\nTitle here\nOne two three\na\nb\n');
  });

  it('leaves out head, scripts, styles, templates, noscript, [hidden] and inline display:none', () => {
    const d = doc(
      '<p>a<script>x()</script><style>p{}</style><template>t</template><noscript>n</noscript>' +
        '<span hidden>h</span><span style="display: none">d</span><span style="DISPLAY:NONE">e</span>b</p>',
    );
    expect(renderText(d).text.trim()).toBe('ab');
  });

  it('keeps inline elements inline (<time> too, as check.py does) and <br> as a break', () => {
    const d = doc('<p><time>10:30</time> Doors <a href="#">open</a><br>now</p>');
    expect(renderText(d.body).text).toBe('\n10:30 Doors open\nnow\n');
  });

  it('records where every character comes from', () => {
    const d = doc('<p>ab <b>cd</b></p>');
    const r = renderText(d.body);
    const c = r.text.indexOf('c');
    expect(r.origins[c]?.node.data).toBe('cd');
    expect(r.origins[c]?.offset).toBe(0);
    expect(r.origins[0]).toBeNull();
  });
});

describe('locatePassage', () => {
  it('finds text that crosses inline elements and starts in the middle of a text node', () => {
    const d = doc('<p>Before. The <a href="#">second</a> was about <em>scale-down</em>: a threshold.</p>');
    const found = locatePassage(d, 'The second was about scale-down: a threshold.');
    expect(found.count).toBe(1);
    expect(found.start?.node.data).toBe('Before. The ');
    expect(found.start?.offset).toBe(8);
    expect(found.end?.node.data).toBe(': a threshold.');
    expect(found.end?.offset).toBe(': a threshold.'.length);
  });

  it('matches whatever whitespace the source has, in the page or in the passage', () => {
    const d = doc('<p>Dev keeps an\n      exceptions file&nbsp;in   Git.</p>');
    expect(locatePassage(d, 'Dev keeps an exceptions file in Git.').count).toBe(1);
    expect(locatePassage(d, '  Dev keeps an\nexceptions  file in Git. ').count).toBe(1);
  });

  it('starts at the first character, not at collapsed whitespace before it', () => {
    const d = doc('<p>x   <span>  Hello</span> world</p>');
    const found = locatePassage(d, 'Hello world');
    expect(found.start?.node.data).toBe('  Hello');
    expect(found.start?.offset).toBe(2);
  });

  it('never matches across two blocks', () => {
    const d = doc('<p>End of one.</p><p>Start of two.</p>');
    expect(locatePassage(d, 'End of one. Start of two.').count).toBe(0);
    const li = doc('<ul><li>first</li><li>second</li></ul>');
    expect(locatePassage(li, 'first second').count).toBe(0);
  });

  it('counts every occurrence and reports none for text that is not there or hidden', () => {
    const d = doc('<p>same same</p><p>same</p><p hidden>secret</p>');
    expect(locatePassage(d, 'same').count).toBe(3);
    expect(locatePassage(d, 'secret')).toEqual({ count: 0, start: null, end: null });
    expect(locatePassage(d, '   ').count).toBe(0);
  });

  it('accepts a rendering made once for many passages', () => {
    const d = doc('<p>alpha</p><p>beta</p>');
    const r = renderText(d);
    expect(locatePassage(r, 'beta').start?.node.data).toBe('beta');
  });

  it('handles text outside the ASCII range (CJK, combining marks, astral characters)', () => {
    const d = doc('<p>来年は<strong>LT</strong>に応募してみたいと思います。</p><p>e\u0301 𝒜 ok</p>');
    expect(locatePassage(d, '来年はLTに応募してみたいと思います。').count).toBe(1);
    expect(locatePassage(d, 'e\u0301 𝒜 ok').start?.offset).toBe(0);
  });
});

it('collapseSpace trims and collapses', () => {
  expect(collapseSpace('  a \n\t b  ')).toBe('a b');
});
