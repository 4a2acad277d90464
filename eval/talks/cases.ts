/** The recap corpus's ground truth (tests/fixtures/recaps/cases.json; fields in its README). */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type RecapKind = 'multi-talk' | 'single-talk' | 'archive' | 'live-blog' | 'not-a-recap';

export interface ExpectedTalk {
  title: string;
  speakers: string[];
  heading: string;
  /** Archive pages only: the title of the post the talk is in. */
  post?: string;
}

export interface ExpectedPassage {
  text: string;
  /** The `title` of the talk the passage belongs to, or null. */
  talk: string | null;
  note?: string;
}

export interface RecapCase {
  file: string;
  platform: string;
  kind: RecapKind;
  /** Live blogs only: entries in reverse chronological order (a talk's later entries are above it). */
  order?: 'newest-first';
  lang?: string;
  conference?: string;
  postTitle: string;
  talks: ExpectedTalk[];
  passages: ExpectedPassage[];
  traps?: string[];
  /** Informational: the round that added the page ("issue 12"); absent on the original sixteen. */
  added?: string;
}

export const RECAPS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../tests/fixtures/recaps');

export function loadRecapCases(dir = RECAPS_DIR): RecapCase[] {
  return JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8')) as RecapCase[];
}

export const recapPath = (file: string, dir = RECAPS_DIR) => join(dir, file);
