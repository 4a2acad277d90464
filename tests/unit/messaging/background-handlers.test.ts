import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRIVATE_WINDOW_NOTICE } from '@/core/private-window';
import type { HighlightRecord } from '@/core/types';
import { backgroundHandlers } from '@/messaging/background-handlers';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { importSchedule } from '@/storage/conferences';
import { answerPostLink } from '@/storage/post-links';
import { quotedPassage, noMetadata } from '../clip-fixtures';
import { event, schedule } from '../schedule-fixtures';

const URL_A = 'https://blog.example/day-3';

/** What the content script sends for a passage clipped on URL_A. */
const clipOnPageA = () => ({
  page: { url: URL_A, title: 'Day 3', ...noMetadata() },
  talks: [],
  highlight: quotedPassage('random testing', 10, null),
});

function highlight(id: string, url: string, position: number): HighlightRecord {
  return {
    id,
    pageId: 'p1',
    url,
    talkId: null,
    text: `passage ${id}`,
    markdown: `passage ${id}`,
    selectors: [{ type: 'TextQuoteSelector', exact: `passage ${id}`, prefix: '', suffix: '' }],
    color: 'yellow',
    note: '',
    tags: [],
    position,
    anchorStatus: 'pending',
    createdAt: 1,
    updatedAt: 1,
  };
}

describe('extendHighlight and getClipSettings', () => {
  let db: TalkNotesDatabase;
  beforeEach(async () => {
    db = createDatabase(`extend-${crypto.randomUUID()}`);
    await db.highlights.bulkAdd([
      {
        ...highlight('a', URL_A, 10),
        note: 'kept',
        tags: ['t'],
        talkId: 'talk',
        color: 'blue',
        textFragment: 'text=old',
      },
      highlight('c', 'https://other.example/', 0),
    ]);
  });
  afterEach(() => db.delete());

  const passage = {
    text: 'a wider passage a',
    markdown: 'a wider *passage* a',
    selectors: [{ type: 'TextQuoteSelector' as const, exact: 'a wider passage a', prefix: '', suffix: '' }],
    position: 4,
  };
  const content = { role: 'content' as const, senderUrl: URL_A, tabId: 3, frameId: 0 };

  it('grows a highlight of the sender’s page: the passage re-made, note, tags, colour and talk kept', async () => {
    const notify = vi.fn();
    const { extendHighlight } = backgroundHandlers({ db, version: '1', notifyHighlightsChanged: notify });
    const extended = await extendHighlight({ type: 'extendHighlight', id: 'a', passage }, content);
    expect(extended).toMatchObject({
      id: 'a',
      ...passage,
      note: 'kept',
      tags: ['t'],
      talkId: 'talk',
      color: 'blue',
      anchorStatus: 'placed',
    });
    // The old passage's link would point at the old text.
    expect(extended.textFragment).toBeUndefined();
    expect(await db.highlights.get('a')).toEqual(extended);
    expect(notify).toHaveBeenCalledWith([URL_A]);
    await expect(extendHighlight({ type: 'extendHighlight', id: 'c', passage }, content)).rejects.toThrow(
      /only act on its own page/,
    );
    // Text read in a private window is not stored, as a new clip there is not.
    await db.highlights.put({ ...(await db.highlights.get('a'))!, text: 'before' });
    await expect(
      extendHighlight({ type: 'extendHighlight', id: 'a', passage }, { ...content, incognito: true }),
    ).rejects.toThrow(PRIVATE_WINDOW_NOTICE);
    expect((await db.highlights.get('a'))?.text).toBe('before');
  });

  it('tells the toolbar the Default colour, yellow until the reader sets one', async () => {
    const { getClipSettings } = backgroundHandlers({ db, version: '1' });
    expect(await getClipSettings({ type: 'getClipSettings' }, content)).toEqual({ defaultColor: 'yellow' });
    await db.settings.put({ key: 'defaultColor', value: 'green' });
    expect(await getClipSettings({ type: 'getClipSettings' }, content)).toEqual({ defaultColor: 'green' });
    await db.settings.put({ key: 'defaultColor', value: 'chartreuse' });
    expect(await getClipSettings({ type: 'getClipSettings' }, content)).toEqual({ defaultColor: 'yellow' });
  });
});

