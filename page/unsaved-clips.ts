/**
 * Clips kept on the page because they could not be stored (a full disk, storage turned off, a
 * private window): drawn, held in this page's memory until saved or the tab closes, offered for a
 * retry and for copying out as Markdown. Nothing is dropped silently.
 */
import type { ClipInput } from '@/core/schemas';
import type { HighlightRecord } from '@/core/types';

export interface UnsavedClip {
  clip: ClipInput;
  /** Where the clip is drawn (under its provisional id). */
  range: Range;
}

/** What a retry did: how many clips it stored, and the last reason one failed again (null if none did). */
export interface RetryOutcome {
  saved: number;
  problem: string | null;
}

export class UnsavedClips {
  private readonly clips = new Map<string, UnsavedClip>();

  get size(): number {
    return this.clips.size;
  }

  /** Keeps a clip under its provisional id. */
  keep(provisionalId: string, clip: ClipInput, range: Range): void {
    this.clips.set(provisionalId, { clip, range });
  }

  /**
   * Tries to store every clip, oldest first. A stored one leaves the queue and `onSaved` is told (the
   * caller redraws it under its real id); one that fails again stays.
   */
  async retry(
    save: (clip: ClipInput) => Promise<HighlightRecord>,
    onSaved: (provisionalId: string, highlight: HighlightRecord, range: Range) => void,
  ): Promise<RetryOutcome> {
    let saved = 0;
    let problem: string | null = null;
    for (const [provisionalId, { clip, range }] of [...this.clips]) {
      try {
        const highlight = await save(clip);
        this.clips.delete(provisionalId);
        onSaved(provisionalId, highlight, range);
        saved++;
      } catch (error) {
        problem = errorText(error);
      }
    }
    return { saved, problem };
  }

  /** The clips as Markdown quotes with their source, for the clipboard. */
  toMarkdown(): string {
    return [...this.clips.values()]
      .map(({ clip }) => {
        const quote = clip.highlight.markdown.replace(/\n/g, '\n> ');
        return `> ${quote}\n\n— ${clip.page.title} <${clip.page.url}>`;
      })
      .join('\n\n');
  }
}

/** An error's message, for the reader. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
