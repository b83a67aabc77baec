import { describe, expect, it } from 'vitest';
import {
  ANSWER_KEYS,
  DECISIVE_LEAD,
  IN_HOUSE_KEYS,
  OUTSOURCE_KEYS,
  RECOMMENDATIONS,
  RULES,
  SCORES,
  answeredCount,
  explain,
  isAnswerKey,
  isComplete,
  isScore,
  pullOf,
  recommend,
  setAnswer,
} from '../../src/lib/checklist-rule.ts';
import type { AnswerKey, Answers, Recommendation, Score } from '../../src/lib/checklist-rule.ts';

/** The same answers with one question left unanswered. */
function without(answers: Answers, key: AnswerKey): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([k]) => k !== key));
}

/** Builds complete answers from the six scores in contract order. */
function answersOf(
  complexity: Score,
  brand: Score,
  feedback: Score,
  volume: Score,
  coverage: Score,
  focus: Score,
): Answers {
  return { complexity, brand, feedback, volume, coverage, focus };
}

/** Every one of the 3^6 complete answer sets, as six-tuples in contract order. */
function allCombinations(): Score[][] {
  let combos: Score[][] = [[]];
  for (let i = 0; i < 6; i += 1) {
    combos = combos.flatMap((prefix) => SCORES.map((s) => [...prefix, s]));
  }
  return combos;
}

/**
 * The rule written out a second time, straight from the contract text and independently of the
 * module, so the exhaustive check compares two separate readings of the rule.
 */
function referenceRule(scores: readonly number[]): Recommendation {
  const [complexity = 0, brand = 0, feedback = 0, volume = 0, coverage = 0, focus = 0] = scores;
  const inside = complexity + brand + feedback;
  const outside = volume + coverage + focus;
  if (outside === 0) return 'in-house';
  if (inside === 0) return 'outsource';
  if (inside - outside >= 2) return 'in-house';
  if (outside - inside >= 2) return 'outsource';
  return 'hybrid';
}

function zip(scores: readonly Score[]): Answers {
  const out: Partial<Record<AnswerKey, Score>> = {};
  ANSWER_KEYS.forEach((key, i) => {
    const s = scores[i];
    if (s !== undefined) out[key] = s;
  });
  return out;
}

describe('the checklist contract', () => {
  it('asks six questions in the fixed order trainers rely on', () => {
    expect(ANSWER_KEYS).toEqual(['complexity', 'brand', 'feedback', 'volume', 'coverage', 'focus']);
  });

  it('splits the questions into three pulling toward in-house and three toward outsourcing', () => {
    expect(IN_HOUSE_KEYS).toEqual(['complexity', 'brand', 'feedback']);
    expect(OUTSOURCE_KEYS).toEqual(['volume', 'coverage', 'focus']);
    expect([...IN_HOUSE_KEYS, ...OUTSOURCE_KEYS]).toEqual([...ANSWER_KEYS]);
  });

  it('allows exactly the answers 0, 1 and 2', () => {
    expect(SCORES).toEqual([0, 1, 2]);
  });

  it('has exactly three possible recommendations', () => {
    expect(RECOMMENDATIONS).toEqual(['in-house', 'outsource', 'hybrid']);
  });

  it('names five rule branches in the order the rule checks them', () => {
    expect(RULES).toEqual(['no-outsource-driver', 'no-in-house-driver', 'in-house-lead', 'outsource-lead', 'balanced']);
  });

  it('needs a lead of two points for one side to win outright', () => {
    expect(DECISIVE_LEAD).toBe(2);
  });
});

describe('isAnswerKey', () => {
  it.each(ANSWER_KEYS)('accepts the known key %s', (key) => {
    expect(isAnswerKey(key)).toBe(true);
  });

  it.each(['Brand', 'BRAND', ' brand', 'brand ', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'length'])(
    'rejects %j, which is not one of the six keys',
    (key) => {
      expect(isAnswerKey(key)).toBe(false);
    },
  );
});

describe('isScore', () => {
  it.each([0, 1, 2])('accepts the number %d', (x) => {
    expect(isScore(x)).toBe(true);
  });

  it.each([[-1], [3], [0.5], [1.0000001], [Number.NaN], [Infinity], ['1'], ['0'], [null], [undefined], [true], [{}], [[1]]])(
    'rejects %j, which is not the number 0, 1 or 2',
    (x) => {
      expect(isScore(x)).toBe(false);
    },
  );
});

