import { iconPaths } from './iconPaths';

/** Names already warned about: each once per page. */
const warned = new Set<string>();

/**
 * Tells the developer, once per name and only outside production builds, that an icon name is
 * not one the editor draws: the component then shows its name's first letter, which is easy to
 * take for intended.
 */
export function warnUnknownIcon(icon: string, componentName: string): void {
  if (process.env.NODE_ENV === 'production' || warned.has(icon)) return;
  warned.add(icon);
  const known = Object.keys(iconPaths)
    .map((name) => `${name}Icon`)
    .join(', ');
  console.warn(
    `[flowloom] Unknown icon "${icon}" (component "${componentName}"): it shows the letter ` +
      `"${componentName.trim().charAt(0).toUpperCase() || '?'}" instead. Use a built-in name ` +
      `(${known}), an image URL (https://…, data:image/…, /path.svg), or give the editor your ` +
      `own: <WorkflowEditor icons={{ ${JSON.stringify(icon)}: <YourIcon /> }} />.`,
  );
}
