/**
 * Huge pages for the `huge` scenario (issue 12: bad input that must lose nothing, and the clip still
 * quick): thousands of lines of one shape, where talk detection once took seconds, and a huge
 * write-up of hundreds of talks under headings. Generated from fixed seeds out of the bench's real
 * prose, so every machine reads the same pages.
 */
import { seededRandom } from '../tests/seeded-random';
import { articlePage, escapeHtml } from './prose-page';

export interface HugePage {
  name: string;
  /** What the page holds, for the tables. */
  description: string;
  html: string;
  /** Passages on the page (whole words of its prose, each found once) for the clips. */
  clips: string[];
}

/** How many lines of each kind a page has (the bench's full sizes; a smoke run shrinks them). */
export interface HugeSizes {
  boldLeads: number;
  listItems: number;
  tableRows: number;
  cards: number;
  writeUpTalks: number;
}

export const HUGE_FULL: HugeSizes = {
  boldLeads: 4_000,
  listItems: 8_000,
  tableRows: 3_000,
  cards: 3_000,
  writeUpTalks: 400,
};
export const HUGE_TINY: HugeSizes = {
  boldLeads: 40,
  listItems: 80,
  tableRows: 30,
  cards: 30,
  writeUpTalks: 8,
};

const FIRST = ['Ana', 'Bo', 'Chiara', 'Dmitri', 'Esther', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Petrov', 'Tanaka', 'Varga', 'Nguyen', 'Silva', 'Keller'];
const SUBJECTS = [
  'Postgres',
  'Kubernetes',
  'WebAssembly',
  'Rust',
  'the JVM',
  'eBPF',
  'CRDTs',
  'Kafka',
  'Wayland',
];
const ANGLES = [
  'in production',
  'at scale',
  'without tears',
  'the hard parts',
  'ten years on',
  'from first principles',
  'for the rest of us',
];

/** Draws prose sentences and remembers a few distinct passages to clip. */
function proseSource(prose: string[], seed: number) {
  const random = seededRandom(seed);
  let next = 0;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  return {
    random,
    pick,
    /** The next paragraph of the prose (round robin, so neighbours differ). */
    paragraph: () => prose[next++ % prose.length]!,
    person: () => `${pick(FIRST)} ${pick(LAST)}`,
    title: (i: number) => `${pick(SUBJECTS)} ${pick(ANGLES)} (part ${i + 1})`,
  };
}

/**
 * Passages to clip: `count` prose paragraphs put among the lines, spread over the page, each opened
 * by a word no other line has (`clipmarkN`) so its text is found exactly once.
 */
function withClipMarks(lines: string[], count: number, paragraph: () => string): string[] {
  const clips: string[] = [];
  const step = Math.max(1, Math.floor(lines.length / count));
  for (let i = 0, n = 0; i < lines.length && n < count; i += step, n++) {
    const text = `clipmark${n} ${paragraph().split(' ').slice(0, 10).join(' ')}`;
    clips.push(text);
    lines[i] = `<p>${escapeHtml(text)}</p>\n${lines[i]}`;
  }
  return clips;
}

/** A page of `count` paragraphs, each opened by a bold phrase ("**Lead.** prose"). */
function boldLeads(prose: string[], count: number): HugePage {
  const src = proseSource(prose, 4001);
  const lines = Array.from({ length: count }, (_, i) => {
    const text = src.paragraph();
    const lead = text
      .split(' ')
      .slice(0, 3 + (i % 4))
      .join(' ');
    return `<p><strong>${escapeHtml(lead)}.</strong> ${escapeHtml(text)}</p>`;
  });
  const clips = withClipMarks(lines, 12, src.paragraph);
  return {
    name: 'bold-leads',
    description: `${count} paragraphs, each with a bold lead`,
    html: articlePage('Notes from the week', lines.join('\n')),
    clips,
  };
}

/** A page of `count` one-line list items (a link dump). */
function listItems(prose: string[], count: number): HugePage {
  const src = proseSource(prose, 8001);
  const lines = Array.from({ length: count }, () => {
    const words = src
      .paragraph()
      .split(' ')
      .slice(0, 8 + Math.floor(src.random() * 8));
    return `<li>${escapeHtml(words.join(' '))}</li>`;
  });
  const items: string[] = [];
  for (let i = 0; i < lines.length; i += 500)
    items.push(`<ul>\n${lines.slice(i, i + 500).join('\n')}\n</ul>`);
  const clips = withClipMarks(items, 12, src.paragraph);
  return {
    name: 'list-items',
    description: `${count} one-line list items`,
    html: articlePage('Links I saved', items.join('\n')),
    clips,
  };
}

/** A page with one table of `count` rows (name, subject, a note). */
function tableRows(prose: string[], count: number): HugePage {
  const src = proseSource(prose, 3001);
  const rows = Array.from({ length: count }, (_, i) => {
    const note = src.paragraph().split(' ').slice(0, 12).join(' ');
    return `<tr><td>${i + 1}</td><td>${escapeHtml(src.person())}</td><td>${escapeHtml(src.pick(SUBJECTS))}</td><td>${escapeHtml(note)}</td></tr>`;
  });
  const prose12 = Array.from({ length: 12 }, () => `<p>${escapeHtml(src.paragraph())}</p>`);
  const clips = withClipMarks(prose12, 12, src.paragraph);
  const body = `${prose12.slice(0, 6).join('\n')}
<table><thead><tr><th>#</th><th>Name</th><th>Subject</th><th>Note</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
${prose12.slice(6).join('\n')}`;
  return {
    name: 'table-rows',
    description: `one table of ${count} rows`,
    html: articlePage('Survey answers', body),
    clips,
  };
}

/** A page of `count` cards (a heading, a line, a link), as a catalogue or a feed shows them. */
function cards(prose: string[], count: number): HugePage {
  const src = proseSource(prose, 3002);
  const lines = Array.from({ length: count }, (_, i) => {
    const text = src.paragraph();
    return `<div class="card"><h3>${escapeHtml(src.title(i))}</h3><p>${escapeHtml(text.split(' ').slice(0, 25).join(' '))}</p><a href="/item/${i}">Read more</a></div>`;
  });
  const clips = withClipMarks(lines, 12, src.paragraph);
  return {
    name: 'cards',
    description: `${count} cards (heading, blurb, link)`,
    html: articlePage('Everything we published', `<div class="grid">\n${lines.join('\n')}\n</div>`),
    clips,
  };
}

/** A real-looking write-up: days as h2, `talks` talks as h3 with a speaker line and prose. */
function writeUp(prose: string[], talks: number): HugePage {
  const src = proseSource(prose, 400);
  const parts: string[] = [];
  const clips: string[] = [];
  const every = Math.max(1, Math.floor(talks / 12));
  for (let i = 0; i < talks; i++) {
    if (i % 40 === 0) parts.push(`<h2>Day ${i / 40 + 1}</h2>`);
    parts.push(`<h3>${escapeHtml(src.title(i))}</h3>`);
    parts.push(`<p><em>Speaker: ${escapeHtml(src.person())}</em></p>`);
    for (let p = 0; p < 3; p++) {
      let text = src.paragraph();
      if (p === 1 && i % every === 0 && clips.length < 12) {
        text = `clipmark${clips.length} ${text}`;
        clips.push(text.split(' ').slice(0, 11).join(' '));
      }
      parts.push(`<p>${escapeHtml(text)}</p>`);
    }
  }
  return {
    name: 'write-up',
    description: `a write-up of ${talks} talks under headings (speaker line, 3 paragraphs each)`,
    html: articlePage('Our trip report from DevConf: every talk we saw', parts.join('\n')),
    clips,
  };
}

/** The huge pages, built from the bench's prose (bench/prose-page.ts `loadProse`). */
export function hugePages(prose: string[], sizes: HugeSizes): HugePage[] {
  return [
    boldLeads(prose, sizes.boldLeads),
    listItems(prose, sizes.listItems),
    tableRows(prose, sizes.tableRows),
    cards(prose, sizes.cards),
    writeUp(prose, sizes.writeUpTalks),
  ];
}
