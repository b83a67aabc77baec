import { spawn } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/**
 * The promise to editors: a malformed file under content/ fails `astro build` with a message that
 * names the file and the field. Each row copies the project into a fresh directory, breaks one
 * file on purpose, runs a real build and reads what the editor would read. The rows share nothing
 * (each has its own copy, caches included), so they run side by side, as many at once as
 * tests/content/vitest.config.ts allows.
 */

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** What a build copy needs; everything else (dist, tests, reports) stays behind. */
const COPIED = ['src', 'content', 'public', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/** Caches that must stay per copy, so one build never reads another's content store. */
const CACHES = new Set(['.astro', '.vite', '.vite-temp', '.vitest-cache']);

/** Copies the project into a new temporary directory; node_modules entries are symlinks. */
function copyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'broken-content-'));
  for (const entry of COPIED) cpSync(join(repo, entry), join(dir, entry), { recursive: true });
  const modules = join(dir, 'node_modules');
  mkdirSync(modules);
  for (const entry of readdirSync(join(repo, 'node_modules'))) {
    if (CACHES.has(entry)) continue;
    symlinkSync(join(repo, 'node_modules', entry), join(modules, entry));
  }
  return dir;
}

/**
 * Rewrites one file of the copy. The edit must change the file: if the text it looks for has
 * moved, the row fails here instead of "passing" against an unbroken file.
 */
function edit(dir: string, file: string, change: (text: string) => string): void {
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`fixture did not change ${file}; has the content moved?`);
  writeFileSync(path, after);
}

/** Replaces exactly one occurrence of `from`, so a fixture cannot silently hit the wrong line. */
function replaceOnce(from: string | RegExp, to: string): (text: string) => string {
  return (text) => {
    const count =
      typeof from === 'string'
        ? text.split(from).length - 1
        : (text.match(new RegExp(from, 'gm')) ?? []).length;
    if (count !== 1) throw new Error(`expected one match of ${String(from)}, found ${count}`);
    return text.replace(from, to);
  };
}

interface Build {
  readonly status: number | null;
  readonly output: string;
}

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

/** Runs `astro build` in `dir` without blocking, so builds of other rows can run meanwhile. */
function build(dir: string): Promise<Build> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
      cwd: dir,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let failure = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      failure = '\nthe build did not finish in 110 s';
      child.kill('SIGKILL');
    }, 110_000);
    child.on('error', (error) => (failure += `\n${String(error)}`));
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output: `${stdout}\n${stderr}${failure}`.replace(ANSI, '') });
    });
  });
}

/**
 * The build log without its routine noise: the `[WARN]` blocks (Vite's directive warnings quote
 * every guide file by name) and the list of generated routes. What is left is what the build says
 * about the failure, so a file name found here was named by the error, not by a warning.
 */
function diagnostics(output: string): string {
  const kept: string[] = [];
  let inWarning = false;
  for (const line of output.split('\n')) {
    if (/\[WARN\]/.test(line)) inWarning = true;
    else if (line.trim() === '') inWarning = false;
    // Route lines may carry a timestamp: "09:51:25   ├─ /qr/section-in-house.svg (+4ms)".
    if (inWarning || /^(?:\d\d:\d\d:\d\d)?\s*[├└]─/.test(line)) continue;
    kept.push(line);
  }
  return kept.join('\n');
}

/** The last lines of a build log, for a failure message a reader can act on. */
const tail = (output: string) => output.trim().split('\n').slice(-40).join('\n');

