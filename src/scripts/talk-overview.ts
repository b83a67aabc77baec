/**
 * The overview of all screens (src/components/TalkOverview.astro): a modal grid of previews,
 * one button per screen. Arrow keys move through the grid in the page direction
 * (src/lib/talk-nav.ts), Enter or a click picks a screen, Escape or O closes. The grid is built on
 * first use.
 */
import { fillTemplate } from '../lib/template.ts';
import { directionOf } from './talk-keyboard.ts';
import { previewOf, titleOf } from './talk-preview.ts';
import { gridMove } from '../lib/talk-nav.ts';

export interface OverviewRequest {
  readonly dialog: HTMLDialogElement;
  readonly screens: readonly HTMLElement[];
  readonly current: number;
  /** "מסך {n}: {title}" */
  readonly label: string;
  readonly pick: (screen: number) => void;
}

const built = new WeakSet<HTMLDialogElement>();
const picks = new WeakMap<HTMLDialogElement, (screen: number) => void>();

function build(dialog: HTMLDialogElement, screens: readonly HTMLElement[], label: string): void {
  const grid = dialog.querySelector<HTMLElement>('[data-grid]')!;
  grid.replaceChildren(
    ...screens.map((screen, i) => {
      const item = document.createElement('li');
      item.className = 'talk-overview__item';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'talk-overview__pick';
      button.dataset['n'] = String(i + 1);
      button.textContent = fillTemplate(label, { n: i + 1, title: titleOf(screen) });
      item.append(previewOf(screen), button);
      return item;
    }),
  );
  const buttons = () => [...grid.querySelectorAll<HTMLButtonElement>('button[data-n]')];
  grid.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-n]') : null;
    if (!button) return;
    dialog.close();
    picks.get(dialog)?.(Number(button.dataset['n']));
  });
  grid.addEventListener('keydown', (event) => {
    const all = buttons();
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    // Columns as laid out now: the items that share the first item's row.
    const top = all[0]!.getBoundingClientRect().top;
    const columns = all.filter((b) => Math.abs(b.getBoundingClientRect().top - top) < 2).length;
    const to = gridMove(index, event.key, columns, all.length, directionOf(grid));
    if (to === null) return;
    event.preventDefault();
    all[to]!.focus();
  });
  dialog.addEventListener('keydown', (event) => {
    if (!event.altKey && !event.ctrlKey && !event.metaKey && (event.key.toLowerCase() === 'o' || event.code === 'KeyO')) {
      event.preventDefault();
      dialog.close();
    }
  });
  dialog.querySelector('[data-close]')?.addEventListener('click', () => dialog.close());
  built.add(dialog);
}

export function openOverview({ dialog, screens, current, label, pick }: OverviewRequest): void {
  if (!built.has(dialog)) build(dialog, screens, label);
  picks.set(dialog, pick);
  for (const button of dialog.querySelectorAll<HTMLButtonElement>('button[data-n]')) {
    if (Number(button.dataset['n']) === current) button.setAttribute('aria-current', 'step');
    else button.removeAttribute('aria-current');
  }
  dialog.showModal();
  const here = dialog.querySelector<HTMLButtonElement>(`button[data-n="${current}"]`);
  here?.focus();
  here?.scrollIntoView({ block: 'nearest' });
}
