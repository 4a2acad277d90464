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
  const [offer, setOffer] = useState<PostOffer | null>(null);
  const [pending, setPending] = useState(false);
  const tabId = page?.tabId ?? null;
  const url = page?.url ?? null;
  useEffect(() => {
    setOffer(null);
    setPending(false);
    if (tabId === null || url === null || !bridge.postClaim) return;
    let current = true;
    setPending(true);
    bridge
      .postClaim(tabId, url)
      .then((claim) => (claim ? postOffer(db, url, claim) : null))
      .catch(() => null) // the page cannot say: nothing is offered
      .then((found) => {
        if (!current) return;
        setOffer(found);
        setPending(false);
      });
    return () => {
      current = false;
    };
  }, [db, tabId, url, bridge]);
  return {
    offer,
    pending,
    async answer(linked) {
      if (!offer || url === null) return;
      await answerPostLink(db, url, offer.post, linked);
      setOffer(null);
      if (linked) bridge.notifyChanged([url]);
    },
  };
}
