import { getCollection } from 'astro:content';
import { ANSWER_KEYS, recommend, type AnswerKey } from '../lib/checklist.ts';
import { serializeChecklistQuery } from '../lib/checklist-url.ts';
import { RISK_IDS } from '../lib/contract.ts';
import { sectionHref } from './guide.ts';

/**
 * The checklist's content, loaded and cross-checked at build time: six questions in contract
 * order, three answer labels, three outcomes, four risks, and the workshop cases, each of which
 * must come out as its `expected` result (so a case never teaches the wrong answer).
 */
export async function getChecklist() {
  const byKey = new Map((await getCollection('questions')).map((q) => [q.id, q]));
  const questions = await Promise.all(
    ANSWER_KEYS.map(async (key) => {
      const q = byKey.get(key);
      if (!q) throw new Error(`content/checklist/questions.yaml: the question "${key}" is missing`);
      return { key, ...q.data, href: await sectionHref(q.data.section) };
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
      return { ...risk, href: await sectionHref(id) };
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
export type { AnswerKey };
