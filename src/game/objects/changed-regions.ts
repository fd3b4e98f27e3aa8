/**
 * Draws only what changed. Phaser's Canvas renderer paints the whole stage every frame, and with
 * the browser rasterising on the main thread that is most of a frame's time on a slow CPU: the
 * room's baked layers, the night's shade and the lamps' additive light are each up to 960x540
 * pixels, though only a head, a hand or a line of type moved.
 *
 * After each step (everything has moved) every drawn object is compared with how it was drawn the
 * frame before: its place in the list, position, scale, angle, origin, alpha, blend, depth,
 * texture frame, flip and crop; a text's words, size and font; a shape's size, path and colours.
 * The old and new places of what changed become a few separate whole-pixel rectangles
 * (stage-boxes.ts), and each is drawn as a full frame would draw it (cleared to the background,
 * then every object that reaches it, in order) under a clip of that one rectangle; nothing at all
 * is drawn when nothing changed. The canvas keeps its pixels, so the stage shows the picture a
 * full redraw makes: to the pixel where a rectangle's edge crosses only square art on whole pixels
 * (the rooms' baked layers), and within a few units of 255 along the edge where it crosses a
 * scaled or shifted image, which the browser then smooths a little otherwise. It never cuts
 * through a turned image or a shape, whose smoothed edges would differ more: a rectangle that
 * reaches one takes it in whole. The rectangles are drawn one at a time because under a clip of
 * several the browser blends everything a unit apart here and there.
 *
 * The whole stage is drawn when a camera is not the plain one-to-one view or fades, the scenes
 * shown change, the canvas is resized or its pixels were lost (`contextrestored`), most of the
 * stage changed, or something is drawn whose place cannot be worked out. An object of a kind not
 * described here is redrawn in its place every frame. A texture's pixels are taken as fixed once
 * made: art is baked once under its own key (art.ts, flat-layers.ts); a texture drawn over in
 * place would need `redrawAll`.
 */
import * as Phaser from 'phaser';
import { overlap, planBoxes, union, type Box } from './stage-boxes.ts';

/** What was drawn of one object: its description, and its bounds when it was drawn. */
interface Drawn {
  values: unknown[];
  box: Box | null;
  /** Whether a clip must not cut through it (see uncut). */
  uncut: boolean;
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
  x: number; y: number; scaleX: number; scaleY: number; rotation: number; alpha: number; width: number; height: number;
  depth: number; blendMode: unknown; displayOriginX: number; displayOriginY: number; mask?: unknown;
  getWorldTransformMatrix(temp: Phaser.GameObjects.Components.TransformMatrix, parent: Phaser.GameObjects.Components.TransformMatrix): Phaser.GameObjects.Components.TransformMatrix;
};

/** Pixels added round each box: an edge drawn between pixels is smoothed over its neighbours. */
const PAD = 2;
/** Drawing the whole stage is cheaper than more rectangles than this, or more than this share of it. */
const MOST_BOXES = 12;
const WHOLE_SHARE = 0.6;

/** Whether `o` has a transform and a size, so that where it is drawn can be worked out. */
function isPlaced(o: Phaser.GameObjects.GameObject): o is Placed {
  const p = o as Partial<Placed>;
  return typeof p.getWorldTransformMatrix === 'function' && typeof p.width === 'number' && typeof p.displayOriginX === 'number';
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
  private frame = 0;
  private whole = true;
  /** Set when something is drawn whose place cannot be worked out: the whole stage is drawn. */
  private wholeOnly = false;
  private boxes: Box[] = [];
  /** This frame's boxes of what a clip must not cut through. */
  private uncut: Box[] = [];
  private views: unknown[] = [];
  /** The frame's plan: null draws nothing, an empty list draws the whole stage. */
  private plan: Box[] | null = [];

  constructor(private readonly game: Phaser.Game, private readonly renderer: Phaser.Renderer.Canvas.CanvasRenderer) {
    // Phaser's step always renders the whole stage; these follow the plan instead. With nothing
    // to draw the canvas is left untouched, and the browser has nothing new to show.
    const { preRender, render, postRender } = renderer;
    const config = renderer.config as RendererConfig;
    const plan = (): Box[] | null => this.plan;
    const drawn = this.drawn;
    renderer.preRender = function (this: Phaser.Renderer.Canvas.CanvasRenderer) {
      const boxes = plan();
      if (boxes === null) return;
      if (boxes.length === 0) {
        preRender.call(this);
        return;
      }
      // each rectangle is cleared as it is drawn (below), the rest of the stage is kept
      const clear = config.clearBeforeRender;
      config.clearBeforeRender = false;
      try {
        preRender.call(this);
      } finally {
        config.clearBeforeRender = clear;
      }
    };
    renderer.render = function (this: Phaser.Renderer.Canvas.CanvasRenderer, scene, children, camera) {
      const boxes = plan();
      if (boxes === null) return;
      if (boxes.length === 0) {
        render.call(this, scene, children, camera);
        return;
      }
      for (const b of boxes) {
        const reaching = children.filter((child) => {
          const box = drawn.get(child)?.box;
          return box === undefined || (box !== null && overlap(b, padded(box)));
        });
        drawOnly(this, config, b, () => render.call(this, scene, reaching, camera));
      }
    };
    renderer.postRender = function (this: Phaser.Renderer.Canvas.CanvasRenderer) {
      if (plan() !== null) postRender.call(this);
    };
    game.events.on(Phaser.Core.Events.POST_STEP, this.survey, this);
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
    this.uncut = [];
    this.wholeOnly = false;
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
    if (this.whole || this.wholeOnly || viewChanged || !plainView || cameraCount !== 1) {
      this.whole = false;
      this.plan = [];
      return;
    }
    const boxes = planBoxes(this.boxes, { width, height, pad: PAD, most: MOST_BOXES, share: WHOLE_SHARE }, this.uncut);
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
      d = { values: [], box: null, uncut: false, seen: 0 };
      this.drawn.set(o, d);
    }
    d.seen = this.frame;
    const renders = o.willRender(camera);
    const shows = renders && isPlaced(o);
    if (renders && !shows) this.wholeOnly = true;
    const values = this.scratch;
    if (shows) describe(o, index, values);
    else values.length = 0;
    // an object of another kind may change its pixels without changing its description
    const changed = !same(values, d.values) || (shows && !described(o));
    if (changed) d.values = values.slice();
    let box: Box | null = null;
    const container = o instanceof Phaser.GameObjects.Container;
    if (shows && container) {
      let i = 0;
      for (const child of o.list) {
        const b = this.look(child, camera, i++, moved || changed);
        if (b) box = box ? union(box, b) : b;
      }
    } else if (shows) {
      if (changed || moved || !d.box) {
        box = boundsOf(o);
        d.uncut = uncut(o, box);
      } else {
        box = d.box;
      }
      if (d.uncut) this.uncut.push(box);
    }
    // A container's children note their own changes; its own (alpha, blend, hiding) changes all of it.
    if (container && !changed) d.box = box;
    else if (changed || !sameBox(d.box, box)) {
      if (d.box) this.boxes.push(d.box);
      if (box) this.boxes.push(box);
      d.box = box;
    }
    return box;
  }
}

