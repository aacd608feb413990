// Every word the service shows people, in English and Dutch (the first source is Dutch): the
// pages, the feeds, headlines and exports. Typed: a language that lacks a message does not
// compile. Indicator labels are not here; they come from the indicator registry, which holds
// both languages.

import type { feedChanges } from '../domain/feed.ts';
import type { DraftLanguage, Language } from '../domain/languages.ts';
import type {
  CountBasis,
  Qualifier,
  ReportState,
  sourceKinds,
  utilityStates,
  Verification,
} from '../domain/model.ts';

export type UtilityState = (typeof utilityStates)[number];
type SourceKind = (typeof sourceKinds)[number];
type Unit = 'minute' | 'hour' | 'day' | 'month' | 'year';

/** What a feed entry is about: a new report, or a change to one. */
export type HeadlineChange = (typeof feedChanges)[number];

export interface Messages {
  languageName: string;
  siteName: string;
  tagline: string;
  skipToContent: string;
  languageSwitch: string;
  indexTitle: string;
  indexIntro: string;
  noPlaces: string;
  placeTitle: (name: string) => string;
  allPlaces: string;
  alsoKnownAs: string;
  coordinates: string;
  currentStatus: string;
  noStatus: string;
  noReports: string;
  reportCount: (n: number) => string;
  observed: string;
  published: string;
  source: string;
  via: string;
  fullReport: (published: string) => string;
  fullCorrection: (published: string) => string;
  readOnPlacePage: string;
  situationInReport: string;
  qualifiers: Record<Qualifier, string>;
  qualifierNames: Record<Qualifier, string>;
  states: Record<UtilityState, string>;
  since: string;
  of: string;
  /** What a count counts, after its number: a running total, or within its observed period. */
  basis: {
    total: string;
    /** The same, where a headline has no room for the unstated start. */
    totalBrief: string;
    totalSince: (since: string) => string;
    period: (observed: string) => string;
    periodUnstated: string;
  };
  /** A range the source gave: "40–60". */
  range: (low: string, high: string) => string;
  /** "8,000–15,000 by 2 sources; the newest says 15,000". */
  disagreement: (low: string, high: string, sources: number, newest: string) => string;
  sourcesDisagree: string;
  /** Said of a count for a period beside a running total: "and 40 in November 2022, from …". */
  periodBeside: (words: string, source: string) => string;
  /** Where no report has ever stated an indicator. */
  notReported: (label: string) => string;
  notReportedShort: string;
  verification: Record<Verification, string>;
  verificationLabel: string;
  sourceKinds: Record<SourceKind, string>;
  months: readonly string[];
  justNow: string;
  ago: (n: number, unit: Unit) => string;
  subscribe: string;
  subscribeIntro: string;
  subscribeAllIntro: string;
  feedsOpml: string;
  jsonApi: string;
  chartHeading: string;
  chartTitle: (name: string) => string;
  chartDescription: (count: number, first: string, last: string) => string;
  chartNone: string;
  chartOne: (value: string, observed: string) => string;
  chartAxisValue: string;
  chartAxisTime: string;
  chartBaseline: (value: string) => string;
  chartLegend: string;
  chartTableCaption: string;
  chartWindow: (shown: number, total: number) => string;
  /** Under a chart of running totals: how many counts for a period only it leaves out. */
  chartPeriodsLeftOut: (n: number) => string;
  history: string;
  historyIntro: string;
  historyWindow: (shown: number, total: number) => string;
  reportHeading: (published: string) => string;
  retracted: string;
  correctedBy: string;
  correctionOf: string;
  retractedNote: string;
  reportPublishedAt: (published: string) => string;
  errorBack: string;
  // -- freshness
  reportedStatus: string;
  lastConfirmed: (date: string, ago: string) => string;
  notConfirmedSince: string;
  newestObserved: string;
  addedHere: string;
  // -- who said each figure, and what changed
  statedBy: string;
  quoteIn: (language: string) => string;
  original: (language: string) => string;
  writtenIn: (language: string) => string;
  changesHeading: string;
  notStated: string;
  valueUnchanged: string;
  restored: string;
  restoredNote: string;
  reasonLabel: string;
  // -- the page of a report
  reportOn: string;
  summaryHeading: string;
  figuresHeading: string;
  sourceHeading: string;
  fateHeading: string;
  fate: Record<ReportState, string>;
  sourceName: string;
  sourceRole: string;
  sourceKind: string;
  sourceLanguage: string;
  sourceLink: string;
  correctsReport: string;
  correctedByReport: string;
  retractedOn: (when: string) => string;
  withdrawnWithChain: string;
  reportAsJsonLink: string;
  placePage: string;
  // -- the desk
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
  moderation: {
    atDesk: string;
    withdrawAtDesk: string;
    heading: string;
    intro: string;
    correctFigure: (label: string) => string;
    correctionHeading: (label: string) => string;
    correctionIntro: string;
    reason: string;
    publishCorrection: string;
    retract: string;
    retractionIntro: string;
    publishRetraction: string;
    /** On a superseded version: what its withdrawal takes with it. */
    withdrawChain: (corrections: number) => string;
    replaced: string;
    currentVersion: (published: string) => string;
    notModerator: string;
    cannot: string;
    /** A report named in a refusal: by its place and dates, never its id. */
    namedReport: (place: string, observed: string, published: string) => string;
    refusals: {
      busy: (report: string) => string;
      retracted: (report: string) => string;
      superseded: (report: string, by: string) => string;
      chainAcrossPlaces: (report: string) => string;
    };
  };
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
  };
  // -- headlines and feeds
  changePrefix: Record<HeadlineChange, string>;
  /** The title of an entry that announces a change: what it says ("Bakhmut, November 2022: …"), and why. */
  changeTitle: Record<Exclude<HeadlineChange, 'new'>, (subject: string, reason?: string) => string>;
  changedReportLink: string;
  currentVersionLink: string;
  utilityHeadline: Record<UtilityState, (subject: string) => string>;
  forDuration: (text: string, duration: string) => string;
  sinceDate: (text: string, date: string) => string;
  monthCount: (n: number) => string;
  yearCount: (n: number) => string;
  or: string;
  updateOf: (label: string) => string;
  report: string;
  correction: string;
  archivedSummary: string;
  archivedState: Record<'active' | 'superseded' | 'retracted', string>;
}

