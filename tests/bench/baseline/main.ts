/**
 * The bench's baseline (tests/bench/run.ts): a bare Phaser page, one scene with a text and a tween,
 * built with the game's Vite settings. The moment its first scene is created is written to
 * `globalThis.benchUsableAt` (ms since navigation), the mark the game's first usable control is
 * compared with.
 */
import * as Phaser from 'phaser';

class FirstScene extends Phaser.Scene {
  constructor() {
    super({ key: 'first' });
  }

  create(): void {
    (globalThis as { benchUsableAt?: number }).benchUsableAt = performance.now();
    const text = this.add.text(480, 270, 'Circular 938', { fontFamily: 'serif', fontSize: '48px', color: '#f3ead3' }).setOrigin(0.5);
    this.tweens.add({ targets: text, alpha: 0.3, duration: 1200, yoyo: true, repeat: -1 });
  }
}

new Phaser.Game({ type: Phaser.AUTO, parent: 'app', width: 960, height: 540, backgroundColor: '#121c31', scene: [FirstScene] });
