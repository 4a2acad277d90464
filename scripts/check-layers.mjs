#!/usr/bin/env node
/**
 * The layer check, run by `npm run lint` (and so by `npm test`): every import in the extension's
 * source follows the rule the README's "Architecture" draws, so the layers cannot drift apart again.
 *
 *     entrypoints -> page | components -> messaging -> storage -> core
 *
 * - A layer imports only the layers its rule names (below it; `page` and `components` are side by
 *   side and never import each other). `page` never imports `storage`: a content script cannot open
 *   the extension's database, it sends messages.
 * - Some packages stay out of some layers (`core` is pure: no Dexie, Preact or browser APIs).
 * - Inside `components/`, only the container hooks in `components/data/` import storage, messaging or
 *   Dexie at run time; every other component is props in, callbacks out (`import type` is fine:
 *   types flow down). `components/popup/` and `components/dashboard/` do not import each other.
 * - `core/` does not use the page's globals (`document`, `window`, `browser`, ...): it takes a
 *   `Document` or `Node` parameter instead.
 * - No import cycles between the project's modules.
 *
 * Imports are read with the TypeScript parser (static imports and re-exports, `import type`,
 * `import()` with a literal, `typeof import()` in types) and resolved like the bundler does
 * (`@/` `~/` `@@/` `~~/` are the project root). Usage: `node scripts/check-layers.mjs [--root DIR]`;
 * exits 1 and lists each broken rule as `file:line: ...`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Each layer (a top-level folder) and the layers it may import. */
export const LAYERS = {
  entrypoints: ['page', 'components', 'messaging', 'storage', 'core'],
  page: ['messaging', 'core'],
  components: ['messaging', 'storage', 'core'],
  messaging: ['storage', 'core'],
  storage: ['core'],
  core: [],
};

/** Packages a layer must not import (a name matches the package and its subpaths). */
export const BANNED_PACKAGES = {
  core: ['dexie', 'preact', 'wxt', '@wxt-dev', 'webextension-polyfill'],
  storage: ['preact', 'wxt', '@wxt-dev', 'webextension-polyfill'],
  messaging: ['preact', 'dexie'],
  page: ['dexie'],
  components: ['wxt', '@wxt-dev', 'webextension-polyfill'],
};

/** The only part of components/ that reaches storage, messaging and Dexie at run time. */
const CONTAINERS = 'components/data/';
const CONTAINER_ONLY = ['storage', 'messaging'];
const CONTAINER_ONLY_PACKAGES = ['dexie'];
/** Sub-folders of components/ that stay apart. */
const APART = ['components/popup/', 'components/dashboard/'];
/** Globals of a page or an extension context that core/ must not use. */
const PAGE_GLOBALS = new Set([
  'document',
  'window',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'browser',
  'chrome',
]);

const SOURCE = /\.(ts|tsx|mts)$/;
const ALIASES = ['@/', '~/', '@@/', '~~/'];
const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '/index.ts', '/index.tsx'];

function sourceFiles(root) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (SOURCE.test(entry) && !entry.endsWith('.d.ts')) files.push(path);
    }
  };
  for (const layer of Object.keys(LAYERS)) {
    const dir = join(root, layer);
    if (existsSync(dir)) walk(dir);
  }
  return files.sort();
}

