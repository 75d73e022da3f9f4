import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHex, type Rgb } from '../editor/contrastRatio';

const CSS = readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), 'styles.css'),
  'utf8',
);

/** The `--flowloom-*` declarations of every rule whose selector is exactly `selector`. */
function declarationsOf(css: string, selector: string): Record<string, string> {
  const found: Record<string, string> = {};
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rules = new RegExp(`(?:^|\\n)\\s*${escaped}\\s*\\{([^}]*)\\}`, 'g');
  for (const rule of css.matchAll(rules)) {
    for (const declaration of rule[1]!.matchAll(/(--flowloom-[\w-]+)\s*:\s*([^;]+);/g)) {
      found[declaration[1]!] = declaration[2]!.trim();
    }
  }
  return found;
}

/** The `@media (prefers-color-scheme: dark)` blocks' text. */
function darkMediaBlocks(css: string): string {
  const blocks: string[] = [];
  let at = css.indexOf('@media (prefers-color-scheme: dark)');
  while (at >= 0) {
    const open = css.indexOf('{', at);
    let depth = 1;
    let end = open + 1;
    while (depth > 0 && end < css.length) {
      if (css[end] === '{') depth += 1;
      else if (css[end] === '}') depth -= 1;
      end += 1;
    }
    blocks.push(css.slice(open + 1, end - 1));
    at = css.indexOf('@media (prefers-color-scheme: dark)', end);
  }
  return blocks.join('\n');
}

/** The theme sets styles.css ships: light, dark, and the dark set `system` follows. */
export const THEMES = {
  light: declarationsOf(CSS, '.flowloom-root'),
  dark: {
    ...declarationsOf(CSS, '.flowloom-root'),
    ...declarationsOf(CSS, '.flowloom-root[data-color-mode="dark"]'),
  },
  systemDark: {
    ...declarationsOf(CSS, '.flowloom-root'),
    ...declarationsOf(darkMediaBlocks(CSS), '.flowloom-root[data-color-mode="system"]'),
  },
};

/** A colour as red, green, blue and alpha (0 to 1). */
type Rgba = readonly [number, number, number, number];

function parseColor(value: string): Rgba {
  const hex = parseHex(value);
  if (hex) return [...hex, 1];
  const rgb = /^rgba?\(\s*(\d+)[ ,]+(\d+)[ ,]+(\d+)\s*(?:[/,]\s*([\d.]+)(%?))?\s*\)$/.exec(value);
  if (!rgb) throw new Error(`Not a colour this test reads: ${value}`);
  const alpha = rgb[4] === undefined ? 1 : Number(rgb[4]) / (rgb[5] ? 100 : 1);
  return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), alpha];
}

/** A variable's value with `var(...)` references followed. */
export function resolve(theme: Record<string, string>, name: string): string {
  let value = theme[name];
  for (let hops = 0; value?.startsWith('var('); hops += 1) {
    if (hops > 10) throw new Error(`${name} refers in a circle`);
    value = theme[/^var\((--[\w-]+)/.exec(value)![1]!];
  }
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
}

/** A variable's colour, laid over `under` when it is see-through. */
export function colorOf(theme: Record<string, string>, name: string, under?: Rgb): Rgb {
  const [r, g, b, a] = parseColor(resolve(theme, name));
  if (a >= 1 || !under) return [r, g, b];
  return [r * a + under[0] * (1 - a), g * a + under[1] * (1 - a), b * a + under[2] * (1 - a)];
}
