/** How long the file's object URL lives after the download starts. */
const REVOKE_AFTER_MS = 40_000;

/**
 * Makes the browser download `data` as a pretty-printed JSON file named `fileName`, through a
 * temporary object URL and link (no server round trip: the data is already here).
 */
export function downloadJson(fileName: string, data: unknown): void {
  const blob = new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Later, not at once: a browser may still be reading the blob when the click returns
    // (Firefox cancels the download otherwise); FileSaver.js waits 40 s for the same reason.
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
