/**
 * One post, many addresses (#18): a moved post whose canonical names its old address, an archive page
 * on another host of the same site showing the post in full (drawn inside its article only, clips
 * filed under the post), and a page on another site that names the post as its canonical, with its
 * text copied, which gets nothing. Several sites on one machine: the browser resolves these host
 * names to 127.0.0.1 (`--host-resolver-rules`), where the fixture server listens.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anchoredMarks,
  clickDrawnHighlight,
  dragSelect,
  drawnHighlights,
  type ExtensionSession,
  launchExtension,
  readLibrary,
  waitForContentScript,
} from './harness';

type StoredPage = { url: string; title: string; canonicalUrl: string | null };

const MENU = 'iframe[title="Talk Notes highlight"]';
type StoredHighlight = { text: string; url: string };

const SHOWN = 'Connection pooling moved out of the application and into PgBouncer last spring.';
const SHARED = 'Every team measured before they changed anything at all.';
const LATER = 'Replicas now lag by less than a second during the nightly batch jobs.';
const ON_ARCHIVE = 'Nobody noticed the switch until the dashboards went quiet.';
const RUST = 'Rust drivers shipped in the mainline kernel without a single revert.';
const RUST_ON_COPY = 'Cross-posted here with the author’s permission.';

const postBody = `<h1>How we scaled Postgres</h1>
<p>${SHOWN} It took three attempts and one long weekend.</p>
<p>${SHARED} The numbers were clear.</p>
<p>${LATER} ${ON_ARCHIVE}</p>`;

/** The post at its old address: a long header first, so its text sits far from where an archive has it. */
const OLD_POST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>How we scaled Postgres · Example</title></head>
<body><header><nav>${'Home · Talks · Archive · About · Contact · '.repeat(20)}</nav></header>
<article>${postBody}</article></body></html>`;

/** The same post moved to a new address: another layout, a canonical naming the old one. */
const NEW_POST = (oldUrl: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Scaling Postgres (moved)</title><link rel="canonical" href="${oldUrl}"></head>
<body><main><article>${postBody}</article></main><footer>Moved in 2026.</footer></body></html>`;

/**
 * The site's archive, on another host of the site: the post in full, after another post that quotes it,
 * the second paragraph with the same words around it and where the post has it on its own page
 * (`article[1]/p[2]`): only the article the post is in tells them apart.
 */
const ARCHIVE = (
  postUrl: string,
  rustUrl: string,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Archive 2024</title></head><body><h1>2024</h1>
<article id="rust"><h2><a href="${rustUrl}">Rust in the kernel</a></h2>
<p>From the Postgres team’s post, in full: ${SHOWN} It took three attempts and one long weekend.</p>
<p>${SHARED} The numbers were clear.</p>
<p>${LATER} ${ON_ARCHIVE}</p><p>${RUST}</p></article>
<article id="postgres"><h2><a href="${postUrl}">How we scaled Postgres</a></h2>
<p>${SHOWN} It took three attempts and one long weekend.</p>
<p>${SHARED} The numbers were clear.</p>
<p>${LATER} ${ON_ARCHIVE}</p></article></body></html>`;

/** Another site: the post's text copied, and every way a page can name the post as its own. */
const COPYCAT = (postUrl: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>How we scaled Postgres</title><link rel="canonical" href="${postUrl}">
<meta property="og:url" content="${postUrl}">
<script type="application/ld+json">${JSON.stringify({ '@type': 'BlogPosting', mainEntityOfPage: postUrl, url: postUrl })}</script>
</head><body><article>${postBody}</article></body></html>`;

/** The post moved again, to a page that declares nothing: only its heading and paragraphs say which post it is. */
const UNDECLARED_POST = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Postgres, once more</title></head>
<body><div class="layout"><article>${postBody}</article></div><aside>Related: nothing.</aside></body></html>`;

/** A syndicated copy on another site (a Medium or dev.to copy): the post's text, a note of its own. */
const SYNDICATED = (postUrl: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>How we scaled Postgres – Syndicate</title><link rel="canonical" href="${postUrl}"></head>
<body><main><article>${postBody}</article><div class="cross-post">${RUST_ON_COPY}</div></main></body></html>`;

/**
 * Another post of the same site, quoting the post word for word under its own heading, and declaring
 * itself: same site, not the same post.
 */
const SIBLING_POST = (ownUrl: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>What we read this year</title><link rel="canonical" href="${ownUrl}"></head>
<body><article><h1>What we read this year</h1><p>The Postgres team wrote:</p>
<blockquote><p>${SHOWN} It took three attempts and one long weekend.</p>
<p>${SHARED} The numbers were clear.</p></blockquote></article></body></html>`;

/** A user site on a private suffix (github.io): `title`, its text, and optionally a canonical. */
const USER_SITE = (
  body: string,
  canonical?: string,
) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Notes</title>${canonical ? `<link rel="canonical" href="${canonical}">` : ''}</head>
<body><article>${body}</article></body></html>`;

/** Which article each drawn `talk-notes` range sits in (its id), by text. */
function drawnInArticles(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const found: Record<string, string> = {};
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('talk-notes')) return;
      for (const range of highlight) {
        const node = (range as Range).startContainer;
        const element = node instanceof Element ? node : node.parentElement;
        found[String(range)] = element?.closest('article')?.id || '(none)';
      }
    });
    return found;
  });
}

