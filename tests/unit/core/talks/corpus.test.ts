/**
 * Talk detection on every page of the recap corpus (tests/fixtures/recaps, ground truth in cases.json)
 * and of the web-page corpus (62 real pages, none a write-up), scored as `npm run eval:talks` scores it:
 * each passage under its talk (or none), every talk found by the title rule and nothing else, the
 * speakers as people. Pages a round of the corpus adds are first measured unseen (docs/talk-detection.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it as itPasses } from 'vitest';
import { loadRecapCases, recapPath } from '@/eval/talks/cases';
import { coreDetector, evaluateRecap, evaluateWebPage } from '@/eval/talks/evaluate';
import { loadPage } from '@/eval/talks/load';
import { ALL_WEB_PAGES, webPagePath } from '../../../fixtures/web-pages';

/**
 * Layouts detection does not handle yet, each with why and the check it fails ("passages": filing,
 * "talks": the talks found). Those checks below are expected to fail, so a fix shows up as a failure
 * here (then take the page, or the check, off this list).
 */
const KNOWN_MISSES: Record<string, { passages?: string; talks?: string; speakers?: string }> = {
  // Held-out round 6 (pages 60-71), after the fixes of branches fix6 and layouts7 (docs/talk-detection.md).
  // Tumblr: four title forms on one page ("talk one: T (Marisol)", a prose paragraph, "✨ T ✨", "T — Name"),
  // speakers named by first name only; a lowercase "feelings" heading is taken for a talk.
  '61-tumblr-write-the-docs-portland.html': { passages: 'mixed title forms', talks: 'mixed title forms' },
  // Held-out round 7 (pages 72-83), as first run on 2026-12-06 (docs/talk-detection.md); 73, 78, 79, 80
  // and 81 pass since session 8's structural reading (repeated blocks, programmes).
  // (72, a Bluesky thread, passes since detect13b: the hallway-track post, which quotes another account's post
  // about a talk elsewhere, ends the talk above.)
  // (75, Ukrainian, passes since session 12: its lightning talk is a bold line naming its kind among the talk
  // headings; speakers in the genitive are still given as no one.)
  // Held-out round 8 (pages 84-95), as first run on 2026-12-07 with session 8's detector (docs/talk-detection.md);
  // 89 (a card grid) and 95 (a recordings catalogue) pass since session 9 (links under a kicker, catalogues).
  // Telegram channel, Arabic right to left: three of four talks found since session 11 (messages.ts); the
  // one-line message "Room B, 11:30 — @handle talks about T, …" (an unquoted Latin title in an Arabic sentence) is not.
  '85-telegram-channel-devfest-cairo-ar.html': { passages: 'channel messages', talks: 'channel messages' },
  // MediaWiki: "[edit]" headings with room/time prefixes and handles; duty and lightning headings between talks.
  // Since session 10 the infoboxes are read as fields and every talk is found; "Assembly duty" still is one.
  '86-mediawiki-hackerspace-38c3.html': { passages: 'wiki headings', talks: 'wiki headings' },
  // Sphinx: one of two speakers named (the "Room, time — T" kicker is read since session 10).
  '92-sphinx-rtd-lab-notes-euroscipy.html': { speakers: 'one of two speakers' },
  // Held-out round 9 (pages 96-107), as first run on 2026-12-07 with session 8's and session 9's detectors alike
  // (43/68 passages; docs/talk-detection.md).
  // Obsidian Publish (Danish): "10:20 · Sal 3 — T" headings with the speaker on a "Taler:" line; "Priya om “T”".
  '96-obsidian-publish-goto-copenhagen-da.html': { passages: 'kicker headings', talks: 'kicker headings' },
  // Telegraph (Ukrainian): only h3/h4 at one rank; one talk introduced only by a blockquote.
  '99-telegraph-js-fwdays-uk.html': { passages: 'h3 and h4 at one rank', talks: 'h3 and h4 at one rank' },
  // Logseq outline (Polish): talks are top-level bullet blocks with [[ ]] brackets, #talk tags and properties.
  // Since session 11 three of four are found; "Keynote otwierający: [[Name]] — T" keeps the name in its title
  // (a person before a dash is not confirmed by the notes alone).
  '100-logseq-publish-4developers-pl.html': {
    passages: 'a speaker before a dash',
    talks: 'a speaker before a dash',
  },
  // (107, a notebook analysing talk titles, passes since detect15b's record gate, recorded.ts.)
  // Held-out round 10 (pages 108-119), as first run on 2026-12-07 (35/67 passages with session 9's detector,
  // 36/67 with session 10's; docs/talk-detection.md). 117 (an AI-written "key takeaways" post) passes; 114
  // (Malay: "Sesi 3 — T"), 119 (a team's plan: "Booth" is a break), 111 (a single talk named only in a link
  // card), 116 (a bold block under a non-talk h2) and 118 (a survey's rated session cards) since session 12.
  // Medium, Bengali: bold "Speaker — Title" paragraphs; two of four found.
  '110-medium-bold-lines-devfest-dhaka-bn.html': {
    passages: 'bold caseless lines',
    talks: 'bold caseless lines',
  },
  // (112, Micro.blog in Croatian prose, passes since detect13b: the evening paragraph after the third talk,
  // "Večer je pripadala Zadru.", ends it.)
  // GitHub Discussions: "T (@handle)" speakers (the talk opening inside an alert box is found since session 11).
  '115-github-discussions-alert-fosdem.html': { passages: 'alert boxes', talks: 'alert boxes' },
  // Held-out round 11 (pages 120-131), as first run on 2026-12-07 (33/68 passages with session 10's detector,
  // 36/68 with session 11's; docs/talk-detection.md). 120 (a chapter list), 129 and 131 pass; 121 (a single talk
  // named only in the page's metadata), 123 (Org headings), 126 (Persian heading forms), 127 (a "Speaker: T"
  // heading, a hallway heading) and 130 (a press release's announced keynote) since session 12's titles and
  // headings; 122 (table rows), 124 (cards) and 125 (a comment tree) since session 12's structures.
  // LaTeXML trip report: "2.1 T", "3.1 T [4]" read since session 11's section numbers and citations, "1 Introduction"
  // and "3.2 Bhat et al., T [7]" since session 12; "4.1 SEIP: T" keeps its track.
  '128-latexml-trip-report-icse.html': { passages: 'numbered headings', talks: 'numbered headings' },
  // Held-out round 12 (pages 132-143), as first run on 2026-12-07 (29/68 passages with session 11's and session 12's
  // detectors alike; docs/talk-detection.md). The negatives 141 (a rejected proposal) and 143 (a call-for-speakers
  // form) pass since detect12c's proposal fields, 140 (transcluded notes) since its embedded notes; 142 passes.
  // 132 (Docsify, Slovak: speaker-first h2s, the title where each section opens) and 133 (Typst, Lithuanian:
  // a single talk named in a video figure's caption and quoted in the text) pass since session 13.
  // 134 (Google Sites, Finnish: talks as key-value <dl> boxes) passes since session 13's record boxes.
  // (135, a Misskey timeline newest first, passes since detect13b: "A and B: T with Property Tests" names its
  // speakers before the colon, "Day 2 keynote: Speaker — “T”" is a person and a quoted title.)
  // Hashnode, Tamil: three of four talks found since session 13 (an honorific read by standing beside two
  // people's names, a Tamil label before a Latin title); the lightning h3 under a non-talk h2 is still missed
  // and "முனைவர்" (Dr) stays in a speaker's name.
  '136-hashnode-devfest-chennai-ta.html': { passages: 'Tamil headings', talks: 'Tamil headings' },
  // Confluence export, Latvian: talks as panel macros with bold headers, a lunch panel alike. Since detect13b the
  // "Atklāšanas runa:" kicker is a marker and "A un B" two speakers; the unnamed "Kafka Streams …" panel is missed.
  '137-confluence-export-panels-riga-dev-days-lv.html': { passages: 'panel macros', talks: 'panel macros' },
  // (138, a LinkedIn newsletter in mathematical bold, passes since detect13b: "⚡ 4. T (lightning talk by Name)"
  // is a talk line and the bold hallway line ends the h3 talk above it.)
  // Naver blog, Korean: each talk opens at a different SmartEditor component (quotation, link card, big text).
  // Since detect13b the link card's title is its first line, not its "세션 영상" caption; the quotation and
  // big-text talks are still missed.
  '139-naver-blog-smarteditor-infcon-ko.html': { passages: 'editor components', talks: 'editor components' },
  // Held-out round 13 (pages 144-155), as first run on 2026-12-07 (25/67 passages with session 12's detector;
  // docs/talk-detection.md). 146 (outline items), 151 (speaker labels in tiddler bodies) and 152 (emoji lines)
  // pass since detect13c; 145 (an interview), 147 (a timeline of list items), 149 (parts between rules), 150
  // ("T – Speaker | Conference"), 153 (a wishlist) and 154 (a course's lessons) since detect13d; 155 passes.
  // Pelican, Slovenian: talks open paragraphs and items; "T je bilo zadnje predavanje sekcije, imela sta ga A in
  // B" sets its unquoted title apart by no mark (no quotes, dash or comma): that talk is missed, its notes under
  // no talk.
  '144-pelican-session-paragraphs-nt-konferenca-sl.html': {
    passages: 'title set apart by no mark',
    talks: 'title set apart by no mark',
  },
  // Evernote, Urdu: titles linked inside sentences are read since detect13c; the lunch paragraph between two
  // talks belongs to no talk only by its meaning.
  '148-evernote-shared-note-link-titles-devfest-lahore-ur.html': { passages: 'lunch paragraph by meaning' },
  // Held-out round 14 (pages 156-167), the unseen check of session 13's rules, as first run on 2026-12-07: 34/67
  // passages with session 12's detector and with session 13's alike (docs/talk-detection.md). 161 and 166 pass.
  // Gatsby "top five": each talk the only item of its own <ol start>; the honourable mentions taken for talks.
  '156-gatsby-top-five-listicle-react-summit.html': { passages: 'one-item lists', talks: 'one-item lists' },
  // Weebly, Azerbaijani: each section opens with a photo captioned "Name səhnədə", then a small title.
  '157-weebly-photo-captions-devfest-baku-az.html': { passages: 'photo captions', talks: 'photo captions' },
  // (158, a SvelteKit annotated transcript of one talk, passes since detect14b's post subject: the quoted title
  // of its headline, a person named beside it, a recording and a time-stamped transcript.)
  // Hugo Docsy, Icelandic: a two-column grid, title and speaker left, notes right.
  '159-hugo-docsy-grid-columns-utmessan-is.html': { passages: 'grid columns', talks: 'grid columns' },
  // Zhihu, Chinese prose with English titles: "（讲者：…）" speakers in Han characters taken with a company.
  '160-zhihu-column-english-titles-kubecon-china-zh.html': { speakers: 'speakers in Han characters' },
  // Akkoma thread: talks named only in the posts' subject (content-warning) lines; a reply taken for a talk.
  '162-akkoma-subject-lines-thread-pycon-us.html': { passages: 'subject lines', talks: 'subject lines' },
  // (163, Anytype in Catalan, a single talk named only in a "Xerrada" relation row, passes since detect14b's post
  // subject; its speaker from the "Ponent" row since reading round 14.)
  // Jimdo, Armenian: the opening talk an h2, later talks h3s, one a bold «T» after a divider.
  '164-jimdo-modules-devfest-yerevan-hy.html': {
    passages: 'mixed heading ranks',
    talks: 'mixed heading ranks',
  },
  // (165, a speaker's calendar of talks not given yet, passes since detect14b's vetoes.)
  // (167, a sponsor's booth recap, passes since detect15b's record gate, recorded.ts.)
  // Held-out round 15 (pages 168-179), the unseen check of session 14's detection (detect14a's repeated block
  // shapes, detect14b's post subject and vetoes), as first run on 2026-12-07: 27/67 passages with session 13's
  // detector and with session 14's alike (docs/talk-detection.md). 177 and 179 (negatives) pass.
  // BookStack, Basque: each title only a table row's first cell, the speaker only in the notes cell.
  '168-bookstack-table-first-cell-bilbostack-eu.html': {
    passages: 'table first cells',
    talks: 'table first cells',
  },
  // Threads, Uzbek: each title an emoji-led bold run inside the post's one text span, one mid-sentence. Since
  // detect15a's line units the two runs opening their line are found with their speakers; the two inside a
  // sentence are not.
  '169-threads-emoji-bold-runs-devfest-tashkent-uz.html': {
    passages: 'emoji bold runs',
    talks: 'emoji bold runs',
  },
  // Astro Starlight, Welsh: titles only in a contents nav linking to sections that open with plain paragraphs.
  '170-starlight-toc-only-titles-pycon-uk-cy.html': {
    passages: 'titles only in contents',
    talks: 'contents',
  },
  // mdBook, Nepali: days in <details>; a room line taken for a talk, the talk h3s missed.
  '171-mdbook-details-two-days-kubecon-india-ne.html': { passages: 'details days', talks: 'details days' },
  // Publii, Marathi: a single talk named only in a slide embed's title bar and once by a short form.
  '172-publii-slide-embed-single-devfest-pune-mr.html': {
    passages: 'slide embed title',
    talks: 'slide embed',
  },
  // Microsoft Sway, Telugu: role="heading" cards; the keynote, a Telugu kicker before its title, missed.
  '173-sway-role-heading-cards-pycon-india-te.html': { passages: 'role heading cards', talks: 'kicker' },
  // Ameblo, Japanese: decorated lines; "①基調講演「T」" kept whole, a bold run mid-paragraph missed.
  '174-ameblo-decorated-lines-jsconf-jp-ja.html': { passages: 'decorated lines', talks: 'decorated lines' },
  // AppFlowy, English: three talks open at callouts shaped like the lunch callouts; only the h3 talk found.
  '175-appflowy-publish-callouts-write-the-docs-portland.html': { passages: 'callouts', talks: 'callouts' },
  // Brunch, Korean: a single talk named only in the cover subtitle; the post's sub-headings taken for talks.
  '176-brunch-subtitle-single-feconf-ko.html': { passages: 'cover subtitle', talks: 'cover subtitle' },
  // (178, a Sessionize call for speakers' FAQ, a negative, passes since veto14c: questions with no talk's marks.)
  // Held-out round 16 (pages 180-191), the second unseen check of session 14's detection, as first run on
  // 2026-12-07: 18/63 passages with session 13's detector, 20/63 with session 14's (docs/talk-detection.md).
  // Canva, Bulgarian: no heading elements; titles only the biggest text boxes, a kicker line above each.
  '180-canva-website-favourites-first-java2days-bg.html': { passages: 'text boxes', talks: 'text boxes' },
  // Typefully, Galician: a talk opens at the post announcing it, in four sentence forms; two found.
  '181-typefully-thread-t3chfest-gl.html': {
    passages: 'announcing posts',
    talks: 'announcing posts',
    speakers: 'announcing posts',
  },
  // Listed, Afrikaans: a single talk named only in footnote 1.
  '182-listed-footnote-only-single-devconf-za-af.html': { passages: 'footnote', talks: 'footnote' },
  // Svbtle, Macedonian: a single talk named only inside the speaker's embedded post.
  '183-svbtle-embedded-speaker-post-single-fosdem-mk.html': {
    passages: 'embedded post',
    talks: 'embedded post',
  },
  // omg.lol weeknotes: talks as <em> runs inside paragraphs; the day heading taken for a talk.
  '184-omglol-weeknotes-state-of-the-browser.html': { passages: 'em runs', talks: 'em runs' },
  // GitHub issue: a comment per talk in four forms; the bold-paragraph one missed, its notes under the talk above.
  '185-github-issue-comment-per-talk-kubecon-eu-amsterdam.html': {
    passages: 'comment per talk',
    talks: 'bold paragraph',
  },
  // Patreon, Croatian: question h3s, each talk named only in bold inside the answer; one missed.
  '186-patreon-patron-questions-shift-hr.html': {
    passages: 'bold in answers',
    talks: 'bold in answers',
    speakers: 'genitive',
  },
  // Granola: a single talk named only in the calendar chip; the time-and-room note title taken for the talk.
  '187-granola-shared-ai-notes-single-srecon-americas.html': {
    passages: 'calendar chip',
    talks: 'calendar chip',
  },
  // Super (Notion), Estonian: simultaneous talks in columns; "Avakõne:"/"Lõpukõne:" kept in titles.
  '188-super-notion-columns-latitude59-et.html': { passages: 'columns', talks: 'columns' },
  // (189-191, negatives that teach or guide, invented 17 talks on first run; none since detect15b's record gate.)
};

