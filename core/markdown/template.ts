/**
 * The export template: a small language for readers who want their own layout for each highlight.
 *
 * - `{{name}}` inserts a variable (see {@link TEMPLATE_VARIABLES}); values are already safe Markdown.
 * - `{{#name}}…{{/name}}` keeps its content only when the variable is not empty (sections nest).
 * - Everything else is Markdown the template writes into every export, made safe when rendered
 *   (./sanitize.ts, origin `template`): raw HTML is escaped, links keep absolute http(s) targets only
 *   (a link to a URL variable, `{{url}}`, `{{recording}}` …, counts as one), images become their text. A template can
 *   come from a backup file: it must not be able to plant beacons or script links in exports.
 * - Unknown variables and unbalanced sections are errors, reported with their line, so a typo never
 *   silently drops a note.
 *
 * Values are inserted once: a `{{…}}` inside a note or a page title is never expanded.
 */
import { sanitizeMarkdown } from './sanitize';

/** Every variable, with what it holds (the UI and docs/export-format.md list these). */
export const TEMPLATE_VARIABLES = {
  text: 'the passage as plain text (escaped for Markdown)',
  markdown: 'the passage as Markdown: paragraphs, lists, links and emphasis kept',
  quote: 'the passage as a Markdown blockquote (every line starts with "> ")',
  note: 'your note, as Markdown',
  tags: 'the tags as hashtags: #tag #parent/child',
  url: 'the page URL',
  fragmentUrl: 'the page URL that opens at the passage (a text fragment link)',
  link: 'the page title linked to fragmentUrl',
  pageTitle: 'the page title',
  site: 'the site name',
  talk: 'the talk title (empty when the highlight has no talk)',
  speakers: 'the talk speakers, comma-separated',
  color: 'the highlight colour (yellow, green, blue, pink, purple)',
  colorName: 'the name you gave the colour (empty when unnamed)',
  date: 'the date the passage was clipped, YYYY-MM-DD (UTC)',
  published: 'the date the page was published, YYYY-MM-DD, as its author dated it (empty when unknown)',
  id: 'the highlight id',
  // A conference talk's fields (./schedule-details.ts): empty when the talk is not a conference talk.
  conference: 'the conference title (empty unless the passage is under a conference talk, as are all below)',
  day: 'the day of the talk, YYYY-MM-DD, in the conference’s time zone',
  time: 'the time of the talk, HH:mm–HH:mm (24-hour), in the conference’s time zone',
  start: 'the start of the talk as the schedule gives it (ISO 8601, with its UTC offset when known)',
  room: 'the room',
  track: 'the track',
  type: 'the kind of session (talk, workshop, …) as the schedule names it',
  recording: 'the URL of the talk’s recording',
  slides: 'the URL of the talk’s slides',
  schedule: 'the URL of the talk’s page in the conference schedule',
} as const;

export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export type TemplateValues = Record<TemplateVariable, string>;

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'variable'; name: TemplateVariable }
  | { kind: 'section'; name: TemplateVariable; body: Node[] };

/** A compiled template: renders one highlight's values; `variables` are the ones it uses. */
export interface CompiledTemplate {
  render(values: TemplateValues): string;
  variables: ReadonlySet<TemplateVariable>;
}

export type TemplateResult = { ok: true; template: CompiledTemplate } | { ok: false; error: string };

