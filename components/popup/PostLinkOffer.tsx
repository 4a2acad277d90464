import type { PostOffer } from '@/storage/post-offer';

interface Props {
  offer: PostOffer;
  onAnswer: (linked: boolean) => void;
}

/**
 * The question on a page that looks like a post the reader highlighted elsewhere (#18): a moved post
 * reached without its old link, or a copy on another site. Nothing is drawn there until the reader
 * says it is the same post.
 */
export function PostLinkOffer({ offer, onAnswer }: Props) {
  return (
    <section class="post-offer" aria-label="Same post?">
      <p>
        This looks like the post you highlighted on <strong>{offer.host}</strong>: show those highlights here?
      </p>
      <p class="hint">“{offer.title}”</p>
      <div class="post-offer-actions">
        <button type="button" class="small" onClick={() => onAnswer(true)}>
          Show highlights here
        </button>
        <button type="button" class="small" onClick={() => onAnswer(false)}>
          Not the same post
        </button>
      </div>
    </section>
  );
}
