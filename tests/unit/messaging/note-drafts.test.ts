/**
 * The note port (#14): notes typed in the popup reach the background keystroke by keystroke, are
 * written latest-first without an older text ever landing after a newer one, and only our popup and
 * dashboard may send them.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HighlightRecord } from '@/core/types';
import {
  acceptNoteDrafts,
  createNoteWriter,
  type DraftPort,
  NOTE_DRAFTS_PORT,
  noteDraftSaver,
  noteDraftSender,
} from '@/messaging/note-drafts';
import type { MessageSender } from '@/messaging/router';
import { saveClip } from '@/storage/clips';
import { createCommands } from '@/storage/commands';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { quotedPassage } from '../clip-fixtures';

const EXTENSION_ID = 'talk-notes-id';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const OPTIONS = { extensionId: EXTENSION_ID, extensionOrigin: ORIGIN };

/** A port as the background sees it: messages and a disconnect the test drives. */
function fakePort(sender: MessageSender, name = NOTE_DRAFTS_PORT) {
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port = {
    name,
    sender,
    posted: [] as unknown[],
    disconnected: false,
    postMessage(message: unknown) {
      if (port.disconnected) throw new Error('Attempting to use a disconnected port object');
      port.posted.push(message);
    },
    disconnect() {
      port.disconnected = true;
    },
    onMessage: { addListener: (l: (message: unknown) => void) => void onMessage.push(l) },
    onDisconnect: { addListener: (l: () => void) => void onDisconnect.push(l) },
    /** The other side sends a message. */
    receive: (message: unknown) => {
      for (const l of onMessage) l(message);
    },
    /** The other side goes away. */
    drop: () => {
      port.disconnected = true;
      for (const l of onDisconnect) l();
    },
  };
  return port satisfies DraftPort;
}

describe('createNoteWriter', () => {
  it('keeps the notes of different records apart, even with the same id', async () => {
    const writes: string[] = [];
    const writer = createNoteWriter(async (id, note, kind) => {
      writes.push(`${kind}:${id}:${note}`);
    });
    writer.write('x', 'highlight note');
    writer.write('x', 'talk note', 'talk');
    writer.write('x', 'page note', 'page');
    await writer.idle();
    expect(writes.sort()).toEqual(['highlight:x:highlight note', 'page:x:page note', 'talk:x:talk note']);
  });

  it('writes the latest text, one write at a time, never an older text after a newer one', async () => {
    const writes: string[] = [];
    let running = 0;
    let overlapped = false;
    const release: (() => void)[] = [];
    const writer = createNoteWriter(async (_id, note) => {
      running++;
      if (running > 1) overlapped = true;
      await new Promise<void>((resolve) => release.push(resolve));
      writes.push(note);
      running--;
    });
    writer.write('h1', 'a');
    writer.write('h1', 'ab');
    writer.write('h1', 'abc');
    // The first write runs; 'ab' was replaced by 'abc' while it waited.
    await vi.waitFor(() => expect(release).toHaveLength(1));
    release.shift()!();
    await vi.waitFor(() => expect(release).toHaveLength(1));
    release.shift()!();
    await writer.idle();
    expect(writes).toEqual(['a', 'abc']);
    expect(overlapped).toBe(false);
  });

  it('goes on after a failed write, and reports it', async () => {
    const errors: unknown[] = [];
    const writes: string[] = [];
    const writer = createNoteWriter(
      async (id, note) => {
        if (id === 'gone') throw new Error(`highlight ${id} does not exist`);
        writes.push(note);
      },
      (error) => errors.push(error),
    );
    writer.write('gone', 'late');
    writer.write('h1', 'kept');
    await writer.idle();
    expect(writes).toEqual(['kept']);
    expect(errors).toEqual([new Error('highlight gone does not exist')]);
  });
});

