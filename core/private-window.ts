/**
 * Private (incognito) windows promise to leave no tracks. An extension allowed there shares its
 * storage with normal windows, so Talk Notes stores nothing that comes from a private window:
 * a clip made there stays on its page, drawn, and can be copied out.
 */
export const PRIVATE_WINDOW_NOTICE =
  'Private window: Talk Notes stores nothing from it. Copy the highlight to keep it.';
