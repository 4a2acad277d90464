/**
 * What talk tests ask of a made-up page: the page itself, the talks detected on it (title and speakers),
 * and the talk a passage is filed under. Shared by the talk tests that need nothing else.
 */
import { JSDOM } from 'jsdom';
import { detectTalkSections, talkForNode } from '@/core/talks';

/** A page of `body` titled `title`, at `url`. */
export const page = (body: string, title: string, url = 'https://notes.example.org/post') =>
  new JSDOM(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, {
    url,
  }).window.document;

/** Each detected talk as [title, speakers]. */
export const titles = (doc: Document) => detectTalkSections(doc).map((s) => [s.title, s.speakers]);

/** The title of the talk the element `id`'s first node is filed under, or null. */
export const filed = (doc: Document, id: string) =>
  talkForNode(detectTalkSections(doc), doc.getElementById(id)!.firstChild!)?.title ?? null;
