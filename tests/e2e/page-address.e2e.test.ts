/**
 * A page is the URL its document was loaded from (#14, finding 1): a hostile page that rewrites its
 * address to another page of its origin gets nothing of that page. A single-page blog whose router
 * really navigates is followed (#18): the new post's highlights are drawn, clips file under it, Back
 * draws the first post's again.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anchoredMarks,
  dragSelect,
  drawnHighlights,
  type ExtensionSession,
  launchExtension,
  readLibrary,
} from './harness';

type StoredPage = { url: string; title: string };
type StoredHighlight = { text: string; url: string; anchorStatus: string };

const VICTIM_SHOWN = 'Connection pooling moved out of the application and into PgBouncer last spring.';
const VICTIM_HIDDEN = 'Replicas now lag by less than a second during the nightly batch jobs.';
const HOSTILE_OWN = 'Leave a comment below and tell us what you think of this guest post.';

const VICTIM = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>How we scaled Postgres</title></head><body><article>
<h1>How we scaled Postgres</h1>
<p>${VICTIM_SHOWN} It took three attempts and one long weekend.</p>
<p>${VICTIM_HIDDEN} Nobody noticed the switch.</p>
</article></body></html>`;

/**
 * Same origin as the victim. Rewrites its address to the victim's before any extension script runs,
 * and again (push and replace) as it loads; shows one of the victim's passages, copied, so that
 * anything drawn would be readable from CSS.highlights.
 */
const HOSTILE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Guest post: totally different</title>
<script>history.replaceState(null, '', '/blog/victim.html');</script></head><body><article>
<h1>Guest post</h1>
<p>${VICTIM_SHOWN} It took three attempts and one long weekend.</p>
<p>${HOSTILE_OWN} Be nice.</p>
</article>
<script>
setTimeout(() => history.pushState(null, '', '/blog/victim.html#comments'), 0);
addEventListener('load', () => history.replaceState(null, '', '/blog/victim.html'));
</script></body></html>`;

const POSTS = {
  '/spa/post-1': {
    title: 'Day one at ConfX',
    text: 'The opening keynote argued that every outage review should start with the pager schedule.',
  },
  '/spa/post-2': {
    title: 'Day two at ConfX',
    text: 'The afternoon workshop rebuilt a search index from scratch in under an hour.',
  },
};
const NEW_ON_POST_2 = 'Attendees brought their own laptops and a lot of patience.';

/**
 * A single-page blog: both URLs serve this shell; its router renders the post of `location.pathname`,
 * intercepts link clicks (pushState, then renders after a moment, as after fetching the post) and
 * renders again on Back and Forward.
 */
const SPA = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ConfX notes</title></head>
<body><nav><a href="/spa/post-1">Day one</a> · <a href="/spa/post-2">Day two</a></nav>
<article id="post"></article>
<script>
const POSTS = ${JSON.stringify(POSTS)};
const extra = { '/spa/post-2': ${JSON.stringify(NEW_ON_POST_2)} };
function render() {
  const post = POSTS[location.pathname];
  document.title = post.title;
  const article = document.getElementById('post');
  article.replaceChildren();
  const h1 = document.createElement('h1');
  h1.textContent = post.title;
  const p = document.createElement('p');
  p.textContent = post.text + ' ' + (extra[location.pathname] || 'More tomorrow.');
  article.append(h1, p);
}
document.addEventListener('click', (event) => {
  const link = event.target.closest('a');
  if (!link) return;
  event.preventDefault();
  history.pushState(null, '', link.href);
  setTimeout(render, 50);
});
addEventListener('popstate', render);
render();
</script></body></html>`;