/**
 * Whether a clip must not cut through `o`, drawn in `box`: where a clip's edge crosses a turned
 * image or a shape's smoothed edge, the browser draws it a few units apart from a whole frame. A
 * scaled or shifted image comes out the same, cut or not, and so does a filled rectangle lying
 * square on whole pixels.
 */
function uncut(o: Placed, box: Box): boolean {
  const m = o.getWorldTransformMatrix(world, parents);
  const turned = m.b !== 0 || m.c !== 0;
  if (!(o instanceof Phaser.GameObjects.Shape)) return turned;
  const square = o instanceof Phaser.GameObjects.Rectangle && !o.isStroked && !turned;
  return !(square && [box.left, box.top, box.right, box.bottom].every(Number.isInteger));
}

/** The renderer's settings read here (Phaser types them as a bare object). */
interface RendererConfig {
  clearBeforeRender: boolean;
  transparent: boolean;
  backgroundColor: Phaser.Display.Color;
}

/** A changed object's box with the margin its smoothed edges may reach. */
function padded(b: Box): Box {
  return { left: b.left - PAD, top: b.top - PAD, right: b.right + PAD, bottom: b.bottom + PAD };
}

/**
 * Runs `draw` (the renderer's draw of a camera) on the stage under a clip of the one rectangle
 * `b`, cleared first to the background there as the renderer's own clear does for a whole frame.
 */
function drawOnly(renderer: Phaser.Renderer.Canvas.CanvasRenderer, config: RendererConfig, b: Box, draw: () => void): void {
  const ctx = renderer.gameContext;
  const w = b.right - b.left;
  const h = b.bottom - b.top;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.beginPath();
  ctx.rect(b.left, b.top, w, h);
  ctx.clip();
  if (config.clearBeforeRender) {
    ctx.clearRect(b.left, b.top, w, h);
    if (!config.transparent) {
      ctx.fillStyle = config.backgroundColor.rgba;
      ctx.fillRect(b.left, b.top, w, h);
    }
  }
  try {
    draw();
  } finally {
    ctx.restore();
  }
}

const world = new Phaser.GameObjects.Components.TransformMatrix();
const parents = new Phaser.GameObjects.Components.TransformMatrix();

/**
 * Where `o` is drawn on the stage: the rectangle the renderer draws it in, in its own space, taken
 * through its world transform (scale, with its sign, angle, parents). Phaser's own `getBounds`
 * mirrors a negatively scaled object about the wrong edge. A cropped texture is drawn in its crop
 * (unless flipped, when the whole frame is taken); a stroke reaches a line's width beyond a shape.
 */
function boundsOf(o: Placed & { width: number; height: number }): Box {
  let left = -o.displayOriginX;
  let top = -o.displayOriginY;
  let right = left + o.width;
  let bottom = top + o.height;
  if (hasTexture(o) && o.isCropped && o._crop && !o.flipX && !o.flipY) {
    left += o._crop.x;
    top += o._crop.y;
    right = left + o._crop.cw;
    bottom = top + o._crop.ch;
  }
  if (o instanceof Phaser.GameObjects.Shape && o.isStroked) {
    left -= o.lineWidth;
    top -= o.lineWidth;
    right += o.lineWidth;
    bottom += o.lineWidth;
  }
  const m = o.getWorldTransformMatrix(world, parents);
  const xs = [m.getX(left, top), m.getX(right, top), m.getX(left, bottom), m.getX(right, bottom)];
  const ys = [m.getY(left, top), m.getY(right, top), m.getY(left, bottom), m.getY(right, bottom)];
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

function sameBox(a: Box | null, b: Box | null): boolean {
  return a === b || (a !== null && b !== null && a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom);
}
