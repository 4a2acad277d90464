import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type FrameWindow,
  holdsFocus,
  MAX_FRAME_PAGES,
  mayActInFrame,
  sameOriginFramePages,
} from '@/page/frames';

/** A window chain as a frame sees it: reading a cross-origin window's `origin` throws, as in browsers. */
function chain(...origins: string[]): FrameWindow {
  const top = { origin: origins[0]! } as { origin: string; parent: FrameWindow; top: FrameWindow | null };
  top.parent = top;
  top.top = top;
  let current: FrameWindow = top;
  for (const origin of origins.slice(1)) {
    const parent = current;
    const frame = {
      parent,
      top,
      get origin() {
        return origin;
      },
    };
    current = frame;
  }
  // Every window but the innermost is read from the frame below: guard the cross-origin ones.
  return guard(current);
}

/** Wraps each ancestor so that reading its origin from a window of another origin throws. */
function guard(win: FrameWindow): FrameWindow {
  const wrap = (w: FrameWindow, viewer: string): FrameWindow => {
    if (w === w.top) {
      return {
        get origin() {
          if (w.origin !== viewer) throw new DOMException('Blocked a frame', 'SecurityError');
          return w.origin;
        },
        parent: w.parent,
        top: w.top,
      };
    }
    return {
      get origin() {
        if (w.origin !== viewer) throw new DOMException('Blocked a frame', 'SecurityError');
        return w.origin;
      },
      get parent() {
        return wrap(w.parent, w.origin);
      },
      top: w.top,
    };
  };
  return { origin: win.origin, top: win.top, parent: wrap(win.parent, win.origin) };
}

describe('mayActInFrame', () => {
  it('acts in a top frame', () => {
    const top = chain('https://conf.example');
    expect(mayActInFrame(top)).toBe(true);
  });

  it.each([
    ['a same-origin frame', ['https://conf.example', 'https://conf.example'], true],
    [
      'a same-origin frame in a same-origin frame',
      ['https://a.example', 'https://a.example', 'https://a.example'],
      true,
    ],
    ['a frame of another origin', ['https://conf.example', 'https://ads.example'], false],
    ['a frame of another port', ['http://127.0.0.1:8000', 'http://127.0.0.1:8001'], false],
    ['a sandboxed frame (opaque origin)', ['https://conf.example', 'null'], false],
    [
      'a same-origin frame inside a frame of another origin',
      ['https://a.example', 'https://b.example', 'https://a.example'],
      false,
    ],
    [
      'a frame of the top origin inside another origin’s frame',
      ['https://b.example', 'https://a.example', 'https://a.example'],
      false,
    ],
  ])('%s: %s', (_, origins, expected) => {
    expect(mayActInFrame(chain(...(origins as string[])))).toBe(expected);
  });

  it('stops on a window chain deeper than any write-up', () => {
    expect(mayActInFrame(chain(...Array.from({ length: 30 }, () => 'https://a.example')))).toBe(false);
  });
});

describe('sameOriginFramePages', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  /** Adds an iframe and gives its (jsdom, same-origin) document a URL-less body; `url` is what it reports. */
  function frame(parent: Document, title: string): HTMLIFrameElement {
    const element = parent.createElement('iframe');
    parent.body.append(element);
    const child = element.contentDocument!;
    child.title = title;
    return element;
  }

  it('lists nothing for frames without an http(s) page of their own (about:blank, srcdoc)', () => {
    frame(document, 'blank');
    expect(sameOriginFramePages(document)).toEqual([]);
  });

  it('lists each same-origin framed page once, nested ones too, and marks the focused chain', () => {
    const frames: { url: string; title: string }[] = [];
    const outer = frame(document, 'Outer');
    const inner = frame(outer.contentDocument!, 'Inner');
    const again = frame(document, 'Outer again');
    frames.push(
      { url: 'http://localhost:3000/embed/outer#x', title: 'Outer' },
      { url: 'http://localhost:3000/embed/inner?utm_source=y', title: 'Inner' },
    );
    const fakeUrl = (element: HTMLIFrameElement, url: string) =>
      Object.defineProperty(element.contentDocument!, 'URL', { value: url });
    fakeUrl(outer, frames[0]!.url);
    fakeUrl(inner, frames[1]!.url);
    fakeUrl(again, frames[0]!.url);
    inner.contentDocument!.body.append('text');
    outer.focus();
    inner.focus();
    expect(sameOriginFramePages(document)).toEqual([
      { url: 'http://localhost:3000/embed/outer', title: 'Outer', focused: true },
      { url: 'http://localhost:3000/embed/inner', title: 'Inner', focused: true },
    ]);
  });

  it('skips frames of another origin', () => {
    const other = frame(document, 'Ad');
    Object.defineProperty(other.contentWindow!, 'origin', { value: 'https://ads.example' });
    Object.defineProperty(other.contentDocument!, 'URL', { value: 'https://ads.example/slot' });
    expect(sameOriginFramePages(document)).toEqual([]);
  });

  it(`reports at most ${MAX_FRAME_PAGES} pages`, () => {
    for (let i = 0; i < MAX_FRAME_PAGES + 5; i++) {
      const element = frame(document, `Embed ${i}`);
      Object.defineProperty(element.contentDocument!, 'URL', { value: `http://localhost:3000/embed/${i}` });
    }
    expect(sameOriginFramePages(document)).toHaveLength(MAX_FRAME_PAGES);
  });
});

describe('holdsFocus (the frame a keyboard command is for)', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  /** A same-origin frame showing `url` (jsdom gives it about:blank; the URL is what it reports). */
  function framed(url: string): HTMLIFrameElement {
    const element = document.createElement('iframe');
    document.body.append(element);
    Object.defineProperty(element.contentDocument!, 'URL', { value: url });
    element.contentDocument!.body.innerHTML = '<p tabindex="0">Embedded notes</p>';
    return element;
  }

  it('is the top document while the reader is in it', () => {
    framed('http://localhost:3000/embed/notes');
    document.body.insertAdjacentHTML('afterbegin', '<p tabindex="0" id="own">Top text</p>');
    document.getElementById('own')!.focus();
    expect(holdsFocus(document)).toBe(true);
  });

  it('is the same-origin frame the reader is in, and not its parent', () => {
    const frame = framed('http://localhost:3000/embed/notes');
    frame.focus();
    (frame.contentDocument!.querySelector('p') as HTMLElement).focus();
    expect(holdsFocus(document)).toBe(false);
    expect(holdsFocus(frame.contentDocument!)).toBe(true);
  });

  it('stays with the parent when the focused frame runs no content script (about:blank, another origin)', () => {
    const blank = document.createElement('iframe');
    document.body.append(blank);
    blank.focus();
    expect(holdsFocus(document)).toBe(true);
    const other = framed('https://ads.example/slot');
    Object.defineProperty(other.contentWindow!, 'origin', { value: 'https://ads.example' });
    other.focus();
    expect(holdsFocus(document)).toBe(true);
  });

  it('is nobody when the window does not have the focus', () => {
    const spy = vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    try {
      expect(holdsFocus(document)).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });
});