describe('acceptNoteDrafts, with the background’s writer and the database', () => {
  let db: TalkNotesDatabase;
  let highlight: HighlightRecord;
  beforeEach(async () => {
    db = createDatabase(`note-drafts-${crypto.randomUUID()}`);
    ({ highlight } = await saveClip(db, {
      page: {
        url: 'https://conf.example/day-1',
        title: 'Day 1',
        authors: [],
        siteName: null,
        publishedAt: null,
        lang: null,
        canonicalUrl: null,
        excerpt: null,
      },
      talks: [],
      highlight: quotedPassage('Kernel live patching', 0, null),
    }));
  });
  afterEach(async () => {
    await db.delete();
  });

  const writerFor = () => {
    const notify = vi.fn();
    const commands = createCommands({ db, notify });
    return { notify, writer: createNoteWriter(noteDraftSaver(commands)) };
  };

  it('stores a talk note and a page note (#17) as drafts too, apart from the highlight of the same id', async () => {
    const { writer, notify } = writerFor();
    const port = fakePort({ id: EXTENSION_ID, url: `${ORIGIN}popup.html?tab=3` });
    acceptNoteDrafts(port, writer, OPTIONS);
    const pageId = highlight.pageId;
    const talkId = (await createCommands({ db }).createTalk(pageId, 'Kernel live patching')).id;
    for (const note of ['S', 'Summary', 'Summary: try kGraft'])
      port.receive({ id: talkId, note, kind: 'talk' });
    port.receive({ id: pageId, note: 'A good write-up', kind: 'page' });
    port.drop();
    await writer.idle();
    expect((await db.talks.get(talkId))?.note).toBe('Summary: try kGraft');
    expect((await db.pages.get(pageId))?.note).toBe('A good write-up');
    expect((await db.highlights.get(highlight.id))?.note).toBe('');
    // Talks' and pages' own notes are not drawn in pages: no tab redraws.
    expect(notify).not.toHaveBeenCalled();
  });

  it('closes a port whose draft names an unknown kind of record', async () => {
    const { writer } = writerFor();
    const port = fakePort({ id: EXTENSION_ID, url: `${ORIGIN}dashboard.html` });
    acceptNoteDrafts(port, writer, OPTIONS);
    port.receive({ id: highlight.pageId, note: 'planted', kind: 'settings' });
    expect(port.disconnected).toBe(true);
    await writer.idle();
    expect((await db.pages.get(highlight.pageId))?.note).toBeUndefined();
  });

  it.each(['popup.html?tab=3', 'dashboard.html'])(
    'stores every keystroke of %s, the last one after the page is gone too',
    async (page) => {
      const { writer, notify } = writerFor();
      const port = fakePort({ id: EXTENSION_ID, url: `${ORIGIN}${page}` });
      expect(acceptNoteDrafts(port, writer, OPTIONS)).toBe(true);
      for (const note of ['A', 'Ask', 'Ask about kGraft']) port.receive({ id: highlight.id, note });
      port.drop();
      await writer.idle();
      expect((await db.highlights.get(highlight.id))?.note).toBe('Ask about kGraft');
      expect(notify).toHaveBeenCalledWith(['https://conf.example/day-1']);
      expect(port.disconnected).toBe(true);
    },
  );

  it.each<[string, MessageSender]>([
    ['a content script in a web page', { id: EXTENSION_ID, url: 'https://evil.example/', tab: { id: 4 } }],
    [
      'the in-page menu frame (any page can embed it)',
      { id: EXTENSION_ID, url: `${ORIGIN}highlight-menu.html` },
    ],
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }],
  ])('closes a port from %s unread', async (_, sender) => {
    const { writer } = writerFor();
    const rejected = vi.fn();
    const port = fakePort(sender);
    expect(acceptNoteDrafts(port, writer, { ...OPTIONS, onRejected: rejected })).toBe(true);
    expect(port.disconnected).toBe(true);
    port.receive({ id: highlight.id, note: 'planted' });
    await writer.idle();
    expect((await db.highlights.get(highlight.id))?.note).toBe('');
    expect(rejected).toHaveBeenCalledOnce();
  });

  it('leaves ports of other names alone, and closes one that sends anything but a draft', async () => {
    const { writer } = writerFor();
    const other = fakePort({ id: EXTENSION_ID, url: `${ORIGIN}popup.html` }, 'something-else');
    expect(acceptNoteDrafts(other, writer, OPTIONS)).toBe(false);
    expect(other.disconnected).toBe(false);

    const port = fakePort({ id: EXTENSION_ID, url: `${ORIGIN}popup.html` });
    acceptNoteDrafts(port, writer, OPTIONS);
    port.receive({ id: highlight.id, note: 'x'.repeat(1_000_001) });
    expect(port.disconnected).toBe(true);
    await writer.idle();
    expect((await db.highlights.get(highlight.id))?.note).toBe('');
  });
});

describe('noteDraftSender', () => {
  it('posts each text at once on one port, and opens a new one when the background went away', () => {
    const ports: ReturnType<typeof fakePort>[] = [];
    const connect = vi.fn(() => {
      const port = fakePort({});
      ports.push(port);
      return port;
    });
    const sender = noteDraftSender(connect);
    expect(connect).not.toHaveBeenCalled();
    sender.save('h1', 'a');
    sender.save('h1', 'ab');
    expect(ports).toHaveLength(1);
    expect(ports[0]!.posted).toEqual([
      { id: 'h1', note: 'a' },
      { id: 'h1', note: 'ab' },
    ]);
    // The worker stopped: the port is gone; the next keystroke opens another.
    ports[0]!.drop();
    sender.save('h1', 'abc');
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted).toEqual([{ id: 'h1', note: 'abc' }]);
    // A port that went away unannounced throws on use: the text still goes out on a new one.
    ports[1]!.disconnected = true;
    sender.save('h1', 'abcd');
    expect(ports).toHaveLength(3);
    expect(ports[2]!.posted).toEqual([{ id: 'h1', note: 'abcd' }]);
    // A talk's or page's note names its kind (#17).
    sender.save('t1', 'Summary', 'talk');
    expect(ports[2]!.posted.at(-1)).toEqual({ id: 't1', note: 'Summary', kind: 'talk' });
  });
});
