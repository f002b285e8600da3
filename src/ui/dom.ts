import type { Markup } from './markup.ts';

// A tiny element builder. Strings always become text nodes: scenario text is data, never markup,
// so nothing in the UI goes through innerHTML.

type Child = Node | string | number | null | undefined | false;
type Handler = (event: Event) => void;

export interface Props {
  class?: string;
  id?: string;
  text?: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  data?: Record<string, string>;
  on?: Partial<Record<keyof HTMLElementEventMap, Handler>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    if (props.class) el.className = props.class;
    if (props.id) el.id = props.id;
    if (props.text !== undefined) el.textContent = props.text;
    for (const [name, value] of Object.entries(props.attrs ?? {})) setAttr(el, name, value);
    for (const [name, value] of Object.entries(props.data ?? {})) el.dataset[name] = value;
    for (const [name, handler] of Object.entries(props.on ?? {})) el.addEventListener(name, handler as Handler);
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

export function setAttr(el: Element, name: string, value: string | number | boolean | null | undefined): void {
  if (value === null || value === undefined || value === false) el.removeAttribute(name);
  else el.setAttribute(name, value === true ? '' : String(value));
}

/** Replaces an element's children. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/** SVG elements need their namespace; same rule: text goes in as text. */
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  ...children: (SVGElement | string | null)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, String(value));
  for (const child of children) {
    if (child === null) continue;
    el.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/** Builds static markup (markup.ts) as DOM; everything inside an <svg> gets the SVG namespace. */
export function fromMarkup(node: Markup | string, inSvg = false): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const isSvg = inSvg || node.tag === 'svg';
  const el = isSvg ? document.createElementNS('http://www.w3.org/2000/svg', node.tag) : document.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) setAttr(el, name, value);
  for (const child of node.children) el.appendChild(fromMarkup(child, isSvg));
  return el;
}

let idCounter = 0;
/** A unique id for aria-labelledby / aria-describedby pairs. */
export function uid(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** True when a key press belongs to a form field and must not trigger game shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** Moves focus to an element that is not normally focusable (a heading), for screen readers. */
export function focusHeading(el: HTMLElement | null): void {
  if (!el) return;
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus({ preventScroll: false });
}
