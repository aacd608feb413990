// A small typed XML tree and its serialiser. Every text and attribute value passes through
// escapeMarkup, so a renderer cannot emit unescaped input by construction.

import { escapeMarkup } from './escape.ts';

export interface XmlElement {
  name: string;
  attributes: Record<string, string | undefined>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export function element(
  name: string,
  attributes: Record<string, string | undefined> = {},
  ...children: (XmlNode | undefined | false)[]
): XmlElement {
  return { name, attributes, children: children.filter((c): c is XmlNode => c !== undefined && c !== false) };
}

function serialise(node: XmlNode, out: string[]): void {
  if (typeof node === 'string') {
    out.push(escapeMarkup(node));
    return;
  }
  out.push('<', node.name);
  for (const [name, value] of Object.entries(node.attributes)) {
    if (value !== undefined) out.push(' ', name, '="', escapeMarkup(value), '"');
  }
  if (node.children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of node.children) serialise(child, out);
  out.push('</', node.name, '>');
}

export function xmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  serialise(root, out);
  out.push('\n');
  return out.join('');
}
