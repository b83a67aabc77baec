import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every `.html` file of a built site, as paths relative to its root (`guide/in-house/index.html`),
 * sorted. Shared by the build steps that read dist/ and by the checks over it; the URL each is
 * served at is `pagePath()` from src/lib/page-path.ts.
 */
export function htmlFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return htmlFiles(root, full);
      return entry.name.endsWith('.html') ? [relative(root, full).replaceAll('\\', '/')] : [];
    })
    .sort();
}
