/**
 * Where the keyboard focus should land once a highlight's card appears again. A card moved to
 * another talk, or restored by an undo, is a new element: without this, focus would fall back to
 * the top of the popup.
 */
export type FocusTarget = 'note' | 'talk' | 'edit';

/** CSS selectors of the targets inside a card. */
export const FOCUS_SELECTORS: Record<FocusTarget, string> = {
  note: 'textarea.note',
  talk: 'select.talk-select',
  edit: 'button.edit-toggle',
};

export class FocusRequests {
  private pending: { id: string; target: FocusTarget; until: number } | null = null;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly ttlMs = 3000,
  ) {}

  request(id: string, target: FocusTarget): void {
    this.pending = { id, target, until: this.now() + this.ttlMs };
  }

  /**
   * Focuses what was asked for the card of `id` inside `root`, once it is there (a card's editor
   * may open a render later); stale requests (the card never came back) expire.
   */
  apply(id: string, root: ParentNode | null): void {
    const pending = this.pending;
    if (!pending || pending.id !== id || !root) return;
    if (pending.until < this.now()) {
      this.pending = null;
      return;
    }
    const element = root.querySelector<HTMLElement>(FOCUS_SELECTORS[pending.target]);
    if (!element) return;
    this.pending = null;
    element.focus();
    // Into a note that has text, the caret goes after it, where one goes on writing.
    if (element instanceof HTMLTextAreaElement) {
      element.setSelectionRange(element.value.length, element.value.length);
    }
  }
}
