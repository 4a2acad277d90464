/**
 * Fetching a schedule file from its URL, from an extension page: no cookies sent, a time limit, a
 * size limit, and every failure as a reason the reader can act on. A server that does not allow
 * cross-origin reads looks, to a fetch, like one that cannot be reached: the caller then offers to
 * ask for access to that one origin and tries again.
 */

export type ScheduleFetchProblem =
  | 'invalid-url'
  | 'unreachable'
  | 'timeout'
  | 'http'
  | 'too-large'
  | 'cancelled';

export class ScheduleFetchError extends Error {
  constructor(
    readonly problem: ScheduleFetchProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ScheduleFetchError';
  }
}

export interface FetchScheduleOptions {
  signal?: AbortSignal;
  /** Milliseconds before giving up on a server that does not answer. */
  timeoutMs?: number;
  /** Bytes read at most (a schedule of 30,000 events is about 40 MB of frab JSON). */
  maxBytes?: number;
  fetch?: typeof globalThis.fetch;
}

export const SCHEDULE_FETCH_TIMEOUT_MS = 30_000;
export const SCHEDULE_MAX_BYTES = 100 * 1024 * 1024;

/** The URL as typed, checked: http(s) only. Throws `ScheduleFetchError('invalid-url')`. */
export function scheduleUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new ScheduleFetchError('invalid-url', `"${input.trim().slice(0, 200)}" is not a web address.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ScheduleFetchError('invalid-url', 'A schedule URL must start with https:// or http://.');
  }
  return url;
}

/** The schedule's text and the address it was finally read from (after redirects). */
export async function fetchScheduleText(
  input: string,
  {
    signal,
    timeoutMs = SCHEDULE_FETCH_TIMEOUT_MS,
    maxBytes = SCHEDULE_MAX_BYTES,
    fetch = globalThis.fetch,
  }: FetchScheduleOptions = {},
): Promise<{ text: string; url: string }> {
  const url = scheduleUrl(input);
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  const host = url.host;
  let response: Response;
  try {
    response = await fetch(url.href, {
      signal: combined,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'follow',
      headers: { Accept: 'application/json, application/xml, text/xml, text/calendar, */*;q=0.5' },
    });
  } catch (error) {
    throw failure(error, signal, timeout, host, timeoutMs);
  }
  if (!response.ok) {
    throw new ScheduleFetchError(
      'http',
      response.status === 404
        ? `${host} has no file at that address (404 Not Found). Check the schedule URL.`
        : `${host} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} instead of the schedule.`,
    );
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) throw tooLarge(maxBytes);
  try {
    return { text: await readBounded(response, maxBytes), url: response.url || url.href };
  } catch (error) {
    if (error instanceof ScheduleFetchError) throw error;
    throw failure(error, signal, timeout, host, timeoutMs);
  }
}

function failure(
  error: unknown,
  signal: AbortSignal | undefined,
  timeout: AbortSignal,
  host: string,
  timeoutMs: number,
): ScheduleFetchError {
  if (signal?.aborted) return new ScheduleFetchError('cancelled', 'Import cancelled: nothing was changed.');
  if (timeout.aborted) {
    return new ScheduleFetchError(
      'timeout',
      `${host} did not send the schedule within ${Math.round(timeoutMs / 1000)} seconds. Try again later, or save the file and import it under Schedule file.`,
    );
  }
  return new ScheduleFetchError(
    'unreachable',
    `${host} cannot be reached, or does not let Talk Notes read the file (${error instanceof Error ? error.message : String(error)}).`,
  );
}

const tooLarge = (maxBytes: number) =>
  new ScheduleFetchError(
    'too-large',
    `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB: that is not a schedule Talk Notes can import.`,
  );

/** The body as text, stopping (and failing) past `maxBytes`. */
async function readBounded(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
