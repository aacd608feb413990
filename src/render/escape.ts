// The escaping layer every text renderer goes through. Report text is validated on the way
// in, but output is escaped here regardless, so no stored string can become markup.

// Characters XML 1.0 cannot carry at all, even escaped; removed rather than emitted.
const notXmlCharacters =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Removes what XML cannot carry, for generators that escape by themselves. */
export function xmlCharactersOnly(value: string): string {
  return value.replace(notXmlCharacters, '');
}

/** Escapes text for XML or HTML element content and attribute values alike. */
export function escapeMarkup(value: string): string {
  return xmlCharactersOnly(value).replace(/[&<>"]/g, (c) => entities[c] ?? c);
}

// Whether text in a feed is text or HTML is for the format to say, and not all do. Atom says it
// (a title without a type is text, RFC 4287), and so does JSON Feed (title, summary and names
// are plain text): text there is written as it is, escaped once by the XML layer in Atom.
// RSS 2.0 says it of no element but an item's <description>, and OPML of none: readers
// commonly take RSS's <title>, <dc:creator> and <category>, and OPML's text and title, as HTML,
// unescaping once and then rendering. So text there is written as HTML first, then escaped
// again by the XML layer: a reader that unescapes once still holds escaped text, and shows a
// "<script>" in a place name, or a "&lt;b&gt;" in a source's name, as the characters written.
// A reader that takes such an element as plain text shows the entity of a rare "&", "<" or
// ">": a glimpse of markup, where the other way a script would run. Quotes stay as they are:
// they are markup only inside an attribute, and the XML layer escapes them there.

/** Plain text as HTML, for the elements and attributes above that readers take as HTML. */
export function textAsHtml(text: string): string {
  return xmlCharactersOnly(text).replace(/[&<>]/g, (c) => entities[c] ?? c);
}

// Where user text meets generated text ("Bakhmut: at least 120 civilians killed"), text in
// a right-to-left script, or a stray bidi control, would reorder the generated words around
// it. So user text is isolated: between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE in
// plain text (titles), in <bdi> in HTML.
const firstStrongIsolate = '\u2068';
const popDirectionalIsolate = '\u2069';

/** User text in plain text beside generated words. */
export function isolated(text: string): string {
  return `${firstStrongIsolate}${text}${popDirectionalIsolate}`;
}

/** User text in HTML beside generated words, escaped. */
export function isolatedHtml(text: string): string {
  return `<bdi>${escapeMarkup(text)}</bdi>`;
}
