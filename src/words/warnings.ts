// What each plausibility warning found, in every language the service speaks: the `detail`
// of a dry run's warnings and of an unconfirmed-warnings problem, and the desk's words
// beside each figure to confirm. A number far from the current one is often a number written
// as a JSON writer did not mean it, which the API says (`apiHint`); the desk reads numbers as
// people write them, and says so in its own words (src/desk/forms/words.ts).

import type { Language } from '../domain/languages.ts';
import type { Warning } from '../domain/plausibility.ts';
import { formatNumber, indicatorLabel } from './figures.ts';
import { ukrainianCount } from './messages.ts';

function english(w: Warning): string {
  const n = (value: number) => formatNumber(value, 'en');
  const label = (indicator: string) => indicatorLabel(indicator, 'en', false);
  switch (w.code) {
    case 'above-whole':
    case 'above-population':
      return `${label(w.figure.indicator)}: ${n(w.figure.value)} is more than the ${label(w.limit.indicator)} (${n(w.limit.value)})`;
    case 'far-from-current':
      return `${label(w.figure.indicator)}: ${n(w.figure.value)} is more than ${w.factor} times ${w.figure.value > w.current ? 'above' : 'below'} the current figure (${n(w.current)})`;
    case 'old-observation':
      return `observed ${w.observed}, more than a year before the place's newest figures (${w.newest})`;
  }
}

function dutch(w: Warning): string {
  const n = (value: number) => formatNumber(value, 'nl');
  const label = (indicator: string) => indicatorLabel(indicator, 'nl', false);
  switch (w.code) {
    case 'above-whole':
    case 'above-population':
      return `${label(w.figure.indicator)}: ${n(w.figure.value)} is meer dan het aantal ${label(w.limit.indicator)} (${n(w.limit.value)})`;
    case 'far-from-current':
      return `${label(w.figure.indicator)}: ${n(w.figure.value)} is meer dan ${w.factor} keer ${w.figure.value > w.current ? 'hoger' : 'lager'} dan het huidige cijfer (${n(w.current)})`;
    case 'old-observation':
      return `waargenomen ${w.observed}, meer dan een jaar voor de nieuwste cijfers van de plaats (${w.newest})`;
  }
}

function ukrainian(w: Warning): string {
  const n = (value: number) => formatNumber(value, 'uk');
  const label = (indicator: string) => indicatorLabel(indicator, 'uk', false);
  switch (w.code) {
    case 'above-whole':
    case 'above-population':
      return `${label(w.figure.indicator)}: ${n(w.figure.value)} — це більше, ніж ${label(w.limit.indicator)} (${n(w.limit.value)})`;
    case 'far-from-current':
      return `${label(w.figure.indicator)}: ${n(w.figure.value)} — більш ніж у ${ukrainianCount(w.factor, ['раз', 'рази', 'разів'])} ${w.figure.value > w.current ? 'більше' : 'менше'} за поточну цифру (${n(w.current)})`;
    case 'old-observation':
      return `дата спостереження ${w.observed} — більш ніж на рік раніше за найновіші цифри населеного пункту (${w.newest})`;
  }
}

const inLanguage: Record<Language, (w: Warning) => string> = { en: english, nl: dutch, uk: ukrainian };

/** What to look at in a number far from the current one, in JSON. */
const apiHint: Record<Language, string> = {
  en: 'a number written as 12.000 is 12 in JSON',
  nl: 'een getal geschreven als 12.000 is 12 in JSON',
  uk: 'число, записане як 12.000, у JSON означає 12',
};

/** What a warning found, in `language`, without what to look at: for each surface to add its own. */
export function warningFinding(warning: Warning, language: Language): string {
  return inLanguage[language](warning);
}

/** What a warning found, in `language`, as the API says it. */
export function warningDetail(warning: Warning, language: Language): string {
  const finding = warningFinding(warning, language);
  return warning.code === 'far-from-current' ? `${finding}; ${apiHint[language]}` : finding;
}

/** A warning as the API answers it. */
export function warningView(warning: Warning, language: Language) {
  return { code: warning.code, pointer: warning.pointer, detail: warningDetail(warning, language) };
}
