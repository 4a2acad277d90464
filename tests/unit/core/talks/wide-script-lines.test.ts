/**
 * Plain lines before prose in wide scripts (core/talks/candidates.ts `proseWidth`): a short unstyled line
 * ("점심 & 부스", "昼休み") sets a section apart when prose follows it; Han, kana and Hangul say in one
 * character about what two Latin letters say, so Korean, Japanese and Chinese prose is shorter in
 * characters. Pages made up for the test, in wording of their own.
 */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { detectTalkSections, talkForNode } from '@/core/talks';

function page(lunch: string, prose: string): Document {
  return new JSDOM(`<!doctype html><html><head><title>컨퍼런스 후기</title></head><body><main>
    <h1>컨퍼런스 후기</h1>
    <p><b>✔ 레거시 배치 작업, 멈추지 않고 옮기기 – 김하늘</b></p>
    <p>첫 번째 세션은 배치 작업 이관 이야기였어요. 김하늘 님은 십 년 된 배치를 새 시스템으로 옮긴 과정을 공유해 주셨습니다.</p>
    <p>${lunch}</p>
    <p id="lunch">${prose}</p>
    <p><b>✔ 테스트 이름을 문장처럼 쓰기 – 박서준</b></p>
    <p>두 번째 세션은 테스트 이름에 관한 이야기였어요. 이름만 모아서 명세처럼 읽을 수 있게 만드는 방법을 소개해 주셨어요.</p>
  </main></body></html>`).window.document;
}

describe('a break line before short wide-script prose ends the talk above', () => {
  it.each([
    ['점심 & 부스', '오전 세션이 끝나고 근처 식당에서 점심을 먹었어요. 오후에는 부스를 한 바퀴 돌았습니다.'],
    ['昼休み', '午前のセッションが終わって、近くの店で昼ご飯を食べました。午後はブースを回りました。'],
  ])('%s', (lunch, prose) => {
    const doc = page(lunch, prose);
    const sections = detectTalkSections(doc);
    expect(sections.map((s) => s.title)).toEqual([
      '레거시 배치 작업, 멈추지 않고 옮기기',
      '테스트 이름을 문장처럼 쓰기',
    ]);
    expect(talkForNode(sections, doc.getElementById('lunch')!.firstChild!)).toBeNull();
  });
});
