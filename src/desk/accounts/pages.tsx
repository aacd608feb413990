// The desk's pages of people: the list an admin keeps (each person, what they may do, their
// state, when they last wrote, a button to revoke them) with the form to invite one; the
// invitation link made for the admin to send; the invitation as its person opens it, with the
// button that accepts it; and the person's write token, shown once. Pure, no script.

import type { Language } from '../../domain/languages.ts';
import { type DeskScope, deskScopes } from '../../http/auth.ts';
import { htmlDocument, pageHref } from '../../render/html/layout.tsx';
import type { PageSite } from '../../render/site.ts';
import { formatTimestamp } from '../../words/figures.ts';
import type { AccountView } from '../../writers/account-registry.ts';
import { DeskPage, deskCrumb } from '../pages/desk-layout.tsx';
import { peoplePath, signInPath } from '../pages/desk-pages.tsx';
import { deskMessages } from '../words.ts';

export const revokePath = '/desk/people/revoke';
/** Where an invitation opens: its secret is the last part, which the request log leaves out. */
export const invitationPath = (secret: string) => `/desk/invitations/${secret}`;

export const inviteFields = { name: 'name', scope: 'scope', formToken: 'formToken' } as const;

const at = (ms: number, language: Language) => formatTimestamp(new Date(ms).toISOString(), language);

export interface PeopleView {
  people: readonly AccountView[];
  formToken: string;
  /** The invite form as sent, when it was refused. */
  values?: { name: string; scopes: readonly string[] };
  problem?: string;
}

function scopeList(scopes: readonly string[], language: Language): string {
  const names = deskMessages[language].scopeNames;
  return deskScopes
    .filter((s) => scopes.includes(s))
    .map((s) => names[s])
    .join('; ');
}

