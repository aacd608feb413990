// The words a draft is read with, per language, as data: how numbers are written, the
// hedges that set a figure's qualifier, the words that name each indicator, negations, the
// words of time and the ways a sentence names who speaks. Adding a hedge, a number word or an
// indicator keyword is one entry here; the extractor (extract.ts) holds no word of its own.
// Words are matched in lower case, whole, at word boundaries; a keyword ending in "*" is a
// stem and matches any ending ("gewond*" matches "gewonden").

import type { IndicatorId } from '../domain/indicators.ts';
import type { DraftLanguage } from '../domain/languages.ts';
import type { Qualifier } from '../domain/model.ts';

export type TimeUnit = 'day' | 'week' | 'month' | 'year';

export interface Lexicon {
  /** The decimal mark; the other of "." and "," groups thousands, as do spaces. */
  decimalMark: ',' | '.';
  /** Number words and their values; compounds are read from their parts (see numbers.ts). */
  numberWords: Readonly<Record<string, number>>;
  /** Words that multiply what comes before them: "1,5 miljoen", "two thousand". */
  scales: Readonly<Record<string, number>>;
  /** Joins in compound number words ("twee-en-twintig", "twenty-two"). */
  numberJoiners: readonly string[];
  /** Number words that are also articles: a number only inside a compound ("eenentwintig"). */
  notAlone: readonly string[];
  /** Hedges written before a number, longest first where one contains another. */
  hedgesBefore: readonly { words: string; qualifier: Qualifier }[];
  /** Hedges written after a number ("12,000 or more"). */
  hedgesAfter: readonly { words: string; qualifier: Qualifier }[];
  /** "between A and B", "A tot B": the two words around a range. */
  ranges: readonly { before?: string; between: string }[];
  /** Words that make the count indicator of a number: searched in the words after it, then before. */
  counts: readonly { indicator: IndicatorId; keywords: readonly string[] }[];
  /** Words naming each utility. */
  utilities: readonly { indicator: IndicatorId; keywords: readonly string[] }[];
  /** Words that say a utility is not there ("geen", "no", "немає"), or that no one was killed ("no civilians"). */
  negations: readonly string[];
  /**
   * Words that say a utility was cut ("cut off", "afgesloten", "відключено"). After a negation
   * they say it was not: "has not been cut off", "niet afgesloten".
   */
  cuts: readonly string[];
  /** Words that say a utility comes and goes, or was restored. */
  intermittent: readonly string[];
  restored: readonly string[];
  /** Words that say a utility works ("still works", "werkt", "працює"). */
  working: readonly string[];
  /**
   * Words that set what follows against what came before ("but", "maar", "але"): each part of
   * a sentence says its own of the utilities it names.
   */
  contrasts: readonly string[];
  /**
   * Words that make a part of a sentence a condition, a forecast or a fear ("if", "als",
   * "якщо"): it states no utility's state.
   */
  conditions: readonly string[];
  /** Words that make a count a running total ("in total", "since the start of the war"). */
  runningTotal: readonly string[];
  /** Words that make a count one of a period ("in the past day", "за добу"). */
  periodCount: readonly string[];
  /** "4,000 of the 25,000 residents", "van de 20.000 inwoners", "із 30 тисяч": the word before the whole. */
  outOf: readonly string[];
  /** Lower-case words that end a role read before a name ("the", "de"): "the deputy mayor Ivan Testenko" gives "deputy mayor". */
  notInRole: readonly string[];
  /** Durations: "for two months" (`for` before the amount), and the units. */
  durationMarkers: readonly string[];
  units: Readonly<Record<string, TimeUnit>>;
  /** "since October": the word, and month names (1 to 12). */
  since: readonly string[];
  months: Readonly<Record<string, number>>;
  /** Words that, written before a month, make a since date approximate ("early October"). */
  monthHedges: readonly string[];
  /** A number right after these is not a count: a page, a year, a share. */
  notCountAfter: readonly string[];
  /** A number right before these is not a count: "5 per cent", "one of the". */
  notCountBefore: readonly string[];
  /** "X says", "zegt X", "за словами X": the voice is the name or noun next to the word. */
  speechAfterName: readonly string[];
  speechBeforeName: readonly string[];
  /** Lower-case words inside a name ("Pieter de Vries"). */
  nameParticles: readonly string[];
  /** "in Marsk": a word before a town's name. */
  locatives: readonly string[];
  /** A noun that speaks for many ("residents"), with its words in the language. */
  collectiveVoices: readonly { words: readonly string[]; name: string }[];
}