describe('backgroundHandlers', () => {
  let db: TalkNotesDatabase;
  beforeEach(async () => {
    db = createDatabase(`handlers-${crypto.randomUUID()}`);
    await db.highlights.bulkAdd([
      highlight('b', URL_A, 50),
      highlight('a', URL_A, 10),
      highlight('c', 'https://other.example/', 0),
    ]);
  });
  afterEach(() => db.delete());

  it('answers ping with the version', async () => {
    expect(
      await backgroundHandlers({ db, version: '1.2.3' }).ping({ type: 'ping' }, { role: 'extension' }),
    ).toEqual({
      version: '1.2.3',
    });
  });

  it('returns the highlights of a page in document order, whatever its fragment or tracking', async () => {
    const { getPageHighlights } = backgroundHandlers({ db, version: '1' });
    const rows = await getPageHighlights(
      { type: 'getPageHighlights', url: `${URL_A}?utm_source=feed#comments` },
      { role: 'extension' },
    );
    expect(rows.map((h) => h.id)).toEqual(['a', 'b']);
  });

  it('lets a content script read its own page only', async () => {
    const { getPageHighlights } = backgroundHandlers({ db, version: '1' });
    const own = await getPageHighlights(
      { type: 'getPageHighlights', url: URL_A },
      { role: 'content', tabId: 3, senderUrl: `${URL_A}#top` },
    );
    expect(own).toHaveLength(2);
    await expect(
      getPageHighlights(
        { type: 'getPageHighlights', url: 'https://other.example/' },
        { role: 'content', tabId: 3, senderUrl: URL_A },
      ),
    ).rejects.toThrow(/only act on its own page/);
  });

  // The sender's URL follows the page's own history.replaceState, so it names the origin, not the
  // page: the content script keys its page by the URL its document was loaded from (#14, finding 1).
  it.each([
    [
      'a page of its origin that the page replaceState-d its URL away from',
      'https://blog.example/elsewhere?x=1',
      2,
    ],
    ['another origin', 'https://other.example/day-3', 'rejected'],
    ['the same host over http', 'http://blog.example/day-3', 'rejected'],
    ['another port', 'https://blog.example:8443/day-3', 'rejected'],
    ['no URL at all', undefined, 'rejected'],
  ] as const)('answers a content script whose sender URL is %s: %s', async (_, senderUrl, expected) => {
    const { getPageHighlights } = backgroundHandlers({ db, version: '1' });
    const asking = getPageHighlights(
      { type: 'getPageHighlights', url: URL_A },
      { role: 'content', tabId: 3, senderUrl },
    );
    if (expected === 'rejected') await expect(asking).rejects.toThrow(/only act on its own page/);
    else expect(await asking).toHaveLength(expected);
  });

  describe('post identity (#18)', () => {
    const claim = (permalinks: string[]) => ({ permalinks, fingerprint: null, articles: [] });

    it('draws a post of its own site on a page that names it, and nothing of another site', async () => {
      const { getPostHighlights } = backgroundHandlers({ db, version: '1' });
      const own = await getPostHighlights(
        { type: 'getPostHighlights', url: 'https://amp.blog.example/day-3', identity: claim([URL_A]) },
        amp,
      );
      expect(own.highlights.map((h) => h.id)).toEqual(['a', 'b']);
      expect(own.postUrl).toBe(URL_A);
      const refused = await getPostHighlights(
        { type: 'getPostHighlights', url: 'https://copy.example/day-3', identity: claim([URL_A]) },
        hostile,
      );
      expect(refused).toEqual({ postUrl: 'https://copy.example/day-3', highlights: [], articles: [] });
      // Its own address must be of its own origin, as for getPageHighlights.
      await expect(
        getPostHighlights({ type: 'getPostHighlights', url: URL_A, identity: claim([]) }, hostile),
      ).rejects.toThrow(/only act on its own page/);
    });

    // The rule for acting beyond the page's own origin: same site AND the page's own claims show the
    // post. Each refused case below is one the same-site rule alone (postid18's) let through, or one
    // another site tries.
    const amp = {
      role: 'content' as const,
      tabId: 3,
      frameId: 0,
      senderUrl: 'https://amp.blog.example/day-3',
    };
    const sibling = { ...amp, senderUrl: 'https://www.blog.example/day-4' };
    const hostile = { ...amp, senderUrl: 'https://copy.example/day-3' };

    it('files a clip under another page of its site only when its claims show that post', async () => {
      const { saveClip } = backgroundHandlers({ db, version: '1' });
      const saved = await saveClip({ type: 'saveClip', clip: clipOnPageA(), identity: claim([URL_A]) }, amp);
      expect(saved.highlight.url).toBe(URL_A);
      for (const [sender, identity] of [
        [amp, undefined], // the same site, claiming nothing
        [sibling, claim(['https://www.blog.example/day-4-print'])], // the same site, another post
        [hostile, claim([URL_A])], // another site naming the post
      ] as const) {
        await expect(
          saveClip({ type: 'saveClip', clip: clipOnPageA(), ...(identity ? { identity } : {}) }, sender),
        ).rejects.toThrow(/only act on its own page/);
      }
      // A page's own origin needs no claim, as before #18.
      const own = { ...amp, senderUrl: 'https://blog.example/another' };
      expect((await saveClip({ type: 'saveClip', clip: clipOnPageA() }, own)).highlight.url).toBe(URL_A);
    });

    it('records the address a post was clipped at when it is not the post’s own, of the sender’s origin only', async () => {
      const { saveClip } = backgroundHandlers({ db, version: '1' });
      const readAt = async () => (await db.pages.where('url').equals(URL_A).first())?.readAt;
      const clipAt = (sender: typeof amp, at?: string) =>
        saveClip(
          { type: 'saveClip', clip: clipOnPageA(), identity: claim([URL_A]), ...(at ? { readAt: at } : {}) },
          sender,
        );
      // At the post's own address (a fragment is the same address): nothing more to record.
      await clipAt({ ...amp, senderUrl: URL_A }, `${URL_A}#top`);
      expect(await readAt()).toBeUndefined();
      // The same passage clipped again at the AMP view and on the archive: both addresses, once each.
      const archive = { ...amp, senderUrl: 'https://www.blog.example/2024/?utm_source=feed#day-3' };
      await clipAt(amp, amp.senderUrl);
      await clipAt(archive, archive.senderUrl);
      await clipAt(amp, `${amp.senderUrl}#again`);
      expect(await readAt()).toEqual(['https://amp.blog.example/day-3', 'https://www.blog.example/2024/']);
      // An address of another origin than the sender's (a page script cannot reach the content
      // script's message, but nothing else may either), or none given: nothing recorded, the clip kept.
      await clipAt(archive, 'https://elsewhere.example/fake');
      await clipAt(archive);
      expect(await readAt()).toHaveLength(2);
      // A clip the page is refused records nothing.
      await expect(clipAt(hostile, hostile.senderUrl)).rejects.toThrow(/only act on its own page/);
      expect(await readAt()).toHaveLength(2);
    });

    it('a post found by its fingerprint on the site is one the page shows when the reader came by its old link', async () => {
      const { saveClip } = backgroundHandlers({ db, version: '1' });
      const fingerprint = '00000000000000aa';
      await saveClip(
        { type: 'saveClip', clip: { ...clipOnPageA(), page: { ...clipOnPageA().page, fingerprint } } },
        { ...amp, senderUrl: URL_A },
      );
      const moved = { ...amp, senderUrl: 'https://www.blog.example/talks/day-3' };
      const identity = { permalinks: [], fingerprint, articles: [] };
      // The fingerprint alone is only offered (the popup asks): not a post the page may file under.
      await expect(saveClip({ type: 'saveClip', clip: clipOnPageA(), identity }, moved)).rejects.toThrow(
        /only act on its own page/,
      );
      const redirected = { ...identity, redirected: true as const };
      const again = await saveClip({ type: 'saveClip', clip: clipOnPageA(), identity: redirected }, moved);
      expect(again.highlight.url).toBe(URL_A);
    });

    it('a copy on another site acts on the post only once the reader linked it (the popup)', async () => {
      const { saveClip, grantMenu, getPostHighlights, knowsSite } = backgroundHandlers({ db, version: '1' });
      const fingerprint = '00000000000000bb';
      await saveClip(
        { type: 'saveClip', clip: { ...clipOnPageA(), page: { ...clipOnPageA().page, fingerprint } } },
        { ...amp, senderUrl: URL_A },
      );
      const copy = { ...amp, senderUrl: 'https://syndicate.example/@me/day-3' };
      const identity = { permalinks: [URL_A], fingerprint, articles: [], redirected: true as const };
      const ask = () => getPostHighlights({ type: 'getPostHighlights', url: copy.senderUrl, identity }, copy);
      const known = () => knowsSite({ type: 'knowsSite', url: copy.senderUrl }, copy);
      expect((await ask()).highlights).toEqual([]);
      expect(await known()).toBe(false);
      await expect(saveClip({ type: 'saveClip', clip: clipOnPageA(), identity }, copy)).rejects.toThrow(
        /only act on its own page/,
      );
      await expect(grantMenu({ type: 'grantMenu', id: 'a', identity }, copy)).rejects.toThrow(
        /only act on its own page/,
      );

      await answerPostLink(db, copy.senderUrl, URL_A, true);
      expect((await ask()).highlights.map((h) => h.id)).toEqual(expect.arrayContaining(['a', 'b']));
      expect((await ask()).postUrl).toBe(URL_A);
      expect(await known()).toBe(true);
      expect((await saveClip({ type: 'saveClip', clip: clipOnPageA(), identity }, copy)).highlight.url).toBe(
        URL_A,
      );
      await expect(grantMenu({ type: 'grantMenu', id: 'a', identity }, copy)).resolves.toMatch(/^0\./);
      // Without the page's claims, as for the site's own pages, nothing beyond its origin.
      await expect(saveClip({ type: 'saveClip', clip: clipOnPageA() }, copy)).rejects.toThrow(
        /only act on its own page/,
      );
    });

    it('grants a menu for a highlight of another origin only when the page shows its post', async () => {
      const { grantMenu } = backgroundHandlers({ db, version: '1' });
      await expect(grantMenu({ type: 'grantMenu', id: 'a', identity: claim([URL_A]) }, amp)).resolves.toMatch(
        /^0\./,
      );
      await expect(grantMenu({ type: 'grantMenu', id: 'a' }, amp)).rejects.toThrow(
        /only act on its own page/,
      );
      await expect(grantMenu({ type: 'grantMenu', id: 'a', identity: claim([]) }, sibling)).rejects.toThrow(
        /only act on its own page/,
      );
      await expect(
        grantMenu({ type: 'grantMenu', id: 'a', identity: claim([URL_A]) }, hostile),
      ).rejects.toThrow(/only act on its own page/);
    });

    it('edits by id stay with the page’s own origin', async () => {
      const { updateHighlight, deleteHighlight } = backgroundHandlers({ db, version: '1' });
      await expect(
        updateHighlight({ type: 'updateHighlight', id: 'a', changes: { color: 'green' } }, amp),
      ).rejects.toThrow(/only act on its own page/);
      await expect(deleteHighlight({ type: 'deleteHighlight', id: 'a' }, amp)).rejects.toThrow(
        /only act on its own page/,
      );
      expect((await db.highlights.get('a'))?.color).toBe('yellow');
    });

    it('user sites on a private suffix are separate sites: alice.github.io reaches nothing of bob’s', async () => {
      const bob = 'https://bob.github.io/posts/scaling';
      await db.highlights.add(highlight('bob', bob, 0));
      const { getPostHighlights, saveClip, grantMenu } = backgroundHandlers({ db, version: '1' });
      const alice = { ...amp, senderUrl: 'https://alice.github.io/copy' };
      const answer = await getPostHighlights(
        { type: 'getPostHighlights', url: alice.senderUrl, identity: claim([bob]) },
        alice,
      );
      expect(answer).toEqual({ postUrl: alice.senderUrl, highlights: [], articles: [] });
      const clip = { ...clipOnPageA(), page: { ...clipOnPageA().page, url: bob } };
      await expect(saveClip({ type: 'saveClip', clip, identity: claim([bob]) }, alice)).rejects.toThrow(
        /only act on its own page/,
      );
      await expect(
        grantMenu({ type: 'grantMenu', id: 'bob', identity: claim([bob]) }, alice),
      ).rejects.toThrow(/only act on its own page/);
    });

    it('tells the eager script whether the library holds a page of its site (knowsSite)', async () => {
      const { knowsSite, saveClip } = backgroundHandlers({ db, version: '1' });
      const ask = (url: string) => knowsSite({ type: 'knowsSite', url }, { ...amp, senderUrl: url });
      expect(await ask('https://www.blog.example/')).toBe(false);
      await saveClip({ type: 'saveClip', clip: clipOnPageA() }, { ...amp, senderUrl: URL_A });
      // The clip's page was written after the first answer: the index follows the database's writes.
      expect(await ask('https://www.blog.example/')).toBe(true);
      expect(await ask('https://copy.example/day-3')).toBe(false);
      // A page's own highlights count whatever the set says (here: highlights without a page record).
      expect(await ask('https://other.example/')).toBe(true);
      // Only of its own page's site.
      await expect(knowsSite({ type: 'knowsSite', url: URL_A }, hostile)).rejects.toThrow(
        /only act on its own page/,
      );
    });
  });

  it('tells the open tabs of the page after an edit, a delete and an undo from the menu, and not after a refused one', async () => {
    const notify = vi.fn();
    const handlers = backgroundHandlers({ db, version: '1', notifyHighlightsChanged: notify });
    const menu = { role: 'extension' as const };
    await handlers.updateHighlight({ type: 'updateHighlight', id: 'c', changes: { note: 'n' } }, menu);
    const deleted = await handlers.deleteHighlight({ type: 'deleteHighlight', id: 'a' }, menu);
    await handlers.restoreHighlight({ type: 'restoreHighlight', highlight: deleted! }, menu);
    expect(notify.mock.calls).toEqual([[['https://other.example/']], [[URL_A]], [[URL_A]]]);

    notify.mockClear();
    const otherPage = { role: 'content' as const, tabId: 3, senderUrl: URL_A };
    await expect(
      handlers.updateHighlight({ type: 'updateHighlight', id: 'c', changes: { note: 'x' } }, otherPage),
    ).rejects.toThrow(/only act on its own page/);
    expect(await handlers.deleteHighlight({ type: 'deleteHighlight', id: 'gone' }, menu)).toBeNull();
    expect(notify).not.toHaveBeenCalled();
  });

  describe('the in-page menu’s grant (#14, finding 2)', () => {
    const content = { role: 'content' as const, tabId: 3, frameId: 0, senderUrl: URL_A };
    const menuFrame = { role: 'menu' as const, tabId: 3, frameId: 12, documentId: 'D12' };
    /** A granting content script that holds one grant for highlight `a` and answers like MenuUi.useGrant. */
    function grantingFrame() {
      const asked: unknown[][] = [];
      let held: string | null = null;
      /** The menu is faded, covered or just opened: clicks (`acting`) get nothing, typing still does. */
      let shown = true;
      const askGrantingFrame = async (
        tabId: number,
        frameId: number,
        request: { token: string; frameId: number; documentId?: string; acting?: true },
      ) => {
        asked.push([tabId, frameId, request]);
        if (request.acting && !shown) return null;
        return tabId === 3 && frameId === 0 && request.token === held ? 'a' : null;
      };
      return {
        asked,
        askGrantingFrame,
        hold: (grant: string) => (held = grant.split('.')[1]!),
        hide: () => (shown = false),
      };
    }

    /** Background handlers whose granting frame holds a live grant for highlight `a`, as a menu would get it. */
    async function menuWithGrant() {
      const frame = grantingFrame();
      const notify = vi.fn();
      const handlers = backgroundHandlers({
        db,
        version: '1',
        askGrantingFrame: frame.askGrantingFrame,
        notifyHighlightsChanged: notify,
      });
      const grant = await handlers.grantMenu({ type: 'grantMenu', id: 'a' }, content);
      frame.hold(grant);
      return { frame, notify, handlers, grant };
    }

    it('asks for a shown menu on a click (colour, delete), not on typing, and says why a click did nothing', async () => {
      const { frame, handlers, grant } = await menuWithGrant();
      frame.hide();
      const typed = await handlers.updateGrantedHighlight(
        { type: 'updateGrantedHighlight', grant, changes: { note: 'typed', tags: ['t'] } },
        menuFrame,
      );
      expect(typed).toMatchObject({ id: 'a', note: 'typed' });
      await expect(
        handlers.updateGrantedHighlight(
          { type: 'updateGrantedHighlight', grant, changes: { color: 'green' } },
          menuFrame,
        ),
      ).rejects.toThrow(/covered, faded or had only just opened/);
      await expect(
        handlers.deleteGrantedHighlight({ type: 'deleteGrantedHighlight', grant }, menuFrame),
      ).rejects.toThrow(/covered, faded or had only just opened/);
      expect(await db.highlights.get('a')).toMatchObject({ color: 'yellow', note: 'typed' });
      // A forged token on a click is still "no grant".
      await expect(
        handlers.deleteGrantedHighlight(
          { type: 'deleteGrantedHighlight', grant: `0.${'x'.repeat(43)}` },
          menuFrame,
        ),
      ).rejects.toThrow(/no grant/);
    });

    it('grants a content script the menu of a highlight of its own page only, bound to its frame', async () => {
      const handlers = backgroundHandlers({
        db,
        version: '1',
        randomBytes: () => new Uint8Array(32).fill(1),
      });
      const grant = await handlers.grantMenu({ type: 'grantMenu', id: 'a' }, content);
      expect(grant).toBe(`0.${'AQEB'.repeat(10)}AQE`);
      await expect(handlers.grantMenu({ type: 'grantMenu', id: 'c' }, content)).rejects.toThrow(
        /only act on its own page/,
      );
      await expect(
        handlers.grantMenu({ type: 'grantMenu', id: 'a' }, { ...content, frameId: undefined }),
      ).rejects.toThrow(/frame/);
    });

    it('lets the menu read, edit, delete and restore the granted highlight, asking the granting frame each time', async () => {
      const { frame, notify, handlers, grant } = await menuWithGrant();
      expect(
        (await handlers.getGrantedHighlight({ type: 'getGrantedHighlight', grant }, menuFrame))?.id,
      ).toBe('a');
      expect(frame.asked[0]).toEqual([3, 0, { token: grant.split('.')[1], frameId: 12, documentId: 'D12' }]);
      const edited = await handlers.updateGrantedHighlight(
        { type: 'updateGrantedHighlight', grant, changes: { note: 'n' } },
        menuFrame,
      );
      expect(edited).toMatchObject({ id: 'a', note: 'n' });
      const deleted = await handlers.deleteGrantedHighlight(
        { type: 'deleteGrantedHighlight', grant },
        menuFrame,
      );
      expect(deleted?.id).toBe('a');
      // Undo puts back the granted highlight, and nothing else.
      const other = (await db.highlights.get('b'))!;
      await expect(
        handlers.restoreGrantedHighlight(
          { type: 'restoreGrantedHighlight', grant, highlight: { ...other, id: 'b2' } },
          menuFrame,
        ),
      ).rejects.toThrow('this menu has no grant for a highlight');
      await handlers.restoreGrantedHighlight(
        { type: 'restoreGrantedHighlight', grant, highlight: deleted! },
        menuFrame,
      );
      expect((await db.highlights.get('a'))?.note).toBe('n');
      expect(await db.highlights.get('b2')).toBeUndefined();
      expect(notify).toHaveBeenCalledTimes(3);
    });

    it('offers the menu the talks of the granted highlight’s page only, and files it under one of them only', async () => {
      const { handlers, grant } = await menuWithGrant();
      const talk = (id: string, pageId: string, position: number, extra = {}) => ({
        id,
        pageId,
        title: `Talk ${id}`,
        speakers: [],
        position,
        detected: true,
        detectedTitle: `Talk ${id}`,
        createdAt: 1,
        updatedAt: 1,
        ...extra,
      });
      await db.talks.bulkAdd([
        talk('t2', 'p1', 90),
        talk('t1', 'p1', 5),
        talk('gone', 'p1', 40, { notATalk: 'none' }),
        talk('elsewhere', 'p2', 1),
      ]);
      await db.settings.put({ key: 'colorNames', value: { green: 'to try' } });
      expect(
        await handlers.getGrantedMenuContext({ type: 'getGrantedMenuContext', grant }, menuFrame),
      ).toEqual({
        talks: [
          { id: 't1', title: 'Talk t1' },
          { id: 't2', title: 'Talk t2' },
        ],
        colorNames: { green: 'to try' },
      });
      const moved = await handlers.updateGrantedHighlight(
        { type: 'updateGrantedHighlight', grant, changes: { talkId: 't2' } },
        menuFrame,
      );
      expect(moved).toMatchObject({ id: 'a', talkId: 't2', talkPinned: true });
      await expect(
        handlers.updateGrantedHighlight(
          { type: 'updateGrantedHighlight', grant, changes: { talkId: 'elsewhere' } },
          menuFrame,
        ),
      ).rejects.toThrow('not a talk of this page');
      expect((await db.highlights.get('a'))?.talkId).toBe('t2');
      await expect(
        handlers.getGrantedMenuContext(
          { type: 'getGrantedMenuContext', grant: `0.${'B'.repeat(43)}` },
          menuFrame,
        ),
      ).rejects.toThrow('this menu has no grant for a highlight');
    });

    it('lets the menu read and write the note of the granted highlight’s talk (#17), and no other talk', async () => {
      const { notify, handlers, grant } = await menuWithGrant();
      const now = Date.now();
      const talk = (id: string, title: string) => ({
        id,
        pageId: 'p1',
        title,
        speakers: [],
        position: 0,
        detected: true,
        detectedTitle: title,
        createdAt: now,
        updatedAt: now,
      });
      await db.talks.bulkAdd([
        talk('t1', 'Kernel live patching'),
        { ...talk('t2', 'Other'), note: 'theirs' },
      ]);
      await db.highlights.update('b', { talkId: 't2' });
      // Under no talk: nothing to show, nothing to write.
      expect(await handlers.getGrantedTalk({ type: 'getGrantedTalk', grant }, menuFrame)).toBeNull();
      await expect(
        handlers.setGrantedTalkNote({ type: 'setGrantedTalkNote', grant, note: 'x' }, menuFrame),
      ).rejects.toThrow('under no talk');

      await db.highlights.update('a', { talkId: 't1' });
      expect(await handlers.getGrantedTalk({ type: 'getGrantedTalk', grant }, menuFrame)).toEqual({
        title: 'Kernel live patching',
        note: '',
        tags: [],
      });
      expect(
        await handlers.setGrantedTalkNote(
          { type: 'setGrantedTalkNote', grant, note: 'Try **kGraft**' },
          menuFrame,
        ),
      ).toEqual({ title: 'Kernel live patching', note: 'Try **kGraft**', tags: [] });
      expect((await db.talks.get('t1'))?.note).toBe('Try **kGraft**');
      expect((await db.talks.get('t2'))?.note).toBe('theirs');
      // A forged grant reads and writes no talk.
      const forged = `0.${'B'.repeat(43)}`;
      await expect(
        handlers.setGrantedTalkNote(
          { type: 'setGrantedTalkNote', grant: forged, note: 'planted' },
          menuFrame,
        ),
      ).rejects.toThrow('this menu has no grant for a highlight');
      await expect(
        handlers.getGrantedTalk({ type: 'getGrantedTalk', grant: forged }, menuFrame),
      ).rejects.toThrow('this menu has no grant for a highlight');
      expect((await db.talks.get('t1'))?.note).toBe('Try **kGraft**');
      expect(notify).not.toHaveBeenCalled();
    });

    it.each([
      ['a forged token', (_grant: string) => `0.${'B'.repeat(43)}`, menuFrame],
      ['a grant naming another frame', (grant: string) => grant.replace(/^0\./, '5.'), menuFrame],
      ['the granting frame itself', (grant: string) => grant, { ...menuFrame, frameId: 0 }],
      ['a menu frame in another tab', (grant: string) => grant, { ...menuFrame, tabId: 4 }],
      [
        'a sender that is not the menu',
        (grant: string) => grant,
        { ...menuFrame, role: 'extension' as const },
      ],
      ['a menu frame without a frame id', (grant: string) => grant, { ...menuFrame, frameId: undefined }],
      ['something that is no grant', () => 'a', menuFrame],
    ])('refuses %s, and changes nothing', async (_label, forge, sender) => {
      const frame = grantingFrame();
      const handlers = backgroundHandlers({ db, version: '1', askGrantingFrame: frame.askGrantingFrame });
      const real = await handlers.grantMenu({ type: 'grantMenu', id: 'a' }, content);
      frame.hold(real);
      const grant = forge(real);
      const refusal = 'this menu has no grant for a highlight';
      await expect(
        handlers.getGrantedHighlight({ type: 'getGrantedHighlight', grant }, sender),
      ).rejects.toThrow(refusal);
      await expect(
        handlers.updateGrantedHighlight(
          { type: 'updateGrantedHighlight', grant, changes: { note: 'x' } },
          sender,
        ),
      ).rejects.toThrow(refusal);
      await expect(
        handlers.deleteGrantedHighlight({ type: 'deleteGrantedHighlight', grant }, sender),
      ).rejects.toThrow(refusal);
      expect(await db.highlights.get('a')).toMatchObject({ note: '' });
    });

    it('grants nothing when no content script can be asked, or it does not answer', async () => {
      const handlers = backgroundHandlers({ db, version: '1' });
      const grant = await handlers.grantMenu({ type: 'grantMenu', id: 'a' }, content);
      await expect(
        handlers.getGrantedHighlight({ type: 'getGrantedHighlight', grant }, menuFrame),
      ).rejects.toThrow('this menu has no grant');
      const silent = backgroundHandlers({
        db,
        version: '1',
        askGrantingFrame: () => Promise.reject(new Error('Could not establish connection')),
      });
      await expect(
        silent.getGrantedHighlight({ type: 'getGrantedHighlight', grant }, menuFrame),
      ).rejects.toThrow('this menu has no grant');
    });
  });

  it('answers a full disk with a plain sentence, and stores nothing', async () => {
    const full = createDatabase(`full-${crypto.randomUUID()}`);
    // Every write fails the way a browser out of quota fails it.
    full.use({
      stack: 'dbcore',
      name: 'quota-exceeded',
      create: (down) => ({
        ...down,
        table: (name) => ({
          ...down.table(name),
          mutate: () =>
            Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
        }),
      }),
    });
    const { saveClip } = backgroundHandlers({ db: full, version: '1' });
    const clip = clipOnPageA();
    await expect(
      saveClip({ type: 'saveClip', clip }, { role: 'content', tabId: 1, senderUrl: URL_A }),
    ).rejects.toThrow(/no room left for Talk Notes/);
    full.close();
    const check = createDatabase(full.name);
    expect(await check.highlights.count()).toBe(0);
    await check.delete();
  });
  it('records who made a clip (#16): the name it is given, or none without one', async () => {
    const named = backgroundHandlers({ db, version: '1', authorName: async () => 'Ada’s laptop' });
    const sender = { role: 'content' as const, tabId: 1, senderUrl: URL_A };
    const { highlight } = await named.saveClip({ type: 'saveClip', clip: clipOnPageA() }, sender);
    expect(highlight.author).toBe('Ada’s laptop');
    expect((await db.highlights.get(highlight.id))?.author).toBe('Ada’s laptop');
    // A name that cannot be read (storage gone) loses no clip: it is saved without one.
    const failing = backgroundHandlers({
      db,
      version: '1',
      authorName: () => Promise.reject(new Error('storage.local is gone')),
    });
    const other = {
      ...clipOnPageA(),
      highlight: { ...clipOnPageA().highlight, text: 'Another passage', position: 900 },
    };
    const saved = await failing.saveClip({ type: 'saveClip', clip: other }, sender);
    expect(saved.duplicate).toBe(false);
    expect(saved.highlight).not.toHaveProperty('author');
  });

  it('stores nothing that comes from a private window: no clip, no anchoring report', async () => {
    const { saveClip, reportAnchoring } = backgroundHandlers({ db, version: '1' });
    const clip = clipOnPageA();
    const privateTab = { role: 'content' as const, tabId: 1, senderUrl: URL_A, incognito: true };
    const before = { pages: await db.pages.toArray(), highlights: await db.highlights.toArray() };
    await expect(saveClip({ type: 'saveClip', clip }, privateTab)).rejects.toThrow(PRIVATE_WINDOW_NOTICE);
    await reportAnchoring(
      { type: 'reportAnchoring', url: URL_A, statuses: [{ id: 'a', status: 'orphan' }] },
      privateTab,
    );
    expect({ pages: await db.pages.toArray(), highlights: await db.highlights.toArray() }).toEqual(before);
    // The same from a normal window is stored.
    await saveClip({ type: 'saveClip', clip }, { ...privateTab, incognito: false });
    expect(await db.highlights.count()).toBe(before.highlights.length + 1);
  });
});

