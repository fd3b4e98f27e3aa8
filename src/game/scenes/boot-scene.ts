/**
 * The first scene Phaser starts (it always starts the first one it is given). It draws nothing
 * and hands over to startGame's director, which picks the room for the session's phase.
 */
import * as Phaser from 'phaser';
import { SceneKey } from '../keys.ts';

export class BootScene extends Phaser.Scene {
  constructor(private readonly booted: () => void) {
    super({ key: SceneKey.boot });
  }

  create(): void {
    this.booted();
  }
}