/** Every import of a source file: `{ specifier, line, typeOnly }`. */
export function importsOf(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKind(fileName));
  const found = [];
  const add = (node, specifier, typeOnly) =>
    found.push({ specifier, typeOnly, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
  const visit = (node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node, node.moduleSpecifier.text, node.importClause?.isTypeOnly === true);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node, node.moduleSpecifier.text, node.isTypeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      add(node, node.arguments[0].text, false);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      add(node, node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function scriptKind(fileName) {
  return fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
}

/** Where core/ reads a page or extension global (an identifier no declaration in the file binds). */
export function pageGlobalsUsed(fileName, text) {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKind(fileName));
  const declared = new Set();
  const collect = (node) => {
    if (
      (ts.isVariableDeclaration(node) ||
        ts.isParameter(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isClassDeclaration(node) ||
        ts.isImportSpecifier(node) ||
        ts.isImportClause(node) ||
        ts.isNamespaceImport(node)) &&
      node.name &&
      ts.isIdentifier(node.name)
    ) {
      declared.add(node.name.text);
    }
    ts.forEachChild(node, collect);
  };
  collect(source);
  const used = [];
  const visit = (node) => {
    if (
      ts.isIdentifier(node) &&
      PAGE_GLOBALS.has(node.text) &&
      !declared.has(node.text) &&
      readsValue(node)
    ) {
      used.push({ name: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return used;
}

/** False where an identifier is a property name, a declaration's name or part of a type. */
function readsValue(id) {
  const parent = id.parent;
  if (!parent) return false;
  if ((ts.isPropertyAccessExpression(parent) || ts.isQualifiedName(parent)) && parent.name === id)
    return false;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isBindingElement(parent) ||
      ts.isEnumMember(parent)) &&
    parent.name === id
  )
    return false;
  for (let node = parent; node; node = node.parent) {
    if (ts.isTypeNode(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node))
      return false;
    if (ts.isStatement(node) || ts.isSourceFile(node)) break;
  }
  return true;
}

function toPosix(path) {
  return path.split(sep).join('/');
}

/** The project file an import names, as a root-relative path; null for a package or an unknown file. */
function resolveImport(root, fromFile, specifier) {
  let base;
  const alias = ALIASES.find((a) => specifier.startsWith(a));
  if (alias) base = join(root, specifier.slice(alias.length));
  else if (specifier.startsWith('./') || specifier.startsWith('../'))
    base = resolve(dirname(fromFile), specifier);
  else return { package: specifier };
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (existsSync(candidate) && statSync(candidate).isFile())
      return { file: toPosix(relative(root, candidate)) };
  }
  return { unresolved: toPosix(relative(root, base)) };
}

const layerOf = (path) => path.split('/')[0];
const packageMatches = (specifier, name) => specifier === name || specifier.startsWith(`${name}/`);

/**
 * Checks the project at `root`; returns the broken rules as `{ file, line, message }`, and how
 * many files and imports were read.
 */
export function checkLayers(root) {
  const problems = [];
  const graph = new Map();
  let importCount = 0;
  for (const path of sourceFiles(root)) {
    const file = toPosix(relative(root, path));
    const layer = layerOf(file);
    const text = readFileSync(path, 'utf8');
    const edges = [];
    graph.set(file, edges);
    const report = (line, message) => problems.push({ file, line, message });
    for (const { specifier, line, typeOnly } of importsOf(path, text)) {
      importCount++;
      const target = resolveImport(root, path, specifier);
      if (target.package) {
        const banned = (BANNED_PACKAGES[layer] ?? []).find((name) => packageMatches(specifier, name));
        if (banned) report(line, `${layer}/ may not import the package ${banned} ('${specifier}')`);
        const containerOnly = CONTAINER_ONLY_PACKAGES.find((name) => packageMatches(specifier, name));
        if (layer === 'components' && containerOnly && !typeOnly && !file.startsWith(CONTAINERS)) {
          report(
            line,
            `only ${CONTAINERS} may import ${containerOnly}: components are props in, callbacks out`,
          );
        }
        continue;
      }
      if (target.unresolved) {
        report(line, `'${specifier}' names no file (${target.unresolved})`);
        continue;
      }
      const targetLayer = layerOf(target.file);
      if (LAYERS[targetLayer] === undefined) {
        report(line, `${layer}/ may not import ${target.file}: it is outside the layers`);
        continue;
      }
      edges.push({ to: target.file, line });
      if (targetLayer !== layer && !LAYERS[layer].includes(targetLayer)) {
        report(line, `${layer}/ may not import ${targetLayer}/ (${target.file})`);
        continue;
      }
      if (
        layer === 'components' &&
        !typeOnly &&
        CONTAINER_ONLY.includes(targetLayer) &&
        !file.startsWith(CONTAINERS)
      ) {
        report(
          line,
          `only ${CONTAINERS} may import ${targetLayer}/ (${target.file}): components are props in, callbacks out (import type is fine)`,
        );
      }
      const from = APART.find((dir) => file.startsWith(dir));
      const to = APART.find((dir) => target.file.startsWith(dir));
      if (from && to && from !== to) report(line, `${from} may not import ${to} (${target.file})`);
    }
    if (layer === 'core') {
      for (const { name, line } of pageGlobalsUsed(path, text)) {
        report(line, `core/ may not use the global ${name}: take it as a parameter`);
      }
    }
  }
  for (const cycle of importCycles(graph)) {
    const [first] = cycle;
    const edge = graph.get(first).find((e) => e.to === cycle[1 % cycle.length]);
    problems.push({
      file: first,
      line: edge?.line ?? 1,
      message: `import cycle: ${[...cycle, first].join(' -> ')}`,
    });
  }
  return { problems, files: graph.size, imports: importCount };
}

/** Cycles in the import graph (one per strongly connected group of files, Tarjan's algorithm). */
function importCycles(graph) {
  let next = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  const connect = (file) => {
    index.set(file, next);
    low.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const { to } of graph.get(file) ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        connect(to);
        low.set(file, Math.min(low.get(file), low.get(to)));
      } else if (onStack.has(to)) {
        low.set(file, Math.min(low.get(file), index.get(to)));
      }
    }
    if (low.get(file) === index.get(file)) {
      const group = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        group.push(member);
      } while (member !== file);
      const selfImport = (graph.get(file) ?? []).some((e) => e.to === file);
      if (group.length > 1 || selfImport) groups.push(group);
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) connect(file);
  // Each group as one cycle through it, in import order, for the message.
  return groups.map((group) => {
    const members = new Set(group);
    const start = [...group].sort()[0];
    const path = [start];
    const seen = new Set([start]);
    let current = start;
    for (;;) {
      const step = (graph.get(current) ?? []).find(
        (e) => members.has(e.to) && (!seen.has(e.to) || e.to === start),
      );
      if (!step || step.to === start) break;
      path.push(step.to);
      seen.add(step.to);
      current = step.to;
    }
    return path;
  });
}

function main(argv) {
  const rootFlag = argv.indexOf('--root');
  const root = resolve(
    rootFlag >= 0 ? argv[rootFlag + 1] : join(dirname(fileURLToPath(import.meta.url)), '..'),
  );
  const { problems, files, imports } = checkLayers(root);
  for (const { file, line, message } of problems) console.error(`${file}:${line}: ${message}`);
  if (problems.length) {
    console.error(
      `layers: ${problems.length} broken rule${problems.length === 1 ? '' : 's'} (README "Architecture"; scripts/check-layers.mjs)`,
    );
    return 1;
  }
  console.log(
    `layers: ${files} files, ${imports} imports follow entrypoints -> page | components -> messaging -> storage -> core`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
