/**
 * The offline note's text (OfflineNote.astro), loaded by offline.ts only when the device goes
 * offline: the promise that everything works only when the worker says every page and the search
 * data are saved in this version; otherwise how many pages are saved, or that none is.
 */
import { fillWithBdi } from './bidi-fill.ts';
import { activeWorker, ask } from './offline-worker.ts';

/** Fills and shows the note, unless `current()` says the network came back meanwhile. */
export async function fillOfflineNote(note: HTMLElement, current: () => boolean): Promise<void> {
  const text = note.querySelector('[data-offline-text]');
  const link = note.querySelector<HTMLElement>('[data-offline-link]');
  const worker = await activeWorker(0);
  const reply = worker ? await ask(worker, { type: 'status' }, 2_000) : null;
  if (!current() || navigator.onLine) return;
  const status = reply?.type === 'status' ? reply.status : null;
  const state = !status || status.pages.saved === 0 ? 'none' : status.complete ? 'complete' : 'partial';
  if (text) fillWithBdi(text, note.dataset[state], { saved: status?.pages.saved ?? 0, total: status?.pages.total ?? 0 });
  if (link) link.hidden = state !== 'partial';
  note.hidden = false;
}
