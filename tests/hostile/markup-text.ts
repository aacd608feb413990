// Text that tries to become markup where it is shown: tags, event handlers, javascript: links,
// quotes that close an attribute, and text that already looks like an entity, which a reader
// that unescapes once more would turn into a tag. SYNTHETIC; kept as data so that it can grow.

export const markupTexts = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '<a href="javascript:alert(1)">SYNTHETIC link</a>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&amp;lt;b&amp;gt; twice escaped',
  'Tom & Jerry <b>bold</b> ]]>',
] as const;
