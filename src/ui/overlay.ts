/**
 * The DOM overlay: every word and choice of the game. It subscribes to the store and redraws the
 * panel when the node changes; it writes nothing but calls store actions. Keyboard: number keys
 * choose, C the cable, G the glossary, M sound, D the decisions (look back, choose again), B the
 * branch map; while a log is watched, ← → Space Home End drive the player. Tab and Enter work everywhere.
 * In a class game (`?mode=class`, body[data-mode="class"]) the choices are lettered and the letter
 * keys choose too, so the tools take Shift (choice-keys.ts); the type is sized for a projector (projector.css).
 */
import { lookup, type Cable, type Glossary, type SessionState, type SoundCue } from '../core/play.ts';
import { CUE_KINDS } from '../audio/captions.ts';
import { choicesOf, type GameStore } from '../store/game-store.ts';
import type { SaveStatus } from '../store/storage.ts';
import { createCableViewer } from './cable-viewer.ts';
import { choiceOfKey, toolOfKey, toolShortcut, type ToolKey } from './choice-keys.ts';
import { createCaptions } from './captions.ts';
import { createClockBar, type ClockView } from './clock-bar.ts';
import type { ClockFormat } from './clock-format.ts';
import { renderDebrief } from './debrief.ts';
import { renderDialogue, untilText } from './dialogue.ts';
import { clear, h } from './dom.ts';
import { createGlossary } from './glossary.ts';
import { renderTitle, type Title, type TitleOptions } from './title-screen.ts';
import { drawSkeleton, type Skeleton } from './skeleton.ts';
import { frontOf } from '../core/scenario/front.ts';
import { renderShow } from './washington-tables.ts';
import type { BranchMap, MapView } from './branch-map.ts';
import { attemptOnScreen, attemptsOf, createDecisionsWindow, entriesOf, lookingBar } from './replay-panel.ts';
import { createWatchBar } from './watch-bar.ts';
import { createTeletypeControl } from './teletype-control.ts';
import type { PresentationStore } from '../store/presentation.ts';

/** What the overlay needs of the sound adapter; the adapter arrives later than the first screen. */
export interface SoundPort {
  play(cue: SoundCue): void;
  stop(cue: SoundCue): void;
  bed(cue: SoundCue | null): void;
  setMuted(muted: boolean): void;
  isMuted(): boolean;
}

export interface OverlayOptions {
  root: HTMLElement;
  store: GameStore;
  /** Reduced motion and the teletype's stop, shared with the scenes. */
  presentation: PresentationStore;
  cable: Cable;
  glossary: Glossary;
  preset: TitleOptions['preset'];
  /** The post chooser on the title; left out in a page that is watching. */
  chooser?: TitleOptions['chooser'];
  /** Opens a log file for watching (the title's "Watch a log"); left out in a page that is watching. */
  onWatch?: TitleOptions['onWatch'];
  savedGame(): { session: SessionState; student: string; classGame?: boolean } | null;
  /**
   * The frame and the title the page drew before the game had loaded (main.ts): the overlay fills
   * the frame in place and attaches the game to that title rather than drawing them again.
   */
  adopt?: { skeleton: Skeleton; title: Title };
  /** Remembered mute setting, read before the sound adapter has loaded. */
  muted: boolean;
  onMutedChange(muted: boolean): void;
  /** Remembered clock format (24- or 12-hour) and where a change of it goes. */
  clockFormat: ClockFormat;
  onClockFormatChange(format: ClockFormat): void;
}

export interface Overlay {
  stage: HTMLElement;
  setSound(sound: SoundPort): void;
  stageStatus(text: string | null): void;
}

const BEDS: Record<SessionState['phase'], SoundCue> = {
  cable: 'room',
  appointment: 'room',
  meeting: 'room',
  report: 'room',
  washington: 'crowd',
  debrief: 'room',
};


/** Room left between a focused element and the choices below it, in CSS pixels. */
const CLEAR_OF_CHOICES = 12;

/**
 * Scrolls `panel` so that `el`, when it is above the choices, is not hidden behind them where they
 * stay at the panel's bottom; no further than that.
 */
