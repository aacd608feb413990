// The words of the desk, in every language of the pages: signing in, and the forms of
// reports, drafts and places. They sit among the words every page uses (src/words/messages.ts),
// which also keeps moderation's words: the public page of a report and the API's refusals
// speak of corrections and retractions too.

import type { DraftLanguage, Language } from '../domain/languages.ts';
import type { CountBasis, Qualifier } from '../domain/model.ts';
import { type Messages, messages } from '../words/messages.ts';

/** A wait, as a refusal names it: in seconds up to two minutes, then in minutes. */
const waitIn: Record<Language, (seconds: number) => string> = {
  en: (s) => (s < 120 ? `${s} ${s === 1 ? 'second' : 'seconds'}` : `${Math.ceil(s / 60)} minutes`),
  nl: (s) => (s < 120 ? `${s} ${s === 1 ? 'seconde' : 'seconden'}` : `${Math.ceil(s / 60)} minuten`),
  uk: (s) => (s < 120 ? `${s} с` : `${Math.ceil(s / 60)} хв`),
};

/** The people of the desk: inviting, the invitation, the write token shown once, revoking. */
export interface AccountWords {
  heading: string;
  intro: string;
  none: string;
  name: string;
  scopes: string;
  state: string;
  lastWrote: string;
  never: string;
  states: Record<'invited' | 'expired' | 'active' | 'revoked', string>;
  revoke: (name: string) => string;
  notAdmin: string;
  inviteHeading: string;
  nameHint: string;
  scopesLegend: string;
  invite: string;
  problemHeading: string;
  nameMissing: string;
  nameTooLong: (max: number) => string;
  nameTaken: (name: string) => string;
  noScope: string;
  tooManyInvitations: (max: number) => string;
  invitedHeading: (name: string) => string;
  invitedIntro: (date: string) => string;
  invitationLink: string;
  backToPeople: string;
  invitationTitle: string;
  invitationIntro: (name: string, date: string) => string;
  accept: string;
  invitationUnknown: string;
  invitationExpired: string;
  invitationUsed: string;
  invitationRevoked: string;
  tooManyAttempts: (seconds: number) => string;
  tokenTitle: string;
  tokenIntro: string;
  tokenLabel: string;
  tokenLost: string;
  signInWithIt: string;
}

export interface DeskWords {
  desk: string;
  deskIntro: string;
  signInTitle: string;
  signInIntro: string;
  tokenLabel: string;
  tokenHint: string;
  signIn: string;
  signOut: string;
  signedInAs: string;
  scopesLabel: string;
  scopeNames: Record<'report' | 'moderate' | 'admin', string>;
  wrongToken: string;
  sessionEnded: string;
  noDeskScope: string;
  formExpired: string;
  /** A form refused by the writer's limit: how long to wait; nothing of it was stored. */
  writeLimited: (seconds: number) => string;
  writeLimitedTitle: string;
  accounts: AccountWords;
  /** The desk's home: the newest reports of all writers and the writer's own. */
  home: {
    newest: string;
    own: string;
    none: string;
    ownNone: string;
    item: (place: string, observed: string, published: string) => string;
    publicPage: string;
    deskPage: string;
    states: Record<'superseded' | 'retracted', string>;
  };
  /** The desk's view of the change log: what changed, and who did it. */
  changes: {
    heading: string;
    none: string;
    kinds: Record<'new' | 'correction' | 'retraction', string>;
    item: (kind: string, place: string, at: string) => string;
    /** Put before the name of who made the change. */
    by: string;
    /** A change the service took without knowing who made it (a report from before accounts). */
    byUnknown: string;
  };
  retractedBy: string;
  places: {
    heading: string;
    intro: string;
    none: string;
    newPlace: string;
    edit: (name: string) => string;
    editHeading: (name: string) => string;
    formIntro: string;
    slug: string;
    slugHint: string;
    exists: (slug: string) => string;
    editExisting: string;
    names: string;
    nameIn: (language: string) => string;
    otherNames: string;
    otherNamesHint: string;
    otherName: (n: number) => string;
    languageTag: string;
    name: string;
    country: string;
    countryCode: string;
    countryName: string;
    admin: string;
    adminHint: string;
    adminLevel: (level: number) => string;
    pcode: string;
    coordinates: string;
    coordinatesHint: string;
    latitude: string;
    longitude: string;
    create: string;
    save: string;
    errorsHeading: string;
    notAdmin: string;
  };
  draft: {
    fromText: string;
    intro: string;
    text: string;
    textHint: string;
    language: string;
    languages: Record<DraftLanguage, string>;
    observedHint: string;
    make: string;
    errorsHeading: string;
    heading: string;
    review: string;
    none: string;
    /** More candidates than a draft lists were found: how many more. */
    omitted: (n: number) => string;
    sourceText: string;
    saidBy: string;
    confidence: Record<'high' | 'medium' | 'low', string>;
    toQuote: string;
  };
  form: {
    newReport: string;
    intro: string;
    place: string;
    placeHint: string;
    observedHint: string;
    state: string;
    since: string;
    dateHint: string;
    value: string;
    valueHint: string;
    qualifier: string;
    note: string;
    quote: string;
    quoteHint: string;
    figureSource: string;
    name: string;
    language: string;
    text: string;
    summary: string;
    original: string;
    preview: string;
    publish: string;
    /** The preview's button back to the form, as written. */
    edit: string;
    /** The box of the source's fields that a report may leave empty. */
    sourceMore: string;
    previewHeading: string;
    previewIntro: string;
    warningsHeading: string;
    confirm: string;
    errorsHeading: string;
    qualifierWords: Record<Qualifier, string>;
    /** A count's basis: what its number counts. */
    basis: string;
    basisWords: Record<CountBasis, string>;
    high: string;
    highHint: string;
    countingSince: string;
    sinceQualifier: string;
    /** The first choice of a list the writer must choose from, which chooses nothing. */
    choose: string;
    otherLanguage: string;
    languageCode: string;
    languageCodeHint: string;
  };
}

