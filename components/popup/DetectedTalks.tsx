import type { PagePreview } from '@/core/page-view';

interface Props {
  talks: PagePreview['talks'];
}

/**
 * The talks detection finds on the page, shown before the first clip (#17, item 13): the reader sees
 * at once whether the write-up was understood, and under which talks their clips will go.
 */
export function DetectedTalks({ talks }: Props) {
  if (talks.length === 0) return null;
  return (
    <section class="detected-talks" aria-labelledby="detected-talks-title">
      <h3 id="detected-talks-title" class="detected-title">
        {talks.length === 1 ? 'One talk found on this page' : `${talks.length} talks found on this page`}
      </h3>
      <ul class="detected-list">
        {talks.map((talk, i) => (
          <li key={i}>
            {talk.title}
            {talk.speakers.length > 0 && <span class="speakers"> · {talk.speakers.join(', ')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