function PeopleTable({ view, site, language }: { view: PeopleView; site: PageSite; language: Language }) {
  const ma = deskMessages[language].accounts;
  if (view.people.length === 0) return <p>{ma.none}</p>;
  return (
    <table class="people">
      <thead>
        <tr>
          <th scope="col">{ma.name}</th>
          <th scope="col">{ma.scopes}</th>
          <th scope="col">{ma.state}</th>
          <th scope="col">{ma.lastWrote}</th>
        </tr>
      </thead>
      <tbody>
        {view.people.map((person) => (
          <tr>
            <th scope="row">
              <bdi>{person.name}</bdi>
            </th>
            <td>{scopeList(person.scopes, language)}</td>
            <td>
              {ma.states[person.state]}
              {person.state === 'revoked' ? (
                ''
              ) : (
                <form method="post" action={pageHref(revokePath, site, language)}>
                  <input type="hidden" name={inviteFields.formToken} value={view.formToken} />
                  <input type="hidden" name={inviteFields.name} value={person.name} />
                  <button type="submit">{ma.revoke(person.name)}</button>
                </form>
              )}
            </td>
            <td>{person.lastWrote ? at(person.lastWrote, language) : ma.never}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function InviteForm({ view, site, language }: { view: PeopleView; site: PageSite; language: Language }) {
  const m = deskMessages[language];
  const ma = m.accounts;
  const chosen = view.values?.scopes ?? ['report'];
  return (
    <form method="post" action={pageHref(peoplePath, site, language)} class="desk-form">
      <input type="hidden" name={inviteFields.formToken} value={view.formToken} />
      {view.problem ? (
        <div class="form-problem" role="alert" id="invite-problem">
          <p>
            <strong>{ma.problemHeading}</strong> {view.problem}
          </p>
        </div>
      ) : (
        ''
      )}
      <p class="field">
        <label for="invite-name">{ma.name}</label>
        <input
          id="invite-name"
          name={inviteFields.name}
          type="text"
          required
          maxlength={maxNameLength}
          value={view.values?.name ?? ''}
          aria-describedby={view.problem ? 'invite-name-hint invite-problem' : 'invite-name-hint'}
        />
        <span class="hint" id="invite-name-hint">
          {ma.nameHint}
        </span>
      </p>
      <fieldset>
        <legend>{ma.scopesLegend}</legend>
        {deskScopes.map((scope: DeskScope) => (
          <p>
            <input
              type="checkbox"
              id={`invite-scope-${scope}`}
              name={inviteFields.scope}
              value={scope}
              checked={chosen.includes(scope)}
            />{' '}
            <label for={`invite-scope-${scope}`}>{m.scopeNames[scope]}</label>
          </p>
        ))}
      </fieldset>
      <p>
        <button type="submit">{ma.invite}</button>
      </p>
    </form>
  );
}

/** The longest name a person may be given: it is shown in lists and logs. */
export const maxNameLength = 60;

/** Every person, and the form that invites another. */
export function renderPeoplePage(view: PeopleView, site: PageSite, language: Language): string {
  const ma = deskMessages[language].accounts;
  return htmlDocument(
    <DeskPage site={site} language={language} heading={ma.heading} trail={[deskCrumb(language)]}>
      <p class="intro">{ma.intro}</p>
      <PeopleTable view={view} site={site} language={language} />
      <h2>{ma.inviteHeading}</h2>
      <InviteForm view={view} site={site} language={language} />
    </DeskPage>,
  );
}

/** The invitation just made: its link, shown to the admin this once. */
export function renderInvitedPage(
  invited: { name: string; link: string; expires: number },
  site: PageSite,
  language: Language,
): string {
  const ma = deskMessages[language].accounts;
  const trail = [deskCrumb(language), { path: peoplePath, words: ma.heading }];
  return htmlDocument(
    <DeskPage site={site} language={language} heading={ma.invitedHeading(invited.name)} trail={trail}>
      <p class="intro">{ma.invitedIntro(at(invited.expires, language))}</p>
      <p class="field">
        <label for="invitation-link">{ma.invitationLink}</label>
        <input id="invitation-link" type="text" readonly value={invited.link} spellcheck={false} />
      </p>
      <p>
        <a href={pageHref(peoplePath, site, language)}>{ma.backToPeople}</a>
      </p>
    </DeskPage>,
  );
}

/** The invitation as its person opens it: whom it is for, and the button that accepts it. */
export function renderInvitationPage(
  invitation: { name: string; scopes: readonly string[]; expires: number; action: string },
  site: PageSite,
  language: Language,
): string {
  const m = deskMessages[language];
  const ma = m.accounts;
  return htmlDocument(
    <DeskPage site={site} language={language} heading={ma.invitationTitle} top>
      <p class="intro">{ma.invitationIntro(invitation.name, at(invitation.expires, language))}</p>
      <p>{m.scopesLabel}:</p>
      <ul>
        {deskScopes
          .filter((s) => invitation.scopes.includes(s))
          .map((s) => (
            <li>{m.scopeNames[s]}</li>
          ))}
      </ul>
      <form method="post" action={invitation.action} class="desk-form">
        <p>
          <button type="submit">{ma.accept}</button>
        </p>
      </form>
    </DeskPage>,
  );
}

/** An invitation that cannot be used, saying why. */
export function renderInvitationRefused(problem: string, site: PageSite, language: Language): string {
  const ma = deskMessages[language].accounts;
  return htmlDocument(
    <DeskPage site={site} language={language} heading={ma.invitationTitle} top>
      <p class="form-problem" role="alert">
        {problem}
      </p>
    </DeskPage>,
  );
}

/** The person's write token, shown this once: only its hash is kept. */
export function renderTokenPage(token: string, site: PageSite, language: Language): string {
  const ma = deskMessages[language].accounts;
  return htmlDocument(
    <DeskPage site={site} language={language} heading={ma.tokenTitle} top>
      <p class="intro">{ma.tokenIntro}</p>
      <p class="field">
        <label for="new-token">{ma.tokenLabel}</label>
        <input id="new-token" type="text" readonly value={token} spellcheck={false} autocomplete="off" />
      </p>
      <p>{ma.tokenLost}</p>
      <p>
        <a href={pageHref(signInPath, site, language)}>{ma.signInWithIt}</a>
      </p>
    </DeskPage>,
  );
}
