// An error as a small page, for browsers that asked for HTML. The problem's title and
// detail are the same English text the problem+json answer carries.

import type { Language } from '../../domain/languages.ts';
import { messages } from '../../words/messages.ts';
import type { PageSite } from '../site.ts';
import { htmlDocument, Layout, pageHref } from './layout.tsx';

export interface PageProblem {
  status: number;
  title: string;
  detail: string;
}

export function renderErrorPage(problem: PageProblem, site: PageSite, language: Language): string {
  const m = messages[language];
  return htmlDocument(
    <Layout
      site={site}
      language={language}
      title={`${problem.status} ${problem.title} · ${m.siteName}`}
      feeds={{ slug: undefined, title: m.allPlaces }}
    >
      <h1 lang="en">{problem.title}</h1>
      <p lang="en">{problem.detail}</p>
      <p>
        <a href={pageHref('/', site, language)}>{m.errorBack}</a>
      </p>
    </Layout>,
  );
}
