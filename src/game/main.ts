/**
 * The Phaser side of the game: the config in one place, and a director that shows the room for
 * the session's phase. Phaser only draws; all words and choices live in the DOM overlay, so the
 * canvas is hidden from assistive technology and takes no keyboard, mouse or touch input.
 * This is the only entry into src/game; the page imports it dynamically.
 */
import * as Phaser from 'phaser';
import type { Phase } from '../core/scenario/schema.ts';
import type { GameStore } from '../store/game-store.ts';
import type { PresentationStore } from '../store/presentation.ts';
import { RegistryKey, SceneKey } from './keys.ts';
import type { SceneContext } from './objects/scene-context.ts';
import { grainCanvas } from './objects/art.ts';
import { ChangedRegions } from './objects/changed-regions.ts';
import { BootScene } from './scenes/boot-scene.ts';
import { CableScene } from './scenes/cable-scene.ts';
import { DebriefScene } from './scenes/debrief-scene.ts';
import { OfficeScene } from './scenes/office-scene.ts';
import { PhoneScene } from './scenes/phone-scene.ts';
import { ReportScene } from './scenes/report-scene.ts';
import { TitleScene } from './scenes/title-scene.ts';
import { WashingtonScene } from './scenes/washington-scene.ts';

export interface GameOptions {
  store: GameStore;
  /** The circular as plain text, typed out by the teletype (decoration; the overlay shows it). */
  cableText: string;
  /** Whether motion is reduced and the teletype stopped; the scenes follow it. */
  presentation: PresentationStore;
  /** Called once, when the first room has been drawn. */
  onReady?: () => void;
}

export interface GameHandle {
  /** Stops following the store and removes the canvas. Safe to call twice. */
  destroy(): void;
}

export const WIDTH = 960;
export const HEIGHT = 540;
const BACKGROUND = '#121c31';

const ROOMS: Record<Phase, SceneKey> = {
  cable: SceneKey.cable,
  appointment: SceneKey.phone,
  meeting: SceneKey.office,
  report: SceneKey.report,
  washington: SceneKey.washington,
  debrief: SceneKey.debrief,
};

/** The room for a phase; no session yet shows the establishing shot. */
export function roomFor(phase: Phase | null): SceneKey {
  return phase === null ? SceneKey.title : ROOMS[phase];
}

function config(parent: HTMLElement, canvas: HTMLCanvasElement, scenes: Phaser.Scene[]): Phaser.Types.Core.GameConfig {
  return {
    type: Phaser.CANVAS,
    parent,
    canvas,
    width: WIDTH,
    height: HEIGHT,
    backgroundColor: BACKGROUND,
    transparent: false,
    banner: false,
    autoFocus: false,
    disableContextMenu: false,
    audio: { noAudio: true },
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    // Flat art needs no more; half the frames keep a slow Chromebook cool.
    fps: { target: 60, limit: 30 },
    render: { antialias: true, roundPixels: false },
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, width: WIDTH, height: HEIGHT },
    scene: scenes,
  };
}

/**
 * The print grain over the rooms (art.ts), drawn once, as the background of an element laid over
 * Phaser's canvas and kept on the same box whenever the scale manager moves or resizes it. Returns
 * a remover.
 */
function overlayGrain(canvas: HTMLCanvasElement): { remove(): void } {
  const grain = document.createElement('div');
  grain.setAttribute('aria-hidden', 'true');
  grain.className = 'stage-grain';
  grain.style.backgroundImage = `url(${grainCanvas(WIDTH, HEIGHT).toDataURL()})`;
  grain.style.backgroundSize = '100% 100%';
  const follow = (): void => {
    const { width, height, marginLeft, marginTop } = canvas.style;
    Object.assign(grain.style, { position: 'absolute', left: '0', top: '0', pointerEvents: 'none', width, height, marginLeft, marginTop });
    if (canvas.parentElement && grain.parentElement !== canvas.parentElement) canvas.after(grain);
  };
  const watching = new MutationObserver(follow);
  watching.observe(canvas, { attributes: true, attributeFilter: ['style'] });
  return {
    remove() {
      watching.disconnect();
      grain.remove();
    },
  };
}

/**
 * Starts Phaser in `parent` and keeps the visible room in step with `store`: a change of
 * `session.phase` switches scenes; everything else each scene follows itself. Never writes to
 * the store.
 */
export function startGame(parent: HTMLElement, options: GameOptions): GameHandle {
  const { store } = options;
  let ready = false;
  let destroyed = false;
  let current: SceneKey | null = null;
  let unsubscribe: (() => void) | null = null;

  const ctx: SceneContext = {
    store,
    cableText: options.cableText,
    presentation: options.presentation,
    memory: { time: null },
    drawn: () => {
      if (ready || destroyed) return;
      ready = true;
      options.onReady?.();
    },
  };

  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-hidden', 'true');
  const grain = overlayGrain(canvas);

  const showRoom = (): void => {
    if (destroyed) return;
    const next = roomFor(store.getState().session?.phase ?? null);
    if (next === current) return;
    if (current !== null) game.scene.stop(current);
    current = next;
    game.scene.start(next);
  };

  const boot = new BootScene(() => {
    game.scene.stop(SceneKey.boot);
    showRoom();
    unsubscribe = store.subscribe(showRoom);
  });

  const game = new Phaser.Game(
    config(parent, canvas, [
      boot,
      new TitleScene(ctx),
      new CableScene(ctx),
      new PhoneScene(ctx),
      new OfficeScene(ctx),
      new ReportScene(ctx),
      new WashingtonScene(ctx),
      new DebriefScene(ctx),
    ]),
  );

  // Each frame draws only what changed, or nothing when nothing did (changed-regions.ts).
  game.events.once(Phaser.Core.Events.READY, () => {
    if (game.renderer instanceof Phaser.Renderer.Canvas.CanvasRenderer) new ChangedRegions(game, game.renderer);
  });

  // Objects that have only their scene read reduced motion from the registry; it follows the system setting.
  game.registry.set(RegistryKey.reducedMotion, options.presentation.getState().reducedMotion);
  const unfollowMotion = options.presentation.subscribe((p) => game.registry.set(RegistryKey.reducedMotion, p.reducedMotion));

  // Phaser's FIT mode follows window resizes only; the stage also changes size when the page's
  // columns change (the debrief gives the text more room, choosing again from it gives it back), so
  // refit whenever the parent does. `refresh` alone fits to the parent's size as last measured: the
  // parent is measured first, or the stage stays at the debrief's size.
  const resized =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          game.scale.getParentBounds();
          game.scale.refresh();
        });
  resized?.observe(parent);

  return {
    destroy() {
      if (destroyed) return;
      destroyed = true;
      resized?.disconnect();
      unfollowMotion();
      grain.remove();
      unsubscribe?.();
      unsubscribe = null;
      game.destroy(true);
    },
  };
}
