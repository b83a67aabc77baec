import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANSWER_KEYS, SCORES, type AnswerKey, type Answers, type Score } from '../../src/lib/checklist-rule.ts';
import {
  backToDevice,
  keepLink,
  mergeAnswers,
  openView,
  progressForm,
  readStoredAnswers,
  readStoredTicks,
  sameAnswers,
  storedAnswersValue,
  storedTicksValue,
  withAnswers,
  withStored,
} from '../../src/lib/checklist-state.ts';

const answersArb: fc.Arbitrary<Answers> = fc.record(
  Object.fromEntries(ANSWER_KEYS.map((key) => [key, fc.constantFrom<Score>(...SCORES)])) as Record<AnswerKey, fc.Arbitrary<Score>>,
  { requiredKeys: [], noNullPrototype: true },
);

const FULL = 'complexity=2&brand=2&feedback=1&volume=0&coverage=1&focus=0';

describe('reading answers stored on the device', () => {
  it('reads what the checklist itself stored, in any key order', () => {
    expect(readStoredAnswers('brand=1&complexity=2')).toEqual({ complexity: 2, brand: 1 });
    fc.assert(fc.property(answersArb, (answers) => sameAnswers(readStoredAnswers(storedAnswersValue(answers)), answers)));
  });

  it('keeps the valid answers of a damaged value and drops the rest', () => {
    expect(readStoredAnswers('complexity=2&brand=9&feedback=&volume=1&volume=2&focus=0&x=<img src=x onerror=alert(1)>')).toEqual({
      complexity: 2,
      focus: 0,
    });
  });

  it('reads nothing from values that are not a stored query', () => {
    for (const raw of [null, undefined, 42, {}, ['complexity=2'], '', '{"complexity":2}', 'x'.repeat(5000), `${FULL}&pad=${'x'.repeat(3000)}`]) {
      expect(readStoredAnswers(raw), String(raw).slice(0, 40)).toEqual({});
    }
  });

  it('never throws and never returns anything but known keys with 0, 1 or 2', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (raw) => {
        const answers = readStoredAnswers(raw);
        for (const [key, value] of Object.entries(answers)) {
          expect(ANSWER_KEYS).toContain(key);
          expect(SCORES).toContain(value);
        }
      }),
    );
  });

  it('stores nothing for no answers', () => {
    expect(storedAnswersValue({})).toBeNull();
    expect(storedAnswersValue({ brand: 1 })).toBe('brand=1');
  });
});

describe('a link laid over the device', () => {
  it('takes the link answer for every question it answers and keeps the device for the rest', () => {
    expect(mergeAnswers({ complexity: 0, brand: 2, focus: 1 }, { complexity: 2, volume: 1 })).toEqual({
      complexity: 2,
      brand: 2,
      volume: 1,
      focus: 1,
    });
  });

  it('shows exactly a complete link, whatever the device holds', () => {
    fc.assert(
      fc.property(answersArb, (stored) => {
        const { view } = openView(storedAnswersValue(stored), `?${FULL}`);
        expect(view.answers).toEqual({ complexity: 2, brand: 2, feedback: 1, volume: 0, coverage: 1, focus: 0 });
        expect(view.stored).toEqual(readStoredAnswers(storedAnswersValue(stored)));
      }),
    );
  });

  it('marks a view as a link only when it differs from the device', () => {
    expect(openView(FULL, `?${FULL}`).view.source).toBe('device');
    expect(openView('focus=0&coverage=1&volume=0&feedback=1&brand=2&complexity=2', `?${FULL}`).view.source).toBe('device');
    expect(openView(FULL, '?complexity=1').view.source).toBe('link');
    expect(openView(null, '?complexity=1').view).toEqual({ answers: { complexity: 1 }, source: 'link', stored: {} });
    // A one-answer link that agrees with the device is the device's own view.
    expect(openView(FULL, '?complexity=2').view.source).toBe('device');
  });

  it('shows the device where the address says nothing it understands, and still reports what it said', () => {
    const { view, parsed } = openView('brand=1', '?brand=7&utm_source=x');
    expect(view).toEqual({ answers: { brand: 1 }, source: 'device', stored: { brand: 1 } });
    expect(parsed?.invalid).toEqual(['brand']);
    expect(parsed?.unknownCount).toBe(1);
    const long = openView('brand=1', `?complexity=1&pad=${'x'.repeat(3000)}`);
    expect(long.view.answers).toEqual({ brand: 1 });
    expect(long.parsed?.tooLong).toBe(true);
  });

  it('ignores the address on a page that does not read it (the guide)', () => {
    expect(openView('brand=1', null)).toEqual({ view: { answers: { brand: 1 }, source: 'device', stored: { brand: 1 } }, parsed: null });
  });

  it('keeps a link only on request, and can go back to the device', () => {
    const { view } = openView('brand=1&focus=2', '?complexity=2&brand=0');
    expect(view.source).toBe('link');
    const changed = withAnswers(view, { ...view.answers, volume: 1 });
    expect(changed.stored).toEqual({ brand: 1, focus: 2 }); // answering on a link view does not touch the device
    expect(keepLink(changed)).toEqual({ answers: changed.answers, source: 'device', stored: changed.answers });
    expect(backToDevice(changed)).toEqual({ answers: { brand: 1, focus: 2 }, source: 'device', stored: { brand: 1, focus: 2 } });
  });

  it('follows changes made elsewhere on the device, except under a link', () => {
    const device = openView('brand=1', null).view;
    expect(withStored(device, { brand: 2 })).toEqual({ answers: { brand: 2 }, source: 'device', stored: { brand: 2 } });
    const link = openView('brand=1', '?complexity=1').view;
    expect(withStored(link, { brand: 2 })).toEqual({ answers: { complexity: 1, brand: 1 }, source: 'link', stored: { brand: 2 } });
  });
});

describe('ticked mitigations stored on the device', () => {
  it('round-trips ids and drops duplicates', () => {
    expect([...readStoredTicks(storedTicksValue(['service-quality/call-sampling', 'service-quality/call-sampling']))]).toEqual([
      'service-quality/call-sampling',
    ]);
    expect(storedTicksValue([])).toBeNull();
  });

  it('reads nothing but well-formed ids from a damaged value', () => {
    expect([...readStoredTicks('["a/b", 3, null, "<img src=x>", "c/d", {"x":1}]')]).toEqual(['a/b', 'c/d']);
    for (const raw of ['{bad json', '{"a/b":true}', '"a/b"', null, 7, `["${'a/'.repeat(3000)}"]`]) {
      expect(readStoredTicks(raw).size, String(raw).slice(0, 30)).toBe(0);
    }
  });
});

describe('the progress sentence', () => {
  it('has its own form for no answer and for one answer (Hebrew plural rules), a number otherwise', () => {
    expect(progressForm({})).toEqual({ form: 'none', count: 0 });
    expect(progressForm({ focus: 0 })).toEqual({ form: 'one', count: 1 });
    expect(progressForm({ focus: 0, brand: 2 })).toEqual({ form: 'other', count: 2 });
    expect(progressForm(readStoredAnswers(FULL))).toEqual({ form: 'other', count: 6 });
  });
});
