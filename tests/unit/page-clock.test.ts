import { describe, expect, it } from 'vitest';
import { indexPageAnswer, placePageAnswer } from '../../src/answers/pages.ts';
import { derivePlaceDocument, summarizePlace } from '../../src/domain/documents.ts';
import type { Language } from '../../src/domain/languages.ts';
import { renderIndexPage } from '../../src/render/html/index-page.tsx';
import {
  clockAt,
  fillTimeSlots,
  hasOnlyTimeSlots,
  storingClockAt,
} from '../../src/render/html/page-clock.ts';
import { renderPlacePage } from '../../src/render/html/place-page.tsx';
import { fillTemplate } from '../../src/render/origin-template.ts';
import {
  acceptedPlace,
  acceptedReport,
  byId,
  electricity,
  remaining,
  summaryOf,
} from '../support/builders.ts';

// Observed March 2024: electricity (14 days) is current to 14 April 2024, residents
// remaining (90 days) to 29 June 2024.
const observedMarch = acceptedReport(6, {
  observed: '2024-03',
  figures: [electricity('unavailable'), remaining(28_000)],
});
const doc = derivePlaceDocument(
  acceptedPlace(),
  [summaryOf(observedMarch)],
  byId([observedMarch]),
  '2024-04-02T09:30:00.000Z',
);
const origin = 'https://status.example.org';
const placeSite = { origin, path: `/places/${doc.place.slug}`, languageInUrl: false, deskLinks: false };
const utf8 = new TextEncoder();
const text = new TextDecoder();

/** A stored page as a reader at `origin` gets it at `now`. */
function served(parts: readonly string[], now: Date, language: Language): string {
  return text.decode(
    fillTimeSlots(new Uint8Array(utf8.encode(fillTemplate(parts, origin))), now, language).page,
  );
}

describe('a page stored by its writer', () => {
  const renderedAt = new Date('2024-04-02T10:00:00Z');

  it.each([
    ['2024-04-02T10:00:30Z', 'en'],
    ['2024-04-02T13:10:00Z', 'nl'],
    ['2024-04-12T00:00:00Z', 'uk'],
    ['2024-04-14T23:59:59Z', 'en'],
  ] as const)('is, served at %s in %s, the page rendered for that moment', async (at, language) => {
    const now = new Date(at);
    const answer = await placePageAnswer(doc, language, renderedAt);
    expect(answer).toBeDefined();
    expect(served(answer?.parts ?? [], now, language)).toBe(
      renderPlacePage(doc, placeSite, language, clockAt(now)),
    );
  });

  it('holds until the first figure it judged current goes stale, and the page says so from then', async () => {
    const answer = await placePageAnswer(doc, 'en', renderedAt);
    expect(answer?.until).toBe('2024-04-15T00:00:00.000Z');
    const after = new Date('2024-04-15T00:00:00Z');
    expect(served(answer?.parts ?? [], after, 'en')).not.toBe(
      renderPlacePage(doc, placeSite, 'en', clockAt(after)),
    );
    // Rendered after that, it holds until the residents remaining go stale too; then forever.
    expect((await placePageAnswer(doc, 'en', after))?.until).toBe('2024-06-30T00:00:00.000Z');
    expect((await placePageAnswer(doc, 'en', new Date('2024-07-01T00:00:00Z')))?.until).toBeNull();
  });

  it('is the front page too', async () => {
    const places = [summarizePlace(doc)];
    const answer = await indexPageAnswer(places, 'nl', renderedAt);
    const now = new Date('2024-04-03T08:00:00Z');
    expect(served(answer?.parts ?? [], now, 'nl')).toBe(
      renderIndexPage(places, { origin, path: '/', languageInUrl: false }, 'nl', clockAt(now)),
    );
    expect(answer?.until).toBe('2024-04-15T00:00:00.000Z');
  });

  it('has a slot for each time, and is not stored when its text holds a slot of its own', () => {
    const page = renderPlacePage(doc, placeSite, 'en', storingClockAt(renderedAt));
    expect(page).toContain(
      '<time datetime="2024-04-02T09:30:00.000Z">\u00022024-04-02T09:30:00.000Z\u0003</time>',
    );
    expect(hasOnlyTimeSlots(page)).toBe(true);
    for (const stray of ['\u0003', '\u0002', '\u0002a\u0002b\u0003', 'a\u0003\u0002b\u0003'])
      expect(hasOnlyTimeSlots(`${page}${stray}`)).toBe(false);
  });
});
