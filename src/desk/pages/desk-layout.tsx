// What every desk page has around its content: the document (src/render/html/layout.tsx),
// a title that names the page, the desk and the site, the trail of links to the pages above
// it, and its heading. Pure.

import type { Child } from 'hono/jsx';
import type { Language } from '../../domain/languages.ts';
import { Layout, pageHref } from '../../render/html/layout.tsx';
import type { PageSite } from '../../render/site.ts';
import { deskMessages } from '../words.ts';

export const deskPath = '/desk';

/** A page above this one, linked in the trail. */
export interface Crumb {
  path: string;
  words: string;
}

/** The desk itself, first in the trail of most pages. */
export const deskCrumb = (language: Language): Crumb => ({
  path: deskPath,
  words: deskMessages[language].desk,
});

export function DeskPage({
  site,
  language,
  heading,
  trail = [],
  top = false,
  children,
}: {
  site: PageSite;
  language: Language;
  heading: string;
  trail?: readonly Crumb[];
  /** Signing in and the desk itself: their title names no desk above them. */
  top?: boolean;
  children: Child;
}) {
  const m = deskMessages[language];
  const title = top ? `${heading} · ${m.siteName}` : `${heading} · ${m.desk} · ${m.siteName}`;
  return (
    <Layout site={site} language={language} title={title}>
      {trail.length > 0 ? (
        <p class="breadcrumb">
          {trail.map((crumb, i) => (
            <>
              {i > 0 ? ' › ' : ''}
              <a href={pageHref(crumb.path, site, language)}>{crumb.words}</a>
            </>
          ))}
        </p>
      ) : (
        ''
      )}
      <h1>{heading}</h1>
      {children}
    </Layout>
  );
}
