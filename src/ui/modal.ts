/**
 * Native <dialog> windows (the cable, the glossary): focus moves in on open, Escape closes,
 * focus returns to the control that opened it, or goes where the action that closed it leads.
 */
import { h } from './dom.ts';

export interface Modal {
  el: HTMLDialogElement;
  body: HTMLElement;
  open(): void;
  /**
   * Closes it. `next`, given, says where the focus goes once it has closed (asked then, so that it can
   * name what the page has redrawn): what an action in the window led to, rather than its opener.
   */
  close(next?: () => HTMLElement | null): void;
  isOpen(): boolean;
}

export function createModal(id: string, title: string, className = ''): Modal {
  const heading = h('h2', { id: `${id}-title`, text: title });
  const closeButton = h('button', { class: 'dialog-close', text: 'Close (Esc)', attrs: { type: 'button' } });
  const body = h('div', { class: 'dialog-body', attrs: { tabindex: '0' } });
  const el = h(
    'dialog',
    { id, class: `modal ${className}`, attrs: { 'aria-labelledby': `${id}-title` } },
    h('div', { class: 'dialog-head' }, heading, closeButton),
    body,
  );
  let opener: Element | null = null;
  let then: (() => HTMLElement | null) | null = null;
  closeButton.addEventListener('click', () => el.close());
  el.addEventListener('close', () => {
    const next = then?.() ?? null;
    then = null;
    if (next?.isConnected) next.focus();
    else if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  });
  return {
    el,
    body,
    open() {
      if (el.open) return;
      opener = document.activeElement;
      el.showModal();
      body.focus();
    },
    close(next) {
      then = next ?? null;
      el.close();
    },
    isOpen: () => el.open,
  };
}
