/**
 * The W3C Web Annotation Working Group's own tests as the judge of our Web Annotation export (issue #19):
 * the JSON Schemas of w3c/web-annotation-tests (the "must" assertions for an annotation and for a
 * collection, and some optional ones), run with Ajv (draft-04, as the schemas are written).
 *
 * The schemas are not on npm. They are read from `WEB_ANNOTATION_TESTS` or `../shared/web-annotation-tests`
 * (a checkout of the repository, beside the web-pages corpus); where neither exists the tests that need
 * them are skipped and say so.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const CANDIDATES = [
  process.env.WEB_ANNOTATION_TESTS,
  resolve(__dirname, '../../../../shared/web-annotation-tests'),
];

/** The checkout's directory, or null when there is none here. */
export const SCHEMA_DIR: string | null =
  CANDIDATES.find(
    (dir): dir is string => !!dir && existsSync(join(dir, 'definitions', 'annotations.json')),
  ) ?? null;

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
  const dir = SCHEMA_DIR!;
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
  const test = JSON.parse(readFileSync(join(SCHEMA_DIR!, testFile), 'utf8')) as { assertions: string[] };
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

/** The sample annotations of the repository, correct and incorrect, to check the judge itself. */
export function samples(kind: 'correct' | 'incorrect'): { name: string; json: unknown }[] {
  const dir = join(SCHEMA_DIR!, 'tools', 'samples', kind);
  return jsonFiles(dir).flatMap((path) => {
    try {
      return [{ name: relative(dir, path), json: JSON.parse(readFileSync(path, 'utf8')) as unknown }];
    } catch {
      return []; // One incorrect sample is not JSON at all: nothing for a schema to judge.
    }
  });
}
