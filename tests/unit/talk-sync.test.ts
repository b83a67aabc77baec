import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bye,
  createSync,
  hasPeer,
  hello,
  localChange,
  parseSyncMessage,
  receive,
  type SyncMessage,
  type SyncModel,
} from '../../src/lib/talk-sync.ts';

const TOTAL = 15;
const s = (screen: number, blank = false) => ({ screen, blank });

describe('two talk windows in one browser', () => {
  it('the projected window follows a move made in the presenter window, without answering', () => {
    const audience = createSync('a', 'audience', s(3));
    const { message } = localChange(createSync('p', 'presenter', s(3)), s(4));
    const got = receive(audience, message);
    expect(got.apply).toEqual(s(4));
    expect(got.reply).toBeUndefined();
    expect(got.model.state).toEqual(s(4));
  });

  it('a window that has just opened joins the others where they are', () => {
    let audience = createSync('a', 'audience', s(5));
    const presenter = createSync('p', 'presenter', s(1));
    const asked = receive(audience, hello(presenter));
    audience = asked.model;
    expect(hasPeer(audience, 'presenter')).toBe(true);
    expect(asked.reply).toMatchObject({ kind: 'state', screen: 5 });
    expect(receive(presenter, asked.reply!).apply).toEqual(s(5));
  });

  it('a late message never undoes a newer change', () => {
    let p = createSync('p', 'presenter', s(1));
    let a = createSync('a', 'audience', s(1));
    const first = localChange(p, s(2));
    p = first.model;
    const second = localChange(p, s(3));
    a = receive(a, second.message).model;
    const late = receive(a, first.message);
    expect(late.apply).toBeUndefined();
    expect(late.model.state).toEqual(s(3));
  });

  it('two windows changed at the same moment end on the same state', () => {
    const a0 = createSync('a', 'audience', s(4));
    const p0 = createSync('p', 'presenter', s(4));
    const a1 = localChange(a0, s(5));
    const p1 = localChange(p0, s(3, true));
    const a2 = receive(a1.model, p1.message).model;
    const p2 = receive(p1.model, a1.message).model;
    expect(a2.state).toEqual(p2.state);
  });

  it('any order of delivery converges (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'p', 'q'), fc.integer({ min: 1, max: TOTAL }), fc.boolean()), { maxLength: 12 }),
        fc.infiniteStream(fc.nat()),
        (actions, shuffles) => {
          const windows = new Map<string, SyncModel>(
            (['a', 'p', 'q'] as const).map((id) => [id, createSync(id, id === 'a' ? 'audience' : 'presenter', s(1))]),
          );
          const sent: SyncMessage[] = [];
          for (const [id, screen, blank] of actions) {
            // Each window hears what was sent so far (in some order) before it acts.
            for (const message of sent) windows.set(id, receive(windows.get(id)!, message).model);
            const { model, message } = localChange(windows.get(id)!, s(screen, blank));
            windows.set(id, model);
            sent.push(message);
          }
          const it = shuffles[Symbol.iterator]();
          for (const id of windows.keys()) {
            const order = [...sent].sort(() => (it.next().value % 3) - 1);
            for (const message of order) windows.set(id, receive(windows.get(id)!, message).model);
          }
          const states = [...windows.values()].map((m) => JSON.stringify(m.state));
          expect(new Set(states).size).toBe(1);
        },
      ),
    );
  });

  it('ignores its own messages and forgets a window that says bye', () => {
    const a = createSync('a', 'audience', s(2));
    const own = localChange(a, s(3));
    expect(receive(own.model, own.message).apply).toBeUndefined();
    const p = createSync('p', 'presenter', s(2));
    const known = receive(a, hello(p)).model;
    expect(hasPeer(known, 'presenter')).toBe(true);
    expect(hasPeer(receive(known, bye(p)).model, 'presenter')).toBe(false);
  });
});

describe('messages from other windows are checked before use', () => {
  const valid = { v: 1, kind: 'state', from: 'p1', role: 'presenter', seq: 3, by: 'p1', screen: 7, blank: false };

  it('accepts a well-formed message, as an object or as JSON', () => {
    expect(parseSyncMessage(valid, TOTAL)).toEqual(valid);
    expect(parseSyncMessage(JSON.stringify(valid), TOTAL)).toEqual(valid);
    expect(parseSyncMessage({ v: 1, kind: 'hello', from: 'x', role: 'audience', extra: '<b>' }, TOTAL)).toEqual({
      v: 1,
      kind: 'hello',
      from: 'x',
      role: 'audience',
    });
  });

  it.each([
    ['a screen out of range', { ...valid, screen: 16 }],
    ['screen zero', { ...valid, screen: 0 }],
    ['a fractional screen', { ...valid, screen: 2.5 }],
    ['a screen as text', { ...valid, screen: '7' }],
    ['blank as text', { ...valid, blank: 'true' }],
    ['a negative clock', { ...valid, seq: -1 }],
    ['an unknown kind', { ...valid, kind: 'eval' }],
    ['an unknown role', { ...valid, role: 'admin' }],
    ['another version', { ...valid, v: 2 }],
    ['markup as the sender', { ...valid, from: '<img src=x onerror=alert(1)>' }],
    ['an overlong sender', { ...valid, from: 'x'.repeat(41) }],
  ])('rejects %s', (_, message) => {
    expect(parseSyncMessage(message, TOTAL)).toBeNull();
  });

  it('rejects what is not a message at all', () => {
    for (const junk of [null, undefined, 7, 'not json', '{"v":1', '[]', 'x'.repeat(2000), [], true]) {
      expect(parseSyncMessage(junk, TOTAL)).toBeNull();
    }
  });
});