describe('page identity in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    session.server.serve('blog/victim.html', VICTIM);
    session.server.serve('blog/hostile.html', HOSTILE);
    session.server.serve('spa/post-1', SPA);
    session.server.serve('spa/post-2', SPA);
  });
  afterAll(async () => {
    await session?.close();
  });

  const library = async () => {
    const stored = await readLibrary(session);
    return {
      pages: stored.pages as unknown as StoredPage[],
      highlights: stored.highlights as unknown as StoredHighlight[],
    };
  };
  /** Clips `text` as a reader does and waits until the library has `count` highlights. */
  const clip = async (page: Page, text: string, count: number) => {
    await dragSelect(page, text);
    await page.getByRole('button', { name: 'Highlight', exact: true }).click();
    // The toolbar says so and goes (it would cover the next paragraph the next drag starts on).
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await page.getByRole('button', { name: 'Highlight', exact: true }).waitFor({ state: 'hidden' });
    await expect.poll(async () => (await library()).highlights.length).toBe(count);
  };

  it('gives a page that rewrites its URL to another page of its origin nothing of that page', async () => {
    const victim = await session.openFixture('blog/victim.html');
    await clip(victim, VICTIM_SHOWN, 1);
    await clip(victim, VICTIM_HIDDEN, 2);
    await victim.close();
    const victimUrl = session.server.url('blog/victim.html');
    const hostileUrl = session.server.url('blog/hostile.html');

    const page = await session.openFixture('blog/hostile.html');
    expect(page.url()).toBe(victimUrl);
    // The first anchoring pass of the page (zero highlights: nothing was read for it).
    await expect.poll(async () => (await anchoredMarks(page)).length).toBeGreaterThan(0);
    expect(await anchoredMarks(page)).toEqual([{ anchored: 0, fuzzy: 0, orphaned: 0, durationMs: 0 }]);
    expect(await drawnHighlights(page)).toEqual({});

    // The page pushes the victim's URL again, now that the content script runs: no gesture, no move.
    await page.evaluate(() => history.pushState(null, '', '/blog/victim.html?page=1'));
    await page.evaluate(() => history.replaceState(null, '', '/blog/victim.html'));

    // The reader clips the page's own text: filed under the page's real URL, with its own title.
    await clip(page, HOSTILE_OWN, 3);
    const stored = await library();
    expect(stored.highlights.find((h) => h.text === HOSTILE_OWN)?.url).toBe(hostileUrl);
    expect(stored.pages.find((p) => p.url === hostileUrl)?.title).toBe('Guest post: totally different');
    // The victim's page keeps its title and its highlights stay found (none marked orphaned here).
    expect(stored.pages.find((p) => p.url === victimUrl)?.title).toBe('How we scaled Postgres');
    expect(
      stored.highlights
        .filter((h) => h.url === victimUrl)
        .map((h) => [h.text, h.anchorStatus])
        .sort(),
    ).toEqual([
      [VICTIM_SHOWN, 'placed'],
      [VICTIM_HIDDEN, 'placed'],
    ]);
    // Only the page's own passage is drawn; the victim's copied passage is not.
    expect(await drawnHighlights(page)).toEqual({ 'talk-notes-yellow': [HOSTILE_OWN] });

    // The popup shows the page as what it is.
    const popup = await session.openPopup(page);
    await popup.getByText(HOSTILE_OWN).waitFor();
    expect(await popup.getByText(VICTIM_SHOWN).count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('follows a single-page blog: a link redraws the new post, clips file under it, Back redraws the first', async () => {
    const post1Url = session.server.url('spa/post-1');
    const post2Url = session.server.url('spa/post-2');
    const before = (await library()).highlights.length;
    // A passage clipped on post 2, opened directly.
    const direct = await session.openFixture('spa/post-2');
    await clip(direct, POSTS['/spa/post-2'].text, before + 1);
    await direct.close();

    const page = await session.openFixture('spa/post-1');
    await clip(page, POSTS['/spa/post-1'].text, before + 2);
    expect(await drawnHighlights(page)).toEqual({ 'talk-notes-yellow': [POSTS['/spa/post-1'].text] });

    // The reader follows the router's link: post 2's highlight is drawn, post 1's is not.
    await page.getByRole('link', { name: 'Day two' }).click();
    await expect
      .poll(() => drawnHighlights(page))
      .toEqual({ 'talk-notes-yellow': [POSTS['/spa/post-2'].text] });
    expect(page.url()).toBe(post2Url);

    // A new clip there files under post 2, with post 2's title.
    await clip(page, NEW_ON_POST_2, before + 3);
    const stored = await library();
    expect(stored.highlights.find((h) => h.text === NEW_ON_POST_2)?.url).toBe(post2Url);
    expect(stored.pages.find((p) => p.url === post2Url)?.title).toBe('Day two at ConfX');
    expect(stored.pages.find((p) => p.url === post1Url)?.title).toBe('Day one at ConfX');

    // Back: the first post's highlight again.
    await page.goBack();
    await expect
      .poll(() => drawnHighlights(page))
      .toEqual({ 'talk-notes-yellow': [POSTS['/spa/post-1'].text] });
    // Every post's highlights end up found.
    await expect
      .poll(async () =>
        (await library()).highlights.filter((h) => h.url.includes('/spa/')).map((h) => h.anchorStatus),
      )
      .toEqual(['placed', 'placed', 'placed']);
    await page.close();
  });
});
