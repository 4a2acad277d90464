// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'check-layers.mjs');

interface Problem {
  file: string;
  line: number;
  message: string;
}
// The script is plain JavaScript (it runs with node, before any build); this is the part the tests call.
const { checkLayers } = (await import(pathToFileURL(SCRIPT).href)) as {
  checkLayers: (root: string) => { problems: Problem[]; files: number; imports: number };
};

/** A small project that follows every rule; each test breaks one. */
const CLEAN: Record<string, string> = {
  'core/types.ts': 'export interface Item { id: string }\n',
  'core/read.ts':
    "import type { Item } from './types';\nexport const idOf = (doc: Document, item: Item) => doc.defaultView && item.id;\n",
  'storage/db.ts':
    "import Dexie from 'dexie';\nimport type { Item } from '@/core/types';\nexport const db = (i: Item) => new Dexie(i.id);\n",
  'messaging/client.ts':
    "import { browser } from 'wxt/browser';\nimport { db } from '@/storage/db';\nexport { browser, db };\n",
  'page/app.ts':
    "import { browser } from '@/messaging/client';\nimport { idOf } from '@/core/read';\nexport { browser, idOf };\n",
  'components/popup/Popup.tsx':
    "import { idOf } from '@/core/read';\nimport { Shared } from '../Shared';\nexport { idOf, Shared };\n",
  'components/Shared.tsx':
    "import type { Item } from '@/core/types';\nimport type { db } from '@/storage/db';\nexport const Shared = (item: Item, d?: typeof db) => d && item.id;\n",
  'components/data/useItems.ts':
    "import { liveQuery } from 'dexie';\nimport { db } from '@/storage/db';\nimport { browser } from '@/messaging/client';\nexport { browser, db, liveQuery };\n",
  'components/dashboard/Dashboard.tsx': "import { Shared } from '../Shared';\nexport { Shared };\n",
  'entrypoints/popup/main.ts':
    "import { Shared } from '@/components/Shared';\nimport '@/components/theme.css';\nimport { idOf } from '@/page/app';\nexport { idOf, Shared };\n",
  'components/theme.css': 'body {}\n',
};

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'check-layers-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** The broken rules, as the script prints them. */
function check(files: Record<string, string>): string[] {
  return checkLayers(project(files)).problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
}

function run(root: string) {
  const result = spawnSync(process.execPath, [SCRIPT, '--root', root], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('scripts/check-layers.mjs', () => {
  it('passes this project', () => {
    expect(checkLayers(ROOT).problems).toEqual([]);
  });

  it('passes a project that follows the rule', () => {
    expect(check(CLEAN)).toEqual([]);
    expect(checkLayers(project(CLEAN)).files).toBe(10);
  });

  // Two node processes that each load TypeScript: seconds on a loaded machine.
  it('exits 1 and names the file, line and rule of each broken import', { timeout: 30_000 }, () => {
    const broken = run(
      project({ ...CLEAN, 'page/toolbar.ts': "\nimport { Shared } from '@/components/Shared';\n" }),
    );
    expect(broken.output).toContain(
      'page/toolbar.ts:2: page/ may not import components/ (components/Shared.tsx)',
    );
    expect(broken.output).toContain('layers: 1 broken rule');
    expect(broken.status).toBe(1);
    const clean = run(project(CLEAN));
    expect(clean.output).toMatch(
      /^layers: 10 files, \d+ imports follow entrypoints -> page \| components -> messaging -> storage -> core/,
    );
    expect(clean.status).toBe(0);
  });

  it.each([
    [
      'page imports a component',
      'page/toolbar.ts',
      "import { Shared } from '@/components/Shared';\n",
      'page/ may not import components/ (components/Shared.tsx)',
    ],
    [
      'page imports a storage type',
      'page/clip.ts',
      "import type { db } from '../storage/db';\nexport type T = typeof db;\n",
      'page/ may not import storage/ (storage/db.ts)',
    ],
    [
      'a component imports page',
      'components/Toolbar.tsx',
      "import { idOf } from '@/page/app';\n",
      'components/ may not import page/',
    ],
    [
      'storage imports messaging',
      'storage/notify.ts',
      "export * from '@/messaging/client';\n",
      'storage/ may not import messaging/',
    ],
    [
      'messaging imports a component',
      'messaging/protocol.ts',
      "import type { Item } from '@/components/Shared';\n",
      'messaging/ may not import components/',
    ],
    [
      'core imports storage',
      'core/clip.ts',
      "export type { db } from '@/storage/db';\n",
      'core/ may not import storage/',
    ],
    [
      'core imports Dexie',
      'core/live.ts',
      "import { liveQuery } from 'dexie';\nexport { liveQuery };\n",
      'core/ may not import the package dexie',
    ],
    [
      'core imports Preact',
      'core/view.ts',
      "import { h } from 'preact';\nexport { h };\n",
      'core/ may not import the package preact',
    ],
    [
      'core calls browser APIs',
      'core/tabs.ts',
      "import { browser } from 'wxt/browser';\nexport { browser };\n",
      'core/ may not import the package wxt',
    ],
    [
      'core reads the global document',
      'core/title.ts',
      'export const title = () => document.title;\n',
      'core/ may not use the global document',
    ],
    [
      'a component calls browser APIs',
      'components/Tab.tsx',
      "import { browser } from 'wxt/browser';\nexport { browser };\n",
      'components/ may not import the package wxt',
    ],
    [
      'a component writes the database itself',
      'components/popup/Notes.tsx',
      "import { db } from '@/storage/db';\nexport { db };\n",
      'only components/data/ may import storage/ (storage/db.ts)',
    ],
    [
      'a component sends messages itself',
      'components/Menu.tsx',
      "import { browser } from '@/messaging/client';\nexport { browser };\n",
      'only components/data/ may import messaging/',
    ],
    [
      'a component runs a live query itself',
      'components/dashboard/List.tsx',
      "import { liveQuery } from 'dexie';\nexport { liveQuery };\n",
      'only components/data/ may import dexie',
    ],
    [
      'the popup imports the dashboard',
      'components/popup/List.tsx',
      "import { Shared } from '../dashboard/Dashboard';\n",
      'components/popup/ may not import components/dashboard/',
    ],
    [
      'a layer imports a test',
      'core/fixture.ts',
      "import '@/tests/fixture';\n",
      "'@/tests/fixture' names no file",
    ],
    [
      'a lazy import goes up',
      'core/lazy.ts',
      "export const load = () => import('@/storage/db');\n",
      'core/ may not import storage/',
    ],
  ])('fails when %s', (_, path, text, message) => {
    const problems = check({ ...CLEAN, [path]: text });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${path}:1: ${message}`);
  });

  it('fails on an import cycle, types included', () => {
    const problems = check({
      ...CLEAN,
      'components/popup/App.tsx':
        "import { Notes } from './Notes';\nexport type Page = string;\nexport { Notes };\n",
      'components/popup/Notes.tsx':
        "import type { Page } from './App';\nexport const Notes = (p: Page) => p;\n",
    });
    expect(problems).toEqual([
      'components/popup/App.tsx:1: import cycle: components/popup/App.tsx -> components/popup/Notes.tsx -> components/popup/App.tsx',
    ]);
  });

  it('lets core name page types and its own parameters called window', () => {
    const problems = check({
      ...CLEAN,
      'core/view.ts':
        'export interface Options { window?: Window; document?: Document }\nexport const viewOf = (o: Options, window = o.window) => window ?? o.document?.defaultView;\n',
    });
    expect(problems).toEqual([]);
  });
});
