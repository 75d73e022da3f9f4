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

/** A component colour read as a gradient. */
export interface ParsedGradient {
  /** The CSS direction, `to right` unless a `bg-gradient-to-*` class says otherwise. */
  direction: string;
  /** The CSS colours of the known stops, first to last (a lone stop is used at both ends). */
  stops: string[];
  /** Whether the string used Tailwind gradient classes at all. */
  tailwind: boolean;
}

/**
 * Reads Tailwind gradient classes (`bg-gradient-to-br from-emerald-500 via-… to-teal-600`):
 * the direction and the stops' CSS colours; classes of colours the palette does not know are
 * left out.
 */
export function parseGradient(color: string): ParsedGradient {
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
