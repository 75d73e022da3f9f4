import { useContext } from 'react';
import { IconsContext } from './IconsContext';
import { iconPaths } from './iconPaths';
import { warnUnknownIcon } from './warnUnknownIcon';

/** Props of {@link ComponentIcon}. */
export interface ComponentIconProps {
  /** A name the editor draws (`EnvelopeIcon`), one given in `icons`, an image URL, or nothing. */
  icon: string | undefined;
  /** The component's name: its first letter stands in for an unknown icon. */
  name: string;
}

const IMAGE_URL = /^(https?:\/\/|data:image\/|\/)/;

/** The built-in outline path of a name, with or without its `Icon` suffix. */
function pathOf(icon: string): string | undefined {
  const key = icon.replace(/Icon$/, '');
  return Object.hasOwn(iconPaths, key) ? iconPaths[key] : undefined;
}

/**
 * A component's icon: the host's own for a name given in `<WorkflowEditor icons>`, an `<img>`
 * for a URL, an inline SVG for a built-in name (see the README's list), else the name's first
 * letter (with a warning once per name in development).
 */
export function ComponentIcon({ icon, name }: ComponentIconProps) {
  const custom = useContext(IconsContext);
  if (icon && Object.hasOwn(custom, icon)) {
    return (
      <span className="flowloom-icon flowloom-icon--custom" aria-hidden="true" data-icon={icon}>
        {custom[icon]}
      </span>
    );
  }
  if (icon && IMAGE_URL.test(icon)) {
    return <img className="flowloom-icon" src={icon} alt="" aria-hidden="true" />;
  }
  const path = icon ? pathOf(icon) : undefined;
  if (path === undefined) {
    if (icon) warnUnknownIcon(icon, name);
    return (
      <span className="flowloom-icon flowloom-icon--letter" aria-hidden="true">
        {name.trim().charAt(0).toUpperCase() || '?'}
      </span>
    );
  }
  return (
    <svg
      className="flowloom-icon"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.5}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      data-icon={icon}
    >
      <path d={path} />
    </svg>
  );
}
