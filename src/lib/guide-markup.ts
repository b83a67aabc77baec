/**
 * What the guide's MDX may contain: Markdown plus the site's own components, nothing that runs.
 * Pure checks over the names and attributes the MDX parser reports, so the build step
 * (src/integrations/guide-mdx-rules.ts) and the unit tests share them. Each returns the problems
 * in words an editor can act on; an empty list means the markup is allowed.
 */
import { ANSWER_KEYS, isAnswerKey, type AnswerKey } from './checklist-rule.ts';

/** The components an editor may place in the guide, with the attributes each takes. */
export const GUIDE_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  Question: ['key'],
  Recommendation: [],
};

/** How the rules are summed up in every message. */
export const GUIDE_MARKUP_HINT =
  'the guide is Markdown plus the site\'s components (<Question key="…" />, <Recommendation />): no HTML, scripts or code';

/** A JSX attribute as the MDX parser reports it. */
export type JsxAttribute =
  | { readonly type: 'mdxJsxAttribute'; readonly name: string; readonly value?: string | { readonly type: string } | null | undefined }
  | { readonly type: 'mdxJsxExpressionAttribute' };

/**
 * True for an address that runs code when followed: `javascript:` (or `vbscript:`), however it is
 * spelled. Browsers drop leading spaces and control characters and every tab or line break inside
 * a URL, and schemes ignore case, so `  JaVa\tScript:` counts too.
 */
export function isScriptUrl(url: string): boolean {
  const squeezed = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '').toLowerCase();
  return /^(?:javascript|vbscript):/.test(squeezed);
}

/** Element properties that hold an address (hast names). */
const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'cite', 'poster', 'data', 'xLinkHref', 'srcSet'];

/** Problems with an element the Markdown itself produced (a link, an image): only its addresses can be wrong. */
export function markdownElementProblems(tagName: string, properties: Readonly<Record<string, unknown>>): string[] {
  const problems: string[] = [];
  for (const name of URL_PROPERTIES) {
    const value = properties[name];
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'string' && isScriptUrl(v))) {
      problems.push(`a javascript: URL in ${tagName === 'a' ? 'a link' : tagName === 'img' ? 'an image' : `<${tagName}>`}`);
    }
  }
  return problems;
}

/** Problems with a JSX element written in the MDX: anything but the site's components, used as documented. */
export function jsxElementProblems(name: string | null, attributes: readonly JsxAttribute[], hasChildren: boolean): string[] {
  const problems: string[] = [];
  if (!name) return ['a JSX fragment (<>…</>)'];
  const allowed = Object.hasOwn(GUIDE_COMPONENTS, name) ? GUIDE_COMPONENTS[name] : undefined;
  if (!allowed) {
    problems.push(
      name === 'script'
        ? 'a <script> element'
        : /^[a-z]/.test(name)
          ? `raw HTML <${name}>`
          : `an unknown component <${name}>`,
    );
  }
  for (const attribute of attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      problems.push(`a spread attribute {…} on <${name}>`);
      continue;
    }
    const { name: attr, value } = attribute;
    if (/^on/i.test(attr)) problems.push(`an event-handler attribute ${attr}= on <${name}>`);
    else if (typeof value === 'string' && isScriptUrl(value)) problems.push(`a javascript: URL in ${attr}= on <${name}>`);
    else if (value !== null && value !== undefined && typeof value !== 'string') problems.push(`code in the attribute ${attr}={…} on <${name}>`);
    else if (allowed && !allowed.includes(attr)) problems.push(`<${name}> has no attribute "${attr}"`);
  }
  if (allowed && hasChildren) problems.push(`<${name}> takes no content: write it as <${name} … />`);
  return problems;
}

/** The key of a `<Question key="…" />`, or the problem with it. */
export function questionKey(attributes: readonly JsxAttribute[]): { key: AnswerKey } | { problem: string } {
  const attribute = attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'key');
  const value = attribute?.type === 'mdxJsxAttribute' ? attribute.value : undefined;
  const known = ANSWER_KEYS.map((k) => `"${k}"`).join(', ');
  if (typeof value !== 'string') return { problem: `<Question> needs a key, one of ${known}` };
  if (!isAnswerKey(value)) return { problem: `<Question key="${value}" /> names an unknown question; the keys are ${known}` };
  return { key: value };
}

/** True when an MDX expression holds nothing but comments, the one way to leave an editor's note. */
export function isCommentOnly(expression: string): boolean {
  return expression.replace(/\/\*[\s\S]*?\*\//g, '').trim() === '';
}
