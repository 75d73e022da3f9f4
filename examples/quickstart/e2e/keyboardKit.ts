import type { Page } from 'playwright-core';

/** How many Tab presses a walk to a control may take before the test fails. */
const MAX_TABS = 120;

/** Whether the focused element matches a CSS selector. */
export function focusedMatches(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((wanted) => document.activeElement?.matches(wanted) === true, selector);
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until the focused element matches `selector`, as a
 * keyboard user walks to a control; fails when it is not reached.
 */
export async function tabTo(page: Page, selector: string, backwards = false): Promise<void> {
  for (let presses = 0; presses < MAX_TABS; presses += 1) {
    if (await focusedMatches(page, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** A short description of the focused element, for assertions: tag, role, name or class. */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    const label = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40);
    return `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} ${label ?? ''}`;
  });
}
