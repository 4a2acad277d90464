#!/usr/bin/env node
/**
 * Builds the conference-blog HTML fixtures in tests/fixtures/pages from the plain-text write-ups in
 * tests/fixtures/source/conference-blog.txt (a published blog: see the README there for its
 * attribution), in several markups that real blogs use. The output is committed; run this again
 * (`node scripts/make-conference-fixtures.mjs`) only to change the markups.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? join(root, 'tests', 'fixtures', 'source', 'conference-blog.txt');
const outDir = join(root, 'tests', 'fixtures', 'pages');

const escapeHtml = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A few inline elements so selections cross links and emphasis, as on real blogs. */
const INLINE = [
  ['Fossology', '<a href="https://www.fossology.org/">Fossology</a>'],
  [
    'Civil Infrastructure Platform',
    '<a href="https://www.cip-project.org/">Civil Infrastructure Platform</a>',
  ],
  ['Grimoire Lab', '<a href="https://chaoss.github.io/grimoirelab/">Grimoire Lab</a>'],
  ['really big fan of random testing', '<em>really big fan of random testing</em>'],
  [
    "Containers don't hide the underlying hardware",
    "<strong>Containers don't hide the underlying hardware</strong>",
  ],
];
function inline(text) {
  let html = escapeHtml(text);
  for (const [plain, markup] of INLINE) html = html.replace(escapeHtml(plain), markup);
  return html;
}

/** Splits the text into posts; each post into a lead (before the first talk title) and talks. */
function parse(text) {
  const lines = text.split('\n');
  const posts = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const next = (lines[i + 2] ?? '').trim();
    if (line && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(next) && !(lines[i + 1] ?? '').trim()) {
      posts.push({ title: line, date: next, blocks: [] });
      i += 2;
      continue;
    }
    if (!line || !posts.length) continue;
    const post = posts[posts.length - 1];
    if (line.startsWith('•')) {
      const last = post.blocks[post.blocks.length - 1];
      const item = line.replace(/^•\s*/, '');
      if (last?.kind === 'list') last.items.push(item);
      else post.blocks.push({ kind: 'list', items: [item] });
    } else if (line.length < 90 && !/[.:!?)]$/.test(line)) {
      post.blocks.push({ kind: 'talk', text: line });
    } else {
      post.blocks.push({ kind: 'p', text: line });
    }
  }
  return posts;
}

function renderBlocks(blocks, talkTag) {
  return blocks
    .map((b) => {
      if (b.kind === 'list')
        return `<ul>\n${b.items.map((i) => `  <li>${inline(i)}</li>`).join('\n')}\n</ul>`;
      if (b.kind === 'p') return `<p>${inline(b.text)}</p>`;
      if (talkTag === 'strong') return `<p><strong>${escapeHtml(b.text)}</strong></p>`;
      return `<${talkTag}>${escapeHtml(b.text)}</${talkTag}>`;
    })
    .join('\n');
}

const isoDate = (date) => `${date.replace(' ', 'T')}:00+02:00`;

function page({ title, description, published, body, jsonLd = true }) {
  const ld = jsonLd
    ? `<script type="application/ld+json">${JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'BlogPosting',
        headline: title,
        datePublished: published,
        author: { '@type': 'Person', name: 'Blog Author' },
        publisher: { '@type': 'Organization', name: 'Conference Notes Blog' },
      })}</script>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} | Conference Notes Blog</title>
<meta name="author" content="Blog Author">
<meta name="description" content="${escapeHtml(description)}">
<meta property="og:site_name" content="Conference Notes Blog">
<meta property="og:title" content="${escapeHtml(title)}">
${published ? `<meta property="article:published_time" content="${published}">` : ''}
${ld}
<style>body{font:17px/1.6 Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em}nav,footer{font:14px sans-serif;color:#555}</style>
</head>
<body>
<header><nav><a href="/">Conference Notes Blog</a> · <a href="/archive">Archive</a> · <a href="/about">About</a></nav></header>
${body}
<footer><p>Written with care. Comments are closed.</p></footer>
</body>
</html>
`;
}

function article(post, { titleTag, talkTag }) {
  const published = isoDate(post.date);
  return `<article>
<${titleTag}>${escapeHtml(post.title)}</${titleTag}>
<p class="meta">Posted on <time datetime="${published}">${post.date}</time> by <span class="author">Blog Author</span></p>
${renderBlocks(post.blocks, talkTag)}
</article>`;
}

const posts = parse(readFileSync(source, 'utf8'));
if (posts.length !== 2) throw new Error(`expected 2 posts in ${source}, found ${posts.length}`);
const [day3, prague] = posts;
const description = (post) => post.blocks.find((b) => b.kind === 'p').text.slice(0, 160);
const outputs = {
  'conference-h2.html': page({
    title: day3.title,
    description: description(day3),
    published: isoDate(day3.date),
    body: `<main>\n${article(day3, { titleTag: 'h1', talkTag: 'h2' })}\n</main>`,
  }),
  'conference-h3.html': page({
    title: prague.title,
    description: description(prague),
    published: isoDate(prague.date),
    body: `<h1 class="site-title">Conference Notes Blog</h1>\n<main>\n${article(prague, { titleTag: 'h2', talkTag: 'h3' })}\n</main>`,
  }),
  'conference-h4.html': page({
    title: day3.title,
    description: description(day3),
    published: isoDate(day3.date),
    body: `<div id="content"><div class="post">\n${article(day3, { titleTag: 'h3', talkTag: 'h4' })}\n</div></div>`,
    jsonLd: false,
  }),
  'conference-bold.html': page({
    title: day3.title,
    description: description(day3),
    published: isoDate(day3.date),
    body: `<main>\n${article(day3, { titleTag: 'h1', talkTag: 'strong' })}\n</main>`,
  }),
  'conference-archive.html': page({
    title: 'Archive for October 2017',
    description: 'All posts from October 2017',
    published: null,
    body: `<main>\n<h1>Archive for October 2017</h1>\n${article(day3, { titleTag: 'h2', talkTag: 'h3' })}\n${article(prague, { titleTag: 'h2', talkTag: 'h3' })}\n</main>`,
    jsonLd: false,
  }),
};
for (const [name, html] of Object.entries(outputs)) {
  writeFileSync(join(outDir, name), html);
  console.log(`wrote tests/fixtures/pages/${name} (${html.length} chars)`);
}
