// Static markup as data: a few fixed parts of a page (the facilitator console's shell, the brand
// mark) are written once here and either built as DOM in the browser (fromMarkup in dom.ts) or
// written into the page's HTML at build time (toHtml, used by vite.config.ts), so the page can
// paint them before its scripts arrive without a second copy of their text. No DOM here.

export type MarkupAttrs = Readonly<Record<string, string | number | boolean>>;

export interface Markup {
  readonly tag: string;
  readonly attrs: MarkupAttrs;
  readonly children: readonly (Markup | string)[];
}

export function m(tag: string, attrs: MarkupAttrs = {}, ...children: (Markup | string)[]): Markup {
  return { tag, attrs, children };
}

const escapeText = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
const escapeAttr = (s: string): string => escapeText(s).replaceAll('"', '&quot;');

/** The markup as HTML: text and attribute values escaped; `true` writes a bare attribute, `false` none. */
export function toHtml(node: Markup | string): string {
  if (typeof node === 'string') return escapeText(node);
  const attrs = Object.entries(node.attrs)
    .filter(([, value]) => value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttr(String(value))}"`))
    .join('');
  return `<${node.tag}${attrs}>${node.children.map(toHtml).join('')}</${node.tag}>`;
}
