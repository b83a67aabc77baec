/**
 * The /offline/ page: lists the pages this device holds (asked from the service worker), and,
 * when the worker answered with this page in place of one that is not saved, says so first.
 */
import { OFFLINE_PAGE } from '../lib/offline-copy.ts';
import { activeWorker, ask, COPY_CHANGED } from './offline-worker.ts';

const fallback = document.querySelector<HTMLElement>('[data-offline-fallback]');
if (fallback) fallback.hidden = location.pathname === OFFLINE_PAGE;

class SavedPages extends HTMLElement {
  connectedCallback(): void {
    void this.#list();
    document.addEventListener(COPY_CHANGED, () => void this.#list());
  }

  async #list(): Promise<void> {
    const list = this.querySelector('[data-saved-list]');
    const none = this.querySelector<HTMLElement>('[data-saved-none]');
    const worker = await activeWorker(30_000);
    const reply = worker ? await ask(worker, { type: 'status' }, 5_000) : null;
    const pages = reply?.type === 'status' ? reply.status.savedPages : [];
    list?.replaceChildren(
      ...pages.map(({ url, title }) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = url;
        link.textContent = title;
        item.append(link);
        return item;
      }),
    );
    if (none) none.hidden = pages.length > 0;
  }
}

customElements.define('saved-pages', SavedPages);
