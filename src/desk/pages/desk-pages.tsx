// The desk's pages: signing in, and the desk of a signed-in writer. Server-rendered, no
// script; every control has a visible label, and every form of a session carries the
// session's form token. Pure: they take what to show, the site and the language.

import type { Change, PublishedReport } from '../../domain/changes.ts';
import type { Language } from '../../domain/languages.ts';
import type { PlaceSummary, ReportSummary } from '../../domain/model.ts';
import { htmlDocument, pageHref } from '../../render/html/layout.tsx';
import type { PageSite } from '../../render/site.ts';
import { importWords } from '../import/words.ts';
import { deskMessages } from '../words.ts';
import { DeskPage, deskPath } from './desk-layout.tsx';
import { draftPath } from './draft-pages.tsx';
import { importPath } from './import-page.tsx';
import { LatestChanges, NewestReports } from './newest-reports.tsx';

export const signInPath = '/desk/sign-in';
export const signOutPath = '/desk/sign-out';
/** Where a report is written; the form itself is src/desk/pages/report-form.tsx. */
export const newReportPath = '/desk/reports/new';
/** The places, to create and edit; the pages themselves are src/desk/pages/place-forms.tsx. */
export const deskPlacesPath = '/desk/places';
/** The people, to invite and revoke; the pages themselves are src/desk/accounts/pages.tsx. */
export const peoplePath = '/desk/people';

/** The sign-in form, with what went wrong the last time when something did. */
export function renderSignInPage(site: PageSite, language: Language, problem?: string): string {
  const m = deskMessages[language];
  return htmlDocument(
    <DeskPage site={site} language={language} heading={m.signInTitle} top>
      <p class="intro">{m.signInIntro}</p>
      {problem ? (
        <p class="form-problem" role="alert">
          {problem}
        </p>
      ) : (
        ''
      )}
      <form method="post" action={pageHref(signInPath, site, language)} class="desk-form">
        <p class="field">
          <label for="token">{m.tokenLabel}</label>
          <span id="token-hint" class="hint">
            {m.tokenHint}
          </span>
          <input
            id="token"
            name="token"
            type="password"
            required
            autocomplete="current-password"
            spellcheck={false}
            aria-describedby="token-hint"
            maxlength={512}
          />
        </p>
        <p>
          <button type="submit">{m.signIn}</button>
        </p>
      </form>
    </DeskPage>,
  );
}

/** A form refused by its writer's write limit: nothing was stored, and when to send it again. */
export function renderWriteLimitedPage(site: PageSite, language: Language, seconds: number): string {
  const m = deskMessages[language];
  return htmlDocument(
    <DeskPage site={site} language={language} heading={m.writeLimitedTitle}>
      <p class="form-problem" role="alert">
        {m.writeLimited(seconds)}
      </p>
      <p>
        <a href={pageHref(deskPath, site, language)}>{m.desk}</a>
      </p>
    </DeskPage>,
  );
}

export interface DeskView {
  name: string;
  scopes: readonly ('report' | 'moderate' | 'admin')[];
  formToken: string;
  /** The newest reports of all writers, and the writer's own. */
  newest: readonly ReportSummary[];
  own: readonly PublishedReport[];
  /** The newest changes of the change log, with who made each. */
  changes: readonly Change[];
  places: ReadonlyMap<string, PlaceSummary>;
}

/** The desk of a signed-in writer: who they are, what they may do, and signing out. */
export function renderDeskPage(desk: DeskView, site: PageSite, language: Language): string {
  const m = deskMessages[language];
  return htmlDocument(
    <DeskPage site={site} language={language} heading={m.desk} top>
      <p class="intro">{m.deskIntro}</p>
      <p>
        <strong>
          {m.signedInAs}
          <bdi>{desk.name}</bdi>
        </strong>
      </p>
      <p>{m.scopesLabel}:</p>
      <ul>
        {desk.scopes.map((scope) => (
          <li>{m.scopeNames[scope]}</li>
        ))}
      </ul>
      {desk.scopes.includes('report') ? (
        <p>
          <a href={pageHref(newReportPath, site, language)}>{m.form.newReport}</a> ·{' '}
          <a href={pageHref(draftPath, site, language)}>{m.draft.fromText}</a> ·{' '}
          <a href={pageHref(importPath, site, language)}>{importWords[language].heading}</a>
        </p>
      ) : (
        ''
      )}
      {desk.scopes.includes('admin') ? (
        <p>
          <a href={pageHref(deskPlacesPath, site, language)}>{m.places.heading}</a> ·{' '}
          <a href={pageHref(peoplePath, site, language)}>{m.accounts.heading}</a>
        </p>
      ) : (
        ''
      )}
      {[
        { id: 'own-reports', heading: m.home.own, empty: m.home.ownNone, reports: desk.own },
        { id: 'newest-reports', heading: m.home.newest, empty: m.home.none, reports: desk.newest },
      ].map((list) => (
        <NewestReports
          {...list}
          places={desk.places}
          deskLinks={desk.scopes.includes('moderate')}
          site={site}
          language={language}
        />
      ))}
      <LatestChanges
        changes={desk.changes}
        places={desk.places}
        deskLinks={desk.scopes.includes('moderate')}
        site={site}
        language={language}
      />
      <form method="post" action={pageHref(signOutPath, site, language)} class="desk-form">
        <input type="hidden" name="formToken" value={desk.formToken} />
        <p>
          <button type="submit">{m.signOut}</button>
        </p>
      </form>
    </DeskPage>,
  );
}
