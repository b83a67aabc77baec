/**
 * What the site asks of browsers and caches, as data: the security headers sent with every
 * response, the browser features it switches off, and how long each kind of file may be cached.
 * src/lib/headers-file.ts turns this into the `_headers` file; the README's nginx snippet says the
 * same in nginx's words.
 */

/** Hashed file names never change content: cache them for a year and never revalidate. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Pages and files with stable names: the browser may keep a copy but asks every time (a 304 is cheap). */
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/**
 * Browser features the site never uses, switched off for the page and anything it could embed.
 * `fullscreen=(self)` stays because the talk view has a fullscreen button; clipboard writes stay
 * allowed for the copy-link buttons. Only names Chromium knows: an unknown one makes Chrome log
 * "Unrecognized feature" on every page (tests/e2e/csp.spec.ts watches for it).
 * `interest-cohort` opts out of FLoC, `browsing-topics` out of its successor, the Topics API.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'browsing-topics=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'fullscreen=(self)',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'idle-detection=()',
  'interest-cohort=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'picture-in-picture=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** Sent with every response, whatever its path. */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', PERMISSIONS_POLICY],
  // The pages' CSP headers say frame-ancestors 'none'; this covers every other response too
  // (the 404 page served for an unknown address, files) and browsers without CSP level 2.
  ['X-Frame-Options', 'DENY'],
];

/** Astro's hashed assets and Pagefind's content-addressed index chunks and fragments. */
export const DEFAULT_IMMUTABLE = ['/_astro/*', '/pagefind/fragment/*', '/pagefind/index/*', '/pagefind/filter/*'] as const;

/** Files a client needs fresh after every deployment: the service worker and Pagefind's entry points. */
export const DEFAULT_REVALIDATE = ['/sw.js', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/pagefind-worker.js'] as const;

