// The indicator registry. Indicators are data: adding "heating" or "mobile network" is one
// entry here; validation, status derivation and every rendering read this list.

import type { Language } from './languages.ts';

export const indicatorKinds = ['utility', 'count', 'text'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];

/**
 * What a count counts: a running total (since counting started, when the source says so), or
 * only what happened within the report's observed period ("40 killed since early November").
 */
export const countBases = ['total', 'period'] as const;
export type CountBasis = (typeof countBases)[number];

export interface IndicatorDefinition {
  readonly id: string;
  /**
   * Stored in place of the id where space is tight (KV metadata). Never change or reuse
   * a code: stored history would be read as another indicator.
   */
  readonly code: number;
  readonly kind: IndicatorKind;
  readonly label: Readonly<Record<Language, string>>;
  /** How a headline states a count: "{n}" is the number with its qualifier. */
  readonly phrase?: string;
  /** The same for a count of one, where the words are singular ("1 civilian injured"). */
  readonly phraseOne?: string;
  /** A count stated as a part of another ("12,000 of 80,000"), which the headline then omits. */
  readonly outOf?: string;
  /**
   * Days a figure stays current after the end of its observed period; after that, every
   * output says it has not been confirmed since (docs/data-model.md#freshness says why each value).
   */
  readonly currentForDays: number;
  /**
   * Plausibility (src/domain/plausibility.ts): a count more than `jumpFactor` times above or
   * below the place's current figure is questioned, and so is one above any of `notAbove`.
   * A count stated `outOf` another is never above it either.
   */
  readonly plausible?: { readonly jumpFactor?: number; readonly notAbove?: readonly string[] };
  /**
   * For a count: the bases a figure may have, and the one assumed when a writer leaves it out.
   * A count of residents is a running total by nature: a count of them "for a period" means
   * nothing, so only `total` is allowed there.
   */
  readonly bases?: { readonly allowed: readonly CountBasis[]; readonly assumed: CountBasis };
}

const totalOnly = { allowed: ['total'], assumed: 'total' } as const;
const totalOrPeriod = { allowed: ['total', 'period'], assumed: 'total' } as const;

export const indicatorRegistry = [
  {
    id: 'electricity',
    code: 1,
    kind: 'utility',
    label: { en: 'electricity', nl: 'elektriciteit', uk: 'електропостачання' },
    currentForDays: 14,
  },
  {
    id: 'gas',
    code: 2,
    kind: 'utility',
    label: { en: 'gas', nl: 'gas', uk: 'газопостачання' },
    currentForDays: 14,
  },
  {
    id: 'running_water',
    code: 3,
    kind: 'utility',
    label: { en: 'running water', nl: 'stromend water', uk: 'водопостачання' },
    currentForDays: 14,
  },
  {
    id: 'population_baseline',
    code: 4,
    kind: 'count',
    label: { en: 'population before the crisis', nl: 'inwoners voor de crisis', uk: 'населення до кризи' },
    phrase: '{n} residents before the crisis',
    phraseOne: '{n} resident before the crisis',
    currentForDays: 365,
    plausible: { jumpFactor: 10 },
    bases: totalOnly,
  },
  {
    id: 'population_remaining',
    code: 5,
    kind: 'count',
    label: { en: 'residents remaining', nl: 'overgebleven inwoners', uk: 'мешканці, що залишилися' },
    phrase: '{n} residents remain',
    phraseOne: '{n} resident remains',
    outOf: 'population_baseline',
    currentForDays: 90,
    plausible: { jumpFactor: 10 },
    bases: totalOnly,
  },
  {
    id: 'civilian_deaths',
    code: 6,
    kind: 'count',
    label: { en: 'civilians killed', nl: 'burgerdoden', uk: 'загиблі цивільні' },
    phrase: '{n} civilians killed',
    phraseOne: '{n} civilian killed',
    currentForDays: 30,
    plausible: { jumpFactor: 10, notAbove: ['population_baseline'] },
    bases: totalOrPeriod,
  },
  {
    id: 'civilian_injuries',
    code: 7,
    kind: 'count',
    label: { en: 'civilians injured', nl: 'gewonde burgers', uk: 'поранені цивільні' },
    phrase: '{n} civilians injured',
    phraseOne: '{n} civilian injured',
    currentForDays: 30,
    plausible: { jumpFactor: 10, notAbove: ['population_baseline'] },
    bases: totalOrPeriod,
  },
  {
    id: 'situation',
    code: 8,
    kind: 'text',
    label: { en: 'situation', nl: 'situatie', uk: 'ситуація' },
    currentForDays: 7,
  },
] as const satisfies readonly IndicatorDefinition[];

export type IndicatorId = (typeof indicatorRegistry)[number]['id'];
export type IndicatorOfKind<K extends IndicatorKind> = Extract<
  (typeof indicatorRegistry)[number],
  { kind: K }
>['id'];

export const indicatorIds = indicatorRegistry.map((indicator) => indicator.id) as [
  IndicatorId,
  ...IndicatorId[],
];

const byId = new Map<string, IndicatorDefinition>(indicatorRegistry.map((i) => [i.id, i]));

export function findIndicator(id: string): IndicatorDefinition | undefined {
  return byId.get(id);
}

const byCode = new Map<number, (typeof indicatorRegistry)[number]>(indicatorRegistry.map((i) => [i.code, i]));

export function indicatorWithCode(code: number) {
  return byCode.get(code);
}

/** Position in the registry: the order in which every output lists indicators. */
export function indicatorOrder(id: string): number {
  return indicatorIds.indexOf(id as IndicatorId);
}

/** The bases a count of `indicator` may have; none for an indicator that is not a count. */
export function basesOf(indicator: string): IndicatorDefinition['bases'] {
  return findIndicator(indicator)?.bases;
}

/** The basis a count of `indicator` has when its report leaves it out. */
export function assumedBasis(indicator: string): CountBasis {
  return basesOf(indicator)?.assumed ?? 'total';
}
