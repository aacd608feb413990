// Every word the service shows people, in every page language (English; Dutch, the first
// source's; Ukrainian, the places'): the pages, the feeds, headlines and exports. Typed: a
// language that lacks a message does not compile, and tests/unit/message-tables.test.ts checks
// that none is empty. Indicator labels are not here; they come from the indicator registry,
// which holds every language's. The desk's own words are in src/desk/words.ts.

import type { feedChanges } from '../domain/feed.ts';
import { type IndicatorOfKind, indicatorRegistry } from '../domain/indicators.ts';
import type { Language } from '../domain/languages.ts';
import type { Qualifier, ReportState, sourceKinds, utilityStates, Verification } from '../domain/model.ts';
import { type ProblemType, problemCatalogue } from '../problems.ts';

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
  /** "since about September 2022": `date` is worded with `monthsGoverned`. */
  sinceWhen: (qualifier: Qualifier, date: string) => string;
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
  /** Month names on their own: "November 2022". */
  months: readonly string[];
  /**
   * Month names after a day's number or after "since" ("5 грудня 2026", "з вересня 2022"):
   * Ukrainian puts them in the genitive; English and Dutch do not change them.
   */
  monthsGoverned: readonly string[];
  justNow: string;
  ago: (n: number, unit: Unit) => string;
  subscribe: string;
  subscribeIntro: string;
  subscribeAllIntro: string;
  feedsOpml: string;
  jsonApi: string;
  /** The footer's links to the open data: the feeds, the exports and the API reference. */
  openData: string;
  feeds: string;
  exports: string;
  exportNames: { statusCsv: string; statusGeoJson: string; placesCsv: string };
  apiReference: string;
  /** The discreet link from a public page to its report's page at the desk. */
  atTheDesk: string;
  /** Who published a report, shown when the operator chose to (PUBLISHED_BY_PUBLIC). */
  publishedBy: string;
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
  /** An error page's heading for each problem type; English is the problem's own title. */
  problemTitles: Record<ProblemType, string>;
  /** On the page that answers a ?lang= the pages are not written in. */
  unknownLanguage: string;
  languagesOffered: string;
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
  moderation: {
    atDesk: string;
    withdrawAtDesk: string;
    heading: string;
    intro: string;
    correctFigure: (label: string) => string;
    correctionHeading: (label: string) => string;
    correctionIntro: string;
    correctWhole: string;
    wholeHeading: string;
    wholeIntro: string;
    /** A whole correction sent as the report already was. */
    nothingChanged: string;
    reason: string;
    publishCorrection: string;
    retract: string;
    retractionIntro: string;
    publishRetraction: string;
    /** On a current correction: the second button, which withdraws it alone. */
    withdrawOnlyCorrection: string;
    /** On a superseded version or a current correction: what its withdrawal takes with it. */
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
  /** A feed's title: of one place, or of all places when `place` is undefined. */
  feedTitle: (place: string | undefined) => string;
  feedArchiveTitle: (title: string) => string;
  feedAuthor: string;
  /** An RSS channel's description. */
  feedDescription: (title: string) => string;
  /** How a headline states a count ("{n} civilians killed"); `n` is the number with its qualifier. */
  countPhrases: Record<IndicatorOfKind<'count'>, (n: string, one: boolean) => string>;
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

const englishQualifiers = { exact: '', approximately: 'about ', at_least: 'at least ', at_most: 'at most ' };
const dutchQualifiers = {
  exact: '',
  approximately: 'ongeveer ',
  at_least: 'ten minste ',
  at_most: 'hoogstens ',
};

const englishMonths = [
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
];
const dutchMonths = [
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
];

/** The English phrases are the registry's own, which the API also gives. */
const englishCountPhrases = Object.fromEntries(
  indicatorRegistry.flatMap((indicator) =>
    'phrase' in indicator
      ? [
          [
            indicator.id,
            (n: string, one: boolean) => (one ? indicator.phraseOne : indicator.phrase).replace('{n}', n),
          ],
        ]
      : [],
  ),
) as Messages['countPhrases'];

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
  qualifiers: englishQualifiers,
  qualifierNames: { exact: 'exact', approximately: 'about', at_least: 'at least', at_most: 'at most' },
  states: { available: 'available', intermittent: 'intermittent', unavailable: 'unavailable' },
  sinceWhen: (qualifier, date) => `since ${englishQualifiers[qualifier]}${date}`,
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
  months: englishMonths,
  monthsGoverned: englishMonths,
  justNow: 'just now',
  ago: (n, unit) => `${plural(n, unit, `${unit}s`)} ago`,
  subscribe: 'Subscribe',
  subscribeIntro: 'Follow this place in a feed reader: every new, corrected or retracted report.',
  subscribeAllIntro: 'Follow every place in a feed reader: every new, corrected or retracted report.',
  feedsOpml: 'Every feed (OPML)',
  jsonApi: 'JSON API',
  openData: 'Open data',
  feeds: 'Feeds',
  exports: 'Exports',
  exportNames: { statusCsv: 'Status (CSV)', statusGeoJson: 'Status (GeoJSON)', placesCsv: 'Places (CSV)' },
  apiReference: 'API reference',
  atTheDesk: 'This report at the desk',
  publishedBy: 'Published by',
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
  problemTitles: Object.fromEntries(problemCatalogue.map((kind) => [kind.type, kind.title])) as Record<
    ProblemType,
    string
  >,
  unknownLanguage: 'These pages are not written in that language',
  languagesOffered: 'They are written in:',
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
    correctWhole: 'Correct the whole report',
    wholeHeading: 'Correct the whole report',
    wholeIntro:
      'The form holds what the report says now. Change what is wrong: the place, the observed date, the summary, the source, the verification or any figure. Fill in a figure to add it; empty its fields to drop it. The correction replaces this version with what you changed, and your reason is shown with it.',
    nothingChanged: 'Nothing was changed. Change what is wrong, then publish the correction.',
    reason: 'Reason (shown to every reader)',
    publishCorrection: 'Publish the correction',
    retract: 'Withdraw this report',
    retractionIntro:
      'A withdrawn report stays visible, marked as retracted, with your reason. Its figures leave the current status; if it corrected an earlier version, that version is current again.',
    publishRetraction: 'Withdraw it',
    withdrawOnlyCorrection: 'Withdraw only this correction: the version before it is current again',
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
  feedTitle: (place) => `Humanitarian status: ${place ?? 'all places'}`,
  feedArchiveTitle: (title) => `${title} (archive)`,
  feedAuthor: 'Humanitarian status feed',
  feedDescription: (title) => `Reported humanitarian conditions: ${title}`,
  countPhrases: englishCountPhrases,
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
  qualifiers: dutchQualifiers,
  qualifierNames: { exact: 'exact', approximately: 'ongeveer', at_least: 'ten minste', at_most: 'hoogstens' },
  states: { available: 'beschikbaar', intermittent: 'met onderbrekingen', unavailable: 'niet beschikbaar' },
  sinceWhen: (qualifier, date) => `sinds ${dutchQualifiers[qualifier]}${date}`,
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
  months: dutchMonths,
  monthsGoverned: dutchMonths,
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
  openData: 'Open data',
  feeds: 'Feeds',
  exports: 'Downloads',
  exportNames: { statusCsv: 'Status (CSV)', statusGeoJson: 'Status (GeoJSON)', placesCsv: 'Plaatsen (CSV)' },
  apiReference: 'API-documentatie',
  atTheDesk: 'Deze melding op de redactie',
  publishedBy: 'Gepubliceerd door',
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
  problemTitles: {
    'invalid-body': 'Het verzoek is ongeldig',
    'unconfirmed-warnings': 'De melding moet nog eens worden bekeken',
    'invalid-request': 'Een parameter van het adres is ongeldig',
    'bad-request': 'Het verzoek kon niet worden gelezen',
    'unsupported-media-type': 'Dit soort inhoud wordt niet ondersteund',
    'payload-too-large': 'Het verzoek is te groot',
    unauthenticated: 'Aanmelden is nodig',
    forbidden: 'Hiervoor hebt u geen toestemming',
    'cross-site-form': 'Het formulier kwam van een andere site',
    'rate-limited': 'Te veel wijzigingen tegelijk',
    'too-many-attempts': 'Te veel onjuiste tokens of uitnodigingen',
    'not-found': 'Niet gevonden',
    'method-not-allowed': 'Dat kan hier niet',
    conflict: 'Conflict',
    unavailable: 'De opslag is niet bereikbaar',
    internal: 'Interne fout',
  },
  unknownLanguage: 'Deze pagina’s zijn niet in die taal geschreven',
  languagesOffered: 'Ze zijn geschreven in:',
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
    correctWhole: 'De hele melding corrigeren',
    wholeHeading: 'De hele melding corrigeren',
    wholeIntro:
      'Het formulier bevat wat de melding nu zegt. Verander wat niet klopt: de plaats, de waarnemingsdatum, de samenvatting, de bron, de verificatie of een cijfer. Vul een cijfer in om het toe te voegen; maak de velden leeg om het te laten vallen. De correctie vervangt deze versie door wat u veranderde, en toont uw reden erbij.',
    nothingChanged: 'Er is niets veranderd. Verander wat niet klopt en publiceer dan de correctie.',
    reason: 'Reden (elke lezer ziet die)',
    publishCorrection: 'Correctie publiceren',
    retract: 'Deze melding intrekken',
    retractionIntro:
      'Een ingetrokken melding blijft zichtbaar, gemarkeerd als teruggetrokken, met uw reden. Haar cijfers verdwijnen uit de huidige situatie; corrigeerde zij een eerdere versie, dan geldt die weer.',
    publishRetraction: 'Intrekken',
    withdrawOnlyCorrection: 'Alleen deze correctie intrekken: de versie ervoor geldt dan weer',
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
  feedTitle: (place) => `Humanitaire situatie: ${place ?? 'alle plaatsen'}`,
  feedArchiveTitle: (title) => `${title} (archief)`,
  feedAuthor: 'Feed humanitaire situatie',
  feedDescription: (title) => `Gemelde humanitaire omstandigheden: ${title}`,
  countPhrases: {
    population_baseline: (n, one) => `${n} ${one ? 'inwoner' : 'inwoners'} voor de crisis`,
    population_remaining: (n, one) => `${n} ${one ? 'inwoner' : 'inwoners'} over`,
    civilian_deaths: (n, one) => `${n} ${one ? 'burgerdode' : 'burgerdoden'}`,
    civilian_injuries: (n, one) => `${n} ${one ? 'gewonde burger' : 'gewonde burgers'}`,
  },
};

