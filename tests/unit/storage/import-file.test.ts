import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup, type LibraryData, serializeBackup } from '@/core/backup';
import { toWebAnnotations } from '@/core/web-annotation';
import { importBackup } from '@/storage/backup';
import { createDatabase, type TalkNotesDatabase } from '@/storage/db';
import { parseImportFile } from '@/storage/import-file';
import { at, conferenceLibrary, highlight, page, talk } from '../core/backup-fixtures';
import { assertionsOf, failedAssertions, modelProblems } from '../core/web-annotation-schemas';
import { fillLibrary, readWholeLibrary } from './library-helpers';

const ID1 = '0b0c9a4e-6a9b-4c1e-9d1f-2f3a4b5c6d7e';
const ID2 = '1b0c9a4e-6a9b-4c1e-9d1f-2f3a4b5c6d7e';

/** A library with a page note, a talk with its note, and two passages (one filed under the talk). */
function library(): LibraryData {
  return {
    pages: [page('p1', { note: 'page note', tags: ['blog'] })],
    conferences: [],
    talks: [talk('t1', 'p1', { title: 'The Talk', note: 'talk note', tags: ['kernel'], detected: false })],
    highlights: [
      highlight(ID1, 'p1', {
        talkId: 't1',
        note: 'a note',
        tags: ['C++', '2024'],
        textContentQuote: { exact: `Passage ${ID1}`, prefix: 'a ', suffix: ' b', start: 4, end: 4 + 44 },
        createdAt: at(5),
        updatedAt: at(9),
      }),
      highlight(ID2, 'p1'),
    ],
    collections: [],
    settings: [],
  };
}

function exported(data: LibraryData): string {
  return JSON.stringify(
    toWebAnnotations({
      title: 'Talk Notes highlights',
      highlights: data.highlights,
      pages: data.pages,
      talks: data.talks,
      exportedAt: at(20),
      version: '0.1.0',
    }),
  );
}

async function importText(db: TalkNotesDatabase, text: string) {
  const parsed = await parseImportFile(db, text, at(30));
  if (!parsed.ok) throw new Error(parsed.error);
  return { parsed, result: await importBackup(db, parsed.backup) };
}