/** Numbers up to eleven in words, and larger ones in digits. */
const spoken = (words: readonly string[]) => (n: number) => words[n] ?? String(n);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const englishNumber = spoken([
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
]);
const dutchNumber = spoken([
  'nul',
  'één',
  'twee',
  'drie',
  'vier',
  'vijf',
  'zes',
  'zeven',
  'acht',
  'negen',
  'tien',
  'elf',
]);

const en: Messages = {
  languageName: 'English',
  siteName: 'Humanitarian status',
  tagline: 'Reported conditions in places hit by war or disaster, with every source.',
  skipToContent: 'Skip to content',
  languageSwitch: 'Language',
  indexTitle: 'Reported status of every place',
  indexIntro:
    'Each figure is shown as its source stated it: with its qualifier, the date it describes, who said it and how far it is confirmed.',
  noPlaces: 'No places yet.',
  placeTitle: (name) => `${name}: humanitarian status`,
  allPlaces: 'All places',
  alsoKnownAs: 'Also known as',
  coordinates: 'Coordinates',
  currentStatus: 'Current status',
  noStatus: 'No report about this place yet.',
  noReports: 'no reports yet',
  reportCount: (n) => plural(n, 'report', 'reports'),
  observed: 'Observed',
  published: 'Published',
  source: 'Source',
  via: 'via',
  fullReport: (published) => `Full report of ${published}`,
  fullCorrection: (published) => `Full correction of ${published}`,
  readOnPlacePage: 'described on the place page',
  situationInReport: 'described in the full report',
  qualifiers: { exact: '', approximately: 'about ', at_least: 'at least ', at_most: 'at most ' },
  qualifierNames: { exact: 'exact', approximately: 'about', at_least: 'at least', at_most: 'at most' },
  states: { available: 'available', intermittent: 'intermittent', unavailable: 'unavailable' },
  since: 'since',
  of: 'of',
  basis: {
    total: 'in all, since an unstated date',
    totalBrief: 'in all',
    totalSince: (since) => `in all ${since}`,
    period: (observed) => `in ${observed}`,
    periodUnstated: 'in the period observed',
  },
  range: (low, high) => `${low}–${high}`,
  disagreement: (low, high, sources, newest) =>
    `${low}–${high} by ${sources} sources; the newest says ${newest}`,
  sourcesDisagree: 'Sources disagree',
  periodBeside: (words, source) => `and ${words}, from ${source}`,
  notReported: (label) => `No report on ${label} yet`,
  notReportedShort: 'not reported',
  verification: {
    unconfirmed: 'Unconfirmed',
    corroborated: 'Corroborated',
    verified: 'Verified',
    disputed: 'Disputed',
  },
  verificationLabel: 'Verification',
  sourceKinds: { official: 'official', media: 'media', ngo: 'NGO', social_media: 'social media' },
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  justNow: 'just now',
  ago: (n, unit) => `${plural(n, unit, `${unit}s`)} ago`,
  subscribe: 'Subscribe',
  subscribeIntro: 'Follow this place in a feed reader: every new, corrected or retracted report.',
  subscribeAllIntro: 'Follow every place in a feed reader: every new, corrected or retracted report.',
  feedsOpml: 'Every feed (OPML)',
  jsonApi: 'JSON API',
  chartHeading: 'Residents remaining over time',
  chartTitle: (name) => `Residents remaining in ${name} over time`,
  chartDescription: (count, first, last) =>
    `${count} reported figures from ${first} to ${last}. Retracted and superseded reports are left out. The table below lists each figure with its qualifier.`,
  chartNone: 'No report states how many residents remain yet.',
  chartOne: (value, observed) =>
    `One report states how many residents remain: ${value} (${observed}). A chart needs at least two.`,
  chartAxisValue: 'Residents remaining',
  chartAxisTime: 'Observed',
  chartBaseline: (value) => `before the crisis: ${value}`,
  chartLegend: 'Marker shape shows the qualifier',
  chartTableCaption: 'Reported residents remaining',
  chartWindow: (shown, total) => `From the newest ${shown} of ${total} reports.`,
  chartPeriodsLeftOut: (n) =>
    `${plural(n, 'count', 'counts')} for a period only left out: the chart draws running totals.`,
  history: 'History',
  historyIntro:
    'Every report about this place, newest first. Nothing is deleted: corrections and retractions are marked.',
  historyWindow: (shown, total) =>
    `The newest ${shown} of ${total} reports; the feeds' archives hold the rest.`,
  reportHeading: (published) => `Report of ${published}`,
  retracted: 'Retracted',
  correctedBy: 'Corrected by',
  correctionOf: 'Correction of',
  retractedNote: 'Withdrawn by a moderator; the report says why.',
  reportPublishedAt: (published) => `the report of ${published}`,
  errorBack: 'Back to all places',
  reportedStatus: 'Last reported status',
  lastConfirmed: (date, ago) => `Last confirmed ${date} (${ago})`,
  notConfirmedSince: 'Not confirmed since: this may not be the situation today.',
  newestObserved: 'Newest figures observed',
  addedHere: 'last report added',
  statedBy: 'Stated by',
  quoteIn: (language) => `Quote (${language})`,
  original: (language) => `Original text (${language})`,
  writtenIn: (language) => `written in ${language}`,
  changesHeading: 'What changed',
  notStated: 'not stated',
  valueUnchanged: 'the same figure; its source, quote or note changed',
  restored: 'Restored',
  restoredNote: 'the correction that had replaced this version was retracted',
  reasonLabel: 'Reason',
  reportOn: 'Report on',
  summaryHeading: 'Summary',
  figuresHeading: 'Figures',
  sourceHeading: 'Source',
  fateHeading: 'What became of this report',
  fate: {
    active: 'Current: neither corrected nor retracted.',
    superseded: 'Superseded by a correction.',
    retracted: 'Retracted.',
  },
  sourceName: 'Name',
  sourceRole: 'Role',
  sourceKind: 'Kind',
  sourceLanguage: 'Language of what we hold',
  sourceLink: 'Link',
  correctsReport: 'This report corrects',
  correctedByReport: 'Corrected by',
  retractedOn: (when) => `Retracted on ${when}`,
  withdrawnWithChain: 'Withdrawn with its corrections: every version of this report, at once.',
  reportAsJsonLink: 'This report as JSON',
  placePage: 'Status of the place',
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
  moderation: {
    atDesk: 'Correct or retract this report at the desk',
    withdrawAtDesk: 'Withdraw this report and its corrections at the desk',
    heading: 'Correct or retract a report',
    intro:
      'A correction is published as a new report that replaces this one; a retraction withdraws it. Neither deletes anything: both stay visible, with your reason.',
    correctFigure: (label) => `Correct: ${label}`,
    correctionHeading: (label) => `Correct one figure: ${label}`,
    correctionIntro:
      'Change what the source got wrong, or what was entered wrong. Empty the fields to drop the figure.',
    reason: 'Reason (shown to every reader)',
    publishCorrection: 'Publish the correction',
    retract: 'Withdraw this report',
    retractionIntro:
      'A withdrawn report stays visible, marked as retracted, with your reason. Its figures leave the current status; if it corrected an earlier version, that version is current again.',
    publishRetraction: 'Withdraw it',
    withdrawChain: (n) =>
      `This withdraws the report and its ${n} ${n === 1 ? 'correction' : 'corrections'}: every version, at once, with your reason. No earlier version is published again; the figures they stated leave the current status.`,
    replaced: 'A correction replaced this version, so it cannot be corrected itself.',
    currentVersion: (published) => `The current version, published ${published}`,
    notModerator: 'This token may not correct or retract reports.',
    cannot: 'This report cannot be moderated now',
    namedReport: (place, observed, published) =>
      `the report on ${place} observed ${observed}, published ${published}`,
    refusals: {
      busy: (report) =>
        `Another request is correcting or withdrawing ${report} right now. Try again in a moment.`,
      retracted: (report) => `Already withdrawn: ${report}.`,
      superseded: (report, by) =>
        `A correction replaced ${report}: ${by}. Correct that one instead, or withdraw this one with all its corrections.`,
      chainAcrossPlaces: (report) =>
        `Some versions of ${report} are filed under another place, so they cannot be withdrawn in one step. Withdraw the current version first, then each earlier one.`,
    },
  },
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
    language: 'Language (a code such as "en" or "nl")',
    text: 'Text',
    summary: 'Summary',
    original: 'Original text',
    preview: 'Preview',
    publish: 'Publish',
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
  },
  noDeskScope: 'This token may not write, correct or edit anything, so the desk has nothing for it.',
  formExpired:
    'This form is from an earlier session, or from another site. Open the desk again and send it from there.',
  changePrefix: { new: '', correction: 'Corrected: ', retraction: 'Retracted: ', restored: 'Restored: ' },
  changeTitle: {
    correction: (subject, reason) => `Correction to ${subject}${reason ? `, because ${reason}` : ''}`,
    retraction: (subject, reason) => `Withdrawn: ${subject}${reason ? `, because ${reason}` : ''}`,
    restored: (subject, reason) =>
      `Restored: ${subject}, as the correction that had replaced it was withdrawn${reason ? ` because ${reason}` : ''}`,
  },
  changedReportLink: 'The report this changes',
  currentVersionLink: 'The current version',
  utilityHeadline: {
    available: (subject) => `${subject} available`,
    intermittent: (subject) => `intermittent ${subject}`,
    unavailable: (subject) => `no ${subject}`,
  },
  forDuration: (text, duration) => `${text} for ${duration}`,
  sinceDate: (text, date) => `${text} since ${date}`,
  monthCount: (n) => (n === 1 ? 'one month' : `${englishNumber(n)} months`),
  yearCount: (n) => (n === 1 ? 'one year' : `${englishNumber(n)} years`),
  or: 'or',
  updateOf: (label) => `${label} update`,
  report: 'report',
  correction: 'Correction',
  archivedSummary:
    'Archived summary; the full report, with notes, quote and source details, is linked below.',
  archivedState: { active: '', superseded: 'Superseded by a correction. ', retracted: 'Retracted. ' },
};

