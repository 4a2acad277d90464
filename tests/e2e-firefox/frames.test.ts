/**
 * Frames in a real Firefox (its content scripts see a frame's ancestors through Xray wrappers): a
 * passage clipped on a page is drawn again when that page is shown in a same-origin frame, and not in
 * a frame of another origin (another 127.0.0.1 port).
 */
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawnHighlightsInPage } from '../e2e/in-page';
import { type FixtureServer, startFixtureServer } from '../e2e/fixture-server';
import { dragSelect, type FirefoxSession, launchFirefox, toolbarButton } from './harness';

const PASSAGE = 'Reproducible builds let anyone check that a binary was made from the published source code.';
const notesPage = `<!doctype html><html lang="en"><head><title>Speaker notes</title></head>
  <body><article><h1>Speaker notes</h1><p>${PASSAGE}</p></article></body></html>`;

/** Our marks and drawn passages inside a frame. */
const traces = async (frame: Frame) => ({
  marks: await frame.evaluate(() => performance.getEntriesByName('talk-notes:ready').length),
  drawn: Object.values(await frame.evaluate(drawnHighlightsInPage)).flat(),
});

async function clipOn(session: FirefoxSession, url: string): Promise<void> {
  const page: Page = await session.browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('talk-notes:ready').length > 0, {
    timeout: 10_000,
  });
  expect(await dragSelect(page, PASSAGE)).toBe(PASSAGE);
  const button = await toolbarButton(page, 'Highlight');
  await page.mouse.click(button.x, button.y);
  await expect
    .poll(() => page.evaluate(drawnHighlightsInPage), { timeout: 10_000 })
    .toEqual({ 'talk-notes-yellow': [PASSAGE] });
  await page.close();
}

describe('frames in Firefox', () => {
  let session: FirefoxSession;
  let other: FixtureServer;
  beforeAll(async () => {
    session = await launchFirefox();
    other = await startFixtureServer();
  });
  afterAll(async () => {
    await session?.close();
    await other?.close();
  });

  it('draws a page’s highlight in a same-origin frame, and nothing in a frame of another origin', async () => {
    session.server.serve('notes.html', notesPage);
    other.serve('notes.html', notesPage);
    await clipOn(session, session.server.url('notes.html'));
    await clipOn(session, other.url('notes.html'));

    session.server.serve(
      'write-up.html',
      `<!doctype html><html lang="en"><head><title>Write-up</title></head><body><h1>Write-up</h1>
       <iframe src="notes.html"></iframe><iframe src="${other.url('notes.html')}"></iframe></body></html>`,
    );
    const page = await session.openFixture('write-up.html');
    const frameOf = (origin: string) =>
      page.frames().find((f) => f !== page.mainFrame() && f.url().startsWith(origin));
    await expect
      .poll(
        async () => {
          const same = frameOf(session.server.origin);
          return same ? (await traces(same)).drawn : [];
        },
        { timeout: 10_000 },
      )
      .toEqual([PASSAGE]);
    const cross = frameOf(other.origin)!;
    await expect.poll(() => cross.evaluate(() => document.readyState), { timeout: 10_000 }).toBe('complete');
    expect(await traces(cross)).toEqual({ marks: 0, drawn: [] });
    expect(session.pageErrors).toEqual([]);
    await page.close();
  });
});
