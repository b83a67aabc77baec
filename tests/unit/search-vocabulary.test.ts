import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/lib/search-suggest.ts';
import { checklistRecords, talkRecords } from '../../src/lib/search-records.ts';
import { matchVocabulary, parseVocabulary, vocabularyProblems, wordMeets } from '../../src/lib/search-vocabulary.ts';
import { parseYamlList } from '../../src/lib/yaml-list.ts';

describe('the editors\' vocabulary', () => {
  const file = 'content/search/vocabulary.yaml';
  const vocabulary = parseVocabulary(parseYamlList(readFileSync(file, 'utf8'), file));

  it('is well formed: every term searchable and in one entry only', () => {
    expect(vocabulary.length).toBeGreaterThan(40);
    expect(vocabularyProblems(vocabulary, () => true)).toEqual([]);
  });

  it('maps what HR readers type to the guide\'s words', () => {
    const via = (q: string) => matchVocabulary(q.split(' '), vocabulary).map((m) => m.group.guide[0]);
    expect(via('customer service')).toEqual(['שירות הלקוחות']);
    expect(via('call center')).toEqual(['מרכז השירות']);
    expect(via('מוקדנים')).toEqual(['נציגים']);
    expect(via('onboarding')).toEqual(['קליטת עובדים חדשים']);
    expect(via('cx')).toEqual(['חוויית הלקוח']);
    expect(via('אאוטסורסינג')).toEqual(['מיקור חוץ']);
  });

  it('goes both ways: a guide word of an entry finds its other guide words', () => {
    expect(matchVocabulary(['שכר'], vocabulary).map((m) => m.group.id)).toEqual(['compensation']);
  });

  it('names the entry and the words when a guide phrase is gone, a term is doubled or has nothing to search', () => {
    const problems = vocabularyProblems(
      [
        { id: 'a', guide: ['מילה שאיננה'], terms: ['x'] },
        { id: 'b', guide: ['שירות'], terms: ['x', 'מה איך'] },
      ],
      (ws) => ws.join(' ') === 'שירות',
    );
    expect(problems).toEqual([
      'the entry "a" maps to the guide words "מילה שאיננה", which no indexed page contains',
      'the term "x" is in both "a" and "b"',
      'the entry "b" has the term "מה איך", which has no word to search (only question or function words)',
    ]);
  });

  it('meets the reader\'s word behind particles, inflected, or spelled differently, never the other way round', () => {
    expect(wordMeets('למוקדנים', 'מוקדנים')).toBe(true);
    expect(wordMeets('מוקדן', 'מוקדנים')).toBe(true);
    expect(wordMeets('agents', 'agent')).toBe(true);
    expect(wordMeets('קורה', 'בקרה')).toBe(false);
  });
});

describe('what search indexes besides the guide', () => {
  const titles = { question: (n: number, l: string) => `שאלה ${n}: ${l}`, outcome: (t: string) => `המלצה: ${t}`, risk: (t: string) => `סיכון: ${t}`, screen: (n: number, t: string) => `מסך ${n}: ${t}` };

  it('indexes a talk screen\'s title and lines, never its speaker notes', () => {
    const screen = { number: 4, title: 'מותגי פרימיום', lines: ['חוויית הלקוח,'], notes: 'הערת דובר סודית: לספר על הלקוח מהכנס' };
    const [r] = talkRecords([screen], titles);
    expect(r).toEqual({ key: '/talk/#4', url: '/talk/#4', title: 'מסך 4: מותגי פרימיום', content: 'חוויית הלקוח.' });
    expect(JSON.stringify(r)).not.toContain('סודית');
  });

  it('indexes the checklist\'s questions, outcomes and mitigations, each under its own key', () => {
    const records = checklistRecords(
      {
        questions: [{ key: 'focus', label: 'התמקדות', question: 'עד כמה?', explanation: 'הסבר' }],
        outcomes: new Map([['hybrid', { title: 'משולב', summary: 'סיכום', practice: ['צעד'] }]]),
        risks: [{ id: 'labor-compliance', title: 'ציות', summary: 'תקציר', mitigations: [{ text: 'בדיקת תלושי שכר' }] }],
      },
      titles,
    );
    expect(records.map((r) => [r.key, r.url, r.anchor])).toEqual([
      ['/checklist/#question-focus', '/checklist/', 'question-focus'],
      ['/checklist/#outcome-hybrid', '/checklist/#result', undefined],
      ['/checklist/#risk-labor-compliance', '/checklist/#result', undefined],
    ]);
    expect(records[2]!.content).toContain('תלושי שכר');
  });
});

describe('did you mean', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('הדרכה', 'הדכרה')).toBe(1);
    expect(editDistance('הדרכה', 'הדרכע')).toBe(1);
    expect(editDistance('הדרכה', 'שירות', 2)).toBe(3);
  });
});