const nl: Messages = {
  languageName: 'Nederlands',
  siteName: 'Humanitaire situatie',
  tagline: 'Gemelde omstandigheden in plaatsen getroffen door oorlog of ramp, met elke bron.',
  skipToContent: 'Naar de inhoud',
  languageSwitch: 'Taal',
  indexTitle: 'Gemelde situatie per plaats',
  indexIntro:
    'Elk cijfer staat er zoals de bron het gaf: met de slag om de arm, de datum waarover het gaat, wie het zei en hoe zeker het is.',
  noPlaces: 'Nog geen plaatsen.',
  placeTitle: (name) => `${name}: humanitaire situatie`,
  allPlaces: 'Alle plaatsen',
  alsoKnownAs: 'Ook bekend als',
  coordinates: 'Coördinaten',
  currentStatus: 'Huidige situatie',
  noStatus: 'Nog geen melding over deze plaats.',
  noReports: 'nog geen meldingen',
  reportCount: (n) => plural(n, 'melding', 'meldingen'),
  observed: 'Waargenomen',
  published: 'Gepubliceerd',
  source: 'Bron',
  via: 'via',
  fullReport: (published) => `Volledige melding van ${published}`,
  fullCorrection: (published) => `Volledige correctie van ${published}`,
  readOnPlacePage: 'beschreven op de pagina van de plaats',
  situationInReport: 'beschreven in de volledige melding',
  qualifiers: { exact: '', approximately: 'ongeveer ', at_least: 'ten minste ', at_most: 'hoogstens ' },
  qualifierNames: { exact: 'exact', approximately: 'ongeveer', at_least: 'ten minste', at_most: 'hoogstens' },
  states: { available: 'beschikbaar', intermittent: 'met onderbrekingen', unavailable: 'niet beschikbaar' },
  since: 'sinds',
  of: 'van',
  basis: {
    total: 'in totaal, sinds een onbekende datum',
    totalBrief: 'in totaal',
    totalSince: (since) => `in totaal ${since}`,
    period: (observed) => `in ${observed}`,
    periodUnstated: 'in de waargenomen periode',
  },
  range: (low, high) => `${low}–${high}`,
  disagreement: (low, high, sources, newest) =>
    `${low}–${high} volgens ${sources} bronnen; de nieuwste zegt ${newest}`,
  sourcesDisagree: 'Bronnen spreken elkaar tegen',
  periodBeside: (words, source) => `en ${words}, volgens ${source}`,
  notReported: (label) => `Nog geen bericht over ${label}`,
  notReportedShort: 'niet gemeld',
  verification: {
    unconfirmed: 'Onbevestigd',
    corroborated: 'Door andere bronnen gestaafd',
    verified: 'Geverifieerd',
    disputed: 'Betwist',
  },
  verificationLabel: 'Verificatie',
  sourceKinds: {
    official: 'officieel',
    media: 'media',
    ngo: 'niet-gouvernementele organisatie',
    social_media: 'sociale media',
  },
  months: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  justNow: 'zojuist',
  ago: (n, unit) => {
    const words = {
      minute: ['minuut', 'minuten'],
      hour: ['uur', 'uur'],
      day: ['dag', 'dagen'],
      month: ['maand', 'maanden'],
      year: ['jaar', 'jaar'],
    } as const;
    const [one, many] = words[unit];
    return `${plural(n, one, many)} geleden`;
  },
  subscribe: 'Abonneren',
  subscribeIntro: 'Volg deze plaats in een feedlezer: elke nieuwe, gecorrigeerde of ingetrokken melding.',
  subscribeAllIntro:
    'Volg alle plaatsen in een feedlezer: elke nieuwe, gecorrigeerde of ingetrokken melding.',
  feedsOpml: 'Alle feeds (OPML)',
  jsonApi: 'JSON-API',
  chartHeading: 'Overgebleven inwoners door de tijd',
  chartTitle: (name) => `Overgebleven inwoners van ${name} door de tijd`,
  chartDescription: (count, first, last) =>
    `${count} gemelde cijfers van ${first} tot ${last}. Ingetrokken en vervangen meldingen zijn weggelaten. De tabel hieronder geeft elk cijfer met zijn slag om de arm.`,
  chartNone: 'Nog geen melding zegt hoeveel inwoners er over zijn.',
  chartOne: (value, observed) =>
    `Eén melding zegt hoeveel inwoners er over zijn: ${value} (${observed}). Een grafiek vraagt er ten minste twee.`,
  chartAxisValue: 'Overgebleven inwoners',
  chartAxisTime: 'Waargenomen',
  chartBaseline: (value) => `voor de crisis: ${value}`,
  chartLegend: 'De vorm van de punt geeft de slag om de arm',
  chartTableCaption: 'Gemelde overgebleven inwoners',
  chartWindow: (shown, total) => `Uit de nieuwste ${shown} van ${total} meldingen.`,
  chartPeriodsLeftOut: (n) =>
    `${plural(n, 'telling', 'tellingen')} voor alleen een periode weggelaten: de grafiek toont lopende totalen.`,
  history: 'Geschiedenis',
  historyIntro:
    'Elke melding over deze plaats, nieuwste eerst. Niets wordt gewist: correcties en intrekkingen staan erbij.',
  historyWindow: (shown, total) =>
    `De nieuwste ${shown} van ${total} meldingen; de archieven van de feeds bevatten de rest.`,
  reportHeading: (published) => `Melding van ${published}`,
  retracted: 'Ingetrokken',
  correctedBy: 'Gecorrigeerd door',
  correctionOf: 'Correctie van',
  retractedNote: 'Ingetrokken door een moderator; de melding zegt waarom.',
  reportPublishedAt: (published) => `de melding van ${published}`,
  errorBack: 'Terug naar alle plaatsen',
  reportedStatus: 'Laatst gemelde situatie',
  lastConfirmed: (date, ago) => `Laatst bevestigd ${date} (${ago})`,
  notConfirmedSince: 'Sindsdien niet bevestigd: dit is misschien niet de situatie van vandaag.',
  newestObserved: 'Nieuwste cijfers waargenomen',
  addedHere: 'laatste melding toegevoegd',
  statedBy: 'Gezegd door',
  quoteIn: (language) => `Citaat (${language})`,
  original: (language) => `Oorspronkelijke tekst (${language})`,
  writtenIn: (language) => `geschreven in het ${language}`,
  changesHeading: 'Wat er veranderde',
  notStated: 'niet vermeld',
  valueUnchanged: 'hetzelfde cijfer; de bron, het citaat of de toelichting veranderde',
  restored: 'Hersteld',
  restoredNote: 'de correctie die deze versie had vervangen is ingetrokken',
  reasonLabel: 'Reden',
  reportOn: 'Melding over',
  summaryHeading: 'Samenvatting',
  figuresHeading: 'Cijfers',
  sourceHeading: 'Bron',
  fateHeading: 'Wat er van deze melding werd',
  fate: {
    active: 'Actueel: niet gecorrigeerd of ingetrokken.',
    superseded: 'Vervangen door een correctie.',
    retracted: 'Ingetrokken.',
  },
  sourceName: 'Naam',
  sourceRole: 'Functie',
  sourceKind: 'Soort',
  sourceLanguage: 'Taal van wat wij hebben',
  sourceLink: 'Link',
  correctsReport: 'Deze melding corrigeert',
  correctedByReport: 'Gecorrigeerd door',
  retractedOn: (when) => `Ingetrokken op ${when}`,
  withdrawnWithChain: 'Ingetrokken met haar correcties: elke versie van deze melding, tegelijk.',
  reportAsJsonLink: 'Deze melding als JSON',
  placePage: 'Situatie van de plaats',
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
  moderation: {
    atDesk: 'Deze melding corrigeren of intrekken bij de redactie',
    withdrawAtDesk: 'Deze melding en haar correcties intrekken bij de redactie',
    heading: 'Een melding corrigeren of intrekken',
    intro:
      'Een correctie verschijnt als nieuwe melding die deze vervangt; een intrekking trekt haar terug. Geen van beide wist iets: beide blijven zichtbaar, met uw reden.',
    correctFigure: (label) => `Corrigeren: ${label}`,
    correctionHeading: (label) => `Eén cijfer corrigeren: ${label}`,
    correctionIntro:
      'Verander wat de bron of de invoer verkeerd had. Maak de velden leeg om het cijfer te laten vallen.',
    reason: 'Reden (elke lezer ziet die)',
    publishCorrection: 'Correctie publiceren',
    retract: 'Deze melding intrekken',
    retractionIntro:
      'Een ingetrokken melding blijft zichtbaar, gemarkeerd als teruggetrokken, met uw reden. Haar cijfers verdwijnen uit de huidige situatie; corrigeerde zij een eerdere versie, dan geldt die weer.',
    publishRetraction: 'Intrekken',
    withdrawChain: (n) =>
      `Dit trekt de melding en haar ${n} ${n === 1 ? 'correctie' : 'correcties'} in: elke versie, tegelijk, met uw reden. Geen eerdere versie verschijnt opnieuw; de cijfers die zij noemden verdwijnen uit de huidige situatie.`,
    replaced: 'Een correctie verving deze versie, dus zelf kan zij niet worden gecorrigeerd.',
    currentVersion: (published) => `De huidige versie, gepubliceerd ${published}`,
    notModerator: 'Dit token mag geen meldingen corrigeren of intrekken.',
    cannot: 'Deze melding kan nu niet worden gecorrigeerd of ingetrokken',
    namedReport: (place, observed, published) =>
      `de melding over ${place} waargenomen ${observed}, gepubliceerd ${published}`,
    refusals: {
      busy: (report) =>
        `Een ander verzoek corrigeert of trekt op dit moment ${report} in. Probeer het zo opnieuw.`,
      retracted: (report) => `Al ingetrokken: ${report}.`,
      superseded: (report, by) =>
        `Een correctie verving ${report}: ${by}. Corrigeer die, of trek deze in met al haar correcties.`,
      chainAcrossPlaces: (report) =>
        `Sommige versies van ${report} staan bij een andere plaats, dus ze kunnen niet in één stap worden ingetrokken. Trek eerst de huidige versie in, dan elke eerdere.`,
    },
  },
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
    language: 'Taal (een code zoals "en" of "nl")',
    text: 'Tekst',
    summary: 'Samenvatting',
    original: 'Oorspronkelijke tekst',
    preview: 'Voorbeeld',
    publish: 'Publiceren',
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
  },
  noDeskScope: 'Dit token mag niets schrijven, corrigeren of bewerken, dus de redactie heeft er niets voor.',
  formExpired:
    'Dit formulier komt uit een eerdere sessie of van een andere site. Open de redactie opnieuw en verstuur het van daaruit.',
  changePrefix: {
    new: '',
    correction: 'Gecorrigeerd: ',
    retraction: 'Ingetrokken: ',
    restored: 'Hersteld: ',
  },
  changeTitle: {
    correction: (subject, reason) => `Correctie op ${subject}${reason ? ` (reden: ${reason})` : ''}`,
    retraction: (subject, reason) => `Ingetrokken: ${subject}${reason ? ` (reden: ${reason})` : ''}`,
    restored: (subject, reason) =>
      `Hersteld: ${subject}, want de correctie die het had vervangen is ingetrokken${reason ? ` (reden: ${reason})` : ''}`,
  },
  changedReportLink: 'De melding die dit wijzigt',
  currentVersionLink: 'De huidige versie',
  utilityHeadline: {
    available: (subject) => `${subject} beschikbaar`,
    intermittent: (subject) => `${subject} met onderbrekingen`,
    unavailable: (subject) => `geen ${subject}`,
  },
  forDuration: (text, duration) => `${text}, al ${duration}`,
  sinceDate: (text, date) => `${text} sinds ${date}`,
  monthCount: (n) => `${dutchNumber(n)} ${n === 1 ? 'maand' : 'maanden'}`,
  yearCount: (n) => `${dutchNumber(n)} jaar`,
  or: 'of',
  updateOf: (label) => `nieuws over ${label}`,
  report: 'melding',
  correction: 'Correctie',
  archivedSummary:
    'Samenvatting uit het archief; de volledige melding, met toelichting, citaat en bron, staat hieronder gelinkt.',
  archivedState: { active: '', superseded: 'Vervangen door een correctie. ', retracted: 'Ingetrokken. ' },
};

export const messages: Record<Language, Messages> = { en, nl };
