/**
 * Which tab writes the save when the same game is open in several tabs. A Web Lock held by the
 * writing tab for as long as it lives is the most robust sign (the browser releases it when the tab
 * closes or crashes); where Web Locks are missing (an http:// school server is not a secure
 * context) tabs ask each other over a BroadcastChannel; with neither, every tab writes as before.
 * The IndexedDB owner record (durable.ts) fences the writes themselves, whichever sign is used.
 */

export interface TabLock {
  /** Becomes the writer unless another tab is; true when this tab now writes. Never rejects. */
  claim(): Promise<boolean>;
  /** Becomes the writer, taking the role from any other tab (which is told). Never rejects. */
  takeOver(): Promise<void>;
  /** `listener` runs when another tab takes the role from this one. */
  onLost(listener: () => void): void;
}

/** One tab only: always the writer (tests, and browsers with neither API). */
export function soleTab(): TabLock {
  return { claim: async () => true, takeOver: async () => undefined, onLost: () => undefined };
}

/** The Web Locks sign: the writer holds lock `name` until its page goes; a take-over steals it. */
export function webLockTab(name: string, locks: LockManager): TabLock {
  const lost: (() => void)[] = [];
  const request = (options: LockOptions): Promise<boolean> =>
    new Promise((resolve) => {
      let held = false;
      locks
        .request(name, options, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          held = true;
          resolve(true);
          // Held until the page goes, or until another tab steals it.
          return new Promise<void>(() => undefined);
        })
        .catch(() => {
          // A held lock rejects when another tab steals it; a request the browser refuses (storage
          // blocked) leaves this tab to write, since nothing else can coordinate it.
          if (held) for (const l of lost) l();
          else resolve(true);
        });
    });
  return {
    claim: () => request({ ifAvailable: true }),
    takeOver: async () => void (await request({ steal: true })),
    onLost: (listener) => void lost.push(listener),
  };
}

/** How long a tab waits for an answer from a writing tab over the BroadcastChannel (ms). */
const ASK_MS = 250;

/** The BroadcastChannel sign, for pages without Web Locks: a new tab asks whether any tab writes. */
export function channelTab(channel: BroadcastChannel): TabLock {
  const lost: (() => void)[] = [];
  let writer = false;
  let answered = false;
  channel.addEventListener('message', (e: MessageEvent) => {
    if (e.data === 'who-writes' && writer) channel.postMessage('i-write');
    else if (e.data === 'i-write') answered = true;
    else if (e.data === 'taken-over' && writer) {
      writer = false;
      for (const l of lost) l();
    }
  });
  return {
    async claim() {
      answered = false;
      channel.postMessage('who-writes');
      await new Promise((resolve) => setTimeout(resolve, ASK_MS));
      writer = !answered;
      return writer;
    },
    async takeOver() {
      channel.postMessage('taken-over');
      writer = true;
    },
    onLost: (listener) => void lost.push(listener),
  };
}

/** The best sign this page has for game `name`. Never throws. */
export function browserTabLock(name: string): TabLock {
  try {
    const locks = globalThis.navigator?.locks;
    if (locks && typeof locks.request === 'function') return webLockTab(name, locks);
  } catch {
    // Fall through to the channel.
  }
  try {
    if (typeof BroadcastChannel === 'function') return channelTab(new BroadcastChannel(name));
  } catch {
    // Fall through: one tab only.
  }
  return soleTab();
}
