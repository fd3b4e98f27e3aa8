/**
 * Flattens a room's still images into a few baked layers, so a frame blits one image per run of
 * still art instead of redrawing (and, for scaled or rotated art, resampling) each piece. With the
 * Canvas renderer every draw is rasterised on the main thread; on a slow Chromebook a room of
 * forty scaled images cost several frames' time for each frame.
 *
 * Which images are still is found, not declared: an image is baked when it is not being tweened
 * or cropped, into a run of its blend mode, normal or additive (an additive layer is drawn
 * additively); the bottom run takes any blend, since its layer covers the whole room and starts
 * from the game's background colour. Other blends are drawn live. Before every render each baked image is compared with
 * how it was baked (position, scale, angle, alpha, visibility, frame, flip, origin, blend, depth);
 * one that changed is drawn live from then on, and the layers are baked again around it. So a room
 * never shows a stale picture: it only draws less.
 *
 * Layer images take the place of their run in the display list (the same depth, just below the
 * run's first image), and each is cropped to its run's bounds and placed on whole pixels.
 */
import * as Phaser from 'phaser';

interface Shot {
  x: number;
  y: number;
  scaleX: number;
  scaleY: number;
  rotation: number;
  alpha: number;
  visible: boolean;
  frame: Phaser.Textures.Frame;
  flipX: boolean;
  flipY: boolean;
  originX: number;
  originY: number;
  blendMode: number | string | Phaser.BlendModes;
  depth: number;
  isCropped: boolean;
}

function shotOf(image: Phaser.GameObjects.Image): Shot {
  const { x, y, scaleX, scaleY, rotation, alpha, visible, frame, flipX, flipY, originX, originY, blendMode, depth, isCropped } = image;
  return { x, y, scaleX, scaleY, rotation, alpha, visible, frame, flipX, flipY, originX, originY, blendMode, depth, isCropped };
}

/** Whether `image` is still as it was shot (compared field by field, allocating nothing: this runs every frame). */
function unchanged(a: Shot, image: Phaser.GameObjects.Image): boolean {
  return a.x === image.x && a.y === image.y && a.scaleX === image.scaleX && a.scaleY === image.scaleY && a.rotation === image.rotation
    && a.alpha === image.alpha && a.visible === image.visible && a.frame === image.frame && a.flipX === image.flipX && a.flipY === image.flipY
    && a.originX === image.originX && a.originY === image.originY && a.blendMode === image.blendMode && a.depth === image.depth
    && a.isCropped === image.isCropped;
}

interface Baked {
  image: Phaser.GameObjects.Image;
  shot: Shot;
  /** The image's own `willRender`, put back when it goes live. */
  willRender: Phaser.GameObjects.Image['willRender'];
}

interface Layer {
  key: string;
  image: Phaser.GameObjects.Image;
  members: Baked[];
}

const NORMAL = Phaser.BlendModes.NORMAL;
const ADD = Phaser.BlendModes.ADD;
const never = (): boolean => false;

/** Whether drawing the image as it is would resample it (scaled, turned, flipped, faded or off the pixel grid). */
function resampled(image: Phaser.GameObjects.Image): boolean {
  const left = image.x - image.displayOriginX;
  const top = image.y - image.displayOriginY;
  return image.scaleX !== 1 || image.scaleY !== 1 || image.rotation !== 0 || image.alpha !== 1 || image.flipX || image.flipY
    || !Number.isInteger(left) || !Number.isInteger(top);
}

/** Keeps a scene's still images baked into layers until the scene shuts down. Create it once the room is built. */
export class FlatLayers {
  private layers: Layer[] = [];
  /** Images seen to change: drawn as themselves from then on. */
  private readonly live = new WeakSet<Phaser.GameObjects.GameObject>();
  private serial = 0;