export function clearOfChoices(panel: HTMLElement, el: HTMLElement): void {
  const choices = panel.querySelector<HTMLElement>('#choices');
  // Only what comes before the choices in the panel can be under them; what comes after scrolls as usual.
  if (!choices || !panel.contains(el) || !(choices.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING)) return;
  const covered = el.getBoundingClientRect().bottom + CLEAR_OF_CHOICES - choices.getBoundingClientRect().top;
  if (covered > 0) panel.scrollTop += covered;
}
export function mountOverlay(o: OverlayOptions): Overlay {
  const { store } = o;
  const scenario = store.getState().loaded.scenario;
  let clockFormat = o.clockFormat;
  const clockBar = createClockBar(scenario, {
    format: clockFormat,
    onFormatChange: (f) => {
      clockFormat = f;
      o.onClockFormatChange(f);
      // The choices on screen keep their focus: only their times are rewritten.
      for (const cost of panel.querySelectorAll<HTMLElement>('[data-until]')) {
        cost.textContent = untilText(scenario, Number(cost.dataset['until']), f);
      }
    },
  });
  const glossary = createGlossary(o.glossary, () => store.getState().loaded.scenario.id);
  const cableViewer = createCableViewer(o.cable, glossary.links);
  const captions = createCaptions();
  // "Stop the teletype", on the picture while the cable phase is on screen. Once stopped, its
  // clatter stops too, and focus goes on from the button that is gone to the first choice.
  const teletype = createTeletypeControl(o.presentation, () => {
    if (loop === 'teletype') {
      sound?.stop(loop);
      loop = null;
    }
    const focus = document.activeElement;
    if (focus === null || focus === document.body || teletype.el.contains(focus)) {
      panel.querySelector<HTMLElement>('button.choice:not([disabled])')?.focus();
    }
  });
  let sound: SoundPort | null = null;
  let muted = o.muted;

  const muteButton = h('button', { id: 'mute', class: 'tool', attrs: { type: 'button', 'aria-pressed': String(muted) } });
  const cableButton = h('button', { id: 'open-cable', class: 'tool', attrs: { type: 'button' } });
  const glossaryButton = h('button', { id: 'open-glossary', class: 'tool', attrs: { type: 'button' } });
  const decisionsButton = h('button', { id: 'open-decisions', class: 'tool', attrs: { type: 'button' } });
  const mapButton = h('button', { id: 'open-map', class: 'tool', attrs: { type: 'button' } });
  /** A class game on screen (or about to start from the title): lettered choices, the tools on Shift. */
  const classGame = (): boolean => store.getState().modes.play === 'class';
  /** A tool button's name and its key as the mode has it ("Cable C", or "Cable Shift+C" in a class game). */
  function drawTool(button: HTMLButtonElement, name: string, key: ToolKey): void {
    const shortcut = toolShortcut(key, classGame());
    button.replaceChildren(`${name} `, h('kbd', { text: shortcut }));
    button.setAttribute('aria-keyshortcuts', shortcut);
  }
  const decisions = createDecisionsWindow(store, () => clockFormat, () => panelStart());
  // The branch map (dagre and its SVG) is loaded the first time it is opened: the first screen does not carry it.
  let branchMap: BranchMap | null = null;
  let mapLoading: Promise<BranchMap> | null = null;
  const mapHost = h('div', { id: 'branch-map-host' });
  function loadMap(): Promise<BranchMap> {
    mapLoading ??= import('./branch-map.ts').then(({ createBranchMap }) => {
      const made = createBranchMap();
      mapHost.replaceChildren(made.el);
      branchMap = made;
      return made;
    });
    return mapLoading;
  }
  const watchBar = store.getState().watching ? createWatchBar(store) : null;
  const saveStatus = h('p', { id: 'save-status', class: 'save-status', attrs: { role: 'status' } });
  const problem = h('p', { id: 'problem', class: 'problem', attrs: { role: 'alert' } });
  // Shown when another tab writes this game: says so and offers to play here instead.
  const tabText = h('span', { id: 'tab-message' });
  const tabStatus = h(
    'p',
    { id: 'tab-status', class: 'save-status off', attrs: { role: 'status' } },
    tabText,
    ' ',
    h('button', { id: 'take-over', class: 'tool', attrs: { type: 'button' }, text: 'Play here', on: { click: () => void store.getState().takeOver() } }),
  );
  const stageStatusEl = h('p', { class: 'stage-status', attrs: { 'aria-hidden': 'true' } });
  const stage = h('div', { id: 'stage', class: 'stage', attrs: { 'aria-hidden': 'true' } }, stageStatusEl);
  const skeleton = o.adopt?.skeleton ?? drawSkeleton(o.root, scenario.post.city);
  const { panel } = skeleton;
  // The choices stay at the panel's bottom over the text (styles.css, `.choices`): whatever above them
  // takes the focus (the reason's field, a glossary term) is scrolled clear of them, not left under them.
  panel.addEventListener('focusin', (e) => {
    if (e.target instanceof HTMLElement) clearOfChoices(panel, e.target);
  });
  /** The title already on screen, until the game is attached to it. */
  let adoptedTitle: Title | null = o.adopt?.title ?? null;

  function drawMute(): void {
    drawTool(muteButton, muted ? 'Sound off' : 'Sound on', 'm');
    muteButton.setAttribute('aria-pressed', String(muted));
  }
  /** The tools' labels and the page's mode, when the mode of the game on screen changes. */
  let drawnMode: boolean | null = null;
  function drawMode(): void {
    const on = classGame();
    if (on === drawnMode) return;
    drawnMode = on;
    if (on) document.body.dataset['mode'] = 'class';
    else delete document.body.dataset['mode'];
    drawTool(cableButton, 'Cable', 'c');
    drawTool(glossaryButton, 'Glossary', 'g');
    drawTool(decisionsButton, 'Decisions', 'd');
    drawTool(mapButton, 'Branch map', 'b');
    drawMute();
  }
  function toggleMute(): void {
    muted = !muted;
    sound?.setMuted(muted);
    o.onMutedChange(muted);
    drawMute();
  }
  muteButton.addEventListener('click', toggleMute);
  cableButton.addEventListener('click', () => cableViewer.open());
  decisionsButton.addEventListener('click', () => decisions.open());
  mapButton.addEventListener('click', () => openMap());
  glossaryButton.addEventListener('click', () => glossary.open());
  drawMode();

  skeleton.clockSlot.replaceWith(clockBar.el);
  skeleton.toolsSlot.replaceWith(h('div', { class: 'tools' }, decisionsButton, mapButton, cableButton, glossaryButton, muteButton, clockBar.formatToggle));
  if (watchBar) skeleton.header.after(watchBar.el);
  skeleton.stageWrap.append(stage, teletype.el, captions.el);
  skeleton.footer.append(saveStatus, tabStatus, problem);
  o.root.append(cableViewer.el, glossary.el, decisions.modal.el, mapHost);

  /** The map's view of the game on screen: every attempt's trail, the path on screen, the modes. */
  function mapView(): MapView | null {
    const state = store.getState();
    const { log, session } = state;
    if (!log || !session) return null;
    const attempts = attemptsOf(scenario, log);
    const onScreen = attemptOnScreen(state);
    const watching = state.watching !== null;
    const rewind = watching ? 'look' : state.modes.rewind;
    return {
      scenario,
      trails: attempts.map((a) => a.end?.trail ?? []),
      ends: attempts.map((a) => a.end?.node ?? ''),
      current: onScreen,
      currentTrail: session.trail,
      currentNode: session.node,
      // Nothing is given away before an ending has been reached once.
      reveal: attempts.some((a) => a.ending !== null),
      rewind,
      onRewind(keep) {
        if (rewind === 'free') void store.getState().rewind(onScreen, keep).then((ok) => ok && branchMap?.close());
        else if (store.getState().look(onScreen, keep)) branchMap?.close();
      },
    };
  }
  function openMap(): void {
    const view = mapView();
    if (!view) return;
    void loadMap()
      .then((map) => {
        // The game may have moved on while the map loaded: open it on the state on screen now.
        map.open(mapView() ?? view);
      })
      .catch(() => {
        problem.textContent = 'The branch map could not be loaded; the decisions (D) list every step instead.';
      });
  }

  let shownKey = '';
  let lastPhase: SessionState['phase'] | null = null;
  /** A looping cue (the teletype, the clock) started by the node on screen; it stops when the node changes. */
  let loop: SoundCue | null = null;
  /** On the title, the saved game's clock (and report) when there is one. */
  let titleClock: ClockView | null = null;

  function drawSave(save: SaveStatus): void {
    saveStatus.textContent = save.on ? 'Autosave is on.' : save.reason;
    saveStatus.classList.toggle('off', !save.on);
  }

  function choose(index: number): void {
    const reason = panel.querySelector<HTMLTextAreaElement>('#reason');
    void store.getState().choose(index, reason?.value).then((ok) => {
      // A required reason left out: the student is taken to the field.
      if (!ok && reason?.isConnected && reason.required && reason.value.trim() === '') reason.focus();
    });
  }

  /**
   * The first thing to do in the panel: a required reason, else the first choice (in a class game the
   * question over them), the debrief's title, or the way back to the present when looking back.
   */
  function panelStart(): HTMLElement | null {
    const choiceTarget = classGame() ? '#choices-title[tabindex]' : 'button.choice:not([disabled])';
    return panel.querySelector<HTMLElement>(`textarea#reason[required], ${choiceTarget}, #debrief-title, #back-to-present`);
  }

  function render(): void {
    const state = store.getState();
    drawMode();
    drawSave(state.save);
    tabStatus.hidden = state.tab.writer;
    saveStatus.hidden = !state.tab.writer; // the tab message says who saves instead
    tabText.textContent = state.tab.writer ? '' : state.tab.message;
    problem.textContent = state.problem ?? '';
    const session = state.session;
    clockBar.update(session ?? titleClock);
    decisions.refresh();
    watchBar?.update();
    decisionsButton.hidden = mapButton.hidden = !session;
    if (branchMap?.isOpen()) {
      const view = mapView();
      if (view) branchMap.update(view);
    }
    const where = state.view ? `${state.view.attempt}/${state.view.keep}` : 'now';
    const key = session ? `${state.log?.attempts.length ?? 0}:${session.trail.length}:${session.node}:${where}` : `title:${drawnMode === true ? 'class' : 'own'}`;
    if (key === shownKey) return;
    const focusWasInPanel = panel.contains(document.activeElement) || document.activeElement === document.body;
    shownKey = key;
    teletype.setActive(session?.phase === 'cable');
    document.body.dataset['phase'] = session?.phase ?? 'title';
    document.body.dataset['node'] = session?.node ?? '';

    if (!session) {
      const saved = o.savedGame();
      // The title shows the saved game's time when there is one, the scenario's start otherwise.
      titleClock = saved?.session ?? null;
      clockBar.update(titleClock);
      lastPhase = null;
      if (loop) sound?.stop(loop);
      loop = null;
      sound?.bed(null);
      const game = {
        saved,
        setAside: state.setAside,
        onStart: (input: { name: string; classCode: string; variant: string }) => {
          const student = input.classCode ? { label: input.name, classCode: input.classCode } : { label: input.name };
          store.getState().start({ student, variant: input.variant });
        },
        onResume: () => store.getState().resume(),
      };
      // The title drawn before the game loaded stays (with whatever the student has typed) when it
      // was drawn for the same kind of game; the game is attached to it.
      const adopted = adoptedTitle;
      adoptedTitle = null;
      if (adopted && adopted.classGame === classGame() && panel.contains(adopted.el)) {
        adopted.attach(game);
        return;
      }
      clear(panel);
      panel.append(
        renderTitle({
          front: frontOf(scenario),
          preset: o.preset,
          ...(o.onWatch ? { onWatch: o.onWatch } : {}),
          ...(o.chooser ? { chooser: o.chooser } : {}),
          classGame: classGame(),
          game,
        }).el,
      );
      return;
    }
    adoptedTitle = null;
    clear(panel);

    const node = scenario.nodes[session.node];
    if (loop && loop !== node?.sound) {
      sound?.stop(loop);
      loop = null;
    }
    if (session.phase !== lastPhase) {
      lastPhase = session.phase;
      sound?.bed(BEDS[session.phase]);
    }
    if (node?.sound) {
      captions.show(node.sound);
      sound?.play(node.sound);
      if (CUE_KINDS[node.sound] === 'loop') loop = node.sound;
    }

    const looking = lookingBar(state, store);
    if (looking) panel.append(looking);
    const readOnly = state.view && state.log
      ? (() => {
          const entry = entriesOf(state.log, state.view.attempt)[state.view.keep];
          return { taken: entry?.choice ?? null, reason: entry?.reason ?? null };
        })()
      : undefined;
    if (node?.ending && state.log) {
      panel.append(
        renderDebrief({
          scenario,
          loaded: state.loaded,
          session,
          log: state.log,
          attempt: attemptOnScreen(state),
          watching: state.watching !== null,
          onNewGame: () => store.getState().quit(),
        }),
      );
    } else {
      const why = lookup(scenario.nodes, session.node)?.why;
      const view = renderDialogue(scenario, session, choicesOf(state), choose, glossary.links, clockFormat, {
        ...(why === undefined ? {} : { why: { prompt: why, required: state.modes.reasons === 'required' } }),
        ...(readOnly ? { readOnly } : {}),
        classGame: classGame(),
      });
      // A Washington node with `show` draws its table under the text, above the choices.
      if (node?.show) view.querySelector('#dialogue')?.after(renderShow(scenario, session, node.show, state.loaded.hemisphere));
      panel.append(view);
    }
    state.shown();
    panel.scrollTop = 0;
    // Where the page scrolls as one (a short window, text zoomed to 200 %), the new node shows from its top.
    if (panel.getBoundingClientRect().top < 0) panel.scrollIntoView({ block: 'start' });
    if (focusWasInPanel) {
      // A required reason is written before choosing: the field takes the focus first. In a class game
      // the question over the choices takes it, not choice A: on the projector no choice looks chosen
      // before the class has voted, and a stray Enter takes none (the letters choose, Tab reaches A).
      const first = panelStart();
      first?.focus({ preventScroll: true });
      if (first) clearOfChoices(panel, first);
      // Keep the focused choice in view on small screens, scrolling no more than needed.
      const visibleBottom = Math.min(panel.getBoundingClientRect().bottom, document.documentElement.clientHeight);
      if (first && first.getBoundingClientRect().bottom > visibleBottom) {
        first.scrollIntoView({ block: 'nearest' });
      }
    }
  }

  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
    if (cableViewer.isOpen() || glossary.isOpen() || decisions.modal.isOpen() || branchMap?.isOpen()) return;
    if (watchBar?.key(e)) return;
    const playing = store.getState().session !== null;
    const tool = toolOfKey(e.key, e.shiftKey, classGame());
    if (tool === 'd' && playing) decisions.open();
    else if (tool === 'b' && playing) openMap();
    else if (tool === 'c') cableViewer.open();
    else if (tool === 'g') glossary.open();
    else if (tool === 'm') toggleMute();
    else {
      // Number keys, and in a class game the letters A–I: the choice in that place.
      const n = choiceOfKey(e.key, e.shiftKey, classGame());
      if (n === null) return;
      const b = panel.querySelectorAll<HTMLButtonElement>('button.choice')[n];
      if (!b) return;
      e.preventDefault();
      b.click();
    }
  });

  store.subscribe(render);
  render();

  return {
    stage,
    setSound(s) {
      sound = s;
      s.setMuted(muted);
      const session = store.getState().session;
      if (!session) return;
      s.bed(BEDS[session.phase]);
      // The node on screen may have asked for a loop before the sound arrived.
      const cue = scenario.nodes[session.node]?.sound;
      if (cue && CUE_KINDS[cue] !== 'once') {
        s.play(cue);
        if (CUE_KINDS[cue] === 'loop') loop = cue;
      }
    },
    stageStatus(text) {
      stageStatusEl.textContent = text ?? '';
      stageStatusEl.hidden = text === null;
    },
  };
}
