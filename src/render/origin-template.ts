// Answers rendered once by a writer carry absolute links, and the writer does not know the
// origin a reader will ask at (a custom domain, workers.dev, localhost). So it renders the
// answer twice, with two stand-in origins of the same length, and keeps the text between
// the places where the two renderings differ by exactly those stand-ins: a reader joins the
// parts with its own origin. A stand-in that a report's text happens to contain is in both
// renderings alike, so it is never taken for a link.

const standIns = ['https://origin-one.invalid', 'https://origin-two.invalid'] as const;

/**
 * An origin that every renderer writes as it is, unescaped, wherever it puts one: a scheme,
 * a host of letters, digits, dots, hyphens or an IPv6 literal, and a port. Anything else is
 * rendered for the request itself.
 */
const plainOrigin = /^https?:\/\/(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

export const isPlainOrigin = (origin: string) => plainOrigin.test(origin);

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