describe.each(loadRecapCases().map((c) => [c.file, c] as const))('%s', (file, c) => {
  const result = evaluateRecap(loadPage(readFileSync(recapPath(file), 'utf8')).document, c, coreDetector);
  const miss = KNOWN_MISSES[file] ?? {};

  (miss.passages ? itFails : itPasses)('files every passage under its talk, or under none', () => {
    const wrong = result.passageResults.filter((p) => !p.right).map((p) => [p.text, p.expected, p.got]);
    expect(wrong).toEqual([]);
  });

  (miss.talks ? itFails : itPasses)('finds every talk and nothing else', () => {
    expect(result.detected.filter((d) => d.matches === null).map((d) => d.title)).toEqual([]);
    expect(result.talks.filter((t) => !t.found).map((t) => t.title)).toEqual([]);
  });

  (miss.speakers ? itFails : itPasses)('names the speakers as people, or no one', () => {
    // Where a write-up names a speaker only by a handle or a first name, an empty list is right to give;
    // a wrong person never is.
    for (const talk of result.talks.filter((t) => t.found && !t.speakersRight)) {
      expect([talk.title, talk.detectedSpeakers]).toEqual([talk.title, []]);
    }
  });
});

const itFails = itPasses.fails;

describe('pages that are not write-ups', () => {
  itPasses.each(ALL_WEB_PAGES)('%s has no talks', (name) => {
    const window = loadPage(readFileSync(webPagePath(name), 'utf8'));
    expect(evaluateWebPage(window.document, name, coreDetector).titles).toEqual([]);
  });
});
