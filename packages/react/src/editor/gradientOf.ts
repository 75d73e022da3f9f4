import { parseGradient } from './parseGradient';

/** Used when a colour names only Tailwind classes the palette does not know. */
export const FALLBACK_ACCENT = 'var(--flowloom-node-accent)';

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
  if (!color?.trim()) return FALLBACK_ACCENT;
  const { direction, stops, tailwind } = parseGradient(color);
  if (!tailwind) return color.trim();
  if (stops.length === 0) return FALLBACK_ACCENT;
  return `linear-gradient(${direction}, ${stops.join(', ')})`;
}

/** One solid colour for a component's colour (its first gradient stop), e.g. for the minimap. */
export function accentOf(color: string | undefined): string {
  if (!color?.trim()) return FALLBACK_ACCENT;
  const { stops, tailwind } = parseGradient(color);
  if (!tailwind) return color.trim();
  return stops[0] ?? FALLBACK_ACCENT;
}
