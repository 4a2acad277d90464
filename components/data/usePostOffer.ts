import { useEffect, useState } from 'preact/hooks';
import type { TalkNotesDatabase } from '@/storage/db';
import { answerPostLink } from '@/storage/post-links';
import { type PostOffer, postOffer } from '@/storage/post-offer';
import type { PageBridge } from './popup-actions';

export interface PostOfferView {
  /** The post the page looks like, to ask about; null when there is none to ask about. */
  offer: PostOffer | null;
  /** The page's claims are being read and looked up. */
  pending: boolean;
  /** The reader's answer: show the post's highlights here (`true`), or it is another post. */
  answer: (linked: boolean) => Promise<void>;
}

/**
 * The popup's question on a page that looks like a post the reader highlighted elsewhere (#18): the
 * tab's claims are read (`bridge.postClaim`), looked up here, in the extension; the page is told only
 * after the reader links it (the tab is asked to redraw).
 */
export function usePostOffer(
  db: TalkNotesDatabase,
  page: { tabId: number; url: string } | null,
  bridge: PageBridge,
): PostOfferView {
  const tabId = page?.tabId ?? null;
  const url = page?.url ?? null;
  const key = tabId === null || url === null ? null : `${tabId} ${url}`;
  // The answer of the last lookup, for the page it was made for: pending is derived, never stale.
  const [result, setResult] = useState<{ key: string; offer: PostOffer | null } | null>(null);
  useEffect(() => {
    if (key === null || tabId === null || url === null || !bridge.postClaim) return;
    let current = true;
    bridge
      .postClaim(tabId, url)
      .then((claim) => (claim ? postOffer(db, url, claim) : null))
      .catch(() => null) // the page cannot say: nothing is offered
      .then((offer) => current && setResult({ key, offer }));
    return () => {
      current = false;
    };
  }, [db, key, bridge]);
  const done = key !== null && result?.key === key;
  const offer = done ? result!.offer : null;
  const pending = key !== null && !!bridge.postClaim && !done;
  return {
    offer,
    pending,
    async answer(linked) {
      if (!offer || url === null) return;
      await answerPostLink(db, url, offer.post, linked);
      if (key !== null) setResult({ key, offer: null });
      if (linked) bridge.notifyChanged([url]);
    },
  };
}
