/**
 * Talking to the service worker from a page (the protocol is src/lib/offline-messages.ts): used by
 * offline.ts on every page and by the save-for-offline control.
 */
import type { WorkerReply, WorkerRequest } from '../lib/offline-messages.ts';

/** Dispatched on `document` when a save of the site ends, so lists of saved pages can refresh. */
export const COPY_CHANGED = 'offline-copy-changed';

/** The active worker, waiting up to `ms` for one to be registered and installed; null when there is none by then. */
export async function activeWorker(ms: number): Promise<ServiceWorker | null> {
  if (!('serviceWorker' in navigator)) return null;
  const registration = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  if (registration?.active) return registration.active;
  if (ms <= 0) return null;
  // Not registered yet (a first visit registers after load) or still installing.
  const ready = navigator.serviceWorker.ready.then((r) => r.active);
  const late = new Promise<null>((resolve) => setTimeout(() => resolve(null), ms));
  return Promise.race([ready, late]);
}

/**
 * Posts `request` to `worker` and passes every reply to `onReply`, until `onReply` returns true
 * (done) or no reply came for `silenceMs`. Resolves with the last reply, or null on silence.
 */
export function ask(worker: ServiceWorker, request: WorkerRequest, silenceMs: number, onReply: (reply: WorkerReply) => boolean = () => true): Promise<WorkerReply | null> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    let timer = 0;
    const finish = (reply: WorkerReply | null) => {
      clearTimeout(timer);
      channel.port1.close();
      resolve(reply);
    };
    const wait = () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => finish(null), silenceMs);
    };
    channel.port1.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (onReply(event.data)) finish(event.data);
      else wait();
    };
    wait();
    worker.postMessage(request, [channel.port2]);
  });
}
