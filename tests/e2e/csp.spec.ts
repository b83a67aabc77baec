import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page, type Route } from '@playwright/test';
import { cspMetaPolicies } from '../../src/lib/csp.ts';
import type { HeaderRule } from '../../src/lib/headers-file.ts';
import { parseHeaders } from '../support/parse-headers.ts';
import { builtPages, guidePaths, scriptsReady } from './site.ts';

/**
 * The Content-Security-Policy holds while a reader uses the site: every built page is opened and
 * exercised (theme, copy-link, search, checklist, talk) and any violation, reported by the browser
 * as a `securitypolicyviolation` event or a console message, fails the page's test. Then the
 * policies themselves are checked in dist/, and the headers in dist/_headers are tried out in the
 * browser the way Netlify or Cloudflare Pages would send them.
 */

const dist = new URL('../../dist/', import.meta.url).pathname;
const pages = builtPages();
const fileOf = (path: string) => join(dist, path.endsWith('/') ? `${path}index.html` : path);
const html = (path: string) => readFileSync(fileOf(path), 'utf8');

type CspWindow = Window & { __cspViolations?: string[] };

/** Starts recording violations on every document the page opens; returns the console's CSP messages. */
async function watchCsp(page: Page): Promise<string[]> {
  await page.addInitScript(() => {
    const w = window as CspWindow;
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations?.push(`${e.violatedDirective} ${e.blockedURI || '(inline)'}`);
    });
  });
  const messages: string[] = [];
  page.on('console', (msg) => {
    if (/Content.Security.Policy/i.test(msg.text())) messages.push(`${new URL(page.url()).pathname}: console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => {
    if (/Content.Security.Policy|unsafe-eval|EvalError/i.test(err.message)) messages.push(`${new URL(page.url()).pathname}: ${err.message}`);
  });
  return messages;
}

/** The violations recorded on the current document so far (read before leaving it). */
async function violationsHere(page: Page): Promise<string[]> {
  const where = decodeURI(new URL(page.url()).pathname + new URL(page.url()).search);
  const found = await page.evaluate(() => (window as CspWindow).__cspViolations ?? []);
  return found.map((v) => `${where}: ${v}`);
}

const searchDialog = (page: Page) => page.getByRole('dialog', { name: 'חיפוש במדריך' });

/** Switches the theme with the header's toggle, which every page with the site header has. */
async function switchTheme(page: Page) {
  const toggle = page.getByRole('button', { name: /^מעבר לערכה (כהה|בהירה)$/ });
  await expect(toggle, 'the theme toggle').toBeVisible();
  const before = await page.locator('html').getAttribute('data-theme');
  await toggle.click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', before ?? '');
}

/** Copies a section's address with the first copy button whose name starts with `name`. */
async function copyFirstLink(page: Page, name: RegExp) {
  const copy = page.getByRole('button', { name }).first();
  await copy.focus(); // the heading tools show on keyboard focus
  await copy.press('Enter');
  await expect(page.locator('#announcer')).toHaveText('הקישור הועתק');
}

async function answerChecklist(page: Page) {
  // Pulls toward outsourcing (in = 1 + 0 + 0, out = 2 + 1 + 0: out leads by two), so the HR-control
  // risks and their mitigations show.
  const answers = ['במידה מסוימת', 'כלל לא', 'כלל לא', 'במידה רבה', 'במידה מסוימת', 'כלל לא'];
  for (const [i, label] of answers.entries()) {
    await page
      .getByRole('group', { name: new RegExp(`^שאלה ${i + 1}`) })
      .getByRole('radio', { name: new RegExp(label) })
      .check();
  }
  const result = page.locator('[data-result]');
  await expect(result).toHaveAttribute('data-recommendation', 'outsource');
  await result.getByRole('checkbox').first().check();
  await expect(result.getByRole('checkbox').first()).toBeChecked();
}

/** Moves through the talk by keys and by every on-screen control: next, blank, the overview. */
async function stepThroughTalk(page: Page) {
  await expect(page.getByRole('button', { name: 'המסך הבא' })).toBeVisible(); // its script has run
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/\/talk\/#4$/);
  await page.getByRole('button', { name: 'המסך הבא' }).click();
  await expect(page).toHaveURL(/\/talk\/#5$/);
  const blank = page.getByRole('button', { name: /^החשכת המסך/ });
  await blank.click();
  await expect(page.locator('[data-blank]')).toBeVisible();
  await blank.click();
  await expect(page.locator('[data-blank]')).toBeHidden();
  await page.getByRole('button', { name: /^כל המסכים/ }).click();
  const overview = page.getByRole('dialog', { name: 'כל המסכים' });
  await overview.getByRole('button', { name: /^מסך 2:/ }).click();
  await expect(overview).toBeHidden();
  await expect(page).toHaveURL(/\/talk\/#2$/);
}

/** The presenter's own controls: moving, the overview and the timer. */
async function usePresenterView(page: Page) {
  await expect(page.getByRole('button', { name: 'המסך הבא' })).toBeVisible(); // its script has run
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/\/talk\/presenter\/#2$/);
  await page.getByRole('button', { name: 'המסך הבא' }).click();
  await expect(page).toHaveURL(/\/talk\/presenter\/#3$/);
  const pause = page.getByRole('button', { name: 'עצירת הטיימר' });
  await pause.click();
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'איפוס הטיימר' }).click();
}

/** Opens search with "/", searches, and follows the first result to its marked section. */
async function searchAndFollow(page: Page, violations: string[]) {
  await scriptsReady(page);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('/');
  const dialog = searchDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('searchbox').pressSequentially('עובדים');
  const first = dialog.locator('[data-search-results]').getByRole('link').first();
  await expect(first).toBeVisible(); // the first search compiles Pagefind's WebAssembly: the expect timeout allows for it
  violations.push(...(await violationsHere(page)));
  await first.click();
  await expect(page).toHaveURL(/[?&]mark=/);
  await expect(page.locator('main mark').first()).toBeVisible();
}

test.describe('no Content-Security-Policy violation while the site is used', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  for (const path of pages) {
    test(`on ${path}`, async ({ page }) => {
      const messages = await watchCsp(page);
      const violations: string[] = [];

      if (path === '/talk/') {
        // The stage hides the site header on a landscape screen; a phone shows it, and its toggle.
        await page.setViewportSize({ width: 390, height: 844 });
        await page.goto(path);
        await switchTheme(page);
        await page.setViewportSize({ width: 1280, height: 720 });
        await expect(page.getByRole('banner')).toBeHidden();
      } else if (path === '/talk/presenter/') {
        // The presenter's window is all tools and notes: no site header, so no theme toggle.
        await page.goto(path);
        await expect(page.getByRole('banner')).toBeHidden();
      } else {
        await page.goto(path);
        await switchTheme(page);
      }
      if (guidePaths().includes(path)) await copyFirstLink(page, /^העתקת קישור לסעיף/);
      if (path === '/trainers/') await copyFirstLink(page, /^העתקת הקישור לסעיף/);
      if (path === '/checklist/') await answerChecklist(page);
      if (path === '/talk/') await stepThroughTalk(page);
      if (path === '/talk/presenter/') await usePresenterView(page);
      if (path === '/search/') {
        violations.push(...(await violationsHere(page)));
        await page.goto('/search/?q=' + encodeURIComponent('תשתית'));
        await expect(page.locator('main [data-search-results]').getByRole('link').first()).toBeVisible();
      } else {
        // Every other page searches in the header's dialog.
        await searchAndFollow(page, violations);
      }
      violations.push(...(await violationsHere(page)));

      const all = [...violations, ...messages];
      expect(all, `CSP violations while using ${path}:\n${all.join('\n')}`).toEqual([]);
    });
  }
});

test('every page carries one strict policy, and dist/_headers sends it with frame-ancestors', () => {
  const problems: string[] = [];
  const headersFile = join(dist, '_headers');
  expect(existsSync(headersFile), 'dist/_headers is missing').toBe(true);
  const rules = parseHeaders(readFileSync(headersFile, 'utf8'));
  const ruleFor = (path: string) => rules.find((r: HeaderRule) => r.path === path);
  const header = (rule: HeaderRule | undefined, name: string) => rule?.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

  for (const path of pages) {
    const page = html(path);
    const tags = page.match(/<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy/gi) ?? [];
    if (tags.length !== 1) {
      problems.push(`${path}: ${tags.length} CSP meta tags`);
      continue;
    }
    const policy = cspMetaPolicies(page)[0]!;
    const directives = new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));
    const script = directives.get('script-src') ?? [];
    const style = directives.get('style-src') ?? [];
    if (directives.get('default-src')?.join(' ') !== "'self'") problems.push(`${path}: default-src is not 'self'`);
    if (!directives.has('script-src')) problems.push(`${path}: no script-src`);
    if (script.includes("'unsafe-inline'") || style.includes("'unsafe-inline'")) problems.push(`${path}: 'unsafe-inline'`);
    if (script.includes("'unsafe-eval'")) problems.push(`${path}: 'unsafe-eval' in script-src`);
    if ([...script, ...style].some((s) => s === '*' || /^(https?:|data:|blob:)/.test(s))) problems.push(`${path}: a broad script/style source`);
    if (directives.get('object-src')?.join(' ') !== "'none'") problems.push(`${path}: object-src is not 'none'`);
    if (directives.get('base-uri')?.join(' ') !== "'self'") problems.push(`${path}: base-uri is not 'self'`);

    const rule = ruleFor(path);
    const csp = header(rule, 'Content-Security-Policy');
    if (csp !== `${policy}; frame-ancestors 'none'`) problems.push(`_headers: ${path} does not send its page's policy with frame-ancestors 'none' (got ${csp ?? 'nothing'})`);
    if (header(rule, 'Cache-Control') !== 'public, max-age=0, must-revalidate') problems.push(`_headers: ${path} is not revalidated`);
  }

  const all = ruleFor('/*');
  expect(header(all, 'X-Content-Type-Options')).toBe('nosniff');
  expect(header(all, 'Referrer-Policy')).toBe('strict-origin-when-cross-origin');
  const permissions = header(all, 'Permissions-Policy') ?? '';
  for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()', 'fullscreen=(self)']) {
    expect(permissions, 'Permissions-Policy').toContain(feature);
  }
  // Netlify and Cloudflare combine a repeated header differently: the site-wide rule leaves these to the specific ones.
  expect(header(all, 'Content-Security-Policy')).toBeUndefined();
  expect(header(all, 'Cache-Control')).toBeUndefined();
  expect(header(ruleFor('/_astro/*'), 'Cache-Control')).toBe('public, max-age=31536000, immutable');
  for (const file of ['/sw.js', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/pagefind-worker.js']) {
    expect(header(ruleFor(file), 'Cache-Control'), file).toBe('public, max-age=0, must-revalidate');
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

test.describe('with the headers a static host sends from dist/_headers', () => {
  // Served by a service worker, requests would bypass the route below.
  test.use({ serviceWorkers: 'block' });

  /** The headers Cloudflare Pages would add for a path (the file never repeats a header name). */
  function hostHeaders(rules: HeaderRule[], pathname: string): Record<string, string> {
    const matching = rules.filter((r) => (r.path.endsWith('*') ? pathname.startsWith(r.path.slice(0, -1)) : pathname === r.path));
    return Object.fromEntries(matching.flatMap((r) => r.headers.map(([n, v]) => [n.toLowerCase(), v])));
  }

  test('pages work under their header policy, no permission is unknown, and no page can be framed', async ({ page, baseURL }) => {
    test.slow(); // opens every page, then searches
    const site = new URL(baseURL ?? 'http://localhost:4321').host;
    const rules = parseHeaders(readFileSync(join(dist, '_headers'), 'utf8'));
    await page.route('**/*', async (route: Route) => {
      const url = new URL(route.request().url());
      if (url.host !== site) return route.continue();
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), ...hostHeaders(rules, url.pathname) } });
    });
    const messages = await watchCsp(page);
    // Chromium reports header problems ("Unrecognized feature: …") in its log, not on the console.
    const policyErrors: string[] = [];
    const cdp = await page.context().newCDPSession(page);
    cdp.on('Log.entryAdded', ({ entry }) => {
      if (/Permissions.Policy|Feature.Policy|Content.Security.Policy|header/i.test(entry.text)) policyErrors.push(entry.text);
    });
    await cdp.send('Log.enable');
    const violations: string[] = [];

    for (const path of pages) {
      const response = await page.goto(path);
      expect(response?.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
      violations.push(...(await violationsHere(page)));
    }
    await page.goto('/guide/in-house/');
    await searchAndFollow(page, violations);
    violations.push(...(await violationsHere(page)));
    expect([...violations, ...messages], [...violations, ...messages].join('\n')).toEqual([]);
    expect(policyErrors, 'problems Chromium found in the headers').toEqual([]);

    // A page that frames another one of the site's pages: the browser refuses to show it.
    await page.evaluate(() => {
      const frame = document.createElement('iframe');
      frame.src = '/guide/';
      document.body.append(frame);
    });
    await expect.poll(() => messages.some((m) => m.includes("frame-ancestors 'none'")), 'the framed page is refused').toBe(true);
  });
});
