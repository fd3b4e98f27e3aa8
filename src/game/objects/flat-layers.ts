/**
 * Flattens a room's still images into a few baked layers, so a frame blits one image per run of
 * still art instead of redrawing (and, for scaled or rotated art, resampling) each piece. With the
 * Canvas renderer every draw is rasterised on the main thread; on a slow Chromebook a room of
 * forty scaled images cost several frames' time for each frame.
 *
 * Which images are still is found, not declared: an image is baked when it is not being tweened
 * or cropped, and keeps its blend mode normal, unless it lies in the bottom run: that layer covers
 * the whole room and starts from the game's background colour, so any blend bakes exactly there. Before every render each baked image is compared with
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

function sameShot(a: Shot, b: Shot): boolean {
  return a.x === b.x && a.y === b.y && a.scaleX === b.scaleX && a.scaleY === b.scaleY && a.rotation === b.rotation && a.alpha === b.alpha
    && a.visible === b.visible && a.frame === b.frame && a.flipX === b.flipX && a.flipY === b.flipY && a.originX === b.originX
    && a.originY === b.originY && a.blendMode === b.blendMode && a.depth === b.depth && a.isCropped === b.isCropped;
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
    scene.events.on(Phaser.Scenes.Events.PRE_RENDER, this.check, this);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, this.destroy, this);
    scene.events.once(Phaser.Scenes.Events.DESTROY, this.destroy, this);
    this.bake();
  }

  /** Whether an image of the display list can join the run that is being collected. */
  private stillImage(object: Phaser.GameObjects.GameObject, bottom: boolean): object is Phaser.GameObjects.Image {
    if (this.live.has(object) || !(object instanceof Phaser.GameObjects.Image) || object.type !== 'Image') return false;
    if (object.isCropped || this.scene.tweens.isTweening(object)) return false;
    return bottom || object.blendMode === NORMAL || object.blendMode === 'NORMAL';
  }

  private bake(): void {
    this.dissolve();
    const list = [...this.scene.children.list];
    let run: Phaser.GameObjects.Image[] = [];
    let bottom = true;
    const close = (): void => {
      if (run.length > 0) this.bakeRun(run, bottom);
      run = [];
    };
    for (const object of list) {
      const first = run[0];
      if (this.stillImage(object, bottom) && (first === undefined || first.depth === object.depth)) {
        run.push(object);
        continue;
      }
      close();
      bottom = false;
      if (this.stillImage(object, false)) run.push(object);
    }
    close();
    this.scene.children.depthSort();
  }

  private bakeRun(run: Phaser.GameObjects.Image[], opaque: boolean): void {
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
    this.scene.children.moveTo(layer, this.scene.children.getIndex(first));
    const members = run.map((image): Baked => ({ image, shot: shotOf(image), willRender: image.willRender }));
    for (const m of members) m.image.willRender = never;
    this.layers.push({ key, image: layer, members });
  }

  /** Before each render: an image that changed since it was baked goes live, and the layers are baked again. */
  private check(): void {
    let changed = false;
    for (const layer of this.layers) {
      for (const m of layer.members) {
        if (!m.image.scene || !sameShot(m.shot, shotOf(m.image)) || this.scene.tweens.isTweening(m.image)) {
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
    this.scene.events.off(Phaser.Scenes.Events.PRE_RENDER, this.check, this);
    this.scene.events.off(Phaser.Scenes.Events.SHUTDOWN, this.destroy, this);
    this.scene.events.off(Phaser.Scenes.Events.DESTROY, this.destroy, this);
    this.dissolve();
  }
}
