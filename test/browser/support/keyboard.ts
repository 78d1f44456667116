import type { Page } from 'playwright-core';

/** Where one press of Tab put the focus. */
export interface FocusStop {
  /** A CSS path from the root (`html > body:nth-child(2) > …`), unique in the page. */
  selector: string;
  /** e.g. `a`, `button`, `input[type=email]`. */
  element: string;
  /** Its visible text, label or aria-label, shortened. */
  name: string;
  /** A link, button, form field, summary or an element with an interactive ARIA role. */
  interactive: boolean;
  /** Chromium applied `:focus-visible` (keyboard focus shows). */
  focusVisible: boolean;
  /** An outline or a box-shadow is drawn: on the element, its ::before/::after, or its label's. */
  indicator: boolean;
  /** It has a size on screen. */
  onScreen: boolean;
}

export interface TabOptions {
  /** Stop after this many presses even if focus has not come back (a page with more stops is suspicious). */
  maxStops?: number;
}

/** Runs in the page: the focused element described, or null when the focus is on the document itself. */
function describeFocus(element: any): FocusStop | null {
  const doc = element.ownerDocument;
  if (element === doc.body || element === doc.documentElement) return null;
  const view = doc.defaultView;
  const drawn = (style: any) =>
    !!style && ((style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || (style.boxShadow && style.boxShadow !== 'none'));
  const drawsFocus = (el: any) => !!el && (drawn(view.getComputedStyle(el)) || drawn(view.getComputedStyle(el, '::before')) || drawn(view.getComputedStyle(el, '::after')));
  const label = element.id ? doc.querySelector(`label[for="${view.CSS.escape(element.id)}"]`) : null;

  const path: string[] = [];
  for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
    const parent = node.parentElement;
    const index = parent ? Array.prototype.indexOf.call(parent.children, node) + 1 : 1;
    path.unshift(parent ? `${node.localName}:nth-child(${index})` : node.localName);
  }
  const tag = element.localName;
  const type = tag === 'input' ? `[type=${element.type}]` : '';
  const role = element.getAttribute('role');
  const interactiveRoles = ['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'option', 'combobox', 'textbox', 'searchbox', 'slider', 'spinbutton', 'treeitem', 'gridcell'];
  const interactive =
    (tag === 'a' && element.hasAttribute('href')) ||
    ['button', 'input', 'select', 'textarea', 'summary', 'iframe'].includes(tag) ||
    element.isContentEditable ||
    (role !== null && interactiveRoles.includes(role));
  const rect = element.getBoundingClientRect();
  const name = (element.getAttribute('aria-label') || label?.textContent || element.textContent || element.value || element.getAttribute('title') || '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60);
  return {
    selector: path.join(' > '),
    element: tag + type,
    name,
    interactive,
    focusVisible: element.matches(':focus-visible'),
    indicator: drawsFocus(element) || drawsFocus(label),
    onScreen: rect.width > 0 && rect.height > 0,
  };
}

async function focused(page: Page): Promise<FocusStop | null> {
  const target = page.locator(':focus').first();
  if ((await target.count()) === 0) return null;
  return target.evaluate(describeFocus);
}

/**
 * Presses Tab from where the focus is (the start of a freshly loaded page) until the focus leaves the page or
 * comes back to the first stop, and returns each stop in order. A stop met twice in a row is kept: it is a trap.
 */
export async function tabThrough(page: Page, options: TabOptions = {}): Promise<FocusStop[]> {
  const maxStops = options.maxStops ?? 200;
  const stops: FocusStop[] = [];
  while (stops.length < maxStops) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    if (!stop || stop.selector === stops[0]?.selector) break;
    const previous = stops[stops.length - 1];
    stops.push(stop);
    if (previous && previous.selector === stop.selector) break;
  }
  return stops;
}

/** What is wrong with a tab order, one line per problem; empty when keyboard navigation works. */
export function keyboardProblems(stops: FocusStop[], options: { minStops?: number; maxStops?: number } = {}): string[] {
  const problems: string[] = [];
  const minStops = options.minStops ?? 1;
  if (stops.length < minStops) problems.push(`Tab reached ${stops.length} element(s), expected at least ${minStops}`);
  if (options.maxStops !== undefined && stops.length >= options.maxStops) problems.push(`Tab never left the page in ${options.maxStops} presses`);
  stops.forEach((stop, index) => {
    const where = `stop ${index + 1}: <${stop.element}> "${stop.name}" (${stop.selector})`;
    if (index > 0 && stops[index - 1].selector === stop.selector) problems.push(`${where}: Tab does not move the focus (keyboard trap)`);
    if (!stop.interactive) problems.push(`${where}: focus lands on an element that is not a link, button or form field`);
    if (!stop.onScreen) problems.push(`${where}: focused element has no size on screen`);
    if (!stop.focusVisible || !stop.indicator) problems.push(`${where}: no visible focus indicator`);
  });
  return problems;
}

/** Tabs through the page and fails with the list of problems (see keyboardProblems); returns the stops. */
export async function expectKeyboardNavigation(page: Page, options: TabOptions & { minStops?: number } = {}): Promise<FocusStop[]> {
  const maxStops = options.maxStops ?? 200;
  const stops = await tabThrough(page, { maxStops });
  const problems = keyboardProblems(stops, { minStops: options.minStops, maxStops });
  if (problems.length > 0) throw new Error(`keyboard navigation on ${page.url()}:\n- ${problems.join('\n- ')}`);
  return stops;
}
