// Links people share pick up tracking parameters on the way (newsletters add utm_*, social
// sites fbclid, mail tools mc_cid). Pages and feeds answer such a link exactly as the clean
// one, the same bytes and ETag, by dropping those parameters before the app sees the request;
// every other unknown parameter still gets the 400 every endpoint gives it.

const trackingNames = new Set(['fbclid', 'gclid', 'mc_cid', 'mc_eid', 'ref']);

function isTrackingParameter(name: string): boolean {
  return name.startsWith('utm_') || trackingNames.has(name);
}

/** The paths people share: the pages, the feeds and the list of feeds. */
const sharedPath = /^\/(?:$|places\/|reports\/|feeds\/|feeds\.opml$)/;

export function withoutTrackingParameters(request: Request): Request {
  if (request.method !== 'GET' && request.method !== 'HEAD') return request;
  const url = new URL(request.url);
  if (!sharedPath.test(url.pathname)) return request;
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParameter(name));
  if (kept.length === url.searchParams.size) return request;
  url.search = new URLSearchParams(kept).toString();
  return new Request(url, request);
}
