/**
 * Judges of our Web Annotation export (issue #19):
 * - always: our JSON Schema of the Web Annotation Data Model's MUST rules
 *   (tests/fixtures/web-annotation/musts.schema.json, written from the spec's text), run with Ajv;
 * - the Working Group's own JSON Schemas from w3c/web-annotation-tests (the "must" assertions for an
 *   annotation and for a collection), run with Ajv (draft-04, as they are written). They are not on npm:
 *   a copy of the files needed is vendored in tests/fixtures/web-annotation/w3c (its README gives the
 *   commit and the licence); `WEB_ANNOTATION_TESTS` may point at another checkout.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Ajv07 from 'ajv';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const MUSTS_SCHEMA = resolve(__dirname, '../../fixtures/web-annotation/musts.schema.json');
let musts: ValidateFunction | null = null;

/**
 * What `document` (an Annotation, an AnnotationPage or an AnnotationCollection) breaks of the model's
 * MUST rules, by our schema: Ajv's messages with their paths, empty when it keeps them all.
 */
export function modelProblems(document: unknown): string[] {
  musts ??= new Ajv07({ strict: false, allErrors: true }).compile(
    JSON.parse(readFileSync(MUSTS_SCHEMA, 'utf8')),
  ) as unknown as ValidateFunction;
  if (musts(document)) return [];
  return (musts.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

const CANDIDATES = [
  process.env.WEB_ANNOTATION_TESTS,
  resolve(__dirname, '../../fixtures/web-annotation/w3c'),
];

/** The checkout's directory: the vendored copy unless `WEB_ANNOTATION_TESTS` names another. */
export const SCHEMA_DIR: string = CANDIDATES.find(
  (dir): dir is string => !!dir && existsSync(join(dir, 'definitions', 'annotations.json')),
)!;

interface Assertion {
  file: string;
  expectedResult: 'valid' | 'invalid';
  errorMessage?: string;
  validate: ValidateFunction;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

let ajv: Ajv | null = null;
const compiled = new Map<string, Assertion>();

function assertion(file: string): Assertion {
  const dir = SCHEMA_DIR;
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: false });
    addFormats(ajv);
    for (const path of jsonFiles(join(dir, 'definitions')))
      ajv.addSchema(JSON.parse(readFileSync(path, 'utf8')));
  }
  let found = compiled.get(file);
  if (!found) {
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    found = {
      file,
      expectedResult: schema.expectedResult ?? 'valid',
      errorMessage: schema.errorMessage,
      validate: ajv.compile({ ...schema, id: undefined }),
    };
    compiled.set(file, found);
  }
  return found;
}

/** The assertion files a `.test` file of the repository lists (`annotations/annotationMusts.test`). */
export function assertionsOf(testFile: string): string[] {
  const test = JSON.parse(readFileSync(join(SCHEMA_DIR, testFile), 'utf8')) as { assertions: string[] };
  return test.assertions;
}

/**
 * The assertions of `files` that `document` fails, each with the schema's own error message; empty when
 * it meets them all.
 */
export function failedAssertions(document: unknown, files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const a = assertion(file);
    const valid = a.validate(document) === true;
    return valid === (a.expectedResult === 'valid') ? [] : [`${file}: ${a.errorMessage ?? 'failed'}`];
  });
}

/**
 * The sample annotations of the repository, correct and incorrect, to check the judges themselves.
 * Most incorrect samples are not strict JSON (a trailing comma): read with trailing commas dropped.
 */
export function samples(kind: 'correct' | 'incorrect'): { name: string; json: unknown }[] {
  const dir = join(SCHEMA_DIR, 'tools', 'samples', kind);
  return jsonFiles(dir).flatMap((path) => {
    try {
      const text = readFileSync(path, 'utf8').replace(/,\s*([}\]])/g, '$1');
      return [{ name: relative(dir, path), json: JSON.parse(text) as unknown }];
    } catch {
      return []; // One incorrect sample is not JSON at all: nothing for a schema to judge.
    }
  });
}
