/** A tiny DOM builder: text always goes in as text nodes, so server data can never become markup. */

type Child = Node | string | null | undefined | false;
type AttrValue = string | boolean | undefined | ((event: Event) => void);

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, AttrValue> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) el.setAttribute(name, '');
    else if (typeof value === 'string') el.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) el.append(child);
  }
  return el;
}

/**
 * Runs `task` with `button` showing a busy label and every button in `scope` disabled, so a
 * second sign-in cannot start while one is in flight. Labels and states are restored afterwards.
 */
export async function whileBusy<T>(
  scope: ParentNode,
  button: HTMLButtonElement,
  busyLabel: string,
  task: () => Promise<T>,
): Promise<T> {
  const buttons = [...scope.querySelectorAll('button')];
  const wasDisabled = buttons.map((b) => b.disabled);
  const label = button.textContent;
  buttons.forEach((b) => (b.disabled = true));
  button.setAttribute('aria-busy', 'true');
  button.textContent = busyLabel;
  try {
    return await task();
  } finally {
    buttons.forEach((b, i) => (b.disabled = wasDisabled[i] ?? false));
    button.removeAttribute('aria-busy');
    button.textContent = label;
  }
}
