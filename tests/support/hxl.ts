// Reading the HXL-tagged CSV exports back in tests, with a parser that did not write them.

import { parse } from 'csv-parse/sync';

/** A strict RFC 4180 reader: no stray quotes, no ragged rows, CRLF records, every cell as text. */
export function readCsv(text: string): string[][] {
  return parse(text, {
    relax_quotes: false,
    relax_column_count: false,
    skip_empty_lines: false,
    record_delimiter: '\r\n',
  });
}

/** Data rows keyed by HXL hashtag, after the header and hashtag rows. */
export function byTag(text: string): Record<string, string>[] {
  const [, tags = [], ...rows] = readCsv(text);
  return rows.map((row) => Object.fromEntries(tags.map((tag, i) => [tag, row[i] ?? ''])));
}
