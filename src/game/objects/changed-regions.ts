/**
 * Draws only what changed. Phaser's Canvas renderer paints the whole stage every frame, and with
 * the browser rasterising on the main thread that is most of a frame's time on a slow CPU: the
 * room's baked layers, the night's shade and the lamps' additive light are each up to 960x540
 * pixels, though only a head, a hand or a line of type moved.
 *
 * After each step (everything has moved) every drawn object is compared with how it was drawn the
 * frame before: its place in the list, position, scale, angle, origin, alpha, blend, depth,
 * texture frame, flip and crop; a text's words, size and font; a shape's size, path and colours.
 * The frame is then drawn clipped to the old and new bounds of what changed, in whole pixels, or
 * not at all when nothing did: the canvas keeps its pixels, and inside the clip the usual full
 * draw (background, then every object in order) paints what a full redraw would.
 *
 * The whole stage is drawn when a camera is not the plain one-to-one view or fades, the scenes
 * shown change, the canvas is resized or its pixels were lost (`contextrestored`), something is
 * drawn whose bounds cannot be read, or most of the stage changed. An object of a kind not
 * described here is redrawn in its bounds every frame. A texture's pixels are taken as fixed once
 * made: art is baked once under its own key (art.ts, flat-layers.ts); a texture drawn over in
 * place would need `redrawAll`.
 */
import * as Phaser from 'phaser';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** What was drawn of one object: its description, and its bounds when it was drawn. */
interface Drawn {
  values: unknown[];
  box: Box | null;
  seen: number;
}

type Texture = Phaser.GameObjects.GameObject & {
  frame: Phaser.Textures.Frame;
  flipX: boolean;
  flipY: boolean;
  isCropped: boolean;
  _crop?: { cx: number; cy: number; cw: number; ch: number; x: number; y: number };
};

type Placed = Phaser.GameObjects.GameObject & {
  x: number; y: number; scaleX: number; scaleY: number; rotation: number; alpha: number;
  depth: number; blendMode: unknown; displayOriginX: number; displayOriginY: number; mask?: unknown;
  getBounds(output: Phaser.Geom.Rectangle): Phaser.Geom.Rectangle;
};

/** A frame with more changed area than this share of the stage is drawn whole. */
const WHOLE_SHARE = 0.6;
/** More separate boxes than this and the frame is drawn whole (a clip of many boxes costs too). */
const MOST_BOXES = 12;
/** Pixels added round each box: an edge drawn between pixels is smoothed over its neighbours. */
const PAD = 2;

function isPlaced(o: Phaser.GameObjects.GameObject): o is Placed {
  return typeof (o as Partial<Placed>).getBounds === 'function' && typeof (o as Partial<Placed>).x === 'number';
}

function hasTexture(o: Phaser.GameObjects.GameObject): o is Texture {
  return (o as Partial<Texture>).frame instanceof Phaser.Textures.Frame;
}

/** Whether the renderer knows how this object draws itself, so that an unchanged description means unchanged pixels. */
function described(o: Phaser.GameObjects.GameObject): boolean {
  return o instanceof Phaser.GameObjects.Image || o instanceof Phaser.GameObjects.Sprite || o instanceof Phaser.GameObjects.Text
    || o instanceof Phaser.GameObjects.Shape || o instanceof Phaser.GameObjects.Container;
}

/** Writes what decides how `o` is drawn into `out` (reused), allocating nothing but the array's growth. */
function describe(o: Placed, index: number, out: unknown[]): void {
  out.length = 0;
  out.push(index, o.x, o.y, o.scaleX, o.scaleY, o.rotation, o.alpha, o.depth, o.blendMode, o.displayOriginX, o.displayOriginY);
  if (hasTexture(o)) {
    out.push(o.frame, o.flipX, o.flipY, o.isCropped);
    const crop = o._crop;
    if (o.isCropped && crop) out.push(crop.cx, crop.cy, crop.cw, crop.ch, crop.x, crop.y);
  }
  if (o instanceof Phaser.GameObjects.Text) out.push(o.text, o.width, o.height, o.style.color, o.style.fontSize, o.style.fontFamily);
  if (o instanceof Phaser.GameObjects.Shape) {
    out.push(o.width, o.height, o.pathData, o.isFilled, o.fillColor, o.fillAlpha, o.isStroked, o.strokeColor, o.strokeAlpha, o.lineWidth);
  }
  if (o.mask) out.push(o.mask);
}