describe('pullOf', () => {
  it.each(IN_HOUSE_KEYS)('says %s pulls toward in-house', (key) => {
    expect(pullOf(key)).toBe('in-house');
  });

  it.each(OUTSOURCE_KEYS)('says %s pulls toward outsourcing', (key) => {
    expect(pullOf(key)).toBe('outsource');
  });
});

describe('answeredCount and isComplete', () => {
  it('counts nothing answered as zero and incomplete', () => {
    expect(answeredCount({})).toBe(0);
    expect(isComplete({})).toBe(false);
  });

  it('counts an answer of 0 as answered', () => {
    expect(answeredCount({ brand: 0 })).toBe(1);
  });

  it('counts five answers as incomplete', () => {
    const five: Answers = { complexity: 1, brand: 1, feedback: 1, volume: 1, coverage: 1 };
    expect(answeredCount(five)).toBe(5);
    expect(isComplete(five)).toBe(false);
  });

  it('counts six answers as complete', () => {
    const six = answersOf(0, 0, 0, 0, 0, 0);
    expect(answeredCount(six)).toBe(6);
    expect(isComplete(six)).toBe(true);
  });

  it('ignores values that are not scores, such as stale data read back from storage', () => {
    const stale = { complexity: '2', brand: 3, feedback: null, volume: 1, coverage: 1, focus: 1 } as unknown as Answers;
    expect(answeredCount(stale)).toBe(3);
    expect(isComplete(stale)).toBe(false);
    expect(recommend(stale)).toBeNull();
  });

  it('ignores extra keys that are not questions', () => {
    const extra = { ...answersOf(1, 1, 1, 1, 1, 1), other: 2 } as Answers;
    expect(answeredCount(extra)).toBe(6);
  });

  it('does not let an inherited property stand in for an answer', () => {
    const inherited = Object.create({ complexity: 2 }) as Record<string, Score>;
    Object.assign(inherited, { brand: 1, feedback: 1, volume: 1, coverage: 1, focus: 1 });
    expect(answeredCount(inherited)).toBe(5);
    expect(recommend(inherited)).toBeNull();
  });
});