describe('post identity in Chromium (#18)', () => {
  let session: ExtensionSession;
  let port: string;
  const at = (host: string, path: string) => `http://${host}:${port}/${path}`;
  const OLD = () => at('blog.example.test', '2024/scaling-postgres');
  const RUST_URL = () => at('blog.example.test', '2024/rust');

  beforeAll(async () => {
    session = await launchExtension({
      localHosts: ['*.example.test', 'copycat.test', 'syndicate.test', '*.github.io'],
    });
    port = new URL(session.server.origin).port;
    session.server.serve('2024/scaling-postgres', OLD_POST);
    session.server.serve('talks/scaling-postgres', NEW_POST(OLD()));
    session.server.serve('2024/', ARCHIVE(OLD(), RUST_URL()));
    session.server.serve('copied/scaling-postgres', COPYCAT(OLD()));
    session.server.serve('2026/postgres-once-more', UNDECLARED_POST);
    session.server.serve('2026/postgres-reprint', UNDECLARED_POST);
    session.server.serve('syndicated/scaling-postgres', SYNDICATED(OLD()));
    session.server.serve('2026/reading', SIBLING_POST(at('www.example.test', '2026/reading')));
    // One fixture server, every host: bob's post and alice's pages are told apart by their paths.
    session.server.serve('bob/scaling', USER_SITE(postBody));
    session.server.serve('alice/own', USER_SITE(`<h1>Alice’s own notes</h1><p>${RUST}</p>`));
    session.server.serve('alice/copy', USER_SITE(postBody, at('bob.github.io', 'bob/scaling')));
  });
  afterAll(async () => {
    await session?.close();
  });

  const open = async (url: string) => {
    const page = await session.context.newPage();
    await page.goto(url);
    await waitForContentScript(page);
    return page;
  };
  const library = async () => {
    const stored = await readLibrary(session);
    return {
      pages: stored.pages as unknown as StoredPage[],
      highlights: stored.highlights as unknown as StoredHighlight[],
    };
  };
  /** Clips `text` as a reader does; waits for the toolbar's word (`Saved`, `Already highlighted`). */
  const clip = async (page: Page, text: string, status = 'Saved', occurrence = 0) => {
    await dragSelect(page, text, occurrence);
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    await page.getByRole('status').filter({ hasText: status }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Highlight', exact: true }).waitFor({ state: 'hidden' });
  };
  const yellow = (...texts: string[]) => ({ 'talk-notes-yellow': texts.sort() });

  it('draws a moved post’s highlights at its new address, whose canonical names the old, and files new clips there', async () => {
    const old = await open(OLD());
    await clip(old, SHOWN);
    await clip(old, SHARED);
    await expect.poll(async () => (await library()).highlights.length).toBe(2);
    await old.close();

    const moved = await open(at('blog.example.test', 'talks/scaling-postgres'));
    await expect.poll(() => drawnHighlights(moved)).toEqual(yellow(SHOWN, SHARED));
    await clip(moved, LATER);
    await expect.poll(async () => (await library()).highlights.length).toBe(3);
    const stored = await library();
    // One post, one page record: the new clip is filed under the post's permalink.
    expect(stored.highlights.find((h) => h.text === LATER)?.url).toBe(OLD());
    expect(stored.pages.map((p) => p.url)).toEqual([OLD()]);
    await moved.close();
  });

  it('draws the post inside its own article on the site’s archive, files clips there under each post, and one passage is one highlight', async () => {
    const archive = await open(at('www.example.test', '2024/'));
    // The shared sentence is drawn in the post's article only, not in the other post that has it too.
    await expect
      .poll(() => drawnInArticles(archive))
      .toEqual({
        [SHOWN]: 'postgres',
        [SHARED]: 'postgres',
        [LATER]: 'postgres',
      });
    // Clips on the archive go to their post: the other post's under its permalink, with its own title.
    await clip(archive, RUST);
    await clip(archive, ON_ARCHIVE, 'Saved', 1); // in the post's own article, not the quote
    await expect.poll(async () => (await library()).highlights.length).toBe(5);
    let stored = await library();
    expect(stored.highlights.find((h) => h.text === RUST)?.url).toBe(RUST_URL());
    expect(stored.pages.find((p) => p.url === RUST_URL())?.title).toBe('Rust in the kernel');
    // The archive's link to each post is kept as the post's canonical: what its Markdown links to.
    expect(stored.pages.find((p) => p.url === RUST_URL())?.canonicalUrl).toBe(RUST_URL());
    expect(stored.highlights.find((h) => h.text === ON_ARCHIVE)?.url).toBe(OLD());
    expect(stored.pages.map((p) => p.url).sort()).toEqual([RUST_URL(), OLD()].sort());
    await archive.close();

    // The passage clipped on the archive is drawn on the permalink; clipping it there again adds nothing.
    const permalink = await open(OLD());
    await expect.poll(() => drawnHighlights(permalink)).toEqual(yellow(SHOWN, SHARED, LATER, ON_ARCHIVE));
    await clip(permalink, ON_ARCHIVE, 'Already highlighted');
    stored = await library();
    expect(stored.highlights.filter((h) => h.text === ON_ARCHIVE)).toHaveLength(1);
    expect(stored.highlights).toHaveLength(5);
    await permalink.close();
  });

  it('lists each post once in the dashboard with every address it was read and clipped at', async () => {
    const archive = at('www.example.test', '2024/');
    const moved = at('blog.example.test', 'talks/scaling-postgres');
    // The clips above: at the moved post's new address and on the archive, filed under the post.
    const stored = (await readLibrary(session)).pages as unknown as { url: string; readAt?: string[] }[];
    expect(stored.find((p) => p.url === OLD())?.readAt).toEqual([moved, archive].sort());
    expect(stored.find((p) => p.url === RUST_URL())?.readAt).toEqual([archive]);

    const dashboard = await session.openDashboard();
    await dashboard
      .getByRole('combobox', { name: 'Group by' })
      .filter({ has: dashboard.locator('option[value="day"]') })
      .selectOption('page');
    const entry = (post: string) =>
      // The entry's header line of addresses (its passages' own links are below it).
      dashboard
        .locator('.dash-group-pages')
        .filter({ has: dashboard.locator(`a[href="${post}"]`, { hasText: 'Open post' }) });
    const links = (post: string) =>
      entry(post)
        .getByRole('link')
        .evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    const named = (url: string) => url.replace(/^http:\/\//, '');
    await expect
      .poll(() => links(OLD()))
      .toEqual([
        ['Open post', OLD()],
        [named(moved), moved],
        [named(archive), archive],
      ]);
    await expect
      .poll(() => links(RUST_URL()))
      .toEqual([
        ['Open post', RUST_URL()],
        [named(archive), archive],
      ]);
    await dashboard.close();
  });

  it('gives a page of another site that names the post as its canonical, with its text copied, nothing', async () => {
    const copy = await open(at('copycat.test', 'copied/scaling-postgres'));
    // The first anchoring pass of the page is done (nothing to anchor): nothing is drawn, nothing said.
    await expect.poll(async () => (await anchoredMarks(copy)).length).toBeGreaterThan(0);
    expect(await anchoredMarks(copy)).toEqual([{ anchored: 0, fuzzy: 0, orphaned: 0, durationMs: 0 }]);
    expect(await drawnHighlights(copy)).toEqual({});
    expect(await copy.evaluate(() => CSS.highlights.size)).toBe(0);

    // A clip there is the reader's own, on that page: not filed under the post it copies.
    await clip(copy, SHOWN);
    await expect.poll(async () => (await library()).highlights.length).toBe(6);
    const stored = await library();
    const copyUrl = at('copycat.test', 'copied/scaling-postgres');
    expect(stored.highlights.filter((h) => h.url === copyUrl).map((h) => h.text)).toEqual([SHOWN]);
    expect(stored.highlights.filter((h) => h.url === OLD())).toHaveLength(4);
    expect(await drawnHighlights(copy)).toEqual(yellow(SHOWN));
    await copy.close();
  });

  it('edits, through the in-page menu, a post of another host of the site that the archive shows', async () => {
    const archive = await open(at('www.example.test', '2024/'));
    await expect.poll(async () => (await drawnInArticles(archive))[SHARED]).toBe('postgres');
    // The menu's grant is for a highlight filed under blog.example.test, asked for by www.example.test:
    // given because the archive's own claims show that post.
    await clickDrawnHighlight(archive, SHARED);
    await archive.frameLocator(MENU).getByRole('textbox', { name: 'Note' }).fill('seen on the archive');
    await expect
      .poll(async () => (await readLibrary(session)).highlights.find((h) => h.text === SHARED)?.note)
      .toBe('seen on the archive');
    await archive.close();
  });

  it('finds a post moved to a page that declares nothing by its heading and paragraphs when the reader follows its old link', async () => {
    // Reached directly, the page only looks like the post: nothing is drawn without the reader's word.
    const direct = await open(at('blog.example.test', '2026/postgres-once-more'));
    await expect.poll(async () => (await anchoredMarks(direct)).length).toBeGreaterThan(0);
    expect(await drawnHighlights(direct)).toEqual({});
    await direct.close();

    // The old link redirects to it: the reader is owed the post's highlights.
    session.server.redirect('2024/postgres-old-link', at('blog.example.test', '2026/postgres-once-more'));
    const moved = await open(at('blog.example.test', '2024/postgres-old-link'));
    expect(moved.url()).toBe(at('blog.example.test', '2026/postgres-once-more'));
    // The passage noted through the archive's menu (the test above) is underlined too (#17).
    await expect
      .poll(() => drawnHighlights(moved))
      .toEqual({ ...yellow(SHOWN, SHARED, LATER, ON_ARCHIVE), 'talk-notes-noted': [SHARED] });
    await moved.close();
  });

  const offer = (popup: Page) => popup.getByRole('region', { name: 'Same post?' });
  /** Opens the popup on `page` and waits until it shows the page and has looked up any question to ask. */
  const popupOn = async (page: Page) => {
    const popup = await session.openPopup(page);
    await popup.getByRole('region', { name: 'Current page' }).waitFor();
    await popup.locator('main.popup[aria-busy="false"]').waitFor();
    return popup;
  };

  it('asks in the popup about a page of the site that looks like the post; linked, it draws the post there from then on', async () => {
    const page = await open(at('blog.example.test', '2026/postgres-once-more'));
    let popup = await popupOn(page);
    await expect
      .poll(() => offer(popup).textContent())
      .toMatch(
        /This looks like the post you highlighted on blog\.example\.test:\d+: show those highlights here\?/,
      );
    expect(await drawnHighlights(page)).toEqual({});
    await offer(popup).getByRole('button', { name: 'Show highlights here' }).click();
    await expect.poll(() => drawnHighlights(page)).toMatchObject(yellow(SHOWN, SHARED, LATER, ON_ARCHIVE));
    // The popup shows the post's notes now.
    await popup.getByRole('button', { name: SHOWN, exact: true }).waitFor();
    expect(await offer(popup).count()).toBe(0);
    await popup.close();
    await page.close();

    // A later visit draws at once, and the popup asks nothing.
    const again = await open(at('blog.example.test', '2026/postgres-once-more'));
    await expect.poll(() => drawnHighlights(again)).toMatchObject(yellow(SHOWN, SHARED, LATER, ON_ARCHIVE));
    popup = await popupOn(again);
    await popup.getByRole('button', { name: SHOWN, exact: true }).waitFor();
    expect(await offer(popup).count()).toBe(0);
    await popup.close();
    await again.close();
  });

  it('remembers “Not the same post”: nothing drawn, and not asked again', async () => {
    const page = await open(at('blog.example.test', '2026/postgres-reprint'));
    let popup = await popupOn(page);
    await offer(popup).getByRole('button', { name: 'Not the same post' }).click();
    await offer(popup).waitFor({ state: 'detached' });
    await popup.close();
    popup = await popupOn(page);
    // The popup has asked the page for its claims and looked them up (popupOn waits): no question.
    expect(await offer(popup).count()).toBe(0);
    expect(await popup.getByText('Nothing clipped on this page yet.').count()).toBe(1);
    expect(await drawnHighlights(page)).toEqual({});
    await popup.close();
    await page.close();
  });

  it('links a syndicated copy on another site only when the reader confirms it in the popup; clips there go to the post', async () => {
    const copyUrl = at('syndicate.test', 'syndicated/scaling-postgres');
    const copy = await open(copyUrl);
    // Before the reader's word the copy gets nothing: no highlight drawn, nothing anchored.
    await expect.poll(async () => (await anchoredMarks(copy)).length).toBeGreaterThan(0);
    expect(await anchoredMarks(copy)).toEqual([{ anchored: 0, fuzzy: 0, orphaned: 0, durationMs: 0 }]);
    const popup = await popupOn(copy);
    await expect.poll(() => offer(popup).textContent()).toMatch(/highlighted on blog\.example\.test:\d+/);
    expect(await copy.evaluate(() => CSS.highlights.size)).toBe(0);
    await offer(popup).getByRole('button', { name: 'Show highlights here' }).click();
    await expect.poll(() => drawnHighlights(copy)).toMatchObject(yellow(SHOWN, SHARED, LATER, ON_ARCHIVE));
    await popup.close();

    // A clip on the copy is filed under the post.
    const before = (await library()).highlights.length;
    await clip(copy, RUST_ON_COPY);
    await expect.poll(async () => (await library()).highlights.length).toBe(before + 1);
    expect((await library()).highlights.find((h) => h.text === RUST_ON_COPY)?.url).toBe(OLD());
    await copy.close();

    // The next visit draws at once: the reader's link made the copy's site one the library knows.
    const again = await open(copyUrl);
    await expect
      .poll(() => drawnHighlights(again))
      .toMatchObject(yellow(SHOWN, SHARED, LATER, ON_ARCHIVE, RUST_ON_COPY));
    await again.close();
  });

  it('shows, in the popup on the archive page, each post’s highlights under its title', async () => {
    const archive = await open(at('www.example.test', '2024/'));
    await expect.poll(async () => (await drawnInArticles(archive))[SHARED]).toBe('postgres');
    const popup = await popupOn(archive);
    const post = (title: string) =>
      popup
        .locator('section.highlight-group.post')
        .filter({ has: popup.getByRole('heading', { name: title }) });
    await expect.poll(() => post('Rust in the kernel').locator('li.highlight').count()).toBe(1);
    expect(await post('Rust in the kernel').getByRole('button', { name: RUST, exact: true }).count()).toBe(1);
    const postgres = post((await library()).pages.find((p) => p.url === OLD())!.title);
    await expect.poll(() => postgres.getByRole('button', { name: SHOWN, exact: true }).count()).toBe(1);
    expect(await postgres.getByRole('button', { name: RUST, exact: true }).count()).toBe(0);
    await popup.close();
    await archive.close();
  });

  it('draws nothing on a page of the same site that quotes the post but is another post', async () => {
    const sibling = await open(at('www.example.test', '2026/reading'));
    await expect.poll(async () => (await anchoredMarks(sibling)).length).toBeGreaterThan(0);
    expect(await drawnHighlights(sibling)).toEqual({});
    // A clip of the quoted words there is the sibling's own.
    await clip(sibling, SHARED);
    const stored = await library();
    const own = stored.highlights.filter((h) => h.url === at('www.example.test', '2026/reading'));
    expect(own.map((h) => h.text)).toEqual([SHARED]);
    expect(stored.highlights.filter((h) => h.text === SHARED)).toHaveLength(2);
    await sibling.close();
  });

  it('keeps user sites on a private suffix apart: alice.github.io copying bob.github.io’s post gets nothing', async () => {
    const bob = await open(at('bob.github.io', 'bob/scaling'));
    await clip(bob, SHOWN);
    await bob.close();
    // Alice's site is one the library knows too, so her page's claims are read and sent: a canonical
    // naming bob's post, and his text with his heading (the same fingerprint).
    const own = await open(at('alice.github.io', 'alice/own'));
    await clip(own, RUST);
    await own.close();
    const copy = await open(at('alice.github.io', 'alice/copy'));
    await expect.poll(async () => (await anchoredMarks(copy)).length).toBeGreaterThan(0);
    expect(await anchoredMarks(copy)).toEqual([{ anchored: 0, fuzzy: 0, orphaned: 0, durationMs: 0 }]);
    expect(await copy.evaluate(() => CSS.highlights.size)).toBe(0);
    await clip(copy, SHARED);
    const stored = await library();
    expect(stored.highlights.find((h) => h.url === at('alice.github.io', 'alice/copy'))?.text).toBe(SHARED);
    expect(stored.highlights.filter((h) => h.url === at('bob.github.io', 'bob/scaling'))).toHaveLength(1);
    await copy.close();
  });
});
