import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * What the built site sends to readers' browsers that others wrote, and under which licence: the
 * web font, the service worker's library, the search engine and the QR encoder. The credits page
 * (/credits/) lists them, and each licence text ships as a file (/licenses/<id>.txt), as the
 * licences ask. Tools that only run at build time (Astro, esbuild, …) ship nothing and are not
 * listed. Add an entry when a new package's code or files reach dist/.
 */
export interface Credit {
  /** File name of the licence text: /licenses/<id>.txt. */
  readonly id: string;
  /** The project's own name (Latin script, shown isolated inside Hebrew text). */
  readonly name: string;
  /** The npm package it comes from; its version is read from node_modules. */
  readonly pkg: string;
  /** What it does on this site: a key of `t.credits.roles`. */
  readonly role: 'font' | 'offline' | 'search' | 'qr';
  /** SPDX identifier and the licence's name. */
  readonly spdx: 'OFL-1.1' | 'MIT';
  /** The licence text inside the package. */
  readonly licenseFile: string;
  readonly homepage: string;
}

export const CREDITS: readonly Credit[] = [
  { id: 'heebo', name: 'Heebo', pkg: '@fontsource-variable/heebo', role: 'font', spdx: 'OFL-1.1', licenseFile: 'LICENSE', homepage: 'https://github.com/OdedEzer/heebo' },
  { id: 'workbox', name: 'Workbox', pkg: 'workbox-core', role: 'offline', spdx: 'MIT', licenseFile: 'LICENSE', homepage: 'https://developer.chrome.com/docs/workbox' },
  { id: 'pagefind', name: 'Pagefind', pkg: 'pagefind', role: 'search', spdx: 'MIT', licenseFile: 'LICENSE/LICENSE', homepage: 'https://pagefind.app/' },
  { id: 'uqr', name: 'uqr', pkg: 'uqr', role: 'qr', spdx: 'MIT', licenseFile: 'LICENSE', homepage: 'https://github.com/unjs/uqr' },
];

/** Where the packages are: the project's node_modules (builds run from the project root, as astro.config.mjs assumes too). */
const packageDir = (credit: Credit) => resolve('node_modules', credit.pkg);

/** The version of a credited package that this build ships. */
export function creditVersion(credit: Credit): string {
  return (JSON.parse(readFileSync(join(packageDir(credit), 'package.json'), 'utf8')) as { version: string }).version;
}

/** The licence text as the package ships it. */
export function licenseText(credit: Credit): string {
  return readFileSync(join(packageDir(credit), credit.licenseFile), 'utf8');
}
