/**
 * The wire between the talk's windows in one browser: a BroadcastChannel, or, where a browser has
 * none, localStorage, whose `storage` event reaches every other window of the site. What the
 * messages mean, and which state wins, is src/lib/talk-sync.ts; every message is checked there
 * before it is used. Closing a window says bye; the other windows carry on alone.
 */
import { writeStored } from './browser.ts';
import {
  bye,
  createSync,
  hello,
  localChange,
  parseSyncMessage,
  receive,
  type Role,
  type SyncMessage,
  type SyncModel,
  type TalkState,
} from '../lib/talk-sync.ts';

const NAME = 'bifnim-talk';

interface Wire {
  send(message: SyncMessage): void;
}

function openWire(total: number, onMessage: (message: SyncMessage) => void): Wire {
  const take = (data: unknown) => {
    const message = parseSyncMessage(data, total);
    if (message) onMessage(message);
  };
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(NAME);
    channel.addEventListener('message', (event) => take(event.data));
    return { send: (message) => channel.postMessage(message) };
  }
  addEventListener('storage', (event) => {
    if (event.key === NAME && event.newValue) take(event.newValue);
  });
  let count = 0;
  return {
    send(message) {
      // The nonce makes every write a change, so a repeated message still fires the event. Where
      // storage is off (private mode, quota) this window simply does not sync.
      writeStored(NAME, JSON.stringify({ ...message, nonce: `${Date.now()}.${count++}` }));
    },
  };
}

export interface TalkSession {
  /** This window's reader changed the state: tell the other windows. */
  change(state: TalkState): void;
  readonly model: SyncModel;
}

/**
 * Joins the talk's windows in this browser as `role`. `apply` shows a state another window set;
 * `onPeers` hears whenever the set of open windows may have changed.
 */
export function joinTalk(
  role: Role,
  total: number,
  state: TalkState,
  apply: (state: TalkState) => void,
  onPeers: (model: SyncModel) => void = () => {},
): TalkSession {
  const self = `${role[0]}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  let model = createSync(self, role, state);
  const wire = openWire(total, (message) => {
    const got = receive(model, message);
    model = got.model;
    if (got.reply) wire.send(got.reply);
    if (got.apply) apply(got.apply);
    onPeers(model);
  });
  wire.send(hello(model));
  addEventListener('pagehide', () => wire.send(bye(model)));
  // Back from the back/forward cache: say hello again to catch up.
  addEventListener('pageshow', (event) => {
    if (event.persisted) wire.send(hello(model));
  });
  return {
    change(next) {
      const made = localChange(model, next);
      model = made.model;
      wire.send(made.message);
    },
    get model() {
      return model;
    },
  };
}
