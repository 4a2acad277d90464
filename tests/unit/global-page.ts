/**
 * Puts a saved page in the test file's own jsdom document, for code that reads the global `document`
 * (the text-fragments polyfill in the text-fragment corpus), one page after another.
 */

/** Replaces the global document's page with the page `html`, its scripts removed. */
export function showPage(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const script of parsed.querySelectorAll('script')) script.remove();
  // The page before's style sheets go with their elements, one by one: jsdom leaves the sheet of a <style>
  // detached with an ancestor in document.styleSheets, so each page was also styled by every page before
  // it in the file (over 1,400 rules by the 10th of the text-fragment corpus's m-z), and every computed
  // style matched them all.
  for (const sheet of [...document.styleSheets]) (sheet.ownerNode as Element | null)?.remove();
  document.replaceChild(document.importNode(parsed.documentElement, true), document.documentElement);
}
