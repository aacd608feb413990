// An error as a small page, for browsers that asked for HTML, in the reader's language: the
// problem type's title, each broken rule of a request in words (src/words/validation.ts), and
// the problem's detail as the problem+json answer carries it, which is English. A ?lang= the
// pages are not written in is answered with the languages they are written in.

import { type Language, pageLanguages } from '../../domain/languages.ts';
import type { ProblemType } from '../../problems.ts';
import { messages } from '../../words/messages.ts';
import type { PageSite } from '../site.ts';
import { htmlDocument, Layout, pageHref } from './layout.tsx';

export interface PageProblem {
  status: number;
  type: ProblemType;
  detail: string;
  /** Each broken rule of the request, worded in the page's language. */
  issues?: readonly string[];
  /** The request asked for a language the pages are not written in. */
  unknownLanguage?: boolean;
}

/** The page languages, each by its own name, linking to this page in it. */
function LanguagesOffered({ site, language }: { site: PageSite; language: Language }) {
  const m = messages[language];
  return (
    <>
      <p>{m.languagesOffered}</p>
      <ul class="languages-offered">
        {pageLanguages.map((other) => (
          <li>
            <a href={`${site.path}?lang=${other}`} hreflang={other} lang={other}>
              {messages[other].languageName}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function renderErrorPage(problem: PageProblem, site: PageSite, language: Language): string {
  const m = messages[language];
  const title = problem.unknownLanguage ? m.unknownLanguage : m.problemTitles[problem.type];
  return htmlDocument(
    <Layout
      site={site}
      language={language}
      title={`${problem.status} ${title} · ${m.siteName}`}
      feeds={{ slug: undefined, title: m.allPlaces }}
    >
      <h1>{title}</h1>
      {problem.unknownLanguage ? <LanguagesOffered site={site} language={language} /> : ''}
      {problem.issues && problem.issues.length > 0 && !problem.unknownLanguage ? (
        <ul class="problem-issues">
          {problem.issues.map((issue) => (
            <li>{issue}</li>
          ))}
        </ul>
      ) : (
        ''
      )}
      {problem.unknownLanguage ? '' : <p lang="en">{problem.detail}</p>}
      <p>
        <a href={pageHref('/', site, language)}>{m.errorBack}</a>
      </p>
    </Layout>,
  );
}
