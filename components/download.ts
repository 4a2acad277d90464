/**
 * Saving a generated file: a Blob, an object URL and a click on an `<a download>`. No `downloads`
 * permission is needed, and the browser asks where to save when the reader has set it to.
 */

export interface DownloadFile {
  /** File name offered to the reader. */
  name: string;
  /** MIME type, with charset for text. */
  type: string;
  text: string;
}

/** How a component saves a file; components take it as a prop so tests can see what was saved. */
export type Downloader = (file: DownloadFile) => void;

/** Object URLs are revoked after this long: the browser must have started the download by then. */
const REVOKE_AFTER_MS = 60_000;

/** Saves `file` through the given document (the extension page's). */
export function downloadFile(file: DownloadFile, doc: Document = document): void {
  const view = doc.defaultView ?? window;
  const url = view.URL.createObjectURL(new view.Blob([file.text], { type: file.type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  view.setTimeout(() => view.URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/**
 * A safe file name: `title` reduced to letters, digits and dashes (accents and other scripts kept),
 * then the date and extension: `open-source-summit-2024-05-01.md`.
 */
export function exportFileName(title: string, extension: string, at: number): string {
  const slug =
    title
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80)
      .replace(/-+$/, '') || 'talk-notes';
  return `${slug}-${new Date(at).toISOString().slice(0, 10)}.${extension}`;
}