const en: DeskWords = {
  desk: 'Desk',
  deskIntro: 'Write, correct and retract reports here, with the same rules as the API.',
  signInTitle: 'Sign in to the desk',
  signInIntro:
    'Sign in with your write token. The token is checked and forgotten: only your session is kept, for eight hours or until you sign out.',
  tokenLabel: 'Write token',
  tokenHint: 'The token you were given for the API (not its hash).',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signedInAs: 'Signed in as ',
  scopesLabel: 'You may',
  scopeNames: {
    report: 'write reports',
    moderate: 'correct and retract reports',
    admin: 'create and edit places',
  },
  wrongToken: 'That token is not known. Check that you pasted the whole token, and try again.',
  sessionEnded: 'Your session has ended. Sign in again to go on.',
  home: {
    newest: 'Newest reports',
    own: 'Your newest reports',
    none: 'No reports yet.',
    ownNone: 'You have not published a report yet.',
    item: (place, observed, published) => `${place}, observed ${observed}, published ${published}`,
    publicPage: 'public page',
    deskPage: 'at the desk',
    states: { superseded: 'corrected since', retracted: 'retracted' },
  },
  changes: {
    heading: 'Latest changes',
    none: 'Nothing has changed yet.',
    kinds: { new: 'New report', correction: 'Correction', retraction: 'Withdrawal' },
    item: (kind, place, at) => `${kind}: ${place}, ${at}`,
    by: 'by',
    byUnknown: 'by a writer the service did not record',
  },
  retractedBy: 'Retracted by',
  places: {
    heading: 'Places',
    intro:
      'Create a place before a report names it, and keep its names, areas and coordinates right. Its status and reports stay as they are.',
    none: 'There are no places yet.',
    newPlace: 'New place',
    edit: (name) => `Edit ${name}`,
    editHeading: (name) => `Edit ${name}`,
    formIntro: 'Only the English name is required of the names.',
    slug: 'Slug',
    slugHint:
      'The place’s address, /places/{slug}: a-z, 0-9 and -, such as "bakhmut". It cannot be changed later.',
    exists: (slug) => `A place with the slug "${slug}" exists already; nothing was saved.`,
    editExisting: 'Edit that place instead',
    names: 'Names',
    nameIn: (language) => `Name in ${language}`,
    otherNames: 'Names in other languages',
    otherNamesHint:
      'One language to a row. Two empty rows are always offered: save, and the form comes back with more when they are full.',
    otherName: (n) => `Other name ${n}`,
    languageTag: 'Language (a code such as "ru" or "crh")',
    name: 'Name',
    country: 'Country',
    countryCode: 'Country code (two letters, such as "UA")',
    countryName: 'Country name, in English',
    admin: 'Administrative areas',
    adminHint: 'From the largest (level 1, such as an oblast) down; leave a level empty when it has none.',
    adminLevel: (level) => `Level ${level}`,
    pcode: 'P-code (such as "UA14")',
    coordinates: 'Coordinates',
    coordinatesHint: 'In decimal degrees, with a point or a comma: 48.5953 or 48,5953.',
    latitude: 'Latitude',
    longitude: 'Longitude',
    create: 'Create the place',
    save: 'Save the place',
    errorsHeading: 'This place cannot be saved yet',
    notAdmin: 'This token may not create or edit places.',
  },
  draft: {
    fromText: 'Draft from text',
    intro:
      'Paste the article, statement or update the report starts from. The desk reads the figures it states, and fills in the form for you to check: nothing is stored until you publish.',
    text: 'Source text',
    textHint: 'As written, in English, Dutch or Ukrainian.',
    language: 'Language of the text',
    languages: { en: 'English', nl: 'Dutch', uk: 'Ukrainian' },
    observedHint: 'When the conditions held: durations ("for two months") count back from it.',
    make: 'Draft the report',
    errorsHeading: 'This text cannot be drafted yet',
    heading: 'Drafted from the text',
    review:
      'Each figure below was read from the sentence beside it, marked in the text. Check every one against its words; fix or empty it in the form, then preview.',
    none: 'No figure was found in this text. Fill in the form from the text yourself.',
    omitted: (n) =>
      `${n} more ${n === 1 ? 'figure was' : 'figures were'} found after these and not listed: this is more text than one report holds. Draft a shorter part of it.`,
    sourceText: 'The text, with the words each figure comes from marked',
    saidBy: 'said by',
    confidence: { high: 'clear', medium: 'check', low: 'unsure' },
    toQuote: 'Show its words in the text',
  },
  form: {
    newReport: 'New report',
    intro:
      'Fill in what the source states, and only that. Leave a figure empty when the source does not state it.',
    place: 'Place',
    placeHint: 'Type any of its names and pick it from the list; or write its slug.',
    observedHint: 'When the conditions held, as precisely as the source says: 2022, 2022-11 or 2022-11-05.',
    state: 'State',
    since: 'Since',
    dateHint: '2022, 2022-09 or 2022-09-15',
    value: 'Number',
    valueHint: 'As the source wrote it: 12000, 12,000 or 12.000 are all twelve thousand.',
    qualifier: 'How the source put it',
    note: 'Note',
    quote: 'Quote',
    quoteHint: 'The exact words of the original text that state this figure.',
    figureSource: 'Stated by someone else than the source of the report',
    name: 'Name',
    language: 'Language',
    text: 'Text',
    summary: 'Summary',
    original: 'Original text',
    preview: 'Preview',
    publish: 'Publish',
    edit: 'Edit',
    sourceMore: 'Role, link and via',
    previewHeading: 'Preview',
    previewIntro: 'This is how the report will read. Nothing is published yet.',
    warningsHeading: 'Please look again',
    confirm: 'I have checked this, and the figure stands',
    errorsHeading: 'This cannot be published yet',
    qualifierWords: {
      exact: 'exactly, a plain number',
      approximately: 'almost, about, roughly',
      at_least: 'more than, at least',
      at_most: 'up to, at most',
    },
    basis: 'What the number counts',
    basisWords: { total: 'a running total', period: 'for the observed period only' },
    high: 'Up to (for a range)',
    highHint: 'Only when the source gives a range, "between 40 and 60": 60 here, 40 as the number.',
    countingSince: 'Counting since (for a running total)',
    sinceQualifier: 'How the source put that date',
    choose: 'Choose…',
    otherLanguage: 'Other language',
    languageCode: 'Other language: its code',
    languageCodeHint:
      'Only for a language the list does not have: "hu" for Hungarian, "crh" for Crimean Tatar.',
  },
  noDeskScope: 'This token may not write, correct or edit anything, so the desk has nothing for it.',
  formExpired:
    'This form is from an earlier session, or from another site. Open the desk again and send it from there.',
  writeLimitedTitle: 'Too many forms at once',
  writeLimited: (seconds) =>
    `You sent more forms in a short time than one writer may (the same limit as the API's). Nothing of this one was stored. Go back, where your browser keeps what you wrote, and send it again in ${waitIn.en(seconds)}.`,
  accounts: {
    heading: 'People',
    intro:
      'Everyone who writes with a token of their own. Invite a person to give them one; revoke a person to end their access at once, on every device.',
    none: 'No one has been invited yet.',
    name: 'Name',
    scopes: 'May',
    state: 'State',
    lastWrote: 'Last wrote',
    never: 'never',
    states: {
      invited: 'invited, not yet accepted',
      expired: 'invitation expired',
      active: 'active',
      revoked: 'revoked',
    },
    revoke: (name) => `Revoke ${name}`,
    notAdmin: 'Only an admin may invite people or revoke them.',
    inviteHeading: 'Invite a person',
    nameHint:
      'How the desk and the change log will name them, such as "Olena K., Kharkiv". No two people share a name.',
    scopesLegend: 'They may',
    invite: 'Make the invitation',
    problemHeading: 'The invitation was not made:',
    nameMissing: 'Write the person’s name.',
    nameTooLong: (max) => `A name has at most ${max} characters.`,
    nameTaken: (name) => `Someone is already called "${name}". Choose another name.`,
    noScope: 'Choose at least one thing they may do.',
    tooManyInvitations: (max) => `You have made ${max} invitations in the last day. Make more tomorrow.`,
    invitedHeading: (name) => `Invitation for ${name}`,
    invitedIntro: (date) =>
      `Send this link to them yourself, by a channel you trust. It works once, until ${date}. It is shown only now: if it is lost, revoke the invitation and invite them again.`,
    invitationLink: 'Invitation link',
    backToPeople: 'Back to the people',
    invitationTitle: 'Your invitation to the desk',
    invitationIntro: (name, date) =>
      `This invitation is for ${name}. Accept it to get a write token of your own: you sign in to the desk with it, and it works with the API too. The invitation expires ${date}.`,
    accept: 'Accept and show my token',
    invitationUnknown: 'This invitation link is not known. Check that you opened the whole link.',
    invitationExpired: 'This invitation has expired. Ask whoever invited you for a new one.',
    invitationUsed: 'This invitation has been used. An invitation gives one token, once.',
    invitationRevoked: 'This invitation has been withdrawn. Ask whoever invited you for a new one.',
    tooManyAttempts: (seconds) =>
      `Too many unknown tokens or invitation links came from your address, or this token was refused too often. Try again in ${waitIn.en(seconds)}.`,
    tokenTitle: 'Your write token',
    tokenIntro:
      'This is shown only this once: copy it now into a password manager. Anyone who has it can write as you, so never send it by e-mail or chat.',
    tokenLabel: 'Your write token',
    tokenLost: 'If you lose it, ask an admin to revoke it and to invite you again.',
    signInWithIt: 'Sign in with it',
  },
};

