/**
 * Keeping the projected window and the presenter window on the same screen, in the same browser,
 * without a server. The windows exchange small messages (BroadcastChannel, or storage events
 * where it is missing: src/scripts/talk-channel.ts); this module decides what each message means,
 * free of the DOM so it is unit-tested.
 *
 * Every shown state carries a stamp (seq, by): a Lamport clock and the id of the window whose
 * reader made the change. A window shows the state with the greatest stamp it has seen, so two
 * windows that change at the same moment still end on the same screen, and a message that arrives
 * late never undoes a newer change. A window that has just opened and not been used yet follows
 * the first state it hears, so a presenter window joins the talk where the projector is. A window only sends when its own reader acts (or to answer a
 * newcomer's hello), never when it follows another window, so nothing echoes back and forth.
 */

export type Role = 'audience' | 'presenter';

/** What the windows share: the screen (1-based) and whether the projected screen is blanked. */
export interface TalkState {
  readonly screen: number;
  readonly blank: boolean;
}

export type SyncMessage =
  /** "This is the talk's state": after a reader's action, or as the answer to a hello. */
  | { readonly v: 1; readonly kind: 'state'; readonly from: string; readonly role: Role; readonly seq: number; readonly by: string; readonly screen: number; readonly blank: boolean }
  /** "I have just opened": every other window answers with its state. */
  | { readonly v: 1; readonly kind: 'hello'; readonly from: string; readonly role: Role }
  /** "I am closing." */
  | { readonly v: 1; readonly kind: 'bye'; readonly from: string; readonly role: Role };

export interface SyncModel {
  /** This window's id. */
  readonly self: string;
  readonly role: Role;
  readonly state: TalkState;
  /** The stamp of the state shown; a window that has neither acted nor followed has seq 0, by ''. */
  readonly seq: number;
  readonly by: string;
  /** The largest seq seen or made (the Lamport clock). */
  readonly clock: number;
  /** The other windows known to be open, by id. */
  readonly peers: ReadonlyMap<string, Role>;
}

const ID = /^[A-Za-z0-9_-]{1,40}$/;
const ROLES: readonly Role[] = ['audience', 'presenter'];

export function createSync(self: string, role: Role, state: TalkState): SyncModel {
  return { self, role, state, seq: 0, by: '', clock: 0, peers: new Map() };
}

/** The hello a window sends when it opens. */
export const hello = (model: SyncModel): SyncMessage => ({ v: 1, kind: 'hello', from: model.self, role: model.role });

/** The bye a window sends when it closes. */
export const bye = (model: SyncModel): SyncMessage => ({ v: 1, kind: 'bye', from: model.self, role: model.role });

const stateMessage = (model: SyncModel): SyncMessage => ({
  v: 1,
  kind: 'state',
  from: model.self,
  role: model.role,
  seq: model.seq,
  by: model.by,
  screen: model.state.screen,
  blank: model.state.blank,
});

/** This window's reader changed the state: the new model and the message that tells the others. */
export function localChange(model: SyncModel, state: TalkState): { model: SyncModel; message: SyncMessage } {
  const seq = model.clock + 1;
  const next = { ...model, state, seq, by: model.self, clock: seq };
  return { model: next, message: stateMessage(next) };
}

/** Whether stamp a is newer than stamp b: a greater seq, or the same seq from a greater window id. */
export const isNewer = (a: { seq: number; by: string }, b: { seq: number; by: string }): boolean =>
  a.seq > b.seq || (a.seq === b.seq && a.by > b.by);

export interface Received {
  readonly model: SyncModel;
  /** The state to show now, when the message changed it. */
  readonly apply?: TalkState;
  /** The message to send back (the answer to a hello). */
  readonly reply?: SyncMessage;
}

/** What a message from another window does to this one. */
export function receive(model: SyncModel, message: SyncMessage): Received {
  if (message.from === model.self) return { model };
  const peers = new Map(model.peers);
  if (message.kind === 'bye') peers.delete(message.from);
  else peers.set(message.from, message.role);
  if (message.kind === 'hello') return { model: { ...model, peers }, reply: stateMessage(model) };
  if (message.kind === 'bye') return { model: { ...model, peers } };

  const clock = Math.max(model.clock, message.seq);
  // A window that has neither acted nor followed yet joins the talk where the others are.
  const fresh = model.seq === 0 && model.by === '';
  if (!fresh && !isNewer(message, model)) return { model: { ...model, peers, clock } };
  const state = { screen: message.screen, blank: message.blank };
  const changed = state.screen !== model.state.screen || state.blank !== model.state.blank;
  const next = { ...model, peers, clock, state, seq: message.seq, by: message.by };
  return changed ? { model: next, apply: state } : { model: next };
}

/** Whether a window of `role` is known to be open. */
export const hasPeer = (model: SyncModel, role: Role): boolean => [...model.peers.values()].includes(role);

/**
 * Reads a message from another window, which may be anything (another version of the site, a
 * hand-edited localStorage entry): a valid message for a talk of `total` screens, or null.
 */
export function parseSyncMessage(data: unknown, total: number): SyncMessage | null {
  if (typeof data === 'string') {
    if (data.length > 1000) return null;
    try {
      return parseSyncMessage(JSON.parse(data), total);
    } catch {
      return null;
    }
  }
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m['v'] !== 1 || typeof m['from'] !== 'string' || !ID.test(m['from'])) return null;
  const role = ROLES.find((r) => r === m['role']);
  if (!role) return null;
  const from = m['from'];
  if (m['kind'] === 'hello' || m['kind'] === 'bye') return { v: 1, kind: m['kind'], from, role };
  if (m['kind'] !== 'state') return null;
  const { seq, by, screen, blank } = m;
  if (!Number.isSafeInteger(seq) || (seq as number) < 0) return null;
  if (typeof by !== 'string' || (by !== '' && !ID.test(by))) return null;
  if (!Number.isInteger(screen) || (screen as number) < 1 || (screen as number) > total) return null;
  if (typeof blank !== 'boolean') return null;
  return { v: 1, kind: 'state', from, role, seq: seq as number, by, screen: screen as number, blank };
}
