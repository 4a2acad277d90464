// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { opensWithBreak, talkIntroducedIn, tellsOfAnotherTalk } from '@/core/talks/prose';

describe('talkIntroducedIn', () => {
  it.each([
    [
      '5/ Next up, @ruudkl (Ruud Klaassen) on “Drift Is a People Problem”.',
      'Drift Is a People Problem',
      ['Ruud Klaassen'],
    ],
    [
      'Closing talk: @lotte_ux (Lotte Verhoeven) on “Dashboards for Humans”.',
      'Dashboards for Humans',
      ['Lotte Verhoeven'],
    ],
    [
      'De dag begon met de keynote van Daan Verbeek, ‘Twintig jaar Java’, een persoonlijk verhaal.',
      'Twintig jaar Java',
      ['Daan Verbeek'],
    ],
    [
      'Ik bleef voor Sanne Bakker, die in ‘Records en sealed classes’ liet zien hoe het moet.',
      'Records en sealed classes',
      ['Sanne Bakker'],
    ],
    [
      'Het laatste blok was van Lotte Visser en Ahmed El Amrani, die in ‘Modulith in een monoliet’ vertelden hoe.',
      'Modulith in een monoliet',
      ['Lotte Visser', 'Ahmed El Amrani'],
    ],
    [
      'Then Jane Doe with "Scaling Postgres Calmly" had the room laughing.',
      'Scaling Postgres Calmly',
      ['Jane Doe'],
    ],
    [
      'Am Nachmittag sprach Jonas Reiter über „Builds ohne Warten“ und zeigte Zahlen.',
      'Builds ohne Warten',
      ['Jonas Reiter'],
    ],
    [
      'Ensuite, Claire Martin avec « Le cache qui ment » nous a réveillés.',
      'Le cache qui ment',
      ['Claire Martin'],
    ],
    ['午後は山田 花子さんの「チームと育つコード」を聞きました。', 'チームと育つコード', ['山田 花子']],
  ])('%s', (text, title, speakers) => {
    expect(talkIntroducedIn(text)).toEqual({ title, speakers });
  });

  it.each([
    'Jane Doe said “We never expected the network to grow this large.”',
    'Jane Doe: “We never expected this”',
    'As the mayor, Mara Holt, put it: “Nobody pays for goodwill”.',
    'I re-read “The Mythical Man-Month” on the train.',
    'Mijn collega Joris zat bij een talk over GraalVM native images.',
    'The reviewer, Tom Reyes, “loved it”.',
    'Then came “Dashboards for Humans”, which nobody introduced.',
  ])('%s introduces no talk', (text) => {
    expect(talkIntroducedIn(text)).toBeNull();
  });
});

describe('opensWithBreak', () => {
  it.each([
    '8/ Coffee break ☕. The stroopwafels are gone already.',
    'Lunch 🥪. Hallway observation: everyone is migrating.',
    '13/ Ignites! Five minutes, twenty slides.',
    "That's a wrap for day 1! Thanks to the organisers.",
    'Mittagspause. Es gab Suppe.',
  ])('%s announces a break', (text) => expect(opensWithBreak(text)).toBe(true));
  it.each([
    '10/ Her trick: start with a budget for one user journey only.',
    'She opened with a story about a lunch that went wrong, and then showed the numbers.',
    'The afternoon is open spaces, which I am not going to live-post.',
  ])('%s does not', (text) => expect(opensWithBreak(text)).toBe(false));
});

describe('tellsOfAnotherTalk', () => {
  it.each([
    'My colleague sat in another room at a talk about GraalVM native images, which I leave for his post.',
    'Mijn collega zat ondertussen in een andere zaal bij een talk over GraalVM native images.',
    'Meanwhile half the team went to another session on Kotlin.',
    'Parallel dazu war ich in einem Vortrag über Gradle.',
    'Pendant ce temps, Léa était à une conférence sur Kafka.',
  ])('%s tells of another talk', (text) => expect(tellsOfAnotherTalk(text)).toBe(true));
  it.each([
    'It was a talk about failure more than about Java.',
    'Her talk was the best of the day, and the slides are online.',
    'In the talk she showed a sealed interface with four records.',
    'Sanne Bakker, die in ‘Records, sealed classes’ liet zien hoe je een patroon opruimt.',
  ])('%s does not', (text) => expect(tellsOfAnotherTalk(text)).toBe(false));
});
