import { h as build } from '../ui/dom.ts';

// The phone page's element builder: the game's own (text always as text nodes, never markup),
// with attributes and `on…` handlers given in one object, which keeps the phone screens short.

type Child = Node | string | null | false | undefined;
type Handler = (e: Event) => void;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | number | Handler> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const plain: Record<string, string | boolean | number> = {};
  const on: Record<string, Handler> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') on[name.slice(2).toLowerCase()] = value;
    else plain[name] = value;
  }
  return build(tag, { attrs: plain, on }, ...children);
}
