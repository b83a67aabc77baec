/**
 * `<save-offline>` (SaveOffline.astro): saves the whole site on this device on purpose, showing
 * what is saved already, the download size, progress, and a Hebrew message for every way it can
 * end. The work is done by the service worker ("save" message, src/service-worker/sw.ts); this
 * element only asks and reports. Strings come from the element's data-* attributes.
 */
import { roundedSize, type CopyStatus } from '../lib/offline-copy.ts';
import type { WorkerReply } from '../lib/offline-messages.ts';
import { announce } from './browser.ts';
import { fillWithBdi } from './bidi-fill.ts';
import { activeWorker, ask, COPY_CHANGED } from './offline-worker.ts';

/** How long to wait for a worker that is still installing (a first visit's shell is ~100 KB). */
const WORKER_WAIT_MS = 30_000;
/** A save that sends no news for this long is reported as stuck (the worker's fetches time out sooner). */
const SILENCE_MS = 45_000;

class SaveOffline extends HTMLElement {
  #status: HTMLElement | null = null;
  #button: HTMLButtonElement | null = null;
  #progress: HTMLProgressElement | null = null;
  #saving = false;

  #text(key: string, values: Record<string, string | number> = {}): void {
    if (this.#status) fillWithBdi(this.#status, this.dataset[key], values);
  }

  #size(bytes: number): string {
    const { unit, n } = roundedSize(bytes);
    return (this.dataset[unit] ?? '{n}').replace('{n}', n);
  }

  #show(status: CopyStatus): void {
    if (status.complete) this.#text('complete', { total: status.pages.total });
    else this.#text('missing', { saved: status.pages.saved, total: status.pages.total, size: this.#size(status.missingBytes) });
    if (this.#button) this.#button.hidden = status.complete;
  }

  async connectedCallback(): Promise<void> {
    this.#status = this.querySelector('[data-save-status]');
    this.#button = this.querySelector('[data-save-button]');
    this.#progress = this.querySelector('progress');
    if (!('serviceWorker' in navigator) || !('caches' in window)) {
      this.#text('unsupported');
      return;
    }
    this.#button?.addEventListener('click', () => void this.#save());
    const worker = await activeWorker(WORKER_WAIT_MS);
    const reply = worker ? await ask(worker, { type: 'status' }, 5_000) : null;
    if (reply?.type === 'status') this.#show(reply.status);
    else this.#text('noAnswer');
  }

  async #save(): Promise<void> {
    if (this.#saving || !this.#button || !this.#progress) return;
    this.#saving = true;
    this.#button.setAttribute('aria-disabled', 'true');
    this.#progress.value = 0;
    this.#progress.hidden = false;
    announce(this.dataset['started'] ?? '');
    const worker = await activeWorker(WORKER_WAIT_MS);
    const last = worker
      ? await ask(worker, { type: 'save' }, SILENCE_MS, (reply: WorkerReply) => {
          if (reply.type !== 'progress') return true;
          this.#progress!.value = reply.bytesTotal ? reply.bytesDone / reply.bytesTotal : 1;
          this.#text('progress', { done: reply.done, count: reply.total, bytes: this.#size(reply.bytesDone), size: this.#size(reply.bytesTotal) });
          return false;
        })
      : null;
    this.#progress.hidden = true;
    this.#button.removeAttribute('aria-disabled');
    this.#saving = false;
    // What is on the device changed, whatever the outcome: lists of saved pages can refresh.
    document.dispatchEvent(new CustomEvent(COPY_CHANGED));
    if (last?.type === 'saved') {
      this.#show(last.status);
      this.#text('saved');
      announce(this.dataset['saved'] ?? '');
    } else {
      const key = last?.type === 'failed' ? `failed${last.reason[0]!.toUpperCase()}${last.reason.slice(1)}` : 'noAnswer';
      this.#text(key);
      this.#button.textContent = this.dataset['retry'] ?? this.#button.textContent;
      announce(this.dataset[key] ?? '');
    }
  }
}

customElements.define('save-offline', SaveOffline);
