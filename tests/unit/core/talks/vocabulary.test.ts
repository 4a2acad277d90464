// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { headingRole, isHowToTitle, isWatchlistTitle, stepNumber } from '@/core/talks/vocabulary';

describe('headingRole', () => {
  it.each([
    ['Day 1', 'day'],
    ['Day 2 — Saturday, May 18', 'day'],
    ['Second day', 'day'],
    // Hungarian and the Nordic languages (session 9).
    ['3. nap – június 2., szombat', 'day'],
    ['Lördag', 'day'],
    ['Kávészünet és kiállítók', 'break'],
    ['Tuesday', 'day'],
    ['Saturday 3 February', 'day'],
    ['Thursday, 21 March 2024', 'day'],
    ['Tag 1', 'day'],
    ['Jour 2', 'day'],
    ['2日目', 'day'],
    ['Track A: Main hall', 'track'],
    ['Room 2', 'track'],
    ['Security devroom', 'track'],
    ['⚡ The lightning round', 'group'],
    ['Lightning talks', 'group'],
    ['Talks I attended', 'group'],
    // A list grouped by year.
    ['2024', 'day'],
    ['2022 and earlier', 'day'],
    // What is still to come.
    ['Coming up on Friday', 'upcoming'],
    ['Upcoming', 'upcoming'],
    ['Le prochain meetup', 'upcoming'],
    ['Nächstes Treffen', 'upcoming'],
    ['次回予告', 'upcoming'],
    // What the writer missed: named, not written up (session 10).
    ['What I missed', 'upcoming'],
    ['Det nåede jeg ikke', 'upcoming'],
    ['Що я пропустив', 'upcoming'],
    ['Lo que me perdí', 'upcoming'],
    ['Introduction', 'intro'],
    ['Before the talks: a word on the hallway track', 'intro'],
    ['はじめに', 'intro'],
    ['Einleitung', 'intro'],
    ['Wrapping up', 'outro'],
    ['Wrap-up', 'outro'],
    ['Closing thoughts', 'outro'],
    ['Final thoughts', 'outro'],
    ['Key takeaways', 'outro'],
    ['What I’m taking home', 'outro'],
    ['Fazit', 'outro'],
    ['Pour conclure', 'outro'],
    ['En resumen', 'outro'],
    ['まとめ', 'outro'],
    ['Follow-ups', 'outro'],
    ['Q&A', 'part'],
    ['Q&A:', 'part'],
    ['My notes', 'part'],
    ['Demo', 'part'],
    ['My take', 'part'],
    ["What's Changed", 'part'],
    ['Bug fixes', 'part'],
    ['Breaking changes', 'part'],
    ['New Contributors', 'part'],
    ['質疑応答', 'part'],
    ['感想', 'part'],
    ['Lunch', 'break'],
    ['Doors are open', 'break'],
    ['Coffee, and a short delay in Room 2', 'break'],
    ['That’s a wrap for day one', 'break'],
    ['Lunchpauze', 'break'],
    ['Koffiepauze en de stands', 'break'],
    ['About the author', 'chrome'],
    ['Related posts', 'chrome'],
    ['12 comments', 'chrome'],
    ['Share this:', 'chrome'],
    ['Вместо заключения', 'outro'],
    ['Podsumowanie', 'outro'],
    ['Závěr', 'outro'],
    ['Wstęp', 'intro'],
    ['Вопросы из зала', 'part'],
    ['Přestávka', 'break'],
    // A break word and what else there was (session 8).
    ['Almoço, feira de startups e a fila do café', 'break'],
    ['Перерва на обід і стенди', 'break'],
    ['Przerwa kawowa i stoiska sponsorów', 'break'],
    ['Lunsj og stands', 'break'],
    ['Διάλειμμα για καφέ', 'break'],
    ['Keep current with Jane Doe', 'chrome'],
    ['Stay in touch', 'chrome'],
    ['Bleiben Sie auf dem Laufenden', 'chrome'],
    ['Blijf op de hoogte', 'chrome'],
    ['Ignites!', 'group'],
  ])('%s -> %s', (text, role) => {
    expect(headingRole(text)).toBe(role);
  });

  it.each([
    'Linus Torvalds Q&A',
    'Lightning talk: Ten Years of Packaging One Tiny CLI',
    'The TAO of Hashicorp',
    'Keeping Pandas Fed: Arrow-Backed DataFrames in Production',
    'Day-2 Operations for Kubernetes',
    'Breaking the Monolith',
    'History',
    'Step 1: Create the project',
    'Wrapping Up Legacy Code With Tests',
    'Follow the Money: Cost Attribution in Kubernetes',
    'Connect All the Things',
    'Keeping Pagers Quiet with Jane Doe',
    'Coming Up for Air: Breathing Through Incidents',
    'Upcoming Changes in Python 3.14',
    '2024: A Year of Outages',
  ])('%s may be a title', (text) => {
    expect(headingRole(text)).toBeNull();
  });
});

describe('lists of talks to watch', () => {
  it.each([
    '10 GOTO Copenhagen 2024 talks to watch this weekend',
    'Sessions worth watching from KubeCon',
    'Five talks not to miss',
    'Talks you should see: PyCon US',
    'My re:Invent must-watch list',
    'Sehenswerte Vorträge der JavaLand',
    'Charlas que no te puedes perder',
  ])('%s is a watchlist title', (title) => expect(isWatchlistTitle(title)).toBe(true));
  it.each([
    'I managed to watch 12 talks at PyCon',
    'KubeCon talks I went to see',
    'My notes on the “Watch Your Step” keynote',
    'JSConf 2024 recap: the talks I liked',
  ])('%s is not', (title) => expect(isWatchlistTitle(title)).toBe(false));
});

describe('how-tos', () => {
  it.each([
    'How to give your first lightning talk',
    'A practical guide to conference talks',
    'Schritt für Schritt zum ersten Vortrag',
    'Tutoriel : préparer une conférence',
    'Guía paso a paso para tu primera charla',
    'Handleiding: je eerste talk',
    '5分のLTを作るための実践ガイド',
    '登壇資料の作り方',
    '第一次演讲入门教程',
    '발표 자료 만들기 따라하기',
    'Руководство по первому докладу',
    'Poradnik: pierwsza prelekcja',
    'Návod na první přednášku',
  ])('%s is a how-to title', (title) => expect(isHowToTitle(title)).toBe(true));
  it.each([
    'KubeCon EU 2024 recap',
    'Five talks our engineers gave at HighLoad++',
    'My notes on the “Guidelines for Reviews” talk',
    'Guidelines we took home from JSConf',
  ])('%s is not', (title) => expect(isHowToTitle(title)).toBe(false));

  it.each([
    ['1. Pick one failure', 1],
    ['2) Write the title', 2],
    ['Step 3: Rehearse', 3],
    ['Schritt 4 – Der Tag', 4],
    ['手順2 スライドを作る', 2],
    ['3단계: 리허설', 3],
    ['1.2 Release notes', null],
    ['Day 1', null],
    ['Scaling Postgres', null],
  ])('%s is step %s', (text, n) => expect(stepNumber(text)).toBe(n));
});
