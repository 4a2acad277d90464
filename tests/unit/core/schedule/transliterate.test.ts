// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compareSpeakers, comparePeople, nameWords } from '@/core/schedule/names';
import { buildScheduleIndex } from '@/core/schedule/schedule-index';
import { talksBySpeltNames } from '@/core/schedule/spelt-names';
import { compareAcrossScripts, nameSkeleton, spellHangul, spellInLatin } from '@/core/schedule/transliterate';

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

describe('names in Urdu letters, Armenian and hangul against Latin ones (session 14)', () => {
  it.each([
    // Urdu writes h, e, the retroflex d, t and r with letters of its own.
    ['حمزہ قریشی', 'Hamza Qureshi', 'same'],
    ['عائشہ ملک', 'Ayesha Malik', 'same'],
    // Armenian, in Eastern and Western romanisations (voiced and voiceless stops as one).
    ['Անի Պետրոսյան', 'Ani Petrosyan', 'same'],
    ['Անի Պետրոսյան', 'Ani Bedrosian', 'same'],
    ['Արամ Հովհաննիսյան', 'Aram Hovhannisyan', 'same'],
    ['Ոսկան Վարդանյան', 'Voskan Vardanyan', 'same'],
    // A Korean name in hangul, one word or two, against its usual Latin spellings, in either order.
    ['강태민', 'Taemin Kang', 'same'],
    ['김지은', 'Ji-eun Kim', 'same'],
    ['김 지은', 'Jieun Kim', 'same'],
    ['이서연', 'Seoyeon Lee', 'same'],
    ['박민수', 'Minsu Park', 'same'],
    ['정지훈', 'JUNG Ji-hoon', 'same'],
    // Ukrainian г is an h, Russian г a g: either spelling is read.
    ['Марта Гнатишин', 'Marta Hnatyshyn', 'same'],
    ['Игорь Гордеев', 'Igor Gordeev', 'same'],
    // Look-alikes: another person of the same family name (given names told apart by their vowels),
    // another family name, a family or given name alone, another Armenian surname of like consonants.
    ['김지은', 'Jihoon Kim', 'none'],
    ['강태민', 'Minsu Kang', 'none'],
    ['이서연', 'Seoyeon Yoon', 'none'],
    ['김지은', 'Kim', 'none'],
    ['김지은', 'Jieun', 'none'],
    ['Անի Պետրոսյան', 'Anna Petrova', 'none'],
    ['حمزہ قریشی', 'Hamza Khan', 'none'],
    ['Марта Гнатишин', 'Marta Natyshyn', 'none'],
  ] as const)('%s / %s: %s', (a, b, expected) => {
    expect(comparePeople(nameWords(a), nameWords(b))).toBe(expected);
    expect(comparePeople(nameWords(b), nameWords(a))).toBe(expected);
  });

  it('spells hangul by syllable, without changing what spellInLatin leaves unspelt', () => {
    expect(spellHangul('강태민')).toEqual(['gang', 'tae', 'min']);
    expect(spellHangul('Kang')).toBeNull();
    expect(spellInLatin('Պետրոսյան')).toBe('petrosyan');
    expect(spellInLatin('قریشی')).toBe('qrishi');
    expect(spellInLatin('Երևան')).toBe('yerevan');
    expect(spellInLatin('Երևան'.normalize('NFKC'))).toBe('yerevan');
  });

  it('finds the talks of a speaker written in these scripts (the index holds only Latin names)', () => {
    const talks = [
      ['t1', 'Flutter Performance on Budget Phones', 'Hamza Qureshi'],
      ['t2', 'Kotlin Multiplatform Without the Hype', 'Ani Petrosyan'],
      ['t3', 'Typing Python at Scale', 'Taemin Kang'],
      ['t4', 'Something Else', 'Jane Doe'],
    ].map(([id, title, speaker]) => ({
      id: id!,
      conferenceId: 'c',
      title: title!,
      subtitle: null,
      speakers: [speaker!],
      start: '2025-12-13T10:00:00Z',
      day: '2025-12-13',
      housekeeping: false,
    }));
    const index = buildScheduleIndex(
      [{ id: 'c', title: 'DevFest 2025', acronym: null, start: '2025-12-13', end: '2025-12-13' }],
      talks,
    );
    const ids = (name: string) =>
      talksBySpeltNames(index, [nameWords(name)]).map((i) => index.talks[i]!.talk.id);
    expect(ids('حمزہ قریشی')).toEqual(['t1']);
    expect(ids('Անի Պետրոսյան')).toEqual(['t2']);
    expect(ids('강태민')).toContain('t3');
    expect(ids('강태민')).not.toContain('t4');
  });
});
