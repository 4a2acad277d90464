import { describe, expect, it } from 'vitest';
import { buildTextIndex } from '@/core/anchoring';
import { renderedText, type StyleReader } from '@/core/rendered-text';

const computed: StyleReader = (element) => window.getComputedStyle(element);

function rendered(html: string) {
  document.body.innerHTML = html;
  const index = buildTextIndex(document.body);
  return { index, text: renderedText(index, computed) };
}

describe('renderedText', () => {
  it.each([
    [
      'paragraphs with no whitespace between them',
      '<p>First one.</p><p>Second one.</p>',
      ['First one.', 'Second one.'],
    ],
    ['a line break', '<p>Line one<br>line two</p>', ['Line one', 'line two']],
    [
      'an inline element laid out as a block',
      '<style>.b{display:block}</style><div>Before<span class="b">boxed</span>after</div>',
      ['Before', 'boxed', 'after'],
    ],
    [
      'inline elements stay in the block',
      '<p>An <em>emphatic</em> <a href="#">link</a>.</p>',
      ['An emphatic link.'],
    ],
    [
      'display:none and hidden text left out',
      '<style>.share{display:none}</style><p>Kept<span class="share">Share this</span> text<span hidden>secret</span>.</p>',
      ['Kept text.'],
    ],
    [
      'visibility:hidden left out',
      '<p>Shown <span style="visibility:hidden">ghost</span>words</p>',
      ['Shown words'],
    ],
    [
      'a visible child of a hidden parent kept',
      '<p style="visibility:hidden">gone <b style="visibility:visible">back</b></p>',
      ['back'],
    ],
    [
      'MathML annotations left out',
      '<p>Area <math><semantics><mi>x</mi><annotation encoding="application/x-tex">x^2</annotation></semantics></math> done</p>',
      ['Area x done'],
    ],
  ])('%s', (_, html, blocks) => {
    const { text } = rendered(html);
    expect(text.blocks.map((b) => b.replace(/\s+/g, ' ').trim()).filter(Boolean)).toEqual(blocks);
  });

  it('maps TextIndex offsets to rendered points and back, skipping text that is not rendered', () => {
    const { index, text } = rendered('<p>ab<span style="display:none">HIDDEN</span>cd</p><p>ef</p>');
    expect(index.text).toBe('abHIDDENcdef');
    expect(text.blocks).toEqual(['abcd', 'ef']);
    expect(text.pointOf(0, 'start')).toEqual({ block: 0, offset: 0 });
    // Inside hidden text: a start goes on to the next rendered character, an end back to the last one.
    expect(text.pointOf(4, 'start')).toEqual({ block: 0, offset: 2 });
    expect(text.pointOf(4, 'end')).toEqual({ block: 0, offset: 2 });
    expect(text.pointOf(10, 'start')).toEqual({ block: 1, offset: 0 });
    expect(text.pointOf(12, 'end')).toEqual({ block: 1, offset: 2 });
    expect(text.offsetOf({ block: 0, offset: 3 })).toBe(9);
    expect(text.offsetOf({ block: 1, offset: 1 })).toBe(11);
  });
});
