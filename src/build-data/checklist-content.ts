import { getCollection } from 'astro:content';
import { ANSWER_KEYS, recommend, type AnswerKey } from '../lib/checklist-rule.ts';
import { serializeChecklistQuery } from '../lib/checklist-url.ts';
import { RISK_IDS } from '../lib/contract.ts';
import { guideSection } from './guide-pages.ts';
import { t } from '../i18n/he.ts';

/** A guide section as the checklist links to it: its address and the guide's own heading for it. */
async function section(id: string): Promise<{ href: string; title: string }> {
  const { href, title } = await guideSection(id);
  // The guide numbers the four risks ("1. שחיקת התרבות…"); a link names the section without its number.
  return { href, title: title.trim().replace(/^\d+\.\s*/, '') };
}

let cached: ReturnType<typeof load> | undefined;

/**
 * The checklist's content, loaded and cross-checked once per build: six questions in contract
 * order, three answer labels, three outcomes, four risks, and the workshop cases, each of which
 * must come out as its `expected` result (so a case never teaches the wrong answer). Every page
 * that embeds a question or the recommendation shares this one load.
 */
export function getChecklist() {
  cached ??= load();
  return cached;
}

async function load() {
  const byKey = new Map((await getCollection('questions')).map((q) => [q.id, q]));
  const questions = await Promise.all(
    ANSWER_KEYS.map(async (key) => {
      const q = byKey.get(key);
      if (!q) throw new Error(`content/checklist/questions.yaml: the question "${key}" is missing`);
      const { href, title } = await section(q.data.section);
      return { key, ...q.data, href, sectionTitle: title };
    }),
  );
  const scale = (await getCollection('scale')).sort((a, b) => Number(a.id) - Number(b.id)).map((s) => ({ value: Number(s.id), ...s.data }));
  if (scale.length !== 3) throw new Error('content/checklist/scale.yaml: needs exactly the three answers "0", "1" and "2"');
  const outcomes = new Map((await getCollection('outcomes')).map((o) => [o.id, o.data]));
  const riskEntries = new Map((await getCollection('risks')).map((r) => [r.id, r.data]));
  const risks = await Promise.all(
    RISK_IDS.map(async (id) => {
      const risk = riskEntries.get(id);
      if (!risk) throw new Error(`content/checklist/risks.yaml: the risk "${id}" is missing`);
      const { href, title } = await section(id);
      return { ...risk, href, sectionTitle: title };
    }),
  );
  const cases = (await getCollection('cases')).map((c) => {
    const actual = recommend(c.data.answers);
    if (actual !== c.data.expected) {
      throw new Error(
        `content/checklist/cases.yaml: case "${c.id}": field "expected" says ${c.data.expected}, but its answers give ${actual}`,
      );
    }
    return { ...c.data, href: `/checklist/?${serializeChecklistQuery(c.data.answers)}` };
  });
  return { questions, scale, outcomes, risks, cases };
}

export type ChecklistData = Awaited<ReturnType<typeof getChecklist>>;
export type ChecklistQuestion = ChecklistData['questions'][number];
export type { AnswerKey };

/** The progress sentences every <decision-checklist> root carries (the script picks one by plural rules). */
export function progressAttributes(): Record<string, string> {
  const c = t.checklist;
  return {
    'data-total': String(ANSWER_KEYS.length),
    'data-t-progress-none': c.progressNone,
    'data-t-progress-one': c.progressOne,
    'data-t-progress-other': c.progressOther,
  };
}

/** The answer labels by value, for the result's reasons ("מוצרים מורכבים או מיוחדים: במידה רבה"). */
export function scaleAttributes(scale: ChecklistData['scale']): Record<string, string> {
  return Object.fromEntries(scale.map((s) => [`data-t-score${s.value}`, s.label]));
}
