import { markSegments } from '@/core/library/search';

interface Props {
  text: string;
  /** Lowercase search terms (core/library/search.ts parseQuery). */
  terms: readonly string[];
}

/**
 * Text with the search matches in `<mark>`. Every piece is a text node: the text comes from web
 * pages and readers, and is never parsed as HTML.
 */
export function MarkedText({ text, terms }: Props) {
  if (terms.length === 0) return <>{text}</>;
  return (
    <>
      {markSegments(text, terms).map((segment, i) =>
        segment.match ? <mark key={i}>{segment.text}</mark> : segment.text,
      )}
    </>
  );
}
