import { availableParallelism } from 'node:os';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './tests/e2e/browser.ts';

// E2E_PORT lets several checkouts test side by side on one machine.
const port = Number(process.env['E2E_PORT'] ?? 4321);
const executablePath = chromiumExecutable();

/**
 * End-to-end tests run against the built site (`dist/`) served by `astro preview`, never the dev server.
 *
 * Sized for the project's machines, 2 cores that may be busy with other work: two workers (each
 * test mostly waits on the browser, so two share two cores well; Playwright's default would be
 * one), and time limits that hold when every step is several times slower than on an idle
 * machine. Tests wait on conditions, never on the clock, so a longer limit costs a passing test
 * nothing; it only lets a slow step finish instead of failing. Never retried: a flaky test is a bug.
 */
export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  workers: Math.max(2, Math.floor(availableParallelism() / 2)),
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'he-IL',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    // --ignore-lock keeps the server in the foreground, owned by Playwright: without it Astro 7
    // refuses to start beside another preview and backgrounds itself when it detects an agent.
    command: `npx astro preview --port ${port} --host localhost --ignore-lock`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
