// The indicator registry. Indicators are data: adding "heating" or "mobile network" is one
// entry here; validation, status derivation and every rendering read this list.

export const indicatorKinds = ['utility', 'count', 'text'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];

export interface IndicatorDefinition {
  readonly id: string;
  readonly kind: IndicatorKind;
  readonly label: { readonly en: string; readonly nl: string };
}

export const indicatorRegistry = [
  { id: 'electricity', kind: 'utility', label: { en: 'electricity', nl: 'elektriciteit' } },
  { id: 'gas', kind: 'utility', label: { en: 'gas', nl: 'gas' } },
  { id: 'running_water', kind: 'utility', label: { en: 'running water', nl: 'stromend water' } },
  {
    id: 'population_baseline',
    kind: 'count',
    label: { en: 'population before the crisis', nl: 'inwoners voor de crisis' },
  },
  {
    id: 'population_remaining',
    kind: 'count',
    label: { en: 'residents remaining', nl: 'overgebleven inwoners' },
  },
  { id: 'civilian_deaths', kind: 'count', label: { en: 'civilians killed', nl: 'burgerdoden' } },
  {
    id: 'civilian_injuries',
    kind: 'count',
    label: { en: 'civilians injured', nl: 'gewonde burgers' },
  },
  { id: 'situation', kind: 'text', label: { en: 'situation', nl: 'situatie' } },
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

/** Position in the registry: the order in which every output lists indicators. */
export function indicatorOrder(id: string): number {
  return indicatorIds.indexOf(id as IndicatorId);
}
