/** tests/unit/global-page.ts: one saved page after another in the global document. */
import { afterEach, describe, expect, it } from 'vitest';
import { showPage } from './global-page';

describe('showPage', () => {
  afterEach(() => showPage('<html><head></head><body></body></html>'));

  it('shows the page, without its scripts', () => {
    showPage(
      '<html lang="fr"><head><title>Deux</title></head><body><p>Bonjour</p><script>x()</script></body></html>',
    );
    expect(document.documentElement.lang).toBe('fr');
    expect(document.title).toBe('Deux');
    expect(document.body.innerHTML).toBe('<p>Bonjour</p>');
  });

  it('leaves none of the page before’s style sheets, so none of its rules style the next page', () => {
    showPage(
      '<html><head><style>p { display: none }</style></head><body><p>a</p><style>em { display: block }</style></body></html>',
    );
    expect(document.styleSheets).toHaveLength(2);
    expect(getComputedStyle(document.querySelector('p')!).display).toBe('none');
    showPage('<html><head><style>b { display: block }</style></head><body><p><em>b</em></p></body></html>');
    expect([...document.styleSheets].map((s) => s.cssRules[0]!.cssText)).toEqual(['b { display: block; }']);
    expect(getComputedStyle(document.querySelector('p')!).display).toBe('block');
    expect(getComputedStyle(document.querySelector('em')!).display).toBe('inline');
  });
});
