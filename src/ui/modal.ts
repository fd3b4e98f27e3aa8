/**
 * Native <dialog> windows (the cable, the glossary): focus moves in on open, Escape closes,
 * focus returns to the control that opened it.
 */
import { h } from './dom.ts';

export interface Modal {
  el: HTMLDialogElement;
  body: HTMLElement;
  open(): void;
  close(): void;
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
  closeButton.addEventListener('click', () => el.close());
  el.addEventListener('close', () => {
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
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
    close() {
      el.close();
    },
    isOpen: () => el.open,
  };
}
