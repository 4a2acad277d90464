/**
 * Links to where a talk can be watched or read: a video or media host, a recordings, talk, session or
 * schedule path, slides (a PDF, a slide host). Wider than the title evidence of candidates.ts
 * (`TALK_LINK`): here a link only marks a line as a title among lines of like shape (blocks.ts), or
 * a listed talk as a catalogue's (catalogue.ts), never a talk on its own.
 */
export const RECORDING_LINK =
  /\/\/(?:[\w-]+\.)*(?:video|videos|media|tv|watch|stream|play|slides|decks?)\.|\/(?:videos?|recordings?|watch|media|talks?|sessions?|schedule|program(?:me)?|agenda|slides|presentations?)\b|\.pdf(?:$|[?#])|youtube(?:-nocookie)?\.|youtu\.be|vimeo\.com|speakerdeck\.com|slideshare\.net|media\.ccc\.de|pretalx|sessionize|sched\.com/i;

/** True when `el` is a link to a recording or a talk's page, or holds one. */
export function linksToRecording(el: Element): boolean {
  if (el.tagName === 'A' && RECORDING_LINK.test(el.getAttribute('href') ?? '')) return true;
  for (const a of el.querySelectorAll('a[href]'))
    if (RECORDING_LINK.test(a.getAttribute('href') ?? '')) return true;
  return false;
}
