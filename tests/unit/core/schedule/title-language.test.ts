// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { titleForm } from '@/core/schedule/normalize';
import { titleLanguage, titlesInOtherLanguages } from '@/core/schedule/title-language';

describe('titleLanguage', () => {
  it.each([
    ['Classifying Turkish Customer Messages with the Gemini API: Where We Went Wrong', 'en'],
    ['Gemini API ile Türkçe Metin Sınıflandırma: Nerede Yanıldık?', 'tr'],
    ['Kafka ohne Zookeeper: Wie wir migriert haben', 'de'],
    ['Le JIT de la JVM expliqué à ma grand-mère', 'fr'],
    ['Moderasi Konten Berbahasa Daerah dengan Model Kecil', 'id'],
    ['型ヒントで守る大規模Djangoアプリケーション', 'ja-zh'],
    ['用Rust重写前端构建工具，值不值？', 'ja-zh'],
    ['측정부터 시작하기', 'ko'],
    ['हिंदी के लिए वर्तनी जाँचक बनाना', 'hi'],
    ['Postmortem-uri fără vinovați, dar cu consecințe', 'ro'],
    ['Softver koji zna kad treba šutjeti', 'hr'],
    // Slovenian reads with Croatian (one South Slavic group), Czech on its own (session 14).
    ['Kaj smo se naučili iz napada na dobavno verigo', 'hr'],
    ['Proč jsme přepsali build do Rustu', 'cs'],
    ['Pro Tips for Postgres', 'en'],
    ['Rust dla programistów Javy', 'pl'],
    ['ছোট দলের জন্য Firebase খরচ কমানো', 'bn'],
    ['Firebase செலவைக் குறைத்தோம்', 'ta'],
    ['AI ასისტენტები ქართული ენისთვის', 'ka'],
    ['Kubernetes Operators', null], // nothing tells
  ])('%s', (title, language) => {
    expect(titleLanguage(titleForm(title))).toBe(language);
  });

  it('tells two titles in two languages from two in one, and from one it cannot read', () => {
    const en = [titleForm('Where We Went Wrong with the Gemini API')];
    expect(titlesInOtherLanguages([titleForm('Nerede yanıldık?')], en)).toBe(true);
    expect(titlesInOtherLanguages([titleForm('Why We Stopped Writing Mocks')], en)).toBe(false);
    expect(titlesInOtherLanguages([titleForm('Kubernetes Operators')], en)).toBe(false);
  });
});
