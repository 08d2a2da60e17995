// This file defines the sidebar's DOM helpers: elements are built from text nodes only, so no cell text is ever parsed as HTML.

type Child = Node | string | null | undefined | false;

interface Props {
  readonly className?: string;
  /** Static attribute names only; values are set with setAttribute, never parsed. */
  readonly attrs?: Readonly<Record<string, string>>;
  readonly onClick?: () => void;
}

/** `h('p', {className: 'note'}, 'text', child)`: strings become text nodes. */
export function h<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[Tag] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  for (const name of Object.keys(props.attrs ?? {}))
    node.setAttribute(name, (props.attrs as Record<string, string>)[name]);
  if (props.onClick) node.addEventListener('click', props.onClick);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** Replaces an element's content with the given children. */
export function fill(node: Element, ...children: Child[]): void {
  node.textContent = '';
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`sidebar: #${id} is missing from index.html`);
  return node as T;
}
