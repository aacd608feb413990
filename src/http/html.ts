// HTML answers: the status pages and the HTML form of errors. Their language is
// negotiated here, and they carry a Content-Security-Policy of their own.

import { type Language, pageLanguages } from '../domain/languages.ts';
import type { PageSite } from '../render/site.ts';

/**
 * The pages need one thing the global policy (default-src 'none') forbids: their stylesheet,
 * from this origin. They run no script at all, inline or not, and the favicon is an empty
 * data: URL so that browsers fetch nothing else. The global secureHeaders keeps a policy a
 * route has set (overwrite: false in src/http/security-headers.ts), so this one replaces it
 * for HTML only.
 */
export const pageContentSecurityPolicy =
  "default-src 'none'; style-src 'self'; img-src data:; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** The desk's pages post their forms to this origin, and nowhere else. */
const deskContentSecurityPolicy = pageContentSecurityPolicy.replace(
  "form-action 'none'",
  "form-action 'self'",
);

/** A desk page: its own policy, and never cached, since it shows a session. */
export function deskHeaders(language: Language): Record<string, string> {
  return {
    ...htmlHeaders(language),
    'content-security-policy': deskContentSecurityPolicy,
    'cache-control': 'no-store',
  };
}

export function htmlHeaders(language: Language): Record<string, string> {
  return {
    'content-security-policy': pageContentSecurityPolicy,
    'content-language': language,
    vary: 'Accept-Language',
  };
}

interface Weighted {
  range: string;
  q: number;
}

/** The ranges of an Accept or Accept-Language header with their weights, RFC 9110 §12.4.2. */
function weighted(header: string): Weighted[] {
  return header.split(',').flatMap((part) => {
    const [range = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    return range && Number.isFinite(weight) ? [{ range, q: weight }] : [];
  });
}

/** True when the client names HTML in Accept, as browsers do when they open a page. */
export function wantsHtml(accept: string | undefined): boolean {
  return weighted(accept ?? '').some((r) => r.range === 'text/html' && r.q > 0);
}

/** ?lang= when it names a page language; otherwise Accept-Language's best; otherwise English. */
export function negotiateLanguage(lang: string | undefined, acceptLanguage: string | undefined): Language {
  const chosen = pageLanguages.find((l) => l === lang);
  if (chosen) return chosen;
  let best: { language: Language; q: number } | undefined;
  for (const { range, q } of weighted(acceptLanguage ?? '')) {
    const language = pageLanguages.find((l) => l === range.split('-')[0]);
    if (language && q > 0 && (!best || q > best.q)) best = { language, q };
  }
  return best?.language ?? 'en';
}

/** The page's site: links keep ?lang= only when the reader chose the language with it. */
export function pageSite(url: string, lang: string | undefined): PageSite {
  const { origin, pathname } = new URL(url);
  return { origin, path: pathname, languageInUrl: pageLanguages.some((l) => l === lang) };
}
