/**
 * Shows why the pane could not start, in place of the pane: plain text (textContent, never markup), and
 * textContent + appendChild rather than replaceChildren(), which older WPS web views lack.
 */
export function showBootError(root: HTMLElement, error: unknown): void {
  console.error(error);
  const p = document.createElement('p');
  p.className = 'notice notice-error boot-error';
  p.setAttribute('role', 'alert');
  p.textContent = error instanceof Error ? error.message : String(error);
  root.textContent = '';
  root.appendChild(p);
}
