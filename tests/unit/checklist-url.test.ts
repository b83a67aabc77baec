import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANSWER_KEYS, SCORES, isAnswerKey, recommend } from '../../src/lib/checklist-rule.ts';
import type { AnswerKey, Answers, Score } from '../../src/lib/checklist-rule.ts';
import {
  MAX_QUERY_LENGTH,
  hasAnyAnswerParam,
  parseChecklistQuery,
  serializeChecklistQuery,
} from '../../src/lib/checklist-url.ts';

const CONTRACT_EXAMPLE = 'complexity=2&brand=2&feedback=1&volume=0&coverage=1&focus=0';

/** Any Answers: each key independently absent or 0..2, as plain objects. */
const answersArb: fc.Arbitrary<Answers> = fc.record(
  Object.fromEntries(ANSWER_KEYS.map((key) => [key, fc.constantFrom<Score>(...SCORES)])) as Record<
    AnswerKey,
    fc.Arbitrary<Score>
  >,
  { requiredKeys: [], noNullPrototype: true },
);

/** Strings that look like queries: known and hostile keys and values glued with & and =. */
const queryLikeArb: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(...ANSWER_KEYS, '__proto__', 'constructor', 'toString', 'Brand', '%62rand', '<b>', '', '%'),
        fc.string({ unit: 'grapheme', maxLength: 8 }),
      ),
      fc.oneof(
        fc.constantFrom('0', '1', '2', '%32', '+1', '01', '1.0', '3', '-1', '', '%', '%E0%A4%A', '<script>'),
        fc.string({ unit: 'binary', maxLength: 8 }),
      ),
      fc.boolean(),
    ),
    { maxLength: 10 },
  )
  .map((pairs) => pairs.map(([k, v, withEq]) => (withEq ? `${k}=${v}` : k)).join('&'));

/** Any string at all, from printable graphemes to arbitrary code points and query-shaped text. */
const anyStringArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'binary-ascii' }),
  fc.string({ unit: fc.constantFrom('&', '=', '%', '+', '?', '<', 'b', 'r', 'a', 'n', 'd', '1', '2', 'E', '0') }),
  queryLikeArb,
);

describe('parseChecklistQuery with valid addresses', () => {
  it('reads the contract example URL', () => {
    expect(parseChecklistQuery(`?${CONTRACT_EXAMPLE}`)).toEqual({
      answers: { complexity: 2, brand: 2, feedback: 1, volume: 0, coverage: 1, focus: 0 },
      invalid: [],
      unknownCount: 0,
      tooLong: false,
    });
  });

  it('reads the same answers with or without the leading question mark', () => {
    expect(parseChecklistQuery(CONTRACT_EXAMPLE)).toEqual(parseChecklistQuery(`?${CONTRACT_EXAMPLE}`));
  });

  it('reads answers given in any order', () => {
    expect(parseChecklistQuery('focus=2&complexity=0').answers).toEqual({ complexity: 0, focus: 2 });
  });

  it('reads a partial set of answers, leaving the rest unanswered', () => {
    const { answers } = parseChecklistQuery('brand=1');
    expect(answers).toEqual({ brand: 1 });
    expect(recommend(answers)).toBeNull();
  });

  it('reads percent-encoded keys and values', () => {
    expect(parseChecklistQuery('%62rand=%32').answers).toEqual({ brand: 2 });
  });

  it('keeps the valid answers next to unknown parameters such as tracking tags', () => {
    expect(parseChecklistQuery('utm_source=mail&brand=1&fbclid=abc')).toEqual({
      answers: { brand: 1 },
      invalid: [],
      unknownCount: 2,
      tooLong: false,
    });
  });

  it('returns answers as an ordinary object in question order', () => {
    const { answers } = parseChecklistQuery('focus=1&brand=2&complexity=0');
    expect(Object.getPrototypeOf(answers)).toBe(Object.prototype);
    expect(Object.keys(answers)).toEqual(['complexity', 'brand', 'focus']);
  });
});

type Row = readonly [label: string, search: string, answers: Answers, invalid: readonly AnswerKey[], unknownCount: number];