describe('saveClip and the imported schedules', () => {
  let db: TalkNotesDatabase;
  beforeEach(() => {
    db = createDatabase(`save-clip-guard-${crypto.randomUUID()}`);
  });
  afterEach(() => db.delete());

  it('links the page’s talks and guards the new clip: a lead naming another talk is an offer, not a filing', async () => {
    await importSchedule(
      db,
      schedule([
        event('rust', 'Rust for Linux: where we are in 2026', '2026-01-31T10:00:00+01:00', {
          speakers: ['Miguel Ojeda'],
        }),
        event('pg', 'Postgres Vacuum Internals', '2026-01-31T11:00:00+01:00', { speakers: ['Tomas Vondra'] }),
      ]),
      { url: 'https://fosdem.example/schedule.xml' },
    );
    const { saveClip } = backgroundHandlers({ db, version: '1' });
    const content = { role: 'content' as const, senderUrl: URL_A, tabId: 3, frameId: 0 };
    const clip = (text: string, position: number, lead?: string) =>
      saveClip(
        {
          type: 'saveClip',
          clip: {
            page: { url: URL_A, title: 'My FOSDEM 2026 notes', ...noMetadata(), publishedAt: '2026-02-02' },
            talks: [{ title: 'Rust for Linux — Miguel Ojeda', speakers: ['Miguel Ojeda'], position: 5 }],
            highlight: {
              ...quotedPassage(text, position, 'Rust for Linux — Miguel Ojeda'),
              ...(lead ? { clipLead: { text: lead, likeHeading: false } } : {}),
            },
          },
        },
        content,
      );
    const first = await clip('memory safety in drivers', 10);
    const second = await clip('autovacuum tuning', 40, 'Then Tomas Vondra on Postgres Vacuum Internals');
    const ids = async (scheduleId: string) =>
      (await db.talks.filter((t) => t.scheduleId === scheduleId).first())!.id;
    expect((await db.talks.get(first.highlight.talkId!))?.scheduleTalkId).toBe(await ids('rust'));
    expect((await db.highlights.get(first.highlight.id))?.scheduleCandidates).toBeUndefined();
    expect((await db.highlights.get(second.highlight.id))?.scheduleCandidates).toEqual([
      await ids('pg'),
      await ids('rust'),
    ]);
  });
});
