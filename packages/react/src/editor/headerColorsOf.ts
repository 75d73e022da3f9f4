import { contrastRatio, parseHex, type Rgb, toHex } from './contrastRatio';
import { FALLBACK_ACCENT, gradientOf } from './gradientOf';
import { parseGradient } from './parseGradient';

/** WCAG AA for text: the title must reach this against every stop of its header. */
export const MIN_TEXT_CONTRAST = 4.5;

/** The two title colours (the defaults of the variables below), and their variables. */
export const LIGHT_TITLE = '#ffffff';
export const DARK_TITLE = '#0f172a';
const LIGHT_TITLE_VAR = 'var(--flowloom-node-header-text)';
const DARK_TITLE_VAR = 'var(--flowloom-node-header-text-dark)';

const cache = new Map<string, HeaderColors>();

/** A node header's colours. */
export interface HeaderColors {
  /** The CSS `background`. */
  background: string;
  /** The CSS colour of the title and icon. */
  color: string;
  /** The title colour `color` stands for, by default (`#ffffff` or `#0f172a`). */
  title: string;
  /** The background's stops as `#rrggbb`, for checking; empty when the colour is not known. */
  stops: string[];
}

function mix(from: Rgb, to: Rgb, share: number): Rgb {
  return from.map((part, at) => part + (to[at]! - part) * share) as unknown as Rgb;
}

/** A stop moved toward black (or white) just enough for the title to read on it. */
function readableStop(stop: Rgb, title: Rgb): Rgb {
  const away: Rgb =
    contrastRatio(title, [0, 0, 0]) > contrastRatio(title, [255, 255, 255])
      ? [0, 0, 0]
      : [255, 255, 255];
  for (let share = 0; share <= 1; share += 0.05) {
    const shifted = parseHex(toHex(mix(stop, away, share)))!;
    if (contrastRatio(shifted, title) >= MIN_TEXT_CONTRAST) return shifted;
  }
  return away;
}

/**
 * A node header's colours for a component colour (Tailwind gradient classes or a hex colour):
 * the title is white or dark, whichever reads better on every stop of the gradient; when
 * neither reaches WCAG AA (4.5:1) on all of them, the stops that fall short are darkened (or
 * lightened) just enough. A colour it cannot read (a CSS name, a custom gradient) keeps the
 * white title of `--flowloom-node-header-text`.
 *
 * @example
 * headerColorsOf('from-amber-500 to-orange-600').title; // '#0f172a': white reads at 2.15:1
 */
export function headerColorsOf(color: string | undefined): HeaderColors {
  const written = color?.trim() ?? '';
  // Thousands of nodes share a handful of colours: each is worked out once.
  let colors = cache.get(written);
  if (!colors) {
    colors = compute(written);
    cache.set(written, colors);
  }
  return colors;
}

function compute(written: string): HeaderColors {
  const unknown = {
    background: written ? gradientOf(written) : FALLBACK_ACCENT,
    color: LIGHT_TITLE_VAR,
    title: LIGHT_TITLE,
    stops: [],
  };
  if (!written) return unknown;
  const parsed = parseGradient(written);
  const read = parsed.tailwind ? parsed.stops.map(parseHex) : [parseHex(written)];
  if (read.length === 0 || read.some((stop) => stop === undefined)) return unknown;
  const stops = read as Rgb[];

  const light = parseHex(LIGHT_TITLE)!;
  const dark = parseHex(DARK_TITLE)!;
  const worst = (title: Rgb) => Math.min(...stops.map((stop) => contrastRatio(stop, title)));
  const useDark = worst(dark) > worst(light);
  const title = useDark ? dark : light;
  const shown = stops.map((stop) =>
    contrastRatio(stop, title) >= MIN_TEXT_CONTRAST ? stop : readableStop(stop, title),
  );
  const hexes = shown.map(toHex);
  const changed = shown.some((stop, at) => stop !== stops[at]);
  const background = !changed
    ? gradientOf(written)
    : parsed.tailwind
      ? `linear-gradient(${parsed.direction}, ${hexes.join(', ')})`
      : hexes[0]!;
  return {
    background,
    color: useDark ? DARK_TITLE_VAR : LIGHT_TITLE_VAR,
    title: useDark ? DARK_TITLE : LIGHT_TITLE,
    stops: hexes,
  };
}
