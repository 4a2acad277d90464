import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadFile, exportFileName } from '@/components/download';

const { createObjectURL, revokeObjectURL } = URL;
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  Object.assign(URL, { createObjectURL, revokeObjectURL });
});

describe('downloadFile', () => {
  it('clicks a hidden <a download> on an object URL of the text, then revokes it', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    // jsdom has no object URLs: record what would be saved.
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:talk-notes/1';
    });
    URL.revokeObjectURL = vi.fn();
    let clicked: HTMLAnchorElement | null = null;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked = this;
    });

    downloadFile({ name: 'notes.md', type: 'text/markdown;charset=utf-8', text: '# Notes\n' });

    expect(clicked).toMatchObject({ href: 'blob:talk-notes/1', download: 'notes.md', hidden: true });
    expect(document.querySelector('a[download]')).toBeNull();
    expect(blobs[0]!.type).toBe('text/markdown;charset=utf-8');
    expect(await blobs[0]!.text()).toBe('# Notes\n');
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:talk-notes/1');
  });
});

describe('exportFileName', () => {
  const at = Date.UTC(2024, 4, 1, 23, 59);
  it.each([
    ['OSS Summit notes', 'oss-summit-notes-2024-05-01.md'],
    ['  Über: “Talks” / 2024!  ', 'über-talks-2024-2024-05-01.md'],
    ['../../etc/passwd', 'etc-passwd-2024-05-01.md'],
    ['日本語のノート', '日本語のノート-2024-05-01.md'],
    ['???', 'talk-notes-2024-05-01.md'],
    ['x'.repeat(200), `${'x'.repeat(80)}-2024-05-01.md`],
  ])('%j -> %s', (title, name) => {
    expect(exportFileName(title, 'md', at)).toBe(name);
  });
});
