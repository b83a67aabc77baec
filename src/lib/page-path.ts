/**
 * The URL path a static host serves a built HTML file at, from its path relative to dist/
 * (`index.html` → `/`, `guide/in-house/index.html` → `/guide/in-house/`, `404.html` → `/404.html`).
 */
export function pagePath(file: string): string {
  const rel = file.replaceAll('\\', '/').replace(/^\.?\/+/, '');
  if (rel === 'index.html') return '/';
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}