describe('importing Web Annotations', () => {
  let db: TalkNotesDatabase;
  beforeEach(() => {
    db = createDatabase(`import-file-${crypto.randomUUID()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('our own export into an empty library brings back highlights, notes, tags and talks; a second import adds nothing', async () => {
    const source = library();
    const text = exported(source);
    const { parsed, result } = await importText(db, text);
    expect(parsed.annotations).toBe(4);
    expect(result.added).toBe(4); // a page, a talk, two highlights
    const got = await readWholeLibrary(db);
    expect(got.pages).toEqual([
      expect.objectContaining({ id: 'p1', url: source.pages[0]!.url, note: 'page note', tags: ['blog'] }),
    ]);
    expect(got.talks).toEqual([
      expect.objectContaining({
        id: 't1',
        pageId: 'p1',
        title: 'The Talk',
        note: 'talk note',
        tags: ['kernel'],
      }),
    ]);
    const [h1, h2] = got.highlights;
    expect(h1).toMatchObject({ id: ID1, pageId: 'p1', talkId: 't1', note: 'a note', tags: ['C++', '2024'] });
    expect(h1!.textContentQuote).toEqual(source.highlights[0]!.textContentQuote);
    expect(h2).toMatchObject({ id: ID2, pageId: 'p1', talkId: null, text: source.highlights[1]!.text });

    const again = await importText(db, text);
    expect(again.result).toMatchObject({ added: 0, updated: 0 });
    expect(await readWholeLibrary(db)).toEqual(got);
  });

  it('titles, talks and conferences come back (#19): a conference library through Web Annotations into an empty one', async () => {
    const source = conferenceLibrary();
    const text = JSON.stringify(
      toWebAnnotations({
        title: 'Talk Notes highlights',
        highlights: source.highlights,
        pages: source.pages,
        talks: source.talks,
        conferences: source.conferences,
        exportedAt: at(20),
        version: '0.1.0',
      }),
    );
    // Valid by the W3C's MUST schemas (the vendored web-annotation-tests) and ours, each annotation alone.
    const collection = JSON.parse(text);
    expect(failedAssertions(collection, assertionsOf('collections/collectionMusts.test'))).toEqual([]);
    expect(modelProblems(collection)).toEqual([]);
    const musts = assertionsOf('annotations/annotationMusts.test');
    expect(collection.first.items).toHaveLength(2);
    for (const annotation of collection.first.items) {
      expect(failedAssertions(annotation, musts), annotation.id).toEqual([]);
      expect(modelProblems(annotation), annotation.id).toEqual([]);
    }

    await importText(db, text);
    const got = await readWholeLibrary(db);
    const [recap] = source.pages;
    expect(got.pages).toEqual([expect.objectContaining({ url: recap!.url, title: recap!.title })]);
    const [fosdem] = source.conferences;
    expect(got.conferences).toEqual([
      expect.objectContaining({
        id: 'fosdem',
        title: fosdem!.title,
        acronym: fosdem!.acronym,
        start: fosdem!.start,
        end: fosdem!.end,
        sourceUrl: fosdem!.sourceUrl,
      }),
    ]);
    const byTitle = (title: string, conference: boolean) =>
      got.talks.find((t) => t.title === title && (t.conferenceId !== undefined) === conference);
    const [ct1, ct2] = source.talks;
    for (const original of [ct1!, ct2!]) {
      expect(byTitle(original.title, true), original.title).toMatchObject({
        id: original.id,
        pageId: null,
        conferenceId: 'fosdem',
        speakers: original.speakers,
        url: original.url,
        start: original.start,
        end: original.end,
      });
    }
    expect(byTitle(ct1!.title, true)!.links!.map((l) => l.url)).toEqual(ct1!.links!.map((l) => l.url));
    const pageTalk = byTitle('Rust in the kernel', false);
    expect(pageTalk).toMatchObject({ pageId: got.pages[0]!.id, scheduleTalkId: 'ct1' });
    expect(got.talks).toHaveLength(3);
    const talkOf = (id: string) => got.highlights.find((h) => h.id === id)?.talkId;
    expect(talkOf('hr1')).toBe(pageTalk!.id);
    expect(talkOf('hr2')).toBe('ct2');

    const again = await importText(db, text);
    expect(again.result).toMatchObject({ added: 0, updated: 0 });
    expect(await readWholeLibrary(db)).toEqual(got);
  });

  it('our own export into the library it came from changes nothing (pages by URL, talks by title, highlights by id)', async () => {
    const source = library();
    await fillLibrary(db, source);
    const before = await readWholeLibrary(db);
    const { result } = await importText(db, exported(source));
    expect(result).toMatchObject({ added: 0, updated: 0 });
    expect(await readWholeLibrary(db)).toEqual(before);
  });

  it("another tool's annotations on a page the library has: the page keeps its record, gains the tags; the talk is found by title", async () => {
    await fillLibrary(db, {
      ...library(),
      pages: [page('p1', { title: 'My title' })],
      highlights: [],
    });
    const url = page('p1').url;
    const file = [
      {
        type: 'Annotation',
        id: 'https://hypothes.is/a/1',
        body: [
          { type: 'TextualBody', value: 'their note' },
          { type: 'TextualBody', value: 'THE TALK', purpose: 'identifying' },
        ],
        target: [{ source: url, selector: [{ type: 'TextQuoteSelector', exact: 'their passage' }] }],
      },
      { type: 'Annotation', body: { type: 'TextualBody', purpose: 'tagging', value: 'theirs' }, target: url },
    ];
    const text = JSON.stringify(file);
    const { result } = await importText(db, text);
    expect(result.tables.highlights.added).toBe(1);
    const got = await readWholeLibrary(db);
    expect(got.pages).toEqual([expect.objectContaining({ id: 'p1', title: 'My title', tags: ['theirs'] })]);
    expect(got.talks.map((t) => t.id)).toEqual(['t1']);
    expect(got.highlights).toEqual([
      expect.objectContaining({ pageId: 'p1', talkId: 't1', text: 'their passage', note: 'their note' }),
    ]);
    expect((await importText(db, text)).result).toMatchObject({ added: 0, updated: 0 });
  });

  it('one unusable annotation is skipped, counted by reason and named; the rest are imported', async () => {
    const url = page('p1').url;
    const good = {
      type: 'Annotation',
      target: { source: url, selector: { type: 'TextQuoteSelector', exact: 'x' } },
    };
    const at = (source: string, exact: string) => ({
      ...good,
      target: { ...good.target, source, selector: { type: 'TextQuoteSelector', exact } },
    });
    const bad = await parseImportFile(
      db,
      JSON.stringify([good, { type: 'Annotation', id: 'n2', target: null }]),
    );
    expect(bad.ok && bad.warnings).toEqual([
      expect.stringMatching(
        /^1 annotation was skipped: 1 has a field Talk Notes cannot read \(the first: annotation 2 \("n2"\): target: /,
      ),
    ]);
    expect(bad.ok && bad.backup.highlights.map((h) => h.text)).toEqual(['x']);
    // A page address of 2,500 characters is kept (its title cut to the title limit); one over the
    // library's limit skips its annotation only. Before, either refused the whole file.
    const long = `https://blog.example/${'a'.repeat(2500)}`;
    const longer = `https://blog.example/${'b'.repeat(10_000)}`;
    const parsed = await parseImportFile(db, JSON.stringify([good, at(long, 'y'), at(longer, 'z')]));
    expect(parsed.ok && parsed.warnings).toEqual([
      '1 annotation was skipped: 1 is about a page whose address is longer than Talk Notes keeps (8,192 characters).',
    ]);
    expect(parsed.ok && parsed.backup.highlights.map((h) => [h.text, h.url.length]).sort()).toEqual([
      ['x', url.length],
      ['y', long.length],
    ]);
    expect(parsed.ok && parsed.backup.pages.find((p) => p.url === long)?.title.length).toBe(2000);
    const skipping = await parseImportFile(
      db,
      JSON.stringify([good, { ...good, target: 'javascript:alert(1)' }]),
    );
    expect(skipping.ok && skipping.warnings).toEqual([
      '1 annotation was skipped: 1 is not about an http(s) web page.',
    ]);
  });

  it('a backup still reads as a backup', async () => {
    const text = serializeBackup(createBackup(library(), at(20)));
    const parsed = await parseImportFile(db, text);
    expect(parsed.ok && parsed.backup.highlights.length).toBe(2);
    expect(parsed.ok && parsed.annotations).toBeUndefined();
  });
});
