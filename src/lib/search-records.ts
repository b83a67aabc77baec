/**
 * What search indexes besides the guide's pages: the checklist's questions, outcomes and risk
 * mitigations, and the talk's screens, as Pagefind custom records built from content. Each record
 * is made from named fields only, so anything else in the content (the talk's speaker notes) can
 * never reach the index or the lexicon. Pure.
 */

/** Which part of the site a record speaks for, when its address alone does not say (the article's text leads to guide sections). */
export type RecordPart = 'article';

/** One custom record for Pagefind. */
export interface SearchRecord {
  /** The record's own address in the index, unique (Pagefind keeps one record per address). */
  readonly key: string;
  /** Where the result leads. */
  readonly url: string;
  /** An element id to add to `url` when the built page has it (the build checks). */
  readonly anchor?: string;
  readonly title: string;
  /** The text to index: what the reader sees there. */
  readonly content: string;
  readonly part?: RecordPart;
}

export interface RecordTitles {
  question(n: number, label: string): string;
  outcome(title: string): string;
  risk(title: string): string;
  screen(n: number, title: string): string;
}

interface ChecklistContent {
  readonly questions: ReadonlyArray<{ readonly key: string; readonly label: string; readonly question: string; readonly explanation: string }>;
  readonly outcomes: ReadonlyMap<string, { readonly title: string; readonly summary: string; readonly practice: readonly string[] }>;
  readonly risks: ReadonlyArray<{
    readonly id: string;
    readonly title: string;
    readonly summary: string;
    readonly mitigations: ReadonlyArray<{ readonly text: string }>;
  }>;
}

/** Sentences joined so that each ends with a stop (Pagefind's excerpts read them as text). */
const prose = (parts: readonly string[]) =>
  parts
    .map((p) => p.trim().replace(/[,;]$/, ''))
    .filter(Boolean)
    .map((p) => (/[.!?:…]$/.test(p) ? p : `${p}.`))
    .join(' ');

/** The checklist: one record per question, per outcome and per risk's mitigations. */
export function checklistRecords(content: ChecklistContent, titles: RecordTitles): SearchRecord[] {
  return [
    ...content.questions.map((q, i) => ({
      key: `/checklist/#question-${q.key}`,
      url: '/checklist/',
      anchor: `question-${q.key}`,
      title: titles.question(i + 1, q.label),
      content: prose([q.question, q.explanation]),
    })),
    ...[...content.outcomes].map(([id, o]) => ({
      key: `/checklist/#outcome-${id}`,
      url: '/checklist/#result',
      title: titles.outcome(o.title),
      content: prose([o.summary, ...o.practice]),
    })),
    ...content.risks.map((r) => ({
      key: `/checklist/#risk-${r.id}`,
      url: '/checklist/#result',
      title: titles.risk(r.title),
      content: prose([r.summary, ...r.mitigations.map((m) => m.text)]),
    })),
  ];
}

/**
 * The source article: one record per guide section, with the article's own wording, leading to
 * that section. Its words find the section even where the guide says it differently.
 */
export function articleRecords(
  paragraphs: ReadonlyArray<{ readonly id: string; readonly text: string }>,
  sections: ReadonlyMap<string, { readonly href: string; readonly title: string }>,
): SearchRecord[] {
  return paragraphs.map((p) => {
    const section = sections.get(p.id);
    if (!section) throw new Error(`content/search/article.yaml: the id "${p.id}" is not a section of the guide`);
    const [path = '', hash = ''] = section.href.split('#');
    return { key: `${path}?article=${p.id}#${hash}`, url: section.href, title: section.title, content: p.text.replace(/\s*\n\s*/g, ' '), part: 'article' as const };
  });
}

/** The talk: one record per screen, its title and lines (never its notes). */
export function talkRecords(
  screens: ReadonlyArray<{ readonly number: number; readonly title: string; readonly lines: readonly string[] }>,
  titles: RecordTitles,
): SearchRecord[] {
  return screens.map((s) => ({ key: `/talk/#${s.number}`, url: `/talk/#${s.number}`, title: titles.screen(s.number, s.title), content: prose(s.lines) }));
}
