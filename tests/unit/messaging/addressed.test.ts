// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isAddressedTo } from '@/messaging/addressed';

const OWN = 'https://conf.example/embed/notes';

describe('isAddressedTo', () => {
  it.each([
    ['a scroll for this page', { type: 'scrollToHighlight', id: 'h', url: `${OWN}#x` }, true],
    [
      'a scroll for another page',
      { type: 'scrollToHighlight', id: 'h', url: 'https://conf.example/' },
      false,
    ],
    ['a detection for this page', { type: 'detectTalksAgain', url: `${OWN}?utm_source=a` }, true],
    ['a detection for another page', { type: 'detectTalksAgain', url: 'https://conf.example/' }, false],
    ['a page message with a URL that is not a string', { type: 'detectTalksAgain', url: 3 }, false],
    // Not about one page, or naming none: every frame answers, and the router judges the message.
    ['a scroll naming no page', { type: 'scrollToHighlight', id: 'h' }, true],
    ['a redraw notice', { type: 'highlightsChanged', urls: ['https://conf.example/'] }, true],
    ['a status question', { type: 'getContentStatus' }, true],
    ['something malformed', 'hello', true],
    ['nothing', null, true],
  ])('%s: %s', (_, message, expected) => {
    expect(isAddressedTo(message, OWN)).toBe(expected);
  });

  it('leaves questions about the whole tab to its top frame', () => {
    expect(isAddressedTo({ type: 'getContentStatus' }, OWN, true)).toBe(true);
    expect(isAddressedTo({ type: 'getContentStatus' }, OWN, false)).toBe(false);
    expect(isAddressedTo({ type: 'highlightsChanged', urls: [OWN] }, OWN, false)).toBe(true);
  });

  it('leaves a selection to highlight to the frame holding the focus when the sender cannot name it', () => {
    const command = { type: 'highlightSelection', focusedFrame: true };
    expect(isAddressedTo(command, OWN, false, () => true)).toBe(true);
    expect(isAddressedTo(command, OWN, true, () => false)).toBe(false);
    // Sent to one frame by id (the context menu names it): that frame answers, focused or not.
    expect(isAddressedTo({ type: 'highlightSelection' }, OWN, false, () => false)).toBe(true);
  });

  it('leaves a frame without a page of its own silent for page messages', () => {
    expect(isAddressedTo({ type: 'scrollToHighlight', id: 'h', url: OWN }, null)).toBe(false);
  });
});
