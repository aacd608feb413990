// What a reader shows of text it takes as HTML: its entities unescaped once. Feed tests read
// RSS's and OPML's text with it, as readers that render those elements as HTML do.

const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** HTML's character references unescaped once; a name it does not know is left as written. */
export function unescapeHtmlOnce(html: string): string {
  return html.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (reference, name: string) => {
    if (/^#x/i.test(name)) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return named[name] ?? reference;
  });
}