const nl: DeskWords = {
  desk: 'Redactie',
  deskIntro: 'Schrijf, corrigeer en trek meldingen hier in, met dezelfde regels als de API.',
  signInTitle: 'Aanmelden bij de redactie',
  signInIntro:
    'Meld u aan met uw schrijftoken. Het token wordt gecontroleerd en vergeten: alleen uw sessie wordt bewaard, acht uur lang of tot u zich afmeldt.',
  tokenLabel: 'Schrijftoken',
  tokenHint: 'Het token dat u voor de API kreeg (niet de hash ervan).',
  signIn: 'Aanmelden',
  signOut: 'Afmelden',
  signedInAs: 'Aangemeld als ',
  scopesLabel: 'U mag',
  scopeNames: {
    report: 'meldingen schrijven',
    moderate: 'meldingen corrigeren en intrekken',
    admin: 'plaatsen aanmaken en bewerken',
  },
  wrongToken: 'Dat token is onbekend. Controleer of u het hele token hebt geplakt en probeer het opnieuw.',
  sessionEnded: 'Uw sessie is afgelopen. Meld u opnieuw aan om verder te gaan.',
  home: {
    newest: 'Nieuwste meldingen',
    own: 'Uw nieuwste meldingen',
    none: 'Nog geen meldingen.',
    ownNone: 'U hebt nog geen melding gepubliceerd.',
    item: (place, observed, published) => `${place}, waargenomen ${observed}, gepubliceerd ${published}`,
    publicPage: 'openbare pagina',
    deskPage: 'op de redactie',
    states: { superseded: 'inmiddels gecorrigeerd', retracted: 'ingetrokken' },
  },
  changes: {
    heading: 'Laatste wijzigingen',
    none: 'Er is nog niets veranderd.',
    kinds: { new: 'Nieuwe melding', correction: 'Correctie', retraction: 'Intrekking' },
    item: (kind, place, at) => `${kind}: ${place}, ${at}`,
    by: 'door',
    byUnknown: 'door een schrijver die de dienst niet heeft vastgelegd',
  },
  retractedBy: 'Ingetrokken door',
  places: {
    heading: 'Plaatsen',
    intro:
      'Maak een plaats aan voordat een melding haar noemt, en houd haar namen, gebieden en coördinaten juist. Haar situatie en meldingen blijven zoals ze zijn.',
    none: 'Er zijn nog geen plaatsen.',
    newPlace: 'Nieuwe plaats',
    edit: (name) => `${name} bewerken`,
    editHeading: (name) => `${name} bewerken`,
    formIntro: 'Van de namen is alleen de Engelse verplicht.',
    slug: 'Slug',
    slugHint:
      'Het adres van de plaats, /places/{slug}: a-z, 0-9 en -, zoals "bakhmut". Dit kan later niet meer veranderen.',
    exists: (slug) => `Er bestaat al een plaats met de slug "${slug}"; er is niets opgeslagen.`,
    editExisting: 'Die plaats bewerken',
    names: 'Namen',
    nameIn: (language) => `Naam in het ${language}`,
    otherNames: 'Namen in andere talen',
    otherNamesHint:
      'Eén taal per rij. Er zijn altijd twee lege rijen: sla op, en het formulier komt terug met meer als ze vol zijn.',
    otherName: (n) => `Andere naam ${n}`,
    languageTag: 'Taal (een code zoals "ru" of "crh")',
    name: 'Naam',
    country: 'Land',
    countryCode: 'Landcode (twee letters, zoals "UA")',
    countryName: 'Naam van het land, in het Engels',
    admin: 'Bestuurlijke gebieden',
    adminHint:
      'Van het grootste (niveau 1, zoals een oblast) omlaag; laat een niveau leeg als het er niet is.',
    adminLevel: (level) => `Niveau ${level}`,
    pcode: 'P-code (zoals "UA14")',
    coordinates: 'Coördinaten',
    coordinatesHint: 'In decimale graden, met een punt of een komma: 48.5953 of 48,5953.',
    latitude: 'Breedtegraad',
    longitude: 'Lengtegraad',
    create: 'Plaats aanmaken',
    save: 'Plaats opslaan',
    errorsHeading: 'Deze plaats kan nog niet worden opgeslagen',
    notAdmin: 'Dit token mag geen plaatsen aanmaken of bewerken.',
  },
  draft: {
    fromText: 'Concept uit tekst',
    intro:
      'Plak het artikel, de verklaring of het bericht waar de melding mee begint. De redactie leest de cijfers die erin staan en vult het formulier in, zodat u ze kunt controleren: niets wordt opgeslagen voordat u publiceert.',
    text: 'Brontekst',
    textHint: 'Zoals geschreven, in het Engels, Nederlands of Oekraïens.',
    language: 'Taal van de tekst',
    languages: { en: 'Engels', nl: 'Nederlands', uk: 'Oekraïens' },
    observedHint: 'Wanneer de omstandigheden golden: een duur ("al twee maanden") telt daarvan terug.',
    make: 'Concept maken',
    errorsHeading: 'Van deze tekst kan nog geen concept worden gemaakt',
    heading: 'Uit de tekst gehaald',
    review:
      'Elk cijfer hieronder komt uit de zin ernaast, gemarkeerd in de tekst. Controleer ze allemaal aan hun woorden; verbeter of wis ze in het formulier, en bekijk dan het voorbeeld.',
    none: 'In deze tekst is geen cijfer gevonden. Vul het formulier zelf in vanuit de tekst.',
    omitted: (n) =>
      `Na deze ${n === 1 ? 'is nog 1 cijfer' : `zijn nog ${n} cijfers`} gevonden die niet getoond worden: dit is meer tekst dan één melding bevat. Maak een concept van een korter deel.`,
    sourceText: 'De tekst, met de woorden van elk cijfer gemarkeerd',
    saidBy: 'gezegd door',
    confidence: { high: 'duidelijk', medium: 'controleren', low: 'onzeker' },
    toQuote: 'Toon de woorden in de tekst',
  },
  form: {
    newReport: 'Nieuwe melding',
    intro: 'Vul in wat de bron zegt, en alleen dat. Laat een cijfer leeg als de bron het niet noemt.',
    place: 'Plaats',
    placeHint: 'Typ een van de namen en kies uit de lijst; of schrijf de slug.',
    observedHint: 'Wanneer de situatie zo was, zo precies als de bron zegt: 2022, 2022-11 of 2022-11-05.',
    state: 'Toestand',
    since: 'Sinds',
    dateHint: '2022, 2022-09 of 2022-09-15',
    value: 'Getal',
    valueHint: 'Zoals de bron het schreef: 12000, 12.000 of 12,000 zijn alle twaalfduizend.',
    qualifier: 'Hoe de bron het zei',
    note: 'Toelichting',
    quote: 'Citaat',
    quoteHint: 'De letterlijke woorden uit de oorspronkelijke tekst die dit cijfer noemen.',
    figureSource: 'Gezegd door een ander dan de bron van de melding',
    name: 'Naam',
    language: 'Taal',
    text: 'Tekst',
    summary: 'Samenvatting',
    original: 'Oorspronkelijke tekst',
    preview: 'Voorbeeld',
    publish: 'Publiceren',
    edit: 'Bewerken',
    sourceMore: 'Functie, link en via',
    previewHeading: 'Voorbeeld',
    previewIntro: 'Zo komt de melding te staan. Er is nog niets gepubliceerd.',
    warningsHeading: 'Kijk nog eens',
    confirm: 'Ik heb dit nagekeken en het cijfer klopt',
    errorsHeading: 'Dit kan nog niet worden gepubliceerd',
    qualifierWords: {
      exact: 'precies, een gewoon getal',
      approximately: 'bijna, ongeveer',
      at_least: 'meer dan, ten minste',
      at_most: 'tot, hoogstens',
    },
    basis: 'Wat het getal telt',
    basisWords: { total: 'een lopend totaal', period: 'alleen de waargenomen periode' },
    high: 'Tot (voor een bereik)',
    highHint: 'Alleen als de bron een bereik geeft, "tussen 40 en 60": 60 hier, 40 als getal.',
    countingSince: 'Geteld sinds (voor een lopend totaal)',
    sinceQualifier: 'Hoe de bron die datum zei',
    choose: 'Kies…',
    otherLanguage: 'Andere taal',
    languageCode: 'Andere taal: haar code',
    languageCodeHint:
      'Alleen voor een taal die niet in de lijst staat: "hu" voor Hongaars, "crh" voor Krim-Tataars.',
  },
  noDeskScope: 'Dit token mag niets schrijven, corrigeren of bewerken, dus de redactie heeft er niets voor.',
  formExpired:
    'Dit formulier komt uit een eerdere sessie of van een andere site. Open de redactie opnieuw en verstuur het van daaruit.',
  writeLimitedTitle: 'Te veel formulieren tegelijk',
  writeLimited: (seconds) =>
    `U verstuurde in korte tijd meer formulieren dan één schrijver mag (dezelfde grens als die van de API). Niets van dit formulier is opgeslagen. Ga terug, waar uw browser bewaart wat u schreef, en verstuur het over ${waitIn.nl(seconds)} opnieuw.`,
  accounts: {
    heading: 'Mensen',
    intro:
      'Iedereen die met een eigen token schrijft. Nodig iemand uit om die een token te geven; trek iemands toegang in om die meteen te beëindigen, op elk apparaat.',
    none: 'Er is nog niemand uitgenodigd.',
    name: 'Naam',
    scopes: 'Mag',
    state: 'Status',
    lastWrote: 'Laatst geschreven',
    never: 'nooit',
    states: {
      invited: 'uitgenodigd, nog niet aangenomen',
      expired: 'uitnodiging verlopen',
      active: 'actief',
      revoked: 'ingetrokken',
    },
    revoke: (name) => `Toegang van ${name} intrekken`,
    notAdmin: 'Alleen een beheerder mag mensen uitnodigen of hun toegang intrekken.',
    inviteHeading: 'Iemand uitnodigen',
    nameHint:
      'Hoe de redactie en het wijzigingslogboek deze persoon noemen, zoals "Olena K., Charkiv". Geen twee mensen hebben dezelfde naam.',
    scopesLegend: 'Deze persoon mag',
    invite: 'Uitnodiging maken',
    problemHeading: 'De uitnodiging is niet gemaakt:',
    nameMissing: 'Schrijf de naam van de persoon.',
    nameTooLong: (max) => `Een naam heeft hoogstens ${max} tekens.`,
    nameTaken: (name) => `Er is al iemand die "${name}" heet. Kies een andere naam.`,
    noScope: 'Kies ten minste één ding dat deze persoon mag doen.',
    tooManyInvitations: (max) => `U hebt de afgelopen dag ${max} uitnodigingen gemaakt. Maak er morgen meer.`,
    invitedHeading: (name) => `Uitnodiging voor ${name}`,
    invitedIntro: (date) =>
      `Stuur deze link zelf, via een kanaal dat u vertrouwt. Hij werkt één keer, tot ${date}. Hij wordt alleen nu getoond: raakt hij kwijt, trek de uitnodiging dan in en nodig de persoon opnieuw uit.`,
    invitationLink: 'Uitnodigingslink',
    backToPeople: 'Terug naar de mensen',
    invitationTitle: 'Uw uitnodiging voor de redactie',
    invitationIntro: (name, date) =>
      `Deze uitnodiging is voor ${name}. Neem haar aan om een eigen schrijftoken te krijgen: daarmee meldt u zich aan bij de redactie, en het werkt ook met de API. De uitnodiging verloopt ${date}.`,
    accept: 'Aannemen en mijn token tonen',
    invitationUnknown: 'Deze uitnodigingslink is onbekend. Controleer of u de hele link hebt geopend.',
    invitationExpired: 'Deze uitnodiging is verlopen. Vraag wie u uitnodigde om een nieuwe.',
    invitationUsed: 'Deze uitnodiging is al gebruikt. Een uitnodiging geeft één token, één keer.',
    invitationRevoked: 'Deze uitnodiging is ingetrokken. Vraag wie u uitnodigde om een nieuwe.',
    tooManyAttempts: (seconds) =>
      `Van uw adres kwamen te veel onbekende tokens of uitnodigingslinks, of dit token werd te vaak geweigerd. Probeer het over ${waitIn.nl(seconds)} opnieuw.`,
    tokenTitle: 'Uw schrijftoken',
    tokenIntro:
      'Dit wordt alleen deze ene keer getoond: kopieer het nu naar een wachtwoordbeheerder. Wie het heeft, kan schrijven als u, dus stuur het nooit per e-mail of chat.',
    tokenLabel: 'Uw schrijftoken',
    tokenLost: 'Raakt u het kwijt, vraag dan een beheerder om het in te trekken en u opnieuw uit te nodigen.',
    signInWithIt: 'Aanmelden met dit token',
  },
};

