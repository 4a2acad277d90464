// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compareSpeakers, comparePeople, nameWords } from '@/core/schedule/names';
import { compareAcrossScripts, nameSkeleton, spellInLatin } from '@/core/schedule/transliterate';

describe('spellInLatin and nameSkeleton', () => {
  it.each([
    ['Шевчук', 'shevchuk', 'sbkk'],
    ['Παπαδάκη', 'papadaki', 'bbdk'],
    ['अनन्या', 'ananya', 'nn'],
    ['मल्होत्रा', 'malhotra', 'mltr'],
    ['منصور', 'mnsur', 'mnsr'],
    ['وليد', 'wlid', 'bld'],
    ['כהן', 'khn', 'kn'],
    // Indic scripts through Devanagari's table (one layout), and Georgian.
    ['তাসনিম', 'tasanima', 'tsnm'],
    ['আহমেদ', 'ahameda', 'md'],
    ['அருண்', 'arun', 'rn'],
    ['ლომიძე', 'lomidze', 'lmds'],
    ['ჯაფარიძე', 'japaridze', 'gbrds'],
  ])('%s is spelt %s, skeleton %s', (word, latin, skeleton) => {
    expect(spellInLatin(word)).toBe(latin);
    expect(nameSkeleton(latin)).toBe(skeleton);
  });

  it('does not spell a script without a table (Han, hangul)', () => {
    expect(spellInLatin('佐伯')).toBeNull();
    expect(spellInLatin('김지은')).toBeNull();
  });
});

describe('names across scripts (comparePeople)', () => {
  it.each([
    ['अनन्या राव', 'Ananya Rao', 'same'],
    ['रोहित मल्होत्रा', 'Rohit Malhotra', 'same'],
    ['श्रेया अय्यर', 'Shreya Iyer', 'same'],
    ['هالة منصور', 'Hala Mansour', 'same'],
    ['سارة الشريف', 'Sara El Sherif', 'same'],
    ['עומר כהן', 'Omer Cohen', 'same'],
    ['דניאל אברהם', 'Daniel Avraham', 'same'],
    ['Андрій Шевчук', 'Andriy Shevchuk', 'same'],
    ['Олена Коваль', 'Olena Koval', 'same'],
    ['Δήμητρα Παπαδάκη', 'Dimitra Papadaki', 'same'],
    ['তাসনিম রহমান', 'Tasnim Rahman', 'same'],
    ['ফাহিম আহমেদ', 'Fahim Ahmed', 'same'],
    ['თამარ ლომიძე', 'Tamar Lomidze', 'same'],
    ['ლევან ჯაფარიძე', 'Levan Japaridze', 'same'],
    ['அருண் பிரகாஷ்', 'Arun Prakash', 'same'],
    // Tamil writes no voiced stops: its த is the d of Rajendran.
    ['கவிதா ராஜேந்திரன்', 'Kavitha Rajendran', 'same'],
    ['ஸ்ரீநிதி வெங்கடேசன்', 'Srinidhi Venkatesan', 'same'],
    ['தீபக்', 'Deepak Sundaram', 'partial'],
    // A first name alone agrees partly, as in one script.
    ['मीनाक्षी', 'Meenakshi Sundaram', 'partial'],
    ['يوسف', 'Youssef Adel', 'partial'],
    ['Тарас', 'Taras Bondarenko', 'partial'],
    // Look-alikes: other people, a shared first letter, a family name that only starts the same.
    ['अनन्या राव', 'Priya Nair', 'none'],
    ['هالة منصور', 'Mona Hassan', 'none'],
    ['Андрій Шевчук', 'Andrew Smith', 'none'],
    ['Олена Коваль', 'Oleg Kovalenko', 'none'],
    ['Δήμητρα Παπαδάκη', 'Dimitris Papadopoulos', 'none'],
    ['Тарас', 'Tamara Bondarenko', 'none'],
    ['তাসনিম রহমান', 'Tahmina Rahman', 'none'],
    ['গিয়াস উদ্দিন', 'Fahim Ahmed', 'none'],
    ['ლაშა', 'Lasha Beridze', 'none'], // two consonants: too little for a first name alone
    ['கவிதா ராஜேந்திரன்', 'Kavya Rajan', 'none'],
    ['தீபக்', 'Dinesh Babu', 'none'],
    // Devoicing is Tamil's: a Bengali or Georgian t is no d.
    ['তমাল দাস', 'Damal Tas', 'none'],
  ] as const)('%s / %s: %s', (a, b, expected) => {
    expect(comparePeople(nameWords(a), nameWords(b))).toBe(expected);
    expect(comparePeople(nameWords(b), nameWords(a))).toBe(expected);
  });

  it('compares only a spelt script with Latin letters, not two scripts with each other', () => {
    expect(compareAcrossScripts(nameWords('Андрій Шевчук'), nameWords('Ανδρέας Σεβτσούκ'))).toBe('none');
    expect(compareAcrossScripts(nameWords('佐伯 真理子'), nameWords('Mariko Saeki'))).toBe('none');
  });

  it('makes speaker lists agree, and disagree for other people', () => {
    const list = (...names: string[]) => names.map(nameWords);
    expect(compareSpeakers(list('अनन्या राव'), list('Ananya Rao'))).toBe('agree');
    expect(compareSpeakers(list('هالة منصور'), list('Mona Hassan'))).toBe('disagree');
  });
});
