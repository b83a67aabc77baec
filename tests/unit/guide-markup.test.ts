import { describe, expect, it } from 'vitest';
import {
  isCommentOnly,
  isScriptUrl,
  jsxElementProblems,
  markdownElementProblems,
  questionKey,
  type JsxAttribute,
} from '../../src/lib/guide-markup.ts';

const attr = (name: string, value?: string | { type: string }): JsxAttribute => ({ type: 'mdxJsxAttribute', name, value });

describe('what the guide MDX may contain', () => {
  it('allows the site components used as documented', () => {
    expect(jsxElementProblems('Question', [attr('key', 'complexity')], false)).toEqual([]);
    expect(jsxElementProblems('Recommendation', [], false)).toEqual([]);
    expect(questionKey([attr('key', 'focus')])).toEqual({ key: 'focus' });
  });

  it('names raw HTML, scripts, unknown components and fragments', () => {
    expect(jsxElementProblems('div', [], true)).toEqual(['raw HTML <div>']);
    expect(jsxElementProblems('script', [], true)).toEqual(['a <script> element']);
    expect(jsxElementProblems('Chart', [], false)).toEqual(['an unknown component <Chart>']);
    expect(jsxElementProblems('', [], true)).toEqual(['a JSX fragment (<>…</>)']);
  });

  it('names event handlers, javascript: URLs, code and spread attributes on any element', () => {
    expect(jsxElementProblems('img', [attr('src', 'x'), attr('onError', 'alert(1)')], false)).toEqual([
      'raw HTML <img>',
      'an event-handler attribute onError= on <img>',
    ]);
    expect(jsxElementProblems('a', [attr('href', ' JavaScript:alert(1)')], true)).toContain('a javascript: URL in href= on <a>');
    expect(jsxElementProblems('Question', [attr('key', { type: 'mdxJsxAttributeValueExpression' })], false)).toEqual([
      'code in the attribute key={…} on <Question>',
    ]);
    expect(jsxElementProblems('Recommendation', [{ type: 'mdxJsxExpressionAttribute' }], false)).toEqual([
      'a spread attribute {…} on <Recommendation>',
    ]);
  });

  it('names attributes and content the components do not take', () => {
    expect(jsxElementProblems('Question', [attr('key', 'brand'), attr('title', 'x')], false)).toEqual(['<Question> has no attribute "title"']);
    expect(jsxElementProblems('Recommendation', [], true)).toEqual(['<Recommendation> takes no content: write it as <Recommendation … />']);
  });

  it('names a missing or unknown question key and lists the keys', () => {
    expect(questionKey([])).toEqual({ problem: expect.stringMatching(/needs a key.*"complexity"/) });
    expect(questionKey([attr('key', 'budget')])).toEqual({ problem: expect.stringMatching(/key="budget".*unknown.*"focus"/) });
    expect(questionKey([attr('key', 'Brand')])).toEqual({ problem: expect.stringContaining('unknown') });
  });

  it('recognises javascript: however it is spelled, and only that', () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:x', '  javascript:x', '\u0001javascript:x', 'java\tscript:x', 'java\nscript:x', 'vbscript:msgbox']) {
      expect(isScriptUrl(url), JSON.stringify(url)).toBe(true);
    }
    for (const url of ['/guide/in-house/#in-house', 'https://example.org/javascript:x', '#javascript', 'javascript-basics/', 'mailto:a@b.c']) {
      expect(isScriptUrl(url), url).toBe(false);
    }
  });

  it('checks the addresses of links and images the Markdown writes', () => {
    expect(markdownElementProblems('a', { href: 'javascript:alert(1)' })).toEqual(['a javascript: URL in a link']);
    expect(markdownElementProblems('img', { src: 'JaVaScRiPt:x', alt: '' })).toEqual(['a javascript: URL in an image']);
    expect(markdownElementProblems('a', { href: '/checklist/' })).toEqual([]);
  });

  it('lets an editor leave a comment in braces, and nothing else', () => {
    expect(isCommentOnly('/* לבדוק את הניסוח */')).toBe(true);
    expect(isCommentOnly(' ')).toBe(true);
    expect(isCommentOnly('1 + 1')).toBe(false);
    expect(isCommentOnly('/* a */ alert(1) /* b */')).toBe(false);
  });
});