describe('recommend', () => {
  describe('before all six questions are answered', () => {
    it('gives no recommendation when nothing is answered', () => {
      expect(recommend({})).toBeNull();
    });

    it.each(ANSWER_KEYS)('gives no recommendation when only %s is missing', (missing) => {
      const answers = without(answersOf(2, 2, 2, 2, 2, 2), missing);
      expect(recommend(answers)).toBeNull();
      expect(explain(answers)).toBeNull();
    });

    it('gives no recommendation even when the answered questions already point one way', () => {
      expect(recommend({ complexity: 2, brand: 2, feedback: 2, volume: 0, coverage: 0 })).toBeNull();
    });
  });

  describe('when nothing pulls toward outsourcing (out = 0)', () => {
    it('recommends in-house when every answer is 0', () => {
      expect(recommend(answersOf(0, 0, 0, 0, 0, 0))).toBe('in-house');
    });

    it('recommends in-house when the in-house side is weak but the outsource side is empty', () => {
      expect(recommend(answersOf(1, 0, 0, 0, 0, 0))).toBe('in-house');
    });

    it('recommends in-house when every in-house answer is at its strongest', () => {
      expect(recommend(answersOf(2, 2, 2, 0, 0, 0))).toBe('in-house');
    });
  });

  describe('when nothing pulls toward in-house (in = 0) but something pulls outward', () => {
    it('recommends outsourcing when nothing pulls toward in-house and one answer pulls out weakly', () => {
      expect(recommend(answersOf(0, 0, 0, 1, 0, 0))).toBe('outsource');
    });

    it('recommends outsourcing when nothing pulls toward in-house and everything pulls out strongly', () => {
      expect(recommend(answersOf(0, 0, 0, 2, 2, 2))).toBe('outsource');
    });
  });

  describe('when both sides pull (in > 0 and out > 0)', () => {
    it('recommends outsourcing when outsourcing leads by two (in - out = -2)', () => {
      expect(recommend(answersOf(1, 0, 0, 1, 1, 1))).toBe('outsource');
    });

    it('recommends outsourcing when outsourcing leads by more than two (in - out = -5)', () => {
      expect(recommend(answersOf(1, 0, 0, 2, 2, 2))).toBe('outsource');
    });

    it('recommends a hybrid when outsourcing leads by only one (in - out = -1)', () => {
      expect(recommend(answersOf(1, 0, 0, 1, 1, 0))).toBe('hybrid');
    });

    it('recommends a hybrid when both sides are equal (in - out = 0)', () => {
      expect(recommend(answersOf(1, 1, 0, 1, 1, 0))).toBe('hybrid');
    });

    it('recommends a hybrid when everything is at its strongest (6 against 6)', () => {
      expect(recommend(answersOf(2, 2, 2, 2, 2, 2))).toBe('hybrid');
    });

    it('recommends a hybrid when in-house leads by only one (in - out = 1)', () => {
      expect(recommend(answersOf(1, 1, 0, 1, 0, 0))).toBe('hybrid');
    });

    it('recommends in-house when in-house leads by two (in - out = 2)', () => {
      expect(recommend(answersOf(2, 1, 0, 1, 0, 0))).toBe('in-house');
    });

    it('recommends in-house when in-house leads by more than two (in - out = 5)', () => {
      expect(recommend(answersOf(2, 2, 2, 1, 0, 0))).toBe('in-house');
    });

    it('recommends the contract example URL answers (5 against 1) in-house', () => {
      expect(recommend({ complexity: 2, brand: 2, feedback: 1, volume: 0, coverage: 1, focus: 0 })).toBe('in-house');
    });
  });

  it('does not depend on which question within a side carries the points', () => {
    expect(recommend(answersOf(0, 0, 1, 0, 0, 2))).toBe(recommend(answersOf(1, 0, 0, 2, 0, 0)));
    expect(recommend(answersOf(0, 2, 0, 1, 0, 0))).toBe('hybrid');
    expect(recommend(answersOf(0, 2, 0, 0, 0, 1))).toBe('hybrid');
  });

  it('agrees with an independent reading of the rule for all 729 complete answer sets', () => {
    const combos = allCombinations();
    expect(combos).toHaveLength(3 ** 6);
    const seen = new Set<Recommendation>();
    for (const scores of combos) {
      const expected = referenceRule(scores);
      const answers = zip(scores);
      expect(recommend(answers), `answers ${scores.join(',')}`).toBe(expected);
      expect(explain(answers)?.recommendation, `answers ${scores.join(',')}`).toBe(expected);
      seen.add(expected);
    }
    expect([...seen].sort()).toEqual([...RECOMMENDATIONS].sort());
  });
});

