// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { classifyLink, collectLinks, safeHttpUrl, urlsInText } from '@/core/schedule/links';

describe('safeHttpUrl', () => {
  it.each([
    ['https://example.org/talk', 'https://example.org/talk'],
    ['  http://EXAMPLE.org/a b  ', null],
    ['HTTPS://Example.ORG', 'https://example.org/'],
    ['javascript:alert(1)', null],
    ['JavaScript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['vbscript:msgbox', null],
    ['file:///etc/passwd', null],
    ['mailto:a@example.org', null],
    ['ftp://example.org/file', null],
    ['/relative/path', null],
    ['//example.org/protocol-relative', null],
    ['https://user:secret@example.org/', null],
    ['https://example.org/\u0000x', null],
    [`https://example.org/${'a'.repeat(9000)}`, null],
    [42, null],
    [null, null],
  ])('%j -> %j', (raw, expected) => {
    expect(safeHttpUrl(raw)).toBe(expected);
  });

  it.each([
    ['/system/attachments/1/slides.pdf', 'https://camp.example.org/system/attachments/1/slides.pdf'],
    ['media/v.mp4', 'https://camp.example.org/2025/media/v.mp4'],
    ['javascript:alert(1)', null],
  ])('resolves %j against a base URL', (raw, expected) => {
    expect(safeHttpUrl(raw, 'https://camp.example.org/2025/')).toBe(expected);
  });
});

describe('classifyLink', () => {
  it.each([
    ['https://www.youtube.com/watch?v=abc', null, 'recording'],
    ['https://youtu.be/abc', null, 'recording'],
    ['https://m.youtube.com/watch?v=abc', null, 'recording'],
    ['https://vimeo.com/12345', null, 'recording'],
    ['https://media.ccc.de/v/38c3-1234-talk', null, 'recording'],
    ['https://video.fosdem.org/2024/janson/talk.webm', null, 'recording'],
    ['https://cdn.example.org/talk.MP4', null, 'recording'],
    ['https://cdn.example.org/talk', 'Video recording', 'recording'],
    ['https://speakerdeck.com/someone/deck', null, 'slides'],
    ['https://www.slideshare.net/someone/deck', null, 'slides'],
    ['https://docs.google.com/presentation/d/abc/edit', null, 'slides'],
    ['https://docs.google.com/document/d/abc/edit', null, 'other'],
    ['https://example.org/files/deck.pdf', null, 'slides'],
    ['https://example.org/files/deck.pptx?dl=1', null, 'slides'],
    ['https://example.org/files/deck.key', null, 'slides'],
    ['https://example.org/download/1234', 'Slides', 'slides'],
    ['https://example.org/download/1234', 'Folien', 'slides'],
    ['https://fosdem.org/2024/schedule/event/fosdem-2024-1234-talk/', null, 'schedule'],
    ['https://fahrplan.events.ccc.de/camp/2019/Fahrplan/events/10386.html', null, 'schedule'],
    ['https://pretalx.example.com/conf/talk/ABC123/', null, 'schedule'],
    ['https://kccncna2023.sched.com/event/1R2uy/talk', null, 'schedule'],
    ['https://github.com/example/repo', 'Code', 'other'],
    // A video site wins over a "slides" title.
    ['https://www.youtube.com/watch?v=abc', 'Slides walkthrough', 'recording'],
    // youtube.com.evil.example is not YouTube.
    ['https://youtube.com.evil.example/watch', null, 'other'],
  ])('%s (%j) -> %s', (url, title, kind) => {
    expect(classifyLink(url, title)).toBe(kind);
  });
});

describe('urlsInText', () => {
  it.each([
    ['See https://example.org/a.', ['https://example.org/a']],
    [
      '[docs](https://docs.example.org/x) and (https://b.example.org/y)',
      ['https://docs.example.org/x', 'https://b.example.org/y'],
    ],
    ['<a href="https://c.example.org/z">z</a>', ['https://c.example.org/z']],
    ['https://x.example.org/?a=1&amp;b=2, then more', ['https://x.example.org/?a=1&amp;b=2']],
    ['no links here, only javascript:alert(1)', []],
    ['ftp://x.example.org not http', []],
  ])('%j -> %j', (text, expected) => {
    expect(urlsInText(text)).toEqual(expected);
  });

  it('stops at the limit', () => {
    const text = Array.from({ length: 80 }, (_, i) => `https://e.example.org/${i}`).join(' ');
    expect(urlsInText(text, 5)).toHaveLength(5);
  });
});

describe('collectLinks', () => {
  it('keeps checked URLs once, classified, with the page marked as the schedule link', () => {
    const page = 'https://conf.example.org/talk/ABCDEF/';
    expect(
      collectLinks(
        [
          { url: page },
          { url: 'https://media.ccc.de/v/talk' },
          { url: 'javascript:alert(1)', title: 'Click' },
          { url: 'https://media.ccc.de/v/talk', title: 'Recording' },
          { url: 'https://example.org/deck', title: '  Slides  (PDF) ' },
          { url: 'https://vimeo.com/1', kind: 'other' },
          { url: 'https://example.org/live', kind: 'recording', title: 'Live' },
          { url: '/relative' },
        ],
        page,
      ),
    ).toEqual([
      { kind: 'schedule', url: page, title: null },
      { kind: 'recording', url: 'https://media.ccc.de/v/talk', title: 'Recording' },
      { kind: 'slides', url: 'https://example.org/deck', title: 'Slides (PDF)' },
      { kind: 'other', url: 'https://vimeo.com/1', title: null },
      { kind: 'recording', url: 'https://example.org/live', title: 'Live' },
    ]);
  });

  it('keeps at most 50 links', () => {
    const many = Array.from({ length: 70 }, (_, i) => ({ url: `https://e.example.org/${i}` }));
    expect(collectLinks(many, null)).toHaveLength(50);
  });
});