const BAD_QUERIES: readonly Row[] = [
  ['an empty string', '', {}, [], 0],
  ['a lone question mark', '?', {}, [], 0],
  ['nothing but separators', '&&&', {}, [], 0],
  ['empty pairs around a valid one', '?&&brand=1&&', { brand: 1 }, [], 0],
  ['a value above the range', 'volume=3', {}, ['volume'], 0],
  ['a negative value', 'volume=-1', {}, ['volume'], 0],
  ['a word instead of a number', 'brand=yes', {}, ['brand'], 0],
  ['a decimal spelling', 'brand=1.0', {}, ['brand'], 0],
  ['a leading zero', 'brand=01', {}, ['brand'], 0],
  ['an encoded leading space', 'brand=%201', {}, ['brand'], 0],
  ['a plus sign, which means a space', 'brand=+1', {}, ['brand'], 0],
  ['an encoded plus sign', 'brand=%2B1', {}, ['brand'], 0],
  ['a trailing space', 'brand=1%20', {}, ['brand'], 0],
  ['an empty value', 'brand=', {}, ['brand'], 0],
  ['a known key without any value', 'brand', {}, ['brand'], 0],
  ['an unknown key without any value', 'hello', {}, [], 1],
  ['a key that is empty', '=1', {}, [], 1],
  ['a lone equals sign', '=', {}, [], 1],
  ['a second equals sign in the value', 'brand=1=1', {}, ['brand'], 0],
  ['a key repeated with the same value', 'focus=1&focus=1', {}, ['focus'], 0],
  ['a key repeated with different values', 'focus=1&focus=2', {}, ['focus'], 0],
  ['a key repeated three times next to a valid answer', 'focus=1&brand=2&focus=0&focus=2', { brand: 2 }, ['focus'], 0],
  ['a key repeated once plainly and once encoded', 'brand=1&%62rand=1', {}, ['brand'], 0],
  ['a key repeated where one copy is broken', 'brand=1&brand=%', {}, ['brand'], 0],
  ['markup in a value', 'complexity=<img src=x onerror=alert(1)>', {}, ['complexity'], 0],
  ['encoded markup in a value', 'complexity=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', {}, ['complexity'], 0],
  ['a script tag as the key', '<script>alert(1)</script>=2', {}, [], 1],
  ['a script URL as a value', 'brand=javascript:alert(1)', {}, ['brand'], 0],
  ['__proto__ as a key', '__proto__=1', {}, [], 1],
  ['__proto__ with a bracketed key', '__proto__[brand]=2', {}, [], 1],
  ['constructor as a key', 'constructor=1', {}, [], 1],
  ['toString as a key', 'toString=1', {}, [], 1],
  ['hasOwnProperty as a key', 'hasOwnProperty=2', {}, [], 1],
  ['a bracketed known key', 'brand[]=1', {}, [], 1],
  ['a long value within the length limit', `coverage=${'1'.repeat(1000)}`, {}, ['coverage'], 0],
  ['a truncated percent-encoding in a value', 'brand=%E0%A4%A', {}, ['brand'], 0],
  ['an invalid percent-encoding in a key', '%ZZ=1', {}, [], 1],
  ['a lone percent sign as a value', 'feedback=%', {}, ['feedback'], 0],
  ['an encoded lone surrogate as a value', 'feedback=%ED%A0%80', {}, ['feedback'], 0],
  ['a key in capitals', 'Brand=1', {}, [], 1],
  ['a key in all capitals', 'BRAND=1', {}, [], 1],
  ['a key with a space before it', '%20brand=1', {}, [], 1],
  ['a double question mark', '??brand=1', {}, [], 1],
  [
    'a mix of everything',
    '?complexity=2&brand=9&__proto__=1&volume=0&volume=1&%ZZ=2&coverage=%&focus=1&Focus=2',
    { complexity: 2, focus: 1 },
    ['brand', 'volume', 'coverage'],
    3,
  ],
  [
    'invalid keys given in reverse order',
    'focus=x&coverage=x&volume=x&feedback=x&brand=x&complexity=x',
    {},
    [...ANSWER_KEYS],
    0,
  ],
];

describe('parseChecklistQuery with bad addresses', () => {
  it.each(BAD_QUERIES)('ignores and reports %s', (_label, search, answers, invalid, unknownCount) => {
    expect(parseChecklistQuery(search)).toEqual({ answers, invalid, unknownCount, tooLong: false });
  });

  it('treats a key that is only an encoded known key with an undecodable value as that key being invalid', () => {
    expect(parseChecklistQuery('%62rand=%').invalid).toEqual(['brand']);
  });

  it('does not let __proto__ change the prototype of the returned answers', () => {
    const { answers } = parseChecklistQuery('__proto__=1&__proto__[brand]=2&constructor[prototype][brand]=2&brand=1');
    expect(Object.getPrototypeOf(answers)).toBe(Object.prototype);
    expect(answers).toEqual({ brand: 1 });
    expect(({} as Record<string, unknown>)['brand']).toBeUndefined();
  });

  it('never echoes anything from the address, only known keys and counts', () => {
    const hostile = '<script>alert(1)</script>=2&complexity=<img src=x onerror=alert(1)>&brand=javascript:alert(1)';
    const json = JSON.stringify(parseChecklistQuery(hostile));
    expect(json).not.toMatch(/[<>]|script|alert|img|javascript/i);
  });
});