const en: Lexicon = {
  decimalMark: '.',
  numberWords: {
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
  },
  scales: { hundred: 100, thousand: 1000, million: 1_000_000, billion: 1_000_000_000 },
  numberJoiners: ['-', 'and'],
  notAlone: [],
  hedgesBefore: [
    { words: 'no more than', qualifier: 'at_most' },
    { words: 'more than', qualifier: 'at_least' },
    { words: 'at least', qualifier: 'at_least' },
    { words: 'at most', qualifier: 'at_most' },
    { words: 'up to', qualifier: 'at_most' },
    { words: 'fewer than', qualifier: 'at_most' },
    { words: 'less than', qualifier: 'at_most' },
    { words: 'over', qualifier: 'at_least' },
    { words: 'almost', qualifier: 'approximately' },
    { words: 'nearly', qualifier: 'approximately' },
    { words: 'about', qualifier: 'approximately' },
    { words: 'around', qualifier: 'approximately' },
    { words: 'roughly', qualifier: 'approximately' },
    { words: 'some', qualifier: 'approximately' },
    { words: 'an estimated', qualifier: 'approximately' },
    { words: 'approximately', qualifier: 'approximately' },
    { words: 'only', qualifier: 'exact' },
    { words: 'just', qualifier: 'exact' },
  ],
  hedgesAfter: [
    { words: 'or more', qualifier: 'at_least' },
    { words: 'or so', qualifier: 'approximately' },
  ],
  ranges: [{ before: 'between', between: 'and' }, { between: 'to' }],
  counts: [
    {
      indicator: 'population_baseline',
      keywords: ['pre-war', 'before the war', 'original*', 'once had', 'used to'],
    },
    {
      indicator: 'population_remaining',
      keywords: [
        'remain*',
        'are left',
        'were left',
        'is left',
        'left behind',
        'still live',
        'still living',
        'stayed',
      ],
    },
    {
      indicator: 'civilian_deaths',
      keywords: ['killed', 'dead', 'died', 'deaths', 'lost their lives', 'bodies'],
    },
    { indicator: 'civilian_injuries', keywords: ['injured', 'wounded', 'hurt', 'injuries'] },
  ],
  utilities: [
    { indicator: 'electricity', keywords: ['electricity', 'power', 'electric*'] },
    { indicator: 'gas', keywords: ['gas'] },
    { indicator: 'running_water', keywords: ['running water', 'water'] },
  ],
  negations: ['no', 'without', 'not', 'none', 'never'],
  cuts: ['cut off', 'cut', 'off', 'down', 'disrupted', 'interrupted', 'knocked out'],
  intermittent: [
    'intermittent*',
    'on and off',
    'a few hours',
    'for hours',
    'every day',
    'daily',
    'rationed',
    'outages',
  ],
  restored: ['restored', 'back on', 'reconnected'],
  working: [
    'uninterrupted',
    'still works',
    'still working',
    'works',
    'working',
    'still available',
    'available',
    'still on',
    'back',
    'resumed',
    'functioning',
    'operating',
  ],
  contrasts: ['but', 'however', 'while', 'whereas', 'although', 'though', 'yet'],
  conditions: ['if', 'unless', 'could', 'might', 'would', 'will', 'fear*', 'risk', 'threat*', 'expected'],
  runningTotal: [
    'in total',
    'in all',
    'so far',
    'to date',
    'since the start of',
    'since the beginning of',
    'since the war began',
    'since the invasion',
    'overall',
  ],
  periodCount: [
    'in the past day',
    'in the past 24 hours',
    'over the past day',
    'over the past 24 hours',
    'in the last 24 hours',
    'in the past week',
    'over the past week',
    'in the last week',
    'last week',
    'yesterday',
  ],
  outOf: ['of'],
  notInRole: ['the', 'a', 'an', 'and', 'to', 'by', 'in', 'on', 'at', 'for', 'with', 'from', 'says', 'said'],
  durationMarkers: ['for'],
  units: {
    day: 'day',
    days: 'day',
    week: 'week',
    weeks: 'week',
    month: 'month',
    months: 'month',
    year: 'year',
    years: 'year',
  },
  since: ['since'],
  months: {
    january: 1,
    february: 2,
    march: 3,
    april: 4,
    may: 5,
    june: 6,
    july: 7,
    august: 8,
    september: 9,
    october: 10,
    november: 11,
    december: 12,
  },
  monthHedges: ['early', 'late', 'mid', 'the start of', 'the end of'],
  notCountAfter: ['page', 'p', 'in', 'since', 'year', 'chapter', 'route', 'number', 'of'],
  notCountBefore: [
    '%',
    'per cent',
    'percent',
    'of the',
    'of them',
    'km',
    'kilometres',
    'miles',
    'years',
    'year',
    'hours',
    'days',
    'weeks',
    'months',
  ],
  speechAfterName: ['says', 'say', 'said', 'told', 'report'],
  speechBeforeName: ['according to', 'says', 'said'],
  nameParticles: ['de', 'van', 'von', 'bin', 'al'],
  locatives: ['in', 'at', 'near'],
  collectiveVoices: [{ words: ['residents', 'locals', 'inhabitants'], name: 'Residents' }],
};

