import { tailwindColor } from './tailwindColor';

const DIRECTIONS: Record<string, string> = {
  t: 'to top',
  tr: 'to top right',
  r: 'to right',
  br: 'to bottom right',
  b: 'to bottom',
  bl: 'to bottom left',
  l: 'to left',
  tl: 'to top left',
};

/** Used when a colour names only Tailwind classes the palette does not know. */
const FALLBACK = 'var(--flowloom-node-accent)';

interface ParsedColor {
  direction: string;
  stops: string[];
  /** Whether the string used Tailwind gradient classes at all. */
  tailwind: boolean;
}

function parse(color: string): ParsedColor {
  let direction = 'to right';
  let from: string | undefined;
  let via: string | undefined;
  let to: string | undefined;
  let tailwind = false;
  for (const token of color.trim().split(/\s+/)) {
    const gradient = /^bg-gradient-to-([a-z]{1,2})$/.exec(token);
    if (gradient) {
      tailwind = true;
      direction = DIRECTIONS[gradient[1] ?? ''] ?? direction;
      continue;
    }
    const stop = /^(from|via|to)-(.+)$/.exec(token);
    if (!stop) continue;
    tailwind = true;
    const value = tailwindColor(stop[2] ?? '');
    if (stop[1] === 'from') from = value;
    else if (stop[1] === 'via') via = value;
    else to = value;
  }
  const first = from ?? to;
  const last = to ?? from;
  const stops = [first, via, last].filter((stop): stop is string => stop !== undefined);
  return { direction, stops, tailwind };
}

/**
 * The CSS `background` for a component's colour: Tailwind gradient classes
 * (`from-purple-500 via-purple-600 to-indigo-600`, optionally `bg-gradient-to-br`) become a
 * `linear-gradient`; anything else is taken as a CSS colour or gradient as written.
 *
 * @example
 * gradientOf('from-emerald-500 to-teal-600'); // 'linear-gradient(to right, #10b981, #0d9488)'
 * gradientOf('#ff6600'); // '#ff6600'
 */
export function gradientOf(color: string | undefined): string {
  if (!color?.trim()) return FALLBACK;
  const { direction, stops, tailwind } = parse(color);
  if (!tailwind) return color.trim();
  if (stops.length === 0) return FALLBACK;
  return `linear-gradient(${direction}, ${stops.join(', ')})`;
}

/** One solid colour for a component's colour (its first gradient stop), e.g. for the minimap. */
export function accentOf(color: string | undefined): string {
  if (!color?.trim()) return FALLBACK;
  const { stops, tailwind } = parse(color);
  if (!tailwind) return color.trim();
  return stops[0] ?? FALLBACK;
}
