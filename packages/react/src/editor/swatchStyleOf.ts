import type { CSSProperties } from 'react';
import { headerColorsOf } from './headerColorsOf';

/** A component's swatch (palette, picker, forms): its node header's colours, icon included. */
export function swatchStyleOf(color: string | undefined): CSSProperties {
  const colors = headerColorsOf(color);
  return { background: colors.background, color: colors.color };
}