const uk: DeskWords = {
  desk: 'Редакція',
  deskIntro: 'Тут пишуть, виправляють і відкликають звіти — за тими самими правилами, що й в API.',
  signInTitle: 'Вхід до редакції',
  signInIntro:
    'Увійдіть за допомогою свого токена для запису. Токен перевіряється і не зберігається: зберігається лише ваш сеанс — вісім годин або доки ви не вийдете.',
  tokenLabel: 'Токен для запису',
  tokenHint: 'Токен, який ви отримали для API (не його геш).',
  signIn: 'Увійти',
  signOut: 'Вийти',
  signedInAs: 'Ви увійшли як ',
  scopesLabel: 'Вам дозволено',
  scopeNames: {
    report: 'писати звіти',
    moderate: 'виправляти й відкликати звіти',
    admin: 'створювати й редагувати населені пункти',
  },
  wrongToken: 'Такого токена немає. Перевірте, чи вставили ви токен повністю, і спробуйте ще раз.',
  sessionEnded: 'Ваш сеанс завершився. Увійдіть знову, щоб продовжити.',
  places: {
    heading: 'Населені пункти',
    intro:
      'Створіть населений пункт, перш ніж звіт його згадає, і стежте, щоб його назви, адміністративні одиниці й координати були правильні. Його ситуація та звіти залишаються без змін.',
    none: 'Населених пунктів ще немає.',
    newPlace: 'Новий населений пункт',
    edit: (name) => `Редагувати: ${name}`,
    editHeading: (name) => `Редагування: ${name}`,
    formIntro: 'З назв обовʼязкова лише англійська.',
    slug: 'Слаг',
    slugHint:
      'Адреса населеного пункту, /places/{slug}: латинські літери a-z, цифри 0-9 і дефіс, наприклад "bakhmut". Згодом її не можна змінити.',
    exists: (slug) => `Населений пункт зі слагом "${slug}" уже є; нічого не збережено.`,
    editExisting: 'Редагувати той населений пункт',
    names: 'Назви',
    nameIn: (language) => `Назва (${language})`,
    otherNames: 'Назви іншими мовами',
    otherNamesHint:
      'Одна мова в рядку. Завжди є два порожні рядки: збережіть, і коли вони заповнені, форма повернеться з новими.',
    otherName: (n) => `Інша назва ${n}`,
    languageTag: 'Мова (код, наприклад "ru" або "crh")',
    name: 'Назва',
    country: 'Країна',
    countryCode: 'Код країни (дві літери, наприклад "UA")',
    countryName: 'Назва країни англійською',
    admin: 'Адміністративні одиниці',
    adminHint:
      'Від найбільшої (рівень 1, наприклад область) до менших; залиште рівень порожнім, якщо його немає.',
    adminLevel: (level) => `Рівень ${level}`,
    pcode: 'P-код (наприклад "UA14")',
    coordinates: 'Координати',
    coordinatesHint: 'У десяткових градусах, з крапкою або комою: 48.5953 або 48,5953.',
    latitude: 'Широта',
    longitude: 'Довгота',
    create: 'Створити населений пункт',
    save: 'Зберегти населений пункт',
    errorsHeading: 'Цей населений пункт ще не можна зберегти',
    notAdmin: 'Цей токен не дає права створювати чи редагувати населені пункти.',
  },
  draft: {
    fromText: 'Чернетка з тексту',
    intro:
      'Вставте статтю, заяву чи повідомлення, з якого починається звіт. Редакція прочитає наведені в ньому цифри й заповнить форму, щоб ви їх перевірили: нічого не зберігається, доки ви не опублікуєте.',
    text: 'Текст джерела',
    textHint: 'Як написано — англійською, нідерландською чи українською.',
    language: 'Мова тексту',
    languages: { en: 'Англійська', nl: 'Нідерландська', uk: 'Українська' },
    observedHint: 'Коли тривала ця ситуація: тривалість ("вже два місяці") відлічується від цієї дати.',
    make: 'Скласти чернетку',
    errorsHeading: 'З цього тексту ще не можна скласти чернетку',
    heading: 'Складено з тексту',
    review:
      'Кожну цифру нижче прочитано з речення поруч, позначеного в тексті. Звірте кожну з її словами; виправте або очистьте її у формі, а тоді перегляньте.',
    none: 'У цьому тексті не знайдено жодної цифри. Заповніть форму за текстом самостійно.',
    omitted: (n) =>
      `Після цих знайдено ще ${n} (не показано): у тексті більше, ніж вміщує один звіт. Створіть чернетку з коротшої частини.`,
    sourceText: 'Текст, у якому позначено слова кожної цифри',
    saidBy: 'джерело:',
    confidence: { high: 'чітко', medium: 'перевірте', low: 'непевно' },
    toQuote: 'Показати її слова в тексті',
  },
  form: {
    newReport: 'Новий звіт',
    intro:
      'Заповніть те, що повідомляє джерело, і лише це. Залиште цифру порожньою, якщо джерело її не наводить.',
    place: 'Населений пункт',
    placeHint: 'Введіть будь-яку з його назв і виберіть зі списку або напишіть його слаг.',
    observedHint: 'Коли тривала ця ситуація, так точно, як каже джерело: 2022, 2022-11 або 2022-11-05.',
    state: 'Стан',
    since: 'З якого часу',
    dateHint: '2022, 2022-09 або 2022-09-15',
    value: 'Число',
    valueHint: 'Як написало джерело: 12000, 12 000, 12,000 чи 12.000 — це дванадцять тисяч.',
    qualifier: 'Як це сформулювало джерело',
    note: 'Примітка',
    quote: 'Цитата',
    quoteHint: 'Дослівні слова з оригінального тексту, які наводять цю цифру.',
    figureSource: 'Наведено не джерелом звіту, а кимось іншим',
    name: 'Назва або імʼя',
    language: 'Мова',
    text: 'Текст',
    summary: 'Стислий виклад',
    original: 'Оригінальний текст',
    preview: 'Попередній перегляд',
    publish: 'Опублікувати',
    edit: 'Редагувати',
    sourceMore: 'Посада, посилання і через кого',
    previewHeading: 'Попередній перегляд',
    previewIntro: 'Так виглядатиме звіт. Нічого ще не опубліковано.',
    warningsHeading: 'Перевірте ще раз',
    confirm: 'Я це перевірив(-ла), цифра правильна',
    errorsHeading: 'Це ще не можна опублікувати',
    qualifierWords: {
      exact: 'точно, просто число',
      approximately: 'майже, близько, приблизно',
      at_least: 'понад, щонайменше',
      at_most: 'до, щонайбільше',
    },
    basis: 'Що рахує це число',
    basisWords: { total: 'наростальний підсумок', period: 'лише за період спостереження' },
    high: 'До (для діапазону)',
    highHint: 'Лише якщо джерело наводить діапазон, "від 40 до 60": тут 60, а 40 — як число.',
    countingSince: 'Рахують з (для наростального підсумку)',
    sinceQualifier: 'Як джерело сформулювало цю дату',
    choose: 'Виберіть…',
    otherLanguage: 'Інша мова',
    languageCode: 'Інша мова: її код',
    languageCodeHint: 'Лише для мови, якої немає в списку: "hu" для угорської, "crh" для кримськотатарської.',
  },
  noDeskScope:
    'Цей токен не дає права нічого писати, виправляти чи редагувати, тож у редакції для нього нічого немає.',
  formExpired:
    'Ця форма з попереднього сеансу або з іншого сайту. Відкрийте редакцію знову й надішліть форму звідти.',
  writeLimitedTitle: 'Забагато форм за раз',
  writeLimited: (seconds) =>
    `Ви надіслали за короткий час більше форм, ніж дозволено одному автору (та сама межа, що й для API). Нічого з цієї форми не збережено. Поверніться назад, де браузер зберігає написане, і надішліть її знову через ${waitIn.uk(seconds)}.`,
  home: {
    newest: 'Найновіші звіти',
    own: 'Ваші найновіші звіти',
    none: 'Звітів ще немає.',
    ownNone: 'Ви ще не опублікували жодного звіту.',
    item: (place, observed, published) => `${place}, спостереження: ${observed}, опубліковано ${published}`,
    publicPage: 'публічна сторінка',
    deskPage: 'у редакції',
    states: { superseded: 'відтоді виправлено', retracted: 'відкликано' },
  },
  changes: {
    heading: 'Останні зміни',
    none: 'Ще нічого не змінилося.',
    kinds: { new: 'Новий звіт', correction: 'Виправлення', retraction: 'Відкликання' },
    item: (kind, place, at) => `${kind}: ${place}, ${at}`,
    by: 'автор зміни:',
    byUnknown: 'автора зміни служба не зберегла',
  },
  retractedBy: 'Відкликав(-ла)',
  accounts: {
    heading: 'Люди',
    intro:
      'Усі, хто пише з власним токеном. Запросіть людину, щоб дати їй токен; відкличте доступ людини, щоб негайно припинити його на всіх пристроях.',
    none: 'Ще нікого не запрошено.',
    name: 'Імʼя',
    scopes: 'Може',
    state: 'Стан',
    lastWrote: 'Востаннє писав(-ла)',
    never: 'ніколи',
    states: {
      invited: 'запрошено, ще не прийнято',
      expired: 'запрошення прострочене',
      active: 'активний доступ',
      revoked: 'доступ відкликано',
    },
    revoke: (name) => `Відкликати доступ: ${name}`,
    notAdmin: 'Запрошувати людей або відкликати їхній доступ може лише адміністратор.',
    inviteHeading: 'Запросити людину',
    nameHint:
      'Як редакція і журнал змін називатимуть цю людину, наприклад "Олена К., Харків". Двоє людей не можуть мати однакове імʼя.',
    scopesLegend: 'Ця людина може',
    invite: 'Створити запрошення',
    problemHeading: 'Запрошення не створено:',
    nameMissing: 'Напишіть імʼя людини.',
    nameTooLong: (max) => `Імʼя може мати щонайбільше ${max} символів.`,
    nameTaken: (name) => `Когось уже звуть "${name}". Виберіть інше імʼя.`,
    noScope: 'Виберіть принаймні одну дію, яку ця людина може виконувати.',
    tooManyInvitations: (max) => `За останню добу ви створили ${max} запрошень. Створіть нові завтра.`,
    invitedHeading: (name) => `Запрошення для: ${name}`,
    invitedIntro: (date) =>
      `Надішліть це посилання самі, каналом, якому довіряєте. Воно спрацює один раз, до ${date}. Його показано лише зараз: якщо його втрачено, відкличте запрошення і запросіть людину знову.`,
    invitationLink: 'Посилання-запрошення',
    backToPeople: 'Назад до списку людей',
    invitationTitle: 'Ваше запрошення до редакції',
    invitationIntro: (name, date) =>
      `Це запрошення для: ${name}. Прийміть його, щоб отримати власний токен для запису: з ним ви входите до редакції, і він також працює з API. Запрошення діє до ${date}.`,
    accept: 'Прийняти й показати мій токен',
    invitationUnknown: 'Це посилання-запрошення невідоме. Перевірте, чи ви відкрили посилання повністю.',
    invitationExpired: 'Це запрошення прострочене. Попросіть того, хто вас запросив, надіслати нове.',
    invitationUsed: 'Це запрошення вже використано. Запрошення дає один токен, один раз.',
    invitationRevoked: 'Це запрошення відкликано. Попросіть того, хто вас запросив, надіслати нове.',
    tooManyAttempts: (seconds) =>
      `З вашої адреси надійшло забагато невідомих токенів або посилань-запрошень, або цей токен відхилено забагато разів. Спробуйте знову через ${waitIn.uk(seconds)}.`,
    tokenTitle: 'Ваш токен для запису',
    tokenIntro:
      'Його показано лише цього разу: скопіюйте його зараз до менеджера паролів. Будь-хто, хто його має, може писати від вашого імені, тож ніколи не надсилайте його електронною поштою чи в месенджері.',
    tokenLabel: 'Ваш токен для запису',
    tokenLost: 'Якщо ви його втратите, попросіть адміністратора відкликати його і запросити вас знову.',
    signInWithIt: 'Увійти з ним',
  },
};

/** The desk's words, with the words of every page they sit among. */
export type DeskMessages = Messages & DeskWords;

export const deskMessages: Record<Language, DeskMessages> = {
  en: { ...messages.en, ...en },
  nl: { ...messages.nl, ...nl },
  uk: { ...messages.uk, ...uk },
};