const TAG = /\{\{\s*([#/]?)\s*([^{}]*?)\s*\}\}/g;

function isVariable(name: string): name is TemplateVariable {
  return Object.hasOwn(TEMPLATE_VARIABLES, name);
}

/** Parses a template; the error names the problem and its line. */
export function compileTemplate(source: string): TemplateResult {
  const root: Node[] = [];
  const stack: { name: TemplateVariable; body: Node[]; line: number }[] = [];
  const variables = new Set<TemplateVariable>();
  const lineAt = (offset: number) => source.slice(0, offset).split('\n').length;
  let body = root;
  let last = 0;
  for (const match of source.matchAll(TAG)) {
    const [whole, sigil, name] = match as unknown as [string, string, string];
    const at = match.index;
    if (at > last) body.push({ kind: 'text', text: source.slice(last, at) });
    last = at + whole.length;
    if (!isVariable(name)) {
      return { ok: false, error: `Unknown variable {{${sigil}${name}}} on line ${lineAt(at)}` };
    }
    variables.add(name);
    if (sigil === '#') {
      const section: Node = { kind: 'section', name, body: [] };
      body.push(section);
      stack.push({ name, body: section.body, line: lineAt(at) });
      body = section.body;
    } else if (sigil === '/') {
      const open = stack.pop();
      if (open?.name !== name) {
        return {
          ok: false,
          error: open
            ? `{{/${name}}} on line ${lineAt(at)} closes {{#${open.name}}} from line ${open.line}`
            : `{{/${name}}} on line ${lineAt(at)} has no {{#${name}}} before it`,
        };
      }
      body = stack.at(-1)?.body ?? root;
    } else {
      body.push({ kind: 'variable', name });
    }
  }
  const unclosed = stack.at(-1);
  if (unclosed) return { ok: false, error: `{{#${unclosed.name}}} on line ${unclosed.line} is never closed` };
  if (last < source.length) body.push({ kind: 'text', text: source.slice(last) });
  // The skeleton depends only on which sections are shown: its sanitized form is computed once per shape.
  const sanitized = new Map<string, string>();
  const sanitize = (skeleton: string) => {
    let safe = sanitized.get(skeleton);
    if (safe === undefined) {
      safe = sanitizeMarkdown(skeleton, 'template');
      if (sanitized.size < MAX_SHAPES) sanitized.set(skeleton, safe);
    }
    return safe;
  };
  return { ok: true, template: { render: (values) => renderSafely(root, values, sanitize), variables } };
}

/** Skeletons remembered per template (2 to the number of sections at most; a few in practice). */
const MAX_SHAPES = 256;

/** Variables whose value is an absolute http(s) URL (or empty): a link to one is a web link. */
const URL_VARIABLES: ReadonlySet<TemplateVariable> = new Set([
  'url',
  'fragmentUrl',
  'recording',
  'slides',
  'schedule',
]);
/** Private-use characters around a value's number in the skeleton; never left in the output. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKER = /(?:https:\/\/)?\uE000(\d+)\uE001/g;

/**
 * Renders the template's skeleton with a marker for each value, sanitizes that (the literal text is
 * what the template adds), then puts the values in: they are safe Markdown already and are not
 * sanitized twice. A URL variable's marker looks like an https URL, so `[{{pageTitle}}]({{url}})`
 * stays a link while `[x](javascript:{{url}})` does not.
 */
function renderSafely(
  nodes: readonly Node[],
  values: TemplateValues,
  sanitize: (skeleton: string) => string,
): string {
  const inserted: string[] = [];
  const skeleton = renderNodes(nodes, values, (name) => {
    inserted.push(values[name]);
    const marker = `${OPEN}${inserted.length - 1}${CLOSE}`;
    return URL_VARIABLES.has(name) ? `https://${marker}` : marker;
  });
  return sanitize(skeleton).replace(MARKER, (_, i: string) => inserted[Number(i)] ?? '');
}

function renderNodes(
  nodes: readonly Node[],
  values: TemplateValues,
  insert: (name: TemplateVariable) => string,
): string {
  let out = '';
  for (const node of nodes) {
    // Marker characters typed into a template are not markers.
    if (node.kind === 'text') out += node.text.replace(/[\uE000\uE001]/g, '');
    else if (node.kind === 'variable') out += insert(node.name);
    else if (values[node.name].trim()) out += renderNodes(node.body, values, insert);
  }
  return out;
}