describe('parseChecklistQuery with very long addresses', () => {
  it('parses a query of exactly the maximum length', () => {
    const search = `brand=1&x=${'a'.repeat(MAX_QUERY_LENGTH - 'brand=1&x='.length)}`;
    expect(search).toHaveLength(MAX_QUERY_LENGTH);
    expect(parseChecklistQuery(search)).toEqual({ answers: { brand: 1 }, invalid: [], unknownCount: 1, tooLong: false });
  });

  it('does not count the leading question mark toward the maximum length', () => {
    const search = `?brand=1&x=${'a'.repeat(MAX_QUERY_LENGTH - 'brand=1&x='.length)}`;
    expect(parseChecklistQuery(search).tooLong).toBe(false);
  });

  it('refuses a query one character over the maximum length, with no answers at all', () => {
    const search = `brand=1&x=${'a'.repeat(MAX_QUERY_LENGTH + 1 - 'brand=1&x='.length)}`;
    expect(search).toHaveLength(MAX_QUERY_LENGTH + 1);
    expect(parseChecklistQuery(search)).toEqual({ answers: {}, invalid: [], unknownCount: 0, tooLong: true });
  });

  it('refuses a very long value as a too-long query', () => {
    expect(parseChecklistQuery(`coverage=${'1'.repeat(5000)}`)).toEqual({
      answers: {},
      invalid: [],
      unknownCount: 0,
      tooLong: true,
    });
  });

  it('refuses valid answers padded past the limit rather than reading some of them', () => {
    const search = `?${CONTRACT_EXAMPLE}&${'&'.repeat(MAX_QUERY_LENGTH)}`;
    expect(parseChecklistQuery(search)).toEqual({ answers: {}, invalid: [], unknownCount: 0, tooLong: true });
  });
});

describe('serializeChecklistQuery', () => {
  it('writes the contract example URL from its answers', () => {
    expect(serializeChecklistQuery({ complexity: 2, brand: 2, feedback: 1, volume: 0, coverage: 1, focus: 0 })).toBe(
      CONTRACT_EXAMPLE,
    );
  });

  it('writes an empty string when nothing is answered', () => {
    expect(serializeChecklistQuery({})).toBe('');
  });

  it('writes only the answered keys, in question order, without a question mark', () => {
    expect(serializeChecklistQuery({ focus: 0, brand: 1 })).toBe('brand=1&focus=0');
  });

  it('leaves out junk that is not a valid answer', () => {
    const junk = { brand: 3, focus: '1', volume: 2, other: 1 } as unknown as Answers;
    expect(serializeChecklistQuery(junk)).toBe('volume=2');
  });

  it('round-trips the contract example', () => {
    const answers = parseChecklistQuery(CONTRACT_EXAMPLE).answers;
    expect(serializeChecklistQuery(answers)).toBe(CONTRACT_EXAMPLE);
  });

  it('round-trips every one of the 4^6 partial and complete answer sets', () => {
    let all: Answers[] = [{}];
    for (const key of ANSWER_KEYS) {
      all = all.flatMap((a) => [a, ...SCORES.map((s) => ({ ...a, [key]: s }))]);
    }
    expect(all).toHaveLength(4 ** 6);
    for (const answers of all) {
      const query = serializeChecklistQuery(answers);
      expect(parseChecklistQuery(query)).toEqual({ answers, invalid: [], unknownCount: 0, tooLong: false });
    }
  });
});

