// Answers rendered once by a writer carry absolute links, and the writer does not know the
// origin a reader will ask at (a custom domain, workers.dev, localhost). So it renders the
// answer twice, with two stand-in origins of the same length, and keeps the text between
// the places where the two renderings differ by exactly those stand-ins: a reader joins the
// parts with its own origin (or, for a history page, with the start of its next page's
// URL). A stand-in that a report's text happens to contain is in both renderings alike, so
// it is never taken for a link.

const standIns = ['https://origin-one.invalid', 'https://origin-two.invalid'] as const;

/**
 * An origin that every renderer writes as it is, unescaped, wherever it puts one: a scheme,
 * a host of letters, digits, dots, hyphens or an IPv6 literal, and a port. Anything else is
 * rendered for the request itself.
 */
const plainOrigin = /^https?:\/\/(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

export const isPlainOrigin = (origin: string) => plainOrigin.test(origin);

/** A link that every renderer writes as it is: a plain origin, then a path and query of URL-safe characters. */
export const isPlainLink = (link: string) => {
  const at = link.indexOf('/', link.indexOf('//') + 2);
  return isPlainOrigin(at === -1 ? link : link.slice(0, at)) && /^[\w.~\-/?&=%+:@]*$/.test(link.slice(at));
};

/** The parts of what `render` makes, between which the origin goes. */
export function originTemplate(render: (origin: string) => string): string[] {
  const [one, two] = standIns;
  const first = render(one);
  const second = render(two);
  const parts: string[] = [];
  let start = 0;
  for (let at = first.indexOf(one); at !== -1; at = first.indexOf(one, at + one.length)) {
    if (!second.startsWith(two, at)) continue;
    parts.push(first.slice(start, at));
    start = at + one.length;
  }
  parts.push(first.slice(start));
  // A renderer that did more with the origin than write it would differ elsewhere too.
  if (parts.join(two) !== second) throw new Error('the rendering uses its origin other than as text');
  return parts;
}

/** The answer for `origin`, from the parts of its template. */
export const fillTemplate = (parts: readonly string[], origin: string) => parts.join(origin);

// Stored, a template is its parts with a NUL between them, so that its bytes are the
// answer's and a reader fills them without decoding them. No renderer writes a NUL (XML
// cannot carry one; JSON escapes it), and text is taken without control characters; a
// template whose parts hold one anyway has no stored form.
const slot = '\u0000';
const slotByte = 0;

/** The text a template is stored as, or undefined when one of its parts holds a NUL. */
export function storedTemplate(parts: readonly string[]): string | undefined {
  return parts.some((part) => part.includes(slot)) ? undefined : parts.join(slot);
}

const utf8 = new TextEncoder();

/** The answer for `origin`, in UTF-8, from the stored bytes of its template. */
export function fillStoredTemplate(stored: Uint8Array<ArrayBuffer>, origin: string): Uint8Array<ArrayBuffer> {
  const slots: number[] = [];
  for (let at = stored.indexOf(slotByte); at !== -1; at = stored.indexOf(slotByte, at + 1)) slots.push(at);
  if (slots.length === 0) return stored;
  const filler = utf8.encode(origin);
  const filled = new Uint8Array(stored.length + slots.length * (filler.length - 1));
  let from = 0;
  let to = 0;
  for (const at of slots) {
    filled.set(stored.subarray(from, at), to);
    to += at - from;
    filled.set(filler, to);
    to += filler.length;
    from = at + 1;
  }
  filled.set(stored.subarray(from), to);
  return filled;
}