interface Breakage {
  readonly name: string;
  /** The content file broken, relative to the project. */
  readonly file: string;
  readonly apply: (dir: string) => void;
  /** What the message must say to name the file: its path or its file name. */
  readonly names: RegExp;
  /** What the message must say to name the field or id at fault. */
  readonly field: RegExp;
  /** Where the parser knows the line: what the message must say to name it. */
  readonly line?: RegExp;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The file's path from the project root, or at least its file name. */
const fileName = (file: string) => new RegExp(escape(file.split('/').pop() ?? file));

const guide = (page: string) => `content/guide/${page}.mdx`;

/**
 * Appends a block to the end of a guide page and returns the line it starts on, so a row can
 * require the exact line in the message.
 */
const appendedLine = (page: string) => readFileSync(join(repo, guide(page)), 'utf8').trimEnd().split('\n').length + 2;
const append = (page: string, block: string) => (dir: string) =>
  edit(dir, guide(page), (text) => `${text.trimEnd()}\n\n${block}\n`);
/** The file and the line the message must name for a block appended to a guide page. */
const atAppendedLine = (page: string) => new RegExp(`${escape(page)}\\.mdx:${appendedLine(page)}\\b`);

const breakages: Breakage[] = [
  {
    name: 'a guide page without a title fails the build naming the file and the field',
    file: guide('outsource'),
    apply: (dir) => edit(dir, guide('outsource'), replaceOnce(/^title: .*\n/m, '')),
    names: fileName(guide('outsource')),
    field: /\btitle\b/,
  },
  {
    name: 'a guide page whose order is a string fails the build naming the file and the field',
    file: guide('in-house'),
    apply: (dir) => edit(dir, guide('in-house'), replaceOnce(/^order: 2$/m, 'order: "שתיים"')),
    names: fileName(guide('in-house')),
    field: /\border\b/,
  },
  {
    name: 'two guide pages with the same contract id fail the build naming the file and the id',
    file: guide('outsource'),
    apply: (dir) =>
      edit(
        dir,
        guide('outsource'),
        (text) => `${text.trimEnd()}\n\n### כפילות [#complex-products]\n\nטקסט.\n`,
      ),
    names: fileName(guide('outsource')),
    field: /heading id "complex-products"/,
  },
  {
    name: 'a missing contract id fails the build naming the guide and the missing id',
    file: guide('in-house'),
    apply: (dir) => edit(dir, guide('in-house'), replaceOnce('[#feedback-loop]', '[#feedback-loop-x]')),
    // The id is missing from the whole guide, so the folder is the file at fault.
    names: /content\/guide/,
    field: /contract id "\[#feedback-loop\]"/,
  },
  {
    name: 'a malformed heading marker fails the build naming the file and the marker',
    file: guide('outsource'),
    apply: (dir) => edit(dir, guide('outsource'), replaceOnce('[#core-focus]', '[#Bad_Id]')),
    names: fileName(guide('outsource')),
    field: /Bad_Id/,
  },
  {
    name: 'a <Question> with an unknown key fails the build naming the file, the line and the key',
    file: guide('outsource'),
    apply: append('outsource', '<Question key="budget" />'),
    names: atAppendedLine('outsource'),
    field: /key="budget"/,
  },
  {
    name: 'a question embedded on two guide pages fails the build naming both files and the key',
    file: guide('outsource'),
    apply: append('outsource', '<Question key="complexity" />'),
    // Either page may be compiled first; the message names the one it stopped at and the other.
    names: /(?:outsource\.mdx:\d+: .*in-house\.mdx|in-house\.mdx:\d+: .*outsource\.mdx)/,
    field: /key="complexity" \/> is already embedded/,
  },
  {
    name: 'a question embedded twice on one page fails the build naming the file and both lines',
    file: guide('in-house'),
    apply: append('in-house', '<Question key="brand" />'),
    names: atAppendedLine('in-house'),
    field: /key="brand" \/> is already embedded at line \d+/,
  },
  {
    name: 'raw HTML in the guide fails the build naming the file, the line and the element',
    file: guide('outsource'),
    apply: append('outsource', '<div class="note">הערה</div>'),
    names: atAppendedLine('outsource'),
    field: /raw HTML <div>/,
  },
  {
    name: 'a <script> in the guide fails the build naming the file, the line and the script',
    file: guide('hr-control'),
    apply: append('hr-control', '<script>alert(1)</script>'),
    names: atAppendedLine('hr-control'),
    field: /<script> element/,
  },
  {
    name: 'an event-handler attribute in the guide fails the build naming the file, the line and the attribute',
    file: guide('decision'),
    apply: append('decision', '<img src="/og.png" alt="" onerror="alert(1)" />'),
    names: atAppendedLine('decision'),
    field: /event-handler attribute onerror=/,
  },
  {
    name: 'a javascript: link in the guide fails the build naming the file, the line and the URL',
    file: guide('bottom-line'),
    apply: append('bottom-line', 'לחצו [כאן](javascript:alert(document.cookie)) כדי להמשיך.'),
    names: atAppendedLine('bottom-line'),
    field: /javascript: URL in a link/,
  },
  {
    name: 'a checklist question with an unknown section fails the build naming the file and the field',
    file: 'content/checklist/questions.yaml',
    apply: (dir) =>
      edit(
        dir,
        'content/checklist/questions.yaml',
        replaceOnce(/^ {2}section: volume-peaks$/m, '  section: no-such-section'),
      ),
    names: fileName('content/checklist/questions.yaml'),
    field: /\bsection\b/,
  },
  {
    name: 'a case with an answer outside 0..2 fails the build naming the file and the field',
    file: 'content/checklist/cases.yaml',
    apply: (dir) =>
      edit(
        dir,
        'content/checklist/cases.yaml',
        replaceOnce(
          'answers: { complexity: 2, brand: 1, feedback: 2, volume: 0, coverage: 1, focus: 0 }',
          'answers: { complexity: 2, brand: 1, feedback: 2, volume: 3, coverage: 1, focus: 0 }',
        ),
      ),
    names: fileName('content/checklist/cases.yaml'),
    field: /\bvolume\b/,
  },
  {
    name: 'a case naming an unknown answer key fails the build naming the file and the key',
    file: 'content/checklist/cases.yaml',
    apply: (dir) =>
      edit(
        dir,
        'content/checklist/cases.yaml',
        replaceOnce(
          'answers: { complexity: 2, brand: 1, feedback: 2, volume: 0, coverage: 1, focus: 0 }',
          'answers: { complexity: 2, brand: 1, feedback: 2, volume: 0, coverage: 1, focus: 0, budget: 1 }',
        ),
      ),
    names: fileName('content/checklist/cases.yaml'),
    field: /\bbudget\b/,
  },
  {
    name: 'a case whose expected result disagrees with the rule fails the build naming the file and the field',
    file: 'content/checklist/cases.yaml',
    apply: (dir) =>
      edit(
        dir,
        'content/checklist/cases.yaml',
        // enterprise-software: the rule gives in-house for these answers.
        replaceOnce(
          /(answers: \{ complexity: 2, brand: 1, feedback: 2, volume: 0, coverage: 1, focus: 0 \}\n {2}expected: )in-house/,
          '$1outsource',
        ),
      ),
    names: fileName('content/checklist/cases.yaml'),
    field: /\bexpected\b/,
  },
  {
    name: 'a talk screen with an unknown section fails the build naming the file and the field',
    file: 'content/talk/screens.yaml',
    apply: (dir) =>
      edit(
        dir,
        'content/talk/screens.yaml',
        replaceOnce(/^ {2}section: premium-brand$/m, '  section: no-such-section'),
      ),
    names: fileName('content/talk/screens.yaml'),
    field: /\bsection\b/,
  },
  {
    name: 'a talk screen with both a section and another place to lead to fails the build naming the file and the field',
    file: 'content/talk/screens.yaml',
    apply: (dir) =>
      edit(dir, 'content/talk/screens.yaml', replaceOnce(/^ {2}section: premium-brand$/m, '  section: premium-brand\n  leadsTo: checklist')),
    names: fileName('content/talk/screens.yaml'),
    field: /\bleadsTo\b/,
  },
  {
    name: 'a second talk screen with an existing id fails the build naming the file, the line and the id',
    file: 'content/talk/screens.yaml',
    apply: (dir) =>
      edit(dir, 'content/talk/screens.yaml', (text) => `${text.trimEnd()}\n- id: opening\n  title: כפילות\n  lines:\n    - שורה.\n`),
    names: fileName('content/talk/screens.yaml'),
    field: /"id": "opening"/,
    line: /screens\.yaml:\d+/,
  },
  {
    name: 'a field written twice in one YAML entry fails the build naming the file, the line and the field',
    file: 'content/checklist/questions.yaml',
    apply: (dir) =>
      edit(dir, 'content/checklist/questions.yaml', replaceOnce(/^- id: complexity$/m, '- id: complexity\n  id: brand')),
    names: fileName('content/checklist/questions.yaml'),
    field: /field "id" appears twice/,
    line: /questions\.yaml:4\b/,
  },
  {
    name: 'two mitigations of one risk with the same id fail the build naming the file and the field',
    file: 'content/checklist/risks.yaml',
    apply: (dir) =>
      edit(dir, 'content/checklist/risks.yaml', replaceOnce(/^ {4}- id: joint-onboarding$/m, '    - id: selection-criteria')),
    names: fileName('content/checklist/risks.yaml'),
    field: /mitigations.*\bid\b.*selection-criteria|selection-criteria.*mitigations/s,
  },
  {
    name: 'a search vocabulary entry whose guide words no page has fails the build naming the entry and the words',
    file: 'content/search/vocabulary.yaml',
    apply: (dir) => edit(dir, 'content/search/vocabulary.yaml', replaceOnce('  guide: [מדרגיות]', '  guide: [מדרגיות מופלגת]')),
    names: fileName('content/search/vocabulary.yaml'),
    field: /"scalability".*"מדרגיות מופלגת"/,
  },
  {
    name: 'a part of the source article under an id that is not a guide section fails the build naming the file and the id',
    file: 'content/search/article.yaml',
    apply: (dir) => edit(dir, 'content/search/article.yaml', replaceOnce(/^- id: feedback-loop$/m, '- id: feedback-loops')),
    names: fileName('content/search/article.yaml'),
    field: /"feedback-loops"/,
  },
];

/** A fresh copy of the project for one row, removed when the row is done (unless KEEP_BROKEN_COPIES). */
async function inCopy<T>(use: (dir: string) => Promise<T>): Promise<T> {
  const dir = copyProject();
  try {
    return await use(dir);
  } finally {
    if (!process.env['KEEP_BROKEN_COPIES']) rmSync(dir, { recursive: true, force: true });
  }
}

describe.concurrent('broken content fails the build with the file and the field', () => {
  it('the unmodified copy builds successfully', async ({ expect }) => {
    const result = await inCopy(build);
    expect(result.status, tail(result.output)).toBe(0);
    // The rows below look for a file and a field in the log; a clean build must mention neither,
    // or a row could pass on routine output instead of on the error.
    const clean = diagnostics(result.output);
    for (const { name, names, field } of breakages) {
      expect(clean, `"${name}": a clean build already says ${String(names)}`).not.toMatch(names);
      expect(clean, `"${name}": a clean build already says ${String(field)}`).not.toMatch(field);
    }
  });

  it.for(breakages)('$name', async ({ file, apply, names, field, line }, { expect }) => {
    const result = await inCopy(async (dir) => {
      apply(dir);
      return build(dir);
    });
    const said = diagnostics(result.output);
    if (process.env['SHOW_BUILD_OUTPUT']) console.log(said);
    expect(result.status, `the build passed with ${file} broken:\n${tail(result.output)}`).not.toBe(0);
    expect(said, `the message does not name ${file}`).toMatch(names);
    expect(said, `the message does not name the field (${String(field)})`).toMatch(field);
    if (line) expect(said, `the message does not name the line (${String(line)})`).toMatch(line);
  });
});
