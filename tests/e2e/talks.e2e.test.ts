/**
 * Talks on the open web, as a reader meets them: a clip on a single-talk post is filed under the post's
 * talk, a clip in a lightning-talk list under its item's title, a clip on an ordinary article under no
 * talk. The pages are the recap corpus's (tests/fixtures/recaps), served from 127.0.0.1.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExtensionSession,
  dragSelect,
  launchExtension,
  readLibrary,
  waitForContentScript,
} from './harness';
import { PROJECT_ROOT } from './paths';

const RECAPS = join(PROJECT_ROOT, 'tests', 'fixtures', 'recaps');

describe('talks on the open web, in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  async function openRecap(file: string): Promise<Page> {
    session.server.serve(file, readFileSync(join(RECAPS, file), 'utf8'));
    const page = await session.context.newPage();
    await page.goto(session.server.url(file));
    await waitForContentScript(page);
    return page;
  }

  /** Clips `text` with the toolbar and returns the title of the talk it was filed under (null: none). */
  async function clipAndReadTalk(page: Page, text: string): Promise<string | null> {
    expect(await dragSelect(page, text)).toBe(text);
    const button = page.getByRole('button', { name: 'Highlight', exact: true });
    await button.waitFor({ state: 'visible' });
    await button.click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const library = await readLibrary(session);
    const stored = library.highlights.find((h) => h.text === text);
    expect(stored).toBeDefined();
    return library.talks.find((t) => t.id === stored!.talkId)?.title ?? null;
  }

  it('files a clip on a single-talk post under the talk the post is about', async () => {
    const page = await openRecap('12-linkedin-srecon-single.html');
    const talk = await clipAndReadTalk(
      page,
      'Oona suggested writing the expected first action directly into the alert text',
    );
    expect(talk).toBe('Pager Fatigue Is a Design Problem');
    await page.close();
  });

  it('files a clip in a lightning-talk list under the list item’s title, with its speaker', async () => {
    const page = await openRecap('04-medium-jsnation.html');
    const talk = await clipAndReadTalk(page, 'Jonas rebuilt his company’s dropdown');
    expect(talk).toBe('CSS Anchor Positioning in Ten Minutes');
    const library = await readLibrary(session);
    expect(library.talks.find((t) => t.title === talk)?.speakers).toEqual(['Jonas Meyer']);
    // The group heading above the list ("⚡ The lightning round") is no talk.
    expect(library.talks.map((t) => t.title)).not.toContain('⚡ The lightning round');
    await page.close();
  });

  it('files a clip on an ordinary article under no talk, and invents none', async () => {
    const page = await openRecap('16-news-feature-negative.html');
    const before = (await readLibrary(session)).talks.length;
    const talk = await clipAndReadTalk(page, 'Each new sensor costs around £180 in parts.');
    expect(talk).toBeNull();
    expect((await readLibrary(session)).talks).toHaveLength(before);
    await page.close();
  });
});