const nl: Lexicon = {
  decimalMark: ',',
  numberWords: {
    nul: 0,
    een: 1,
    één: 1,
    twee: 2,
    drie: 3,
    vier: 4,
    vijf: 5,
    zes: 6,
    zeven: 7,
    acht: 8,
    negen: 9,
    tien: 10,
    elf: 11,
    twaalf: 12,
    dertien: 13,
    veertien: 14,
    vijftien: 15,
    zestien: 16,
    zeventien: 17,
    achttien: 18,
    negentien: 19,
    twintig: 20,
    dertig: 30,
    veertig: 40,
    vijftig: 50,
    zestig: 60,
    zeventig: 70,
    tachtig: 80,
    negentig: 90,
    honderd: 100,
    duizend: 1000,
  },
  scales: { honderd: 100, duizend: 1000, miljoen: 1_000_000, miljard: 1_000_000_000 },
  numberJoiners: ['-', 'en', 'ën'],
  notAlone: ['een'],
  hedgesBefore: [
    { words: 'meer dan', qualifier: 'at_least' },
    { words: 'ten minste', qualifier: 'at_least' },
    { words: 'tenminste', qualifier: 'at_least' },
    { words: 'minstens', qualifier: 'at_least' },
    { words: 'ruim', qualifier: 'at_least' },
    { words: 'hooguit', qualifier: 'at_most' },
    { words: 'maximaal', qualifier: 'at_most' },
    { words: 'minder dan', qualifier: 'at_most' },
    { words: 'tot', qualifier: 'at_most' },
    { words: 'bijna', qualifier: 'approximately' },
    { words: 'ongeveer', qualifier: 'approximately' },
    { words: 'circa', qualifier: 'approximately' },
    { words: 'ca', qualifier: 'approximately' },
    { words: "zo'n", qualifier: 'approximately' },
    { words: 'zo’n', qualifier: 'approximately' },
    { words: 'rond de', qualifier: 'approximately' },
    { words: 'naar schatting', qualifier: 'approximately' },
    { words: 'slechts', qualifier: 'exact' },
    { words: 'maar', qualifier: 'exact' },
    { words: 'nog maar', qualifier: 'exact' },
  ],
  hedgesAfter: [{ words: 'of meer', qualifier: 'at_least' }],
  ranges: [{ before: 'tussen', between: 'en' }, { between: 'tot' }],
  counts: [
    {
      indicator: 'population_baseline',
      keywords: ['oorspronkelijk*', 'voor de oorlog', 'vooroorlogs*', 'ooit'],
    },
    {
      indicator: 'population_remaining',
      keywords: ['blijven', 'blijft', 'over', 'achtergebleven', 'wonen er nog', 'zijn er nog'],
    },
    {
      indicator: 'civilian_deaths',
      keywords: ['gedood', 'doden', 'omgekomen', 'om het leven', 'gesneuveld', 'dood'],
    },
    { indicator: 'civilian_injuries', keywords: ['gewond*', 'verwond*'] },
  ],
  utilities: [
    {
      indicator: 'electricity',
      keywords: [
        'elektriciteit',
        'stroom',
        'stroomvoorziening',
        'elektriciteitsvoorziening',
        'stroomtoevoer',
      ],
    },
    { indicator: 'gas', keywords: ['gas', 'gasvoorziening', 'gaslevering', 'gastoevoer'] },
    {
      indicator: 'running_water',
      keywords: ['stromend water', 'water', 'drinkwater', 'watervoorziening', 'watertoevoer', 'waterleiding'],
    },
  ],
  negations: ['geen', 'zonder', 'niet', 'niemand', 'nooit'],
  cuts: [
    'weer uit',
    'afgesloten',
    'afgesneden',
    'uitgevallen',
    'valt uit',
    'vallen uit',
    'viel uit',
    'onderbroken',
    'weggevallen',
    'stilgelegd',
    'verbroken',
  ],
  intermittent: [
    'af en toe',
    'met tussenpozen',
    'onregelmatig',
    'dagelijks',
    'elke dag',
    'iedere dag',
    'enkele uren',
    'beurtelings',
  ],
  restored: ['hersteld', 'weer terug', 'weer beschikbaar', 'weer aangesloten', 'er weer'],
  working: [
    'ononderbroken',
    'werkt nog',
    'werkt',
    'functioneert',
    'beschikbaar',
    'terug',
    'hervat',
    'is er nog',
    'er nog wel',
  ],
  contrasts: ['maar', 'terwijl', 'hoewel', 'echter', 'doch'],
  conditions: [
    'als',
    'indien',
    'mocht',
    'zal',
    'zullen',
    'dreigt',
    'dreigen',
    'vrees*',
    'verwacht*',
    'kan',
    'kunnen',
  ],
  runningTotal: [
    'in totaal',
    'tot nu toe',
    'inmiddels',
    'sinds het begin van',
    'sinds de start van',
    'sinds het uitbreken van',
    'sinds de inval',
  ],
  periodCount: [
    'het afgelopen etmaal',
    'afgelopen etmaal',
    'de afgelopen 24 uur',
    'afgelopen 24 uur',
    'de afgelopen dag',
    'de afgelopen week',
    'afgelopen week',
    'vorige week',
    'gisteren',
  ],
  outOf: ['van'],
  notInRole: ['de', 'het', 'een', 'en', 'van', 'in', 'op', 'bij', 'door', 'met', 'voor', 'zegt', 'zei'],
  durationMarkers: ['al', 'sinds', 'gedurende'],
  units: {
    dag: 'day',
    dagen: 'day',
    week: 'week',
    weken: 'week',
    maand: 'month',
    maanden: 'month',
    jaar: 'year',
    jaren: 'year',
  },
  since: ['sinds', 'vanaf'],
  months: {
    januari: 1,
    februari: 2,
    maart: 3,
    april: 4,
    mei: 5,
    juni: 6,
    juli: 7,
    augustus: 8,
    september: 9,
    oktober: 10,
    november: 11,
    december: 12,
  },
  monthHedges: ['begin', 'eind', 'half', 'medio', 'eerder in'],
  notCountAfter: ['pagina', 'blz', 'in', 'sinds', 'jaar', 'hoofdstuk', 'nummer', 'nr'],
  notCountBefore: [
    '%',
    'procent',
    'van de',
    'van hen',
    'km',
    'kilometer',
    'jaar',
    'uur',
    'dagen',
    'weken',
    'maanden',
  ],
  speechAfterName: ['zegt', 'zeggen', 'zei', 'zeiden', 'vertelt', 'vertellen', 'meldt'],
  speechBeforeName: ['zegt', 'zei', 'volgens', 'aldus'],
  nameParticles: ['de', 'van', 'der', 'den', 'ten', 'ter', 'het'],
  locatives: ['in', 'bij', 'te'],
  collectiveVoices: [{ words: ['inwoners', 'bewoners'], name: 'Inwoners (residents)' }],
};

