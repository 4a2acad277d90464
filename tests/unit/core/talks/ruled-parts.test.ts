/**
 * A page divided by rules (`<hr>`), as pages written by hand are (held-out round 13,
 * docs/talk-detection.md): each part between rules opens with its talk's line, whatever element holds
 * it (a bold paragraph, a heading, a paragraph with a quoted title in bold), and the talk owns its part
 * up to the next rule; a part that is no talk ("Everything else", "Le reste") owns nothing of theirs.
 * Made-up pages in English, French and Spanish.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, talkForNode } from '@/core/talks';
import { headingRole } from '@/core/talks/vocabulary';

const page = (body: string, title: string) =>
  new JSDOM(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, {
    url: 'https://home.example/~me/notes.html',
  }).window.document;
const titles = (doc: Document) => detectTalkSections(doc).map((s) => [s.title, s.speakers]);
const filed = (doc: Document, id: string) =>
  talkForNode(detectTalkSections(doc), doc.getElementById(id)!.firstChild!)?.title ?? null;

const CASES = [
  {
    name: 'English, four kinds of opening line',
    title: 'OpenConf 2026 trip notes',
    intro: 'I write these notes by hand on the train home. Four talks made it into my notebook this year.',
    parts: [
      [
        '<P><FONT SIZE="+1"><B>Jails Without Tears</B></FONT> -- Mark Pelletier</P>',
        'e1',
        'Mark runs a few hundred machines and every one of them upgrades itself in a jail first.',
      ],
      [
        '<H3>Dana Iwobi: Porting Capsicum to a Toy Kernel</H3>',
        'e2',
        'Dana showed the table of system calls she had classified wrong on her first try.',
      ],
      [
        '<P><B>"Twenty Years of Ports on Odd Hardware"</B> (Hiroshi Tanabe and Ruth Klassen)</P>',
        'e3',
        'Ruth said the slowest machine finds the packages that assume a fast build.',
      ],
      [
        '<P><B>Closing session: The Disk Nobody Profiles, by Lucas Fenwick</B></P>',
        'e4',
        'He asked for people with odd disks to run his scripts and send the results.',
      ],
      [
        '<H3>Everything else</H3>',
        'e5',
        'The works-in-progress session was as good as always, and the auction raised money again.',
      ],
    ],
    expected: [
      ['Jails Without Tears', ['Mark Pelletier']],
      ['Porting Capsicum to a Toy Kernel', ['Dana Iwobi']],
      ['Twenty Years of Ports on Odd Hardware', ['Hiroshi Tanabe', 'Ruth Klassen']],
      ['The Disk Nobody Profiles', ['Lucas Fenwick']],
    ],
    filed: {
      e1: 'Jails Without Tears',
      e2: 'Porting Capsicum to a Toy Kernel',
      e3: 'Twenty Years of Ports on Odd Hardware',
      e4: 'The Disk Nobody Profiles',
      e5: null,
      intro: null,
    },
  },
  {
    name: 'French, bold lines and a heading',
    title: 'Mes notes du Capitole Libre 2025',
    intro: 'Trois conférences valaient la peine d’être notées cette année, le reste était dans le couloir.',
    parts: [
      [
        '<p><b>« Le noyau sans peur »</b> avec Chloé Martin</p>',
        'f1',
        'Chloé a montré comment elle teste chaque appel système dans une machine virtuelle jetable.',
      ],
      [
        '<h3>Paul Girard : Des paquets pour le Minitel</h3>',
        'f2',
        'Paul a reconstruit une chaîne de compilation complète pour un matériel oublié de tous.',
      ],
      [
        '<p><b>Réseaux lents, utilisateurs patients</b> -- Inès Moreau</p>',
        'f3',
        'Inès a mesuré les temps de chargement depuis un village de montagne pendant un mois.',
      ],
      [
        '<h3>Le reste</h3>',
        'f4',
        'La session des travaux en cours était bonne, et le repas du samedi excellent.',
      ],
    ],
    expected: [
      ['Le noyau sans peur', ['Chloé Martin']],
      ['Des paquets pour le Minitel', ['Paul Girard']],
      ['Réseaux lents, utilisateurs patients', ['Inès Moreau']],
    ],
    filed: {
      f1: 'Le noyau sans peur',
      f2: 'Des paquets pour le Minitel',
      f3: 'Réseaux lents, utilisateurs patients',
      f4: null,
      intro: null,
    },
  },
];

describe.each(CASES)('parts set apart by rules: $name', ({ title, intro, parts, expected, filed: where }) => {
  const body = `<CENTER><H1>${title}</H1></CENTER><HR><P id="intro">${intro}</P>${parts
    .map(
      ([line, id, text]) =>
        `<HR><A NAME="${id}"></A>${line}<P id="${id}">${text}</P><P>One more paragraph of notes, so the part is a written-up talk.</P>`,
    )
    .join('\n')}<HR><P>Mail me, I read it eventually.</P>`;
  const doc = page(body, title);

  it('each part whose first line names a talk is that talk', () => {
    expect(titles(doc)).toEqual(expected);
  });

  it.each(Object.entries(where))('%s is filed under %s', (id, talk) => {
    expect(filed(doc, id)).toBe(talk);
  });
});

describe('rules between paragraphs of an essay', () => {
  const doc = page(
    `<h1>Why I still write HTML by hand</h1><hr><p id="a">Because nobody asked me to stop, and the pages still load in any browser I own.</p>
     <hr><p>It is also a way to notice how little a page needs, which is a lesson I keep relearning.</p>
     <hr><p>And finally, it is fun, which should be reason enough for anything done on a weekend.</p>`,
    'Why I still write HTML by hand',
  );

  it('names no talk', () => {
    expect(titles(doc)).toEqual([]);
  });
});

describe('what the writer gathers after the talks closes the write-up', () => {
  it.each([
    'Everything else',
    'The rest of the conference',
    'Odds and ends',
    'Alles andere',
    'Le reste',
    'Todo lo demás',
    'O resto',
  ])('%s', (line) => {
    expect(headingRole(line)).toBe('outro');
  });
});
