// How long a text a draft takes, and so how large a request that carries it may be: stated
// once, in characters, for every language; the body limits of the API's draft route and the
// desk's draft form follow from it (docs/desk.md states the maximum).

import { writeBodyBytes } from '../http/body-limit.ts';

/**
 * The longest text drafted, in characters: Unicode code points, counted after NFC
 * normalization and trimming, as JSON Schema's maxLength counts them, and not UTF-16 units
 * (zod's measure), in which a character outside the BMP would count twice. The extractor's
 * work grows linearly with it, and this bound is what holds a draft's CPU under 10 ms on the
 * texts made to cost it the most (bench/drafting.mjs times them at this length): at 50,000,
 * one of them took 10.75 ms at the median in a full benchmark run. 40,000 characters is
 * several times a long news article or an NGO's update.
 */
export const longestDraftText = 40_000;

/**
 * The most candidates a draft answers with. A report holds a handful of figures and a person
 * reviews each: a text with more (a table, or one made to cost) would otherwise answer with
 * its sentences once for each number, megabytes of JSON for one request. The rest are
 * counted, not listed.
 */
export const mostDraftCandidates = 200;

/**
 * The most bytes one character takes in a request: a character outside the BMP is 12 as two
 * \uXXXX escapes in JSON, and 12 as its four UTF-8 bytes percent-encoded in a form. Cyrillic
 * takes 2 in UTF-8 but 6 escaped or percent-encoded: a bound in bytes fit for Latin text
 * would hold a Ukrainian draft to a third of the length stated, or less.
 */
const mostBytesPerCharacter = 12;

/**
 * The body limit of a request that drafts: the longest text in any language and encoding,
 * and room for the other fields (language, place, observed date, the desk's form token) as
 * large as any write's whole body.
 */
export const draftBodyBytes = longestDraftText * mostBytesPerCharacter + writeBodyBytes;