  constructor(private readonly scene: Phaser.Scene) {
    scene.events.on(Phaser.Scenes.Events.POST_UPDATE, this.check, this);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, this.destroy, this);
    scene.events.once(Phaser.Scenes.Events.DESTROY, this.destroy, this);
    this.bake();
  }

  /**
   * How a still image can be baked: into a normal layer, or into an additive one (light: glows, beams,
   * cones), which is drawn additively in turn, and adding in two steps is adding once. Any blend in
   * the bottom run, which starts from the opaque background. Null: drawn live.
   */
  private kindOf(object: Phaser.GameObjects.GameObject, bottom: boolean): 'normal' | 'add' | 'any' | null {
    if (this.live.has(object) || !(object instanceof Phaser.GameObjects.Image) || object.type !== 'Image') return null;
    if (object.isCropped || this.scene.tweens.isTweening(object)) return null;
    if (bottom) return 'any';
    const mode = object.blendMode;
    if (mode === NORMAL || mode === 'NORMAL') return 'normal';
    if (mode === ADD || mode === 'ADD') return 'add';
    return null;
  }

  private bake(): void {
    this.dissolve();
    const list = [...this.scene.children.list];
    let run: Phaser.GameObjects.Image[] = [];
    let runKind: 'normal' | 'add' | 'any' | null = null;
    let bottom = true;
    const close = (): void => {
      if (run.length > 0) this.bakeRun(run, runKind === 'any' ? 'opaque' : runKind === 'add' ? 'add' : 'normal');
      run = [];
      runKind = null;
    };
    for (const object of list) {
      const first = run[0];
      const kind = this.kindOf(object, bottom);
      if (kind !== null && (first === undefined || (first.depth === (object as Phaser.GameObjects.Image).depth && kind === runKind))) {
        run.push(object as Phaser.GameObjects.Image);
        runKind = kind;
        continue;
      }
      close();
      bottom = false;
      const next = this.kindOf(object, false);
      if (next !== null) {
        run.push(object as Phaser.GameObjects.Image);
        runKind = next;
      }
    }
    close();
    this.scene.children.depthSort();
  }

  private bakeRun(run: Phaser.GameObjects.Image[], kind: 'opaque' | 'normal' | 'add'): void {
    const opaque = kind === 'opaque';
    const drawn = run.filter((image) => image.willRender(this.scene.cameras.main));
    // One image already drawn as it is gains nothing from a copy of itself.
    if (drawn.length === 0 || (!opaque && drawn.length === 1 && run.length === 1 && !resampled(drawn[0] as Phaser.GameObjects.Image))) return;
    const { width, height } = this.scene.scale;
    let left = opaque ? 0 : width;
    let top = opaque ? 0 : height;
    let right = opaque ? width : 0;
    let bottom = opaque ? height : 0;
    for (const image of drawn) {
      const b = image.getBounds();
      left = Math.min(left, b.left);
      top = Math.min(top, b.top);
      right = Math.max(right, b.right);
      bottom = Math.max(bottom, b.bottom);
    }
    const x = Math.max(0, Math.floor(left));
    const y = Math.max(0, Math.floor(top));
    const w = Math.min(width, Math.ceil(right)) - x;
    const h = Math.min(height, Math.ceil(bottom)) - y;
    if (w <= 0 || h <= 0) return;
    const key = `flat:${this.scene.sys.settings.key}:${this.serial++}`;
    const texture = this.scene.textures.addDynamicTexture(key, w, h);
    if (!texture) return;
    if (opaque) texture.fill(this.scene.game.config.backgroundColor.color, 1);
    for (const image of drawn) texture.draw(image, image.x - x, image.y - y);
    texture.render();
    const first = run[0] as Phaser.GameObjects.Image;
    const layer = this.scene.add.image(x, y, key).setOrigin(0, 0).setDepth(first.depth);
    if (kind === 'add') layer.setBlendMode(ADD);
    this.scene.children.moveTo(layer, this.scene.children.getIndex(first));
    const members = run.map((image): Baked => ({ image, shot: shotOf(image), willRender: image.willRender }));
    for (const m of members) m.image.willRender = never;
    this.layers.push({ key, image: layer, members });
  }

  /**
   * After each update (everything has moved; changed-regions.ts then compares what will be drawn):
   * an image that changed since it was baked goes live, and the layers are baked again.
   */
  private check(): void {
    let changed = false;
    for (const layer of this.layers) {
      for (const m of layer.members) {
        if (!m.image.scene || !unchanged(m.shot, m.image) || this.scene.tweens.isTweening(m.image)) {
          this.live.add(m.image);
          changed = true;
        }
      }
    }
    if (changed) this.bake();
  }

  /** Puts every baked image back as itself and removes the layers. */
  private dissolve(): void {
    for (const layer of this.layers) {
      for (const m of layer.members) m.image.willRender = m.willRender;
      layer.image.destroy();
      this.scene.textures.remove(layer.key);
    }
    this.layers = [];
  }

  private destroy(): void {
    this.scene.events.off(Phaser.Scenes.Events.POST_UPDATE, this.check, this);
    this.scene.events.off(Phaser.Scenes.Events.SHUTDOWN, this.destroy, this);
    this.scene.events.off(Phaser.Scenes.Events.DESTROY, this.destroy, this);
    this.dissolve();
  }
}
