/**
 * Whether a URL's host is one the host application allowed: `network.allowHosts` entries are
 * exact `"host"` (any port) or `"host:port"`; IPv6 goes in brackets (`"[::1]:8080"`).
 *
 * @remarks Entries are read the way a URL reads its host, so `"LOCALHOST"` matches
 * `http://localhost/` and `"127.1:80"` matches `http://127.0.0.1/`. A URL without a port
 * matches `"host:80"` (http) or `"host:443"` (https).
 */
export function createHostAllowList(entries: readonly string[]): (url: URL) => boolean {
  const allowed = new Set(entries.map(normaliseEntry));
  if (allowed.size === 0) return () => false;
  return (url) => {
    const hostname = stripTrailingDot(url.hostname);
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return allowed.has(hostname) || allowed.has(`${hostname}:${port}`);
  };
}

function normaliseEntry(entry: string): string {
  const match = /^(.*?)(?::(\d{1,5}))?$/.exec(entry.trim());
  const host = match?.[1] ?? entry;
  const port = match?.[2];
  let hostname: string;
  try {
    hostname = stripTrailingDot(new URL(`http://${host}/`).hostname);
  } catch {
    // Not a host a URL could have: keep it, it simply never matches.
    hostname = host.toLowerCase();
  }
  return port === undefined ? hostname : `${hostname}:${Number(port)}`;
}

function stripTrailingDot(hostname: string): string {
  return hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
}
