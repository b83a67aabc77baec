import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineHastPlugin } from 'satteri';
import type { HastPluginInput, PluginFactoryContext } from 'satteri';
import type { AnswerKey } from '../lib/checklist-rule.ts';
import {
  GUIDE_MARKUP_HINT,
  isCommentOnly,
  jsxElementProblems,
  markdownElementProblems,
  questionKey,
  type JsxAttribute,
} from '../lib/guide-markup.ts';

/** Which guide file embeds each checklist question, across the files of one build. */
const questionFiles = new Map<AnswerKey, string>();

/** True when `file` on disk still embeds `<Question key="key" />` (a file edited in dev may have dropped it). */
function stillEmbeds(file: string, key: AnswerKey): boolean {
  try {
    return new RegExp(`<Question\\b[^>]*\\bkey\\s*=\\s*["']${key}["']`).test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  }
}

interface Located {
  readonly position?: { readonly start: { readonly line: number } } | undefined;
}

/**
 * A Sätteri hast plugin for the guide's MDX (content/guide/): the guide is Markdown plus the
 * site's components, so the build fails, naming the file, the line and what was found, on raw
 * HTML, a <script>, an event-handler attribute, a javascript: URL, an MDX expression or
 * import/export, an unknown component, a `<Question>` with an unknown key, a question embedded
 * twice anywhere in the guide, or a second `<Recommendation />` on a page. Every problem in a file
 * is reported at once.
 */
export const guideMdxRules = (): HastPluginInput => (factory: PluginFactoryContext) => {
  const url = factory.fileURL;
  if (!url || factory.sourceFormat !== 'mdx' || !url.pathname.includes('/content/guide/')) return null;
  const path = fileURLToPath(url);
  const file = relative(process.cwd(), path);
  const problems: string[] = [];
  const here = new Map<AnswerKey, number>();
  let recommendations = 0;
  const report = (node: Located, what: string) => {
    const line = node.position?.start.line;
    problems.push(`${file}${line ? `:${line}` : ''}: ${what}`);
  };

  const jsx = {
    filter: [],
    visit(node: Located & { name: string | null; attributes: JsxAttribute[]; children: readonly unknown[] }) {
      for (const problem of jsxElementProblems(node.name, node.attributes, node.children.length > 0)) report(node, problem);
      if (node.name === 'Recommendation' && ++recommendations === 2) report(node, 'a second <Recommendation /> on this page');
      if (node.name !== 'Question') return;
      const result = questionKey(node.attributes);
      if ('problem' in result) return report(node, result.problem);
      const { key } = result;
      const line = node.position?.start.line ?? 0;
      const earlier = here.get(key);
      if (earlier !== undefined) return report(node, `<Question key="${key}" /> is already embedded at line ${earlier}; each question is asked once in the guide`);
      here.set(key, line);
      const other = questionFiles.get(key);
      if (other !== undefined && other !== path && stillEmbeds(other, key)) {
        return report(node, `<Question key="${key}" /> is already embedded in ${relative(process.cwd(), other)}; each question is asked once in the guide`);
      }
      questionFiles.set(key, path);
    },
  };

  return defineHastPlugin({
    name: 'guide-mdx-rules',
    options: { position: true },
    before() {
      // This file is compiled again (dev): forget what it embedded last time.
      for (const [key, owner] of questionFiles) if (owner === path) questionFiles.delete(key);
    },
    element: {
      filter: [],
      visit(node) {
        for (const problem of markdownElementProblems(node.tagName, node.properties ?? {})) report(node, problem);
      },
    },
    mdxJsxFlowElement: jsx,
    mdxJsxTextElement: jsx,
    mdxFlowExpression(node) {
      if (!isCommentOnly(node.value)) report(node, `code in braces {${node.value.trim().slice(0, 40)}}`);
    },
    mdxTextExpression(node) {
      if (!isCommentOnly(node.value)) report(node, `code in braces {${node.value.trim().slice(0, 40)}}`);
    },
    mdxjsEsm(node) {
      report(node, `an import or export line (${node.value.trim().split('\n')[0]?.slice(0, 60) ?? ''})`);
    },
    raw(node) {
      report(node, `raw HTML (${node.value.trim().slice(0, 40)})`);
    },
    after() {
      if (problems.length === 0) return;
      throw new Error(`The guide's MDX holds what it may not (${GUIDE_MARKUP_HINT}):\n- ${problems.join('\n- ')}`);
    },
  });
};
