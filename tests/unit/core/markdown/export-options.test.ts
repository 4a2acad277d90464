// @vitest-environment node
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT_OPTIONS, ExportOptionsSchema } from '@/core/markdown/export-options';
import { LIMITS } from '@/core/limits';
import { parseSetting } from '@/core/settings';

describe('ExportOptionsSchema', () => {
  it.each([
    ['nothing stored', undefined, DEFAULT_EXPORT_OPTIONS],
    ['not an object', 'tag', DEFAULT_EXPORT_OPTIONS],
    [
      'a valid value',
      { ...DEFAULT_EXPORT_OPTIONS, groupBy: 'tag', template: '{{text}}' },
      { ...DEFAULT_EXPORT_OPTIONS, groupBy: 'tag', template: '{{text}}' },
    ],
    [
      'one bad field: only it takes its default',
      { groupBy: 'speaker', includeNotes: false },
      { ...DEFAULT_EXPORT_OPTIONS, includeNotes: false },
    ],
    ['an oversized template', { template: 'x'.repeat(LIMITS.template + 1) }, DEFAULT_EXPORT_OPTIONS],
  ])('%s', (_, stored, expected) => {
    expect(v.parse(ExportOptionsSchema, stored)).toEqual(expected);
    expect(parseSetting('exportOptions', stored)).toEqual(expected);
  });
});
