import { iconPaths } from './iconPaths';

/** Props of {@link ComponentIcon}. */
export interface ComponentIconProps {
  /** A Heroicons name (`EnvelopeIcon`), an image URL, or nothing. */
  icon: string | undefined;
  /** The component's name: its first letter stands in for an unknown icon. */
  name: string;
}

const IMAGE_URL = /^(https?:\/\/|data:image\/|\/)/;

/**
 * A component's icon: an inline SVG for the Heroicons names the built-ins use, an `<img>` for
 * a URL, else the name's first letter.
 */
export function ComponentIcon({ icon, name }: ComponentIconProps) {
  if (icon && IMAGE_URL.test(icon)) {
    return <img className="flowloom-icon" src={icon} alt="" aria-hidden="true" />;
  }
  const path = icon ? iconPaths[icon.replace(/Icon$/, '')] : undefined;
  if (path === undefined) {
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