// Ukrainian counts take one of three forms: 1 звіт, 2 звіти, 5 звітів (and 21 звіт, 22 звіти).
// Only whole numbers are counted here, so the rules' `other` (fractions) never comes up.
const ukrainianRules = new Intl.PluralRules('uk');
const ukrainianDigits = new Intl.NumberFormat('uk');

/** The form of a Ukrainian noun that goes with `n`: `[one, few, many]`. */
export function ukrainianForm(n: number, forms: readonly [one: string, few: string, many: string]): string {
  const rule = ukrainianRules.select(n);
  return rule === 'one' ? forms[0] : rule === 'few' ? forms[1] : forms[2];
}

/** "5 звітів": a number with the form of its noun. */
export const ukrainianCount = (n: number, forms: readonly [string, string, string]) =>
  `${ukrainianDigits.format(n)} ${ukrainianForm(n, forms)}`;

/** Numbers up to eleven in the genitive, as "протягом двох місяців" needs them. */
const ukrainianGenitive = spoken([
  'нуля',
  'одного',
  'двох',
  'трьох',
  'чотирьох',
  'пʼяти',
  'шести',
  'семи',
  'восьми',
  'девʼяти',
  'десяти',
  'одинадцяти',
]);

const uk: Messages = {
  languageName: 'Українська',
  siteName: 'Гуманітарна ситуація',
  tagline: 'Умови життя в населених пунктах, що постраждали від війни чи катастрофи, — з кожним джерелом.',
  skipToContent: 'Перейти до змісту',
  languageSwitch: 'Мова',
  indexTitle: 'Повідомлена ситуація в кожному населеному пункті',
  indexIntro:
    'Кожну цифру подано так, як її навело джерело: із застереженням, датою, якої вона стосується, тим, хто її навів, і тим, наскільки її підтверджено.',
  noPlaces: 'Населених пунктів ще немає.',
  placeTitle: (name) => `${name}: гуманітарна ситуація`,
  allPlaces: 'Усі населені пункти',
  alsoKnownAs: 'Інші назви',
  coordinates: 'Координати',
  currentStatus: 'Поточна ситуація',
  noStatus: 'Про цей населений пункт ще немає жодного звіту.',
  noReports: 'звітів ще немає',
  reportCount: (n) => ukrainianCount(n, ['звіт', 'звіти', 'звітів']),
  observed: 'Дата спостереження',
  published: 'Опубліковано',
  source: 'Джерело',
  via: 'через',
  fullReport: (published) => `Повний звіт від ${published}`,
  fullCorrection: (published) => `Повне виправлення від ${published}`,
  readOnPlacePage: 'описано на сторінці населеного пункту',
  situationInReport: 'описано в повному звіті',
  qualifiers: { exact: '', approximately: 'близько ', at_least: 'щонайменше ', at_most: 'щонайбільше ' },
  qualifierNames: {
    exact: 'точно',
    approximately: 'близько',
    at_least: 'щонайменше',
    at_most: 'щонайбільше',
  },
  states: { available: 'є', intermittent: 'з перебоями', unavailable: 'немає' },
  sinceWhen: (qualifier, date) =>
    `${{ exact: '', approximately: 'приблизно ', at_least: 'щонайменше ', at_most: 'щонайбільше ' }[qualifier]}з ${date}`,
  of: 'з',
  basis: {
    total: 'загалом, від невказаної дати',
    totalBrief: 'загалом',
    totalSince: (since) => `загалом ${since}`,
    period: (observed) => `за ${observed}`,
    periodUnstated: 'за період спостереження',
  },
  range: (low, high) => `${low}–${high}`,
  disagreement: (low, high, sources, newest) =>
    `${low}–${high} за даними ${sources} джерел; найновіше каже: ${newest}`,
  sourcesDisagree: 'Джерела розходяться',
  periodBeside: (words, source) => `і ${words}, за даними: ${source}`,
  notReported: (label) => `Ще немає повідомлень: ${label}`,
  notReportedShort: 'не повідомлено',
  verification: {
    unconfirmed: 'Не підтверджено',
    corroborated: 'Підтверджено іншими джерелами',
    verified: 'Перевірено',
    disputed: 'Оскаржується',
  },
  verificationLabel: 'Перевірка',
  sourceKinds: {
    official: 'офіційне',
    media: 'ЗМІ',
    ngo: 'неурядова організація',
    social_media: 'соціальні мережі',
  },
  months: [
    'січень',
    'лютий',
    'березень',
    'квітень',
    'травень',
    'червень',
    'липень',
    'серпень',
    'вересень',
    'жовтень',
    'листопад',
    'грудень',
  ],
  monthsGoverned: [
    'січня',
    'лютого',
    'березня',
    'квітня',
    'травня',
    'червня',
    'липня',
    'серпня',
    'вересня',
    'жовтня',
    'листопада',
    'грудня',
  ],
  justNow: 'щойно',
  ago: (n, unit) => {
    // "тому" takes the accusative: 1 хвилину, 2 хвилини, 5 хвилин тому.
    const forms = {
      minute: ['хвилину', 'хвилини', 'хвилин'],
      hour: ['годину', 'години', 'годин'],
      day: ['день', 'дні', 'днів'],
      month: ['місяць', 'місяці', 'місяців'],
      year: ['рік', 'роки', 'років'],
    } as const;
    return `${ukrainianCount(n, forms[unit])} тому`;
  },
  subscribe: 'Підписатися',
  subscribeIntro:
    'Стежте за цим населеним пунктом у програмі для читання стрічок: кожен новий, виправлений чи відкликаний звіт.',
  subscribeAllIntro:
    'Стежте за всіма населеними пунктами в програмі для читання стрічок: кожен новий, виправлений чи відкликаний звіт.',
  feedsOpml: 'Усі стрічки (OPML)',
  jsonApi: 'JSON API',
  chartHeading: 'Скільки мешканців залишилося: зміни в часі',
  chartTitle: (name) => `${name}: скільки мешканців залишилося, зміни в часі`,
  chartDescription: (count, first, last) =>
    `Повідомлених цифр: ${count}, від ${first} до ${last}. Відкликані та замінені звіти не враховано. У таблиці нижче кожну цифру подано з її застереженням.`,
  chartNone: 'Ще жоден звіт не повідомляє, скільки мешканців залишилося.',
  chartOne: (value, observed) =>
    `Лише один звіт повідомляє, скільки мешканців залишилося: ${value} (${observed}). Для графіка потрібно щонайменше два.`,
  chartAxisValue: 'Мешканці, що залишилися',
  chartAxisTime: 'Дата спостереження',
  chartBaseline: (value) => `до кризи: ${value}`,
  chartLegend: 'Форма позначки показує застереження',
  chartTableCaption: 'Повідомлена кількість мешканців, що залишилися',
  chartWindow: (shown, total) => `За найновішими звітами: ${shown} із ${total}.`,
  chartPeriodsLeftOut: (n) =>
    `Не показано ${ukrainianCount(n, ['підрахунок', 'підрахунки', 'підрахунків'])} лише за окремий період: графік показує наростальні підсумки.`,
  history: 'Історія',
  historyIntro:
    'Усі звіти про цей населений пункт, найновіші першими. Нічого не видаляється: виправлення та відкликання позначено.',
  historyWindow: (shown, total) => `Найновіші звіти: ${shown} із ${total}; решта — в архівах стрічок.`,
  reportHeading: (published) => `Звіт від ${published}`,
  retracted: 'Відкликано',
  correctedBy: 'Виправлено:',
  correctionOf: 'Виправляє:',
  retractedNote: 'Відкликано модератором; у звіті сказано чому.',
  reportPublishedAt: (published) => `звіт від ${published}`,
  errorBack: 'До всіх населених пунктів',
  problemTitles: {
    'invalid-body': 'Запит містить помилки',
    'unconfirmed-warnings': 'Звіт потребує повторної перевірки',
    'invalid-request': 'Неправильний параметр адреси',
    'bad-request': 'Запит не вдалося прочитати',
    'unsupported-media-type': 'Такий тип вмісту не підтримується',
    'payload-too-large': 'Запит завеликий',
    unauthenticated: 'Потрібно увійти',
    forbidden: 'Недостатньо прав',
    'cross-site-form': 'Форму надіслано з іншого сайту',
    'rate-limited': 'Забагато змін поспіль',
    'too-many-attempts': 'Забагато неправильних токенів або запрошень',
    'not-found': 'Не знайдено',
    'method-not-allowed': 'Тут так не можна',
    conflict: 'Конфлікт',
    unavailable: 'Сховище недоступне',
    internal: 'Внутрішня помилка',
  },
  unknownLanguage: 'Цією мовою сторінки не написано',
  languagesOffered: 'Сторінки доступні такими мовами:',
  reportedStatus: 'Остання повідомлена ситуація',
  lastConfirmed: (date, ago) => `Востаннє підтверджено: ${date} (${ago})`,
  notConfirmedSince: 'Відтоді не підтверджено: сьогодні ситуація може бути іншою.',
  newestObserved: 'Дата найновіших цифр',
  addedHere: 'останній звіт додано',
  statedBy: 'Джерело цифри',
  quoteIn: (language) => `Цитата (${language})`,
  original: (language) => `Оригінальний текст (${language})`,
  writtenIn: (language) => `мова оригіналу: ${language}`,
  changesHeading: 'Що змінилося',
  notStated: 'не вказано',
  valueUnchanged: 'та сама цифра; змінилися джерело, цитата чи примітка',
  restored: 'Відновлено',
  restoredNote: 'виправлення, яке замінило цю версію, відкликано',
  reasonLabel: 'Причина',
  reportOn: 'Звіт:',
  summaryHeading: 'Стислий виклад',
  figuresHeading: 'Цифри',
  sourceHeading: 'Джерело',
  fateHeading: 'Що сталося з цим звітом',
  fate: {
    active: 'Чинний: не виправлений і не відкликаний.',
    superseded: 'Замінено виправленням.',
    retracted: 'Відкликано.',
  },
  sourceName: 'Назва або імʼя',
  sourceRole: 'Посада чи роль',
  sourceKind: 'Тип',
  sourceLanguage: 'Мова тексту, який ми маємо',
  sourceLink: 'Посилання',
  correctsReport: 'Цей звіт виправляє',
  correctedByReport: 'Виправлено',
  retractedOn: (when) => `Відкликано ${when}`,
  withdrawnWithChain: 'Відкликано разом з виправленнями: усі версії цього звіту одночасно.',
  reportAsJsonLink: 'Цей звіт у форматі JSON',
  placePage: 'Ситуація в населеному пункті',
  openData: 'Відкриті дані',
  feeds: 'Стрічки',
  exports: 'Завантаження',
  exportNames: {
    statusCsv: 'Ситуація (CSV)',
    statusGeoJson: 'Ситуація (GeoJSON)',
    placesCsv: 'Населені пункти (CSV)',
  },
  apiReference: 'Документація API',
  atTheDesk: 'Цей звіт у редакції',
  publishedBy: 'Опублікував(-ла)',
  moderation: {
    atDesk: 'Виправити або відкликати цей звіт у редакції',
    withdrawAtDesk: 'Відкликати цей звіт і його виправлення в редакції',
    heading: 'Виправити або відкликати звіт',
    intro:
      'Виправлення публікується як новий звіт, що замінює цей; відкликання знімає звіт. Ні те, ні інше нічого не видаляє: обидва залишаються видимими, з вашою причиною.',
    correctFigure: (label) => `Виправити: ${label}`,
    correctionHeading: (label) => `Виправити одну цифру: ${label}`,
    correctionIntro:
      'Змініть те, у чому помилилося джерело або що було введено неправильно. Очистьте поля, щоб прибрати цифру.',
    correctWhole: 'Виправити весь звіт',
    wholeHeading: 'Виправити весь звіт',
    wholeIntro:
      'У формі — те, що звіт каже зараз. Змініть те, що неправильно: населений пункт, дату спостереження, стислий виклад, джерело, перевірку чи будь-яку цифру. Заповніть цифру, щоб додати її; очистьте її поля, щоб прибрати. Виправлення замінює цю версію зміненою, і поруч показано вашу причину.',
    nothingChanged: 'Нічого не змінено. Змініть те, що неправильно, і тоді опублікуйте виправлення.',
    reason: 'Причина (її бачитиме кожен читач)',
    publishCorrection: 'Опублікувати виправлення',
    retract: 'Відкликати цей звіт',
    retractionIntro:
      'Відкликаний звіт залишається видимим, з позначкою «відкликано» і вашою причиною. Його цифри вилучаються з поточної ситуації; якщо він виправляв попередню версію, чинною знову стає вона.',
    publishRetraction: 'Відкликати',
    withdrawOnlyCorrection: 'Відкликати лише це виправлення: чинною знову стане попередня версія',
    withdrawChain: (n) =>
      `Буде відкликано звіт і його ${ukrainianCount(n, ['виправлення', 'виправлення', 'виправлень'])}: усі версії одночасно, з вашою причиною. Жодна попередня версія не публікується знову; наведені в них цифри вилучаються з поточної ситуації.`,
    replaced: 'Цю версію замінило виправлення, тож саму її виправити не можна.',
    currentVersion: (published) => `Чинна версія, опублікована ${published}`,
    notModerator: 'Цей токен не дає права виправляти чи відкликати звіти.',
    cannot: 'Цей звіт зараз не можна виправити чи відкликати',
    namedReport: (place, observed, published) =>
      `звіт (${place}; дата спостереження: ${observed}; опубліковано ${published})`,
    refusals: {
      busy: (report) => `Саме зараз інший запит виправляє або відкликає ${report}. Спробуйте ще раз за мить.`,
      retracted: (report) => `Уже відкликано: ${report}.`,
      superseded: (report, by) =>
        `Виправлення замінило ${report}: ${by}. Виправте його або відкличте цей звіт разом з усіма виправленнями.`,
      chainAcrossPlaces: (report) =>
        `Деякі версії звіту віднесено до іншого населеного пункту, тому їх не можна відкликати за один крок (${report}). Спершу відкличте чинну версію, потім кожну попередню.`,
    },
  },
  changePrefix: {
    new: '',
    correction: 'Виправлено: ',
    retraction: 'Відкликано: ',
    restored: 'Відновлено: ',
  },
  changeTitle: {
    correction: (subject, reason) => `Виправлення: ${subject}${reason ? `; причина: ${reason}` : ''}`,
    retraction: (subject, reason) => `Відкликано: ${subject}${reason ? `; причина: ${reason}` : ''}`,
    restored: (subject, reason) =>
      `Відновлено: ${subject}, бо виправлення, яке його замінило, відкликано${reason ? `; причина: ${reason}` : ''}`,
  },
  changedReportLink: 'Звіт, який це змінює',
  currentVersionLink: 'Чинна версія',
  utilityHeadline: {
    available: (subject) => `є ${subject}`,
    intermittent: (subject) => `${subject} з перебоями`,
    unavailable: (subject) => `без ${subject}`,
  },
  forDuration: (text, duration) => `${text} протягом ${duration}`,
  sinceDate: (text, date) => `${text} з ${date}`,
  monthCount: (n) => `${ukrainianGenitive(n)} ${ukrainianForm(n, ['місяця', 'місяців', 'місяців'])}`,
  yearCount: (n) => `${ukrainianGenitive(n)} ${ukrainianForm(n, ['року', 'років', 'років'])}`,
  or: 'чи',
  updateOf: (label) => `оновлення: ${label}`,
  report: 'звіт',
  correction: 'Виправлення',
  archivedSummary:
    'Стислий виклад з архіву; повний звіт із примітками, цитатою та відомостями про джерело — за посиланням нижче.',
  archivedState: { active: '', superseded: 'Замінено виправленням. ', retracted: 'Відкликано. ' },
  feedTitle: (place) => `Гуманітарна ситуація: ${place ?? 'усі населені пункти'}`,
  feedArchiveTitle: (title) => `${title} (архів)`,
  feedAuthor: 'Стрічка «Гуманітарна ситуація»',
  feedDescription: (title) => `Повідомлені гуманітарні умови: ${title}`,
  countPhrases: {
    population_baseline: (n) => `мешканців до кризи — ${n}`,
    population_remaining: (n) => `мешканців залишилося — ${n}`,
    civilian_deaths: (n) => `загиблих цивільних — ${n}`,
    civilian_injuries: (n) => `поранених цивільних — ${n}`,
  },
};

export const messages: Record<Language, Messages> = { en, nl, uk };