const uk: Lexicon = {
  decimalMark: ',',
  numberWords: {
    нуль: 0,
    один: 1,
    одна: 1,
    два: 2,
    дві: 2,
    двох: 2,
    троє: 3,
    трьох: 3,
    три: 3,
    чотири: 4,
    "п'ять": 5,
    'п’ять': 5,
    шість: 6,
    сім: 7,
    вісім: 8,
    "дев'ять": 9,
    'дев’ять': 9,
    десять: 10,
    двадцять: 20,
    тридцять: 30,
    сорок: 40,
    "п'ятдесят": 50,
    сто: 100,
    двісті: 200,
    триста: 300,
    тисяча: 1000,
  },
  scales: {
    тисяча: 1000,
    тисячі: 1000,
    тисяч: 1000,
    тис: 1000,
    мільйон: 1_000_000,
    мільйона: 1_000_000,
    мільйонів: 1_000_000,
  },
  numberJoiners: [],
  notAlone: [],
  hedgesBefore: [
    { words: 'щонайменше', qualifier: 'at_least' },
    { words: 'понад', qualifier: 'at_least' },
    { words: 'більше ніж', qualifier: 'at_least' },
    { words: 'більш як', qualifier: 'at_least' },
    { words: 'не менше', qualifier: 'at_least' },
    { words: 'до', qualifier: 'at_most' },
    { words: 'не більше', qualifier: 'at_most' },
    { words: 'майже', qualifier: 'approximately' },
    { words: 'близько', qualifier: 'approximately' },
    { words: 'приблизно', qualifier: 'approximately' },
    { words: 'орієнтовно', qualifier: 'approximately' },
    { words: 'лише', qualifier: 'exact' },
    { words: 'тільки', qualifier: 'exact' },
  ],
  hedgesAfter: [],
  ranges: [{ before: 'від', between: 'до' }],
  counts: [
    { indicator: 'population_baseline', keywords: ['до війни', 'довоєнн*', 'колись'] },
    {
      indicator: 'population_remaining',
      keywords: ['залишил*', 'залишає*', 'лишил*', 'досі живе', 'живуть'],
    },
    { indicator: 'civilian_deaths', keywords: ['загину*', 'загибл*', 'вбит*', 'смерт*'] },
    { indicator: 'civilian_injuries', keywords: ['поранен*', 'травмован*'] },
  ],
  utilities: [
    {
      indicator: 'electricity',
      keywords: ['електрик*', 'електроенергі*', 'електропостачан*', 'світла', 'світло'],
    },
    { indicator: 'gas', keywords: ['газ*'] },
    { indicator: 'running_water', keywords: ['водопостачання', 'води', 'вода'] },
  ],
  negations: ['немає', 'нема', 'без', 'не', 'ніколи'],
  cuts: [
    'відключен*',
    'відключил*',
    'відключал*',
    'відсутн*',
    'зник*',
    'знеструмлен*',
    'припинен*',
    'припинил*',
    'припинял*',
    'переривал*',
    'перерван*',
  ],
  intermittent: [
    'з перебоями',
    'періодично',
    'щодня',
    'за графіком',
    'графік*',
    'кілька годин',
    'відключення',
  ],
  restored: ['відновлено', 'відновили'],
  working: [
    'без перебоїв',
    'працює',
    'працюють',
    'є',
    'знову',
    'повернули',
    'повернуто',
    'подають',
    'подається',
    'наявн*',
  ],
  contrasts: ['але', 'проте', 'однак', 'тоді як', 'хоча', 'а', 'натомість'],
  conditions: [
    'якщо',
    'якби',
    'у разі',
    'може',
    'можуть',
    'загроз*',
    'побоюються',
    'буде',
    'будуть',
    'очікують',
  ],
  runningTotal: [
    'загалом',
    'усього',
    'всього',
    'з початку війни',
    'від початку війни',
    'з початку вторгнення',
    'відтоді',
  ],
  periodCount: [
    'за добу',
    'за минулу добу',
    'за останню добу',
    'за минулий тиждень',
    'за тиждень',
    'минулого тижня',
    'учора',
    'вчора',
  ],
  outOf: ['із', 'з', 'зі'],
  notInRole: ['і', 'та', 'й', 'в', 'у', 'на', 'з', 'до', 'каже', 'сказав', 'сказала'],
  durationMarkers: ['вже', 'протягом'],
  units: {
    день: 'day',
    дні: 'day',
    днів: 'day',
    тиждень: 'week',
    тижні: 'week',
    тижнів: 'week',
    місяць: 'month',
    місяці: 'month',
    місяців: 'month',
    рік: 'year',
    роки: 'year',
    років: 'year',
  },
  since: ['з', 'від', 'із'],
  months: {
    січня: 1,
    лютого: 2,
    березня: 3,
    квітня: 4,
    травня: 5,
    червня: 6,
    липня: 7,
    серпня: 8,
    вересня: 9,
    жовтня: 10,
    листопада: 11,
    грудня: 12,
  },
  monthHedges: ['початку', 'кінця', 'середини'],
  notCountAfter: ['сторінка', 'сторінці', 'с', 'у', 'в', 'році', 'року', 'номер', '№'],
  notCountBefore: [
    '%',
    'відсот*',
    'з них',
    'км',
    'кілометр*',
    'років',
    'роки',
    'годин*',
    'днів',
    'тижнів',
    'місяців',
  ],
  speechAfterName: [
    'каже',
    'кажуть',
    'сказав',
    'сказала',
    'повідомив',
    'повідомила',
    'заявив',
    'заявила',
    'розповідають',
  ],
  speechBeforeName: [
    'за словами',
    'каже',
    'сказав',
    'сказала',
    'повідомив',
    'повідомила',
    'заявив',
    'заявила',
  ],
  nameParticles: [],
  locatives: ['у', 'в', 'біля'],
  collectiveVoices: [{ words: ['мешканці', 'жителі'], name: 'Мешканці (residents)' }],
};

export const lexicons: Readonly<Record<DraftLanguage, Lexicon>> = { en, nl, uk };