function same(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** What a camera's effects paint over the stage: fields Phaser keeps on them but leaves out of its typings. */
interface Tint {
  isRunning: boolean;
  alpha: number;
  red: number;
  green: number;
  blue: number;
}

/** The camera's rotation (a field Phaser has, missing from its typings). */
const rotationOf = (camera: Phaser.Cameras.Scene2D.Camera): number => (camera as unknown as { rotation: number }).rotation;

function cameraValues(camera: Phaser.Cameras.Scene2D.Camera): unknown[] {
  const fade = camera.fadeEffect as unknown as Tint & { isComplete: boolean };
  const flash = camera.flashEffect as unknown as Tint;
  return [
    camera.x, camera.y, camera.width, camera.height, camera.scrollX, camera.scrollY, camera.zoom, rotationOf(camera), camera.alpha,
    camera.visible, camera.transparent, camera.backgroundColor.rgba, camera.mask,
    fade.isRunning, fade.isComplete, fade.alpha, fade.red, fade.green, fade.blue,
    flash.isRunning, flash.alpha, flash.red, flash.green, flash.blue,
  ];
}

/** Whether `camera` shows the world one to one, so an object's world bounds are its place on the canvas. */
function plain(camera: Phaser.Cameras.Scene2D.Camera, width: number, height: number): boolean {
  return camera.x === 0 && camera.y === 0 && camera.width === width && camera.height === height && camera.scrollX === 0
    && camera.scrollY === 0 && camera.zoom === 1 && rotationOf(camera) === 0 && !camera.mask && !camera.fadeEffect.isRunning
    && !camera.flashEffect.isRunning;
}

/** Keeps the Canvas renderer of `game` to drawing what changed, for the game's life. Call once the game has booted. */
export class ChangedRegions {
  private readonly drawn = new Map<Phaser.GameObjects.GameObject, Drawn>();
  private readonly scratch: unknown[] = [];
  private readonly bounds = new Phaser.Geom.Rectangle();
  private frame = 0;
  private whole = true;
  /** Set when something is drawn whose bounds cannot be read: the whole stage is drawn. */
  private unbounded = false;
  private boxes: Box[] = [];
  private views: unknown[] = [];
  /** The frame's plan: null draws nothing, an empty list draws the whole stage. */
  private plan: Box[] | null = [];

  constructor(private readonly game: Phaser.Game, private readonly renderer: Phaser.Renderer.Canvas.CanvasRenderer) {
    // Phaser's step always renders: a frame with nothing to draw passes over the renderer's three
    // calls, so the canvas is left untouched and the browser has nothing new to show.
    const { preRender, render, postRender } = renderer;
    const skipped = (): boolean => this.plan === null;
    renderer.preRender = function (this: Phaser.Renderer.Canvas.CanvasRenderer) {
      if (!skipped()) preRender.call(this);
    };
    renderer.render = function (this: Phaser.Renderer.Canvas.CanvasRenderer, scene, children, camera) {
      if (!skipped()) render.call(this, scene, children, camera);
    };
    renderer.postRender = function (this: Phaser.Renderer.Canvas.CanvasRenderer) {
      if (!skipped()) postRender.call(this);
    };
    game.events.on(Phaser.Core.Events.POST_STEP, this.survey, this);
    renderer.on(Phaser.Renderer.Events.PRE_RENDER_CLEAR, this.clip, this);
    renderer.on(Phaser.Renderer.Events.POST_RENDER, this.unclip, this);
    renderer.on(Phaser.Renderer.Events.RESIZE, this.redrawAll, this);
    // A 2D canvas whose memory the browser reclaimed comes back blank.
    game.canvas.addEventListener('contextrestored', this.redrawAll);
    game.events.once(Phaser.Core.Events.DESTROY, () => game.canvas.removeEventListener('contextrestored', this.redrawAll));
  }

  /** The next frame draws the whole stage. */
  readonly redrawAll = (): void => {
    this.whole = true;
  };

  /** After the step: compares every drawn object with the frame before and plans this frame's drawing. */
  private survey(): void {
    this.frame++;
    this.boxes = [];
    this.unbounded = false;
    const { width, height } = this.renderer;
    const views: unknown[] = [];
    let plainView = true;
    let cameraCount = 0;
    for (const scene of this.game.scene.scenes) {
      const { settings } = scene.sys;
      // the scenes Phaser's SceneManager.render draws
      if (!settings.visible || settings.status < Phaser.Scenes.LOADING || settings.status >= Phaser.Scenes.SLEEPING) continue;
      const cameras = scene.cameras.cameras;
      cameraCount += cameras.length;
      views.push(scene, cameras.length);
      for (const camera of cameras) {
        views.push(...cameraValues(camera));
        plainView &&= plain(camera, width, height);
      }
      const camera = scene.cameras.main;
      let index = 0;
      for (const o of scene.sys.displayList.list) this.look(o, camera, index++, false);
    }
    for (const [o, d] of this.drawn) {
      if (d.seen === this.frame) continue;
      if (d.box) this.boxes.push(d.box);
      this.drawn.delete(o);
    }
    const viewChanged = !same(views, this.views);
    this.views = views;
    if (this.whole || this.unbounded || viewChanged || !plainView || cameraCount !== 1) {
      this.whole = false;
      this.plan = [];
      return;
    }
    const boxes = merge(this.boxes, width, height);
    const snapshot = (this.renderer.snapshotState as { callback: unknown }).callback !== null;
    this.plan = boxes === null ? [] : boxes.length > 0 ? boxes : snapshot ? [] : null;
  }

  /**
   * Notes `o` (and a container's children) as drawn this frame, adding the old and new boxes of
   * whatever changed; `moved` tells that a parent container changed, so `o` may have moved with
   * it. Returns the box `o` is drawn in, or null when it is not drawn.
   */
  private look(o: Phaser.GameObjects.GameObject, camera: Phaser.Cameras.Scene2D.Camera, index: number, moved: boolean): Box | null {
    let d = this.drawn.get(o);
    if (!d) {
      d = { values: [], box: null, seen: 0 };
      this.drawn.set(o, d);
    }
    d.seen = this.frame;
    const renders = o.willRender(camera);
    if (renders && !isPlaced(o)) this.unbounded = true;
    const shows = renders && isPlaced(o);
    const values = this.scratch;
    if (shows) describe(o, index, values);
    else values.length = 0;
    // an object of another kind may change its pixels without changing its description
    const changed = !same(values, d.values) || (shows && !described(o));
    if (changed) d.values = values.slice();
    let box: Box | null = null;
    if (shows && o instanceof Phaser.GameObjects.Container) {
      let i = 0;
      for (const child of o.list) {
        const b = this.look(child, camera, i++, moved || changed);
        if (b) box = box ? union(box, b) : b;
      }
    } else if (shows) {
      box = changed || moved || !d.box ? boundsOf(o, this.bounds) : d.box;
    }
    if (changed || !sameBox(d.box, box)) {
      if (d.box) this.boxes.push(d.box);
      if (box) this.boxes.push(box);
      d.box = box;
    }
    return box;
  }

  private clip(): void {
    const boxes = this.plan;
    if (boxes === null || boxes.length === 0) return;
    const ctx = this.renderer.gameContext;
    ctx.save();
    ctx.beginPath();
    for (const b of boxes) ctx.rect(b.left, b.top, b.right - b.left, b.bottom - b.top);
    ctx.clip();
  }

  private unclip(): void {
    const boxes = this.plan;
    if (boxes === null || boxes.length === 0) return;
    this.renderer.gameContext.restore();
  }
}

/** Where `o` is drawn on the stage (its world bounds; a shape's stroke reaches a line's width beyond them). */
function boundsOf(o: Placed, scratch: Phaser.Geom.Rectangle): Box {
  const r = o.getBounds(scratch);
  const stroke = o instanceof Phaser.GameObjects.Shape && o.isStroked ? o.lineWidth : 0;
  return { left: r.left - stroke, top: r.top - stroke, right: r.right + stroke, bottom: r.bottom + stroke };
}

function union(a: Box, b: Box): Box {
  return { left: Math.min(a.left, b.left), top: Math.min(a.top, b.top), right: Math.max(a.right, b.right), bottom: Math.max(a.bottom, b.bottom) };
}

function sameBox(a: Box | null, b: Box | null): boolean {
  return a === b || (a !== null && b !== null && a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom);
}

function overlap(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function contains(a: Box, b: Box): boolean {
  return a.left <= b.left && a.top <= b.top && a.right >= b.right && a.bottom >= b.bottom;
}

/** Joins overlapping boxes into their bounds until none overlap. */
function join(boxes: Box[]): Box[] {
  let out = boxes;
  for (let joined = true; joined;) {
    joined = false;
    const next: Box[] = [];
    for (const b of out) {
      const i = next.findIndex((n) => overlap(n, b));
      if (i < 0) next.push(b);
      else {
        next[i] = union(next[i] as Box, b);
        joined = true;
      }
    }
    out = next;
  }
  return out;
}

/**
 * The changed boxes in whole pixels on the stage, padded, without those inside another. They may
 * overlap: the clip is their union. Overlapping boxes are joined only when there are many. Null
 * when the whole stage should be drawn (most of it changed, or too many separate boxes).
 */
function merge(boxes: readonly Box[], width: number, height: number): Box[] | null {
  let out: Box[] = [];
  for (const b of boxes) {
    const left = Math.max(0, Math.floor(b.left) - PAD);
    const top = Math.max(0, Math.floor(b.top) - PAD);
    const right = Math.min(width, Math.ceil(b.right) + PAD);
    const bottom = Math.min(height, Math.ceil(b.bottom) + PAD);
    if (right > left && bottom > top) out.push({ left, top, right, bottom });
  }
  out = out.filter((b, i) => !out.some((c, j) => j !== i && contains(c, b) && (!contains(b, c) || j < i)));
  if (out.length > MOST_BOXES) out = join(out);
  const area = out.reduce((n, b) => n + (b.right - b.left) * (b.bottom - b.top), 0);
  return out.length > MOST_BOXES || area > WHOLE_SHARE * width * height ? null : out;
}
