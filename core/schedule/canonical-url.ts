/**
 * A fast path for the URLs of a schedule: most are already written as `URL` would give them back
 * (`https://conf.example.org/2026/schedule/event/12/`), and for those the parts links.ts needs are
 * read with one regular expression instead of a `URL`, whose constructor and getters cross into the
 * browser's native code. A 30,000-event import reads some 90,000 URLs; parsing them with `URL` was
 * a third of the parse in a Chromium profile (docs/benchmarks.md, #13).
 *
 * Conservative by construction: anything `URL` might change (upper case, a port, user info, a
 * percent escape, a dot segment, an IP address, an international domain, characters it escapes,
 * a missing path followed by a query) is not recognized here and goes to `URL` as before. A test
 * checks that whatever this recognizes, `URL` gives back unchanged.
 */

/** The parts of a checked http(s) URL that links.ts reads. */
export interface UrlParts {
  /** The whole URL, normalized. */
  href: string;
  hostname: string;
  pathname: string;
}

/**
 * Scheme, lower-case host of letter-digit-hyphen labels whose last label starts with a letter (not
 * an IPv4 number, which `URL` rewrites), then nothing or a path of characters no browser escapes or
 * rewrites, an optional query and fragment of the same characters (plus `?`).
 */
const CANONICAL =
  /^https?:\/\/((?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*)(?:(\/[A-Za-z0-9\-._~/:@+,;=&]*)(?:\?[A-Za-z0-9\-._~/:@+,;=&?]*)?(?:#[A-Za-z0-9\-._~/:@+,;=&?]*)?)?$/;
/** A `.` or `..` path segment, which `URL` resolves. */
const DOT_SEGMENT = /\/\.\.?(?=\/|$)/;

/**
 * The parts of `text` when it is an http(s) URL already in the form `URL` would give it back (an
 * empty path aside: that becomes `/`), else null: then `URL` must read it.
 */
export function canonicalHttpUrl(text: string): UrlParts | null {
  const match = CANONICAL.exec(text);
  if (!match) return null;
  const hostname = match[1]!;
  const path = match[2];
  // Punycode labels are validated (and may be refused) by `URL`; dot segments are resolved by it.
  if (hostname.includes('xn--') || (path !== undefined && DOT_SEGMENT.test(path))) return null;
  if (path === undefined) return { href: `${text}/`, hostname, pathname: '/' };
  return { href: text, hostname, pathname: path };
}
