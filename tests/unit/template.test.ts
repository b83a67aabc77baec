import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../src/lib/template.ts';

describe('fillTemplate', () => {
  it('fills every placeholder of a Hebrew template with its value', () => {
    expect(fillTemplate('מסך {n} מתוך {total}: {title}', { n: 7, total: 20, title: 'השורה התחתונה' })).toBe(
      'מסך 7 מתוך 20: השורה התחתונה',
    );
  });

  it('leaves nothing where a value is missing, and an absent template gives an empty string', () => {
    expect(fillTemplate('{n} מתוך {total}', { n: 3 })).toBe('3 מתוך ');
    expect(fillTemplate(undefined, { n: 3 })).toBe('');
  });

  it('inserts values as they are, so markup in a value stays text and is not filled again', () => {
    expect(fillTemplate('חיפוש: {q}', { q: '<b>{n}</b>', n: 5 })).toBe('חיפוש: <b>{n}</b>');
  });
});