describe('explain', () => {
  it('gives no explanation before all six questions are answered', () => {
    expect(explain({})).toBeNull();
    expect(explain({ complexity: 2 })).toBeNull();
  });

  it('reports the two sums', () => {
    const e = explain(answersOf(2, 1, 0, 1, 2, 2));
    expect(e?.inScore).toBe(3);
    expect(e?.outScore).toBe(5);
  });

  it.each<[string, Answers, Recommendation, string]>([
    ['all zeros', answersOf(0, 0, 0, 0, 0, 0), 'in-house', 'no-outsource-driver'],
    ['only in-house answers', answersOf(2, 1, 0, 0, 0, 0), 'in-house', 'no-outsource-driver'],
    ['only outsource answers', answersOf(0, 0, 0, 0, 1, 2), 'outsource', 'no-in-house-driver'],
    ['in-house ahead by two', answersOf(2, 2, 0, 1, 1, 0), 'in-house', 'in-house-lead'],
    ['outsource ahead by two', answersOf(0, 1, 0, 1, 1, 1), 'outsource', 'outsource-lead'],
    ['in-house ahead by one', answersOf(2, 0, 0, 1, 0, 0), 'hybrid', 'balanced'],
    ['a tie', answersOf(1, 1, 1, 1, 1, 1), 'hybrid', 'balanced'],
    ['outsource ahead by one', answersOf(0, 0, 1, 2, 0, 0), 'hybrid', 'balanced'],
  ])('names the rule branch that fired for %s', (_label, answers, recommendation, rule) => {
    const e = explain(answers);
    expect(e?.recommendation).toBe(recommendation);
    expect(e?.rule).toBe(rule);
  });

  it('prefers the "nothing pulls outward" branch over the "nothing pulls inward" branch when all answers are 0', () => {
    expect(explain(answersOf(0, 0, 0, 0, 0, 0))?.rule).toBe('no-outsource-driver');
  });

  it('lists no reasons when every answer is 0', () => {
    expect(explain(answersOf(0, 0, 0, 0, 0, 0))?.reasons).toEqual([]);
  });

  it('lists only answers above 0, each with its score and its pull', () => {
    expect(explain(answersOf(0, 1, 0, 0, 0, 2))?.reasons).toEqual([
      { key: 'brand', score: 1, pull: 'in-house' },
      { key: 'focus', score: 2, pull: 'outsource' },
    ]);
  });

  it('lists in-house reasons before outsource reasons even when the outsource ones are stronger', () => {
    const keys = explain(answersOf(1, 0, 0, 2, 2, 2))?.reasons.map((r) => r.key);
    expect(keys).toEqual(['complexity', 'volume', 'coverage', 'focus']);
  });

  it('lists the strongest answers first within each side', () => {
    expect(explain(answersOf(1, 1, 2, 1, 0, 2))?.reasons).toEqual([
      { key: 'feedback', score: 2, pull: 'in-house' },
      { key: 'complexity', score: 1, pull: 'in-house' },
      { key: 'brand', score: 1, pull: 'in-house' },
      { key: 'focus', score: 2, pull: 'outsource' },
      { key: 'volume', score: 1, pull: 'outsource' },
    ]);
  });

  it('keeps question order among answers of equal strength', () => {
    expect(explain(answersOf(2, 2, 2, 1, 1, 1))?.reasons.map((r) => r.key)).toEqual([...ANSWER_KEYS]);
    expect(explain(answersOf(1, 2, 1, 1, 2, 1))?.reasons.map((r) => r.key)).toEqual([
      'brand',
      'complexity',
      'feedback',
      'coverage',
      'volume',
      'focus',
    ]);
  });

  it('keeps its reasons consistent with its sums for every complete answer set', () => {
    for (const scores of allCombinations()) {
      const e = explain(zip(scores));
      expect(e).not.toBeNull();
      if (e === null) continue;
      const sum = (pull: string): number =>
        e.reasons.filter((r) => r.pull === pull).reduce((t, r) => t + r.score, 0);
      expect(sum('in-house')).toBe(e.inScore);
      expect(sum('outsource')).toBe(e.outScore);
      expect(e.reasons.every((r) => pullOf(r.key) === r.pull)).toBe(true);
      expect(new Set(e.reasons.map((r) => r.key)).size).toBe(e.reasons.length);
      expect(e.reasons.length).toBe(scores.filter((s) => s > 0).length);
    }
  });
});

describe('setAnswer', () => {
  it('adds an answer without changing the original answers', () => {
    const before: Answers = Object.freeze({ brand: 1 });
    const after = setAnswer(before, 'complexity', 2);
    expect(after).toEqual({ complexity: 2, brand: 1 });
    expect(before).toEqual({ brand: 1 });
    expect(after).not.toBe(before);
  });

  it('replaces an existing answer', () => {
    expect(setAnswer({ brand: 1 }, 'brand', 0)).toEqual({ brand: 0 });
  });

  it('keeps the keys in question order whatever order they were set in', () => {
    let answers: Answers = {};
    for (const key of [...ANSWER_KEYS].reverse()) answers = setAnswer(answers, key, 1);
    expect(Object.keys(answers)).toEqual([...ANSWER_KEYS]);
  });

  it('drops junk that is not a valid answer while copying', () => {
    const junk = { brand: 7, other: 1, focus: 2 } as unknown as Answers;
    expect(setAnswer(junk, 'volume', 0)).toEqual({ volume: 0, focus: 2 });
  });

  it('refuses a score outside 0..2 from untyped callers', () => {
    expect(() => setAnswer({}, 'brand', 3 as Score)).toThrow(RangeError);
    expect(() => setAnswer({}, '__proto__' as AnswerKey, 1)).toThrow(RangeError);
  });

  it('completes a set that lacked one answer, in question order', () => {
    const full = answersOf(1, 2, 0, 1, 2, 0);
    const partial = without(full, 'feedback');
    expect(isComplete(partial)).toBe(false);
    expect(setAnswer(partial, 'feedback', 0)).toEqual(full);
  });
});
