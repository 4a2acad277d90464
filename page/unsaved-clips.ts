/**
 * Clips kept on the page because they could not be stored (a full disk, storage turned off, a
 * private window): drawn, held in this page's memory until saved or the tab closes, offered for a
 * retry and for copying out as Markdown. Nothing is dropped silently.
 *
 * A clip the background refuses for what it is (messaging/protocol.ts `Reply.rejected`) would be
 * refused again by every retry: it leaves the queue, and is offered for copying only.
 */
import { passageWithSource } from '@/core/markdown/export';
import type { ClipInput } from '@/core/schemas';
import type { HighlightRecord } from '@/core/types';

export interface UnsavedClip {
  clip: ClipInput;
  /** Where the clip is drawn (under its provisional id). */
  range: Range;
}

/**
 * What a retry did: how many clips it stored, the last reason one failed again (null if none did),
 * and the clips refused for good (no longer in the queue).
 */
export interface RetryOutcome {
  saved: number;
  problem: string | null;
  refused: RefusedClip[];
}

/** A clip that can never be stored as it is, with the reason the background gave. */
export interface RefusedClip {
  clip: ClipInput;
  reason: string;
}

/** How a retry tells a refusal for good from a failure a later retry may overcome. */
export interface RefusalHandling {
  isPermanent: (error: unknown) => boolean;
  /** A refused clip left the queue (the caller stops drawing it under its provisional id). */
  onRefused: (provisionalId: string, refused: RefusedClip, range: Range) => void;
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
    refusal?: RefusalHandling,
  ): Promise<RetryOutcome> {
    let saved = 0;
    let problem: string | null = null;
    const refused: RefusedClip[] = [];
    for (const [provisionalId, { clip, range }] of [...this.clips]) {
      try {
        const highlight = await save(clip);
        this.clips.delete(provisionalId);
        onSaved(provisionalId, highlight, range);
        saved++;
      } catch (error) {
        if (refusal?.isPermanent(error)) {
          this.clips.delete(provisionalId);
          const gone = { clip, reason: errorText(error) };
          refused.push(gone);
          refusal.onRefused(provisionalId, gone, range);
        } else {
          problem = errorText(error);
        }
      }
    }
    return { saved, problem, refused };
  }

  /** The clips as Markdown quotes with their source, for the clipboard. */
  toMarkdown(): string {
    return clipsToMarkdown([...this.clips.values()].map(({ clip }) => clip));
  }
}

/**
 * Clips as Markdown quotes with their source, for the clipboard, by the export's own writers: a page
 * title such as `[x](javascript:…)` stays text, never a live link.
 */
export function clipsToMarkdown(clips: readonly ClipInput[]): string {
  return clips.map((clip) => passageWithSource(clip.highlight, clip.page)).join('\n\n');
}

/** An error's message, for the reader. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