describe('hasAnyAnswerParam', () => {
  it.each([
    ['a complete valid set', `?${CONTRACT_EXAMPLE}`],
    ['a single valid answer', 'brand=0'],
    ['a known key with a bad value', 'brand=yes'],
    ['a known key without a value', '?focus'],
    ['a repeated known key', 'focus=1&focus=2'],
    ['an encoded known key', '%62rand=1'],
    ['a known key among unknown ones', 'utm_source=x&volume=9'],
  ])('says the address has answers when it contains %s', (_label, search) => {
    expect(hasAnyAnswerParam(search)).toBe(true);
  });

  it.each([
    ['nothing', ''],
    ['only a question mark', '?'],
    ['only separators', '&&&'],
    ['only unknown parameters', '?utm_source=mail&ref=home'],
    ['a key in the wrong case', 'Brand=1'],
    ['__proto__', '__proto__=1'],
    ['a known key only as a value', 'ref=brand'],
    ['a query too long to be read', `brand=1&x=${'a'.repeat(MAX_QUERY_LENGTH)}`],
  ])('says the address has no answers when it contains %s', (_label, search) => {
    expect(hasAnyAnswerParam(search)).toBe(false);
  });
});

describe('properties', () => {
  it('never throws and returns only well-formed, safe results for any string', () => {
    fc.assert(
      fc.property(anyStringArb, (search) => {
        const parsed = parseChecklistQuery(search);
        for (const [key, value] of Object.entries(parsed.answers)) {
          expect(isAnswerKey(key)).toBe(true);
          expect([0, 1, 2]).toContain(value);
        }
        for (const key of parsed.invalid) expect(isAnswerKey(key)).toBe(true);
        expect(new Set(parsed.invalid).size).toBe(parsed.invalid.length);
        expect(parsed.invalid).toEqual(ANSWER_KEYS.filter((k) => parsed.invalid.includes(k)));
        for (const key of parsed.invalid) expect(Object.hasOwn(parsed.answers, key)).toBe(false);
        expect(Number.isInteger(parsed.unknownCount)).toBe(true);
        expect(parsed.unknownCount).toBeGreaterThanOrEqual(0);
        expect(Object.getPrototypeOf(parsed.answers)).toBe(Object.prototype);
        expect(JSON.stringify(parsed)).not.toContain('<');
        expect(typeof hasAnyAnswerParam(search)).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the same thing with or without a leading question mark', () => {
    fc.assert(
      fc.property(anyStringArb, (search) => {
        fc.pre(!search.startsWith('?'));
        expect(parseChecklistQuery(`?${search}`)).toEqual(parseChecklistQuery(search));
      }),
    );
  });

  it('accounts for every non-empty pair as an answer, an invalid key or an unknown parameter', () => {
    fc.assert(
      fc.property(queryLikeArb, (search) => {
        const parsed = parseChecklistQuery(search);
        const pairs = search.split('&').filter((p) => p !== '').length;
        const known = Object.keys(parsed.answers).length + parsed.invalid.length;
        expect(parsed.unknownCount + known).toBeLessThanOrEqual(pairs);
        if (pairs > 0) expect(parsed.unknownCount + known).toBeGreaterThan(0);
        expect(hasAnyAnswerParam(search)).toBe(known > 0);
      }),
    );
  });

  it('round-trips any answers through serialize and parse', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const parsed = parseChecklistQuery(serializeChecklistQuery(answers));
        expect(parsed.answers).toEqual(answers);
        expect(parsed.invalid).toEqual([]);
        expect(parsed.unknownCount).toBe(0);
        expect(parsed.tooLong).toBe(false);
      }),
    );
  });

  it('serializes canonically: parse then serialize gives back the same text', () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const query = serializeChecklistQuery(answers);
        expect(serializeChecklistQuery(parseChecklistQuery(query).answers)).toBe(query);
        expect(query.startsWith('?')).toBe(false);
        expect(hasAnyAnswerParam(query)).toBe(query !== '');
      }),
    );
  });

  it('keeps the valid answers and drops only the broken key when unknown or broken parameters are mixed in', () => {
    fc.assert(
      fc.property(
        answersArb,
        fc.constantFrom(...ANSWER_KEYS),
        fc.constantFrom('3', 'x', '', '%', '01', '<b>'),
        (answers, brokenKey, badValue) => {
          const rest = serializeChecklistQuery(Object.fromEntries(Object.entries(answers).filter(([k]) => k !== brokenKey)));
          const search = [`utm=1`, rest, `${brokenKey}=${badValue}`].filter((p) => p !== '').join('&');
          const parsed = parseChecklistQuery(search);
          const expected: Record<string, Score> = { ...answers };
          delete expected[brokenKey];
          expect(parsed.answers).toEqual(expected);
          expect(parsed.invalid).toEqual([brokenKey]);
          expect(parsed.unknownCount).toBe(1);
        },
      ),
    );
  });
});
