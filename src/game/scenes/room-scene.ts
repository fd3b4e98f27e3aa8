/**
 * What every room shares: it reads the store (never writes), follows it until the scene shuts
 * down, shows the game clock, and fades in (unless motion is reduced). A drawing problem is
 * contained here so that it can neither break the store's caller nor reach the console.
 */
import * as Phaser from 'phaser';
import { timeOf, type UtcMinutes } from '../../core/engine/clock.ts';
import type { ScenarioNode } from '../../core/scenario/schema.ts';
import type { SceneKey } from '../keys.ts';
import type { GameState, SceneContext } from '../objects/scene-context.ts';
import type { WallClock } from '../objects/wall-clock.ts';
import type { Daylight } from '../objects/daylight.ts';
import { prefersReducedMotion } from '../objects/art.ts';
import { FlatLayers } from '../objects/flat-layers.ts';

export type Render = (state: GameState, previous: GameState | null) => void;

export abstract class RoomScene extends Phaser.Scene {
  private unsubscribe: (() => void) | null = null;
  private clocks: { clock: WallClock; offset: (s: GameState) => number }[] = [];
  private light: Daylight | null = null;

  constructor(key: SceneKey, protected readonly ctx: SceneContext) {
    super({ key });
  }

  /** Draws the room; called once per start of the scene. */
  protected abstract build(): void;

  create(): void {
    this.clocks = [];
    this.light = null;
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.stopFollowing, this);
    this.events.once(Phaser.Scenes.Events.DESTROY, this.stopFollowing, this);
    try {
      this.build();
      this.follow((state, previous) => this.showTime(state, previous === null));
      // Still art is drawn from a few baked layers: frames stay cheap on a slow CPU (flat-layers.ts).
      new FlatLayers(this);
    } catch {
      // An art failure leaves a plain room (the overlay still carries the game); it must not
      // surface as an uncaught error in Phaser's frame loop.
    }
    if (!prefersReducedMotion(this)) {
      const camera = this.cameras.main;
      camera.fadeIn(420, 18, 28, 49);
      // A finished fade still paints its (now clear) colour over the stage on every draw; put it away.
      camera.once(Phaser.Cameras.Scene2D.Events.FADE_IN_COMPLETE, () => camera.fadeEffect.reset());
    }
    this.ctx.drawn();
  }

  protected get state(): GameState {
    return this.ctx.store.getState();
  }

  /** The node the session is at, or null before a game starts. */
  protected nodeOf(state: GameState): ScenarioNode | null {
    const s = state.session;
    return s ? (state.loaded.scenario.nodes[s.node] ?? null) : null;
  }

  /** Game time now: the session's clock, or the scenario's start before a game begins. */
  protected gameTime(state: GameState): UtcMinutes {
    return state.session ? state.session.clock : timeOf(state.loaded.scenario.clock.start);
  }

  protected postOffset(state: GameState): number {
    return state.loaded.scenario.post.utcOffsetMinutes;
  }

  protected washingtonOffset(state: GameState): number {
    return state.loaded.scenario.washington.utcOffsetMinutes;
  }

  /** Registers a clock to follow the game time at an offset (the post's by default). */
  protected addClock(clock: WallClock, offset?: (s: GameState) => number): WallClock {
    this.clocks.push({ clock, offset: offset ?? ((s) => this.postOffset(s)) });
    return clock;
  }

  /** Registers the room's light to follow the post's local hour. */
  protected setDaylight(light: Daylight): void {
    this.light = light;
  }

  /** Calls `render` now and after every store change, until the scene shuts down. */
  protected follow(render: Render): void {
    const safe: Render = (state, previous) => {
      try {
        render(state, previous);
      } catch {
        // see create(): contained on purpose
      }
    };
    const unsubscribe = this.ctx.store.subscribe((state, previous) => safe(state, previous));
    const before = this.unsubscribe;
    this.unsubscribe = () => {
      before?.();
      unsubscribe();
    };
    safe(this.state, null);
  }

  /** On a scene's first reading the hands sweep on from where the previous room left them. */
  private showTime(state: GameState, first: boolean): void {
    const t = this.gameTime(state);
    const before = first ? this.ctx.memory.time : null;
    for (const { clock, offset } of this.clocks) {
      if (before !== null) clock.show(before, offset(state));
      clock.show(t, offset(state));
    }
    if (this.light) {
      if (before !== null) this.light.show((before + this.postOffset(state)) / 60);
      this.light.show((t + this.postOffset(state)) / 60);
    }
    this.ctx.memory.time = t;
  }

  private stopFollowing(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.events.off(Phaser.Scenes.Events.SHUTDOWN, this.stopFollowing, this);
    this.events.off(Phaser.Scenes.Events.DESTROY, this.stopFollowing, this);
  }
}
