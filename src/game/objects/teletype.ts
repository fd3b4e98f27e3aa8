/**
 * A 1950s teleprinter on its stand, typing a text line by line onto paper that rises out of
 * it. Each line is one Text object set once and revealed by widening its crop as the type head
 * moves, so printing a character redraws nothing; old lines scroll up, fade under the paper's
 * curl, and their objects are reused. The head jumps at each character and the machine jolts on
 * its stand at each carriage return.
 */
import * as Phaser from 'phaser';
import { TextureKey } from '../keys.ts';
import { bake, line, oval, prefersReducedMotion, rect, round, soft } from './art.ts';
import { Ink, mix } from './palette.ts';

const W = 300;
const H = 320;
/** The machine's texture ends below its cabinet's shadow; the stand is drawn apart. */
const MACHINE_H = 212;
const COLS = 38;
const LINE = 13;
const CHAR_MS = 34;
/** Paper column and slot, in machine-texture pixels. */
const PAPER = { x: 44, w: 212 } as const;
const FONT = '"Courier Prime", "Courier New", Courier, monospace';

const BODY = mix(Ink.steelLight, Ink.olive, 0.22);

/** The stand the machine sits on: it stays still while the machine shakes as it types. */
function bakeStand(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.teletypeStand, W, H, (g) => {
    rect(g, Ink.steelDeep, 34, 200, 10, 118);
    rect(g, Ink.steelDeep, 256, 200, 10, 118);
    rect(g, Ink.steelDeep, 34, 286, 232, 8);
    rect(g, mix(Ink.steelDeep, Ink.ink, 0.3), 28, 312, 22, 8);
    rect(g, mix(Ink.steelDeep, Ink.ink, 0.3), 250, 312, 22, 8);
  });
}

/** The machine without its stand: cabinet, hood, keyboard, tape punch (MACHINE_H high). */
function bakeMachine(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.teletype, W, MACHINE_H, (g) => {
    const shade = mix(BODY, Ink.ink, 0.22);
    // cabinet and hood
    soft(g, shade, [[14, 18], [286, 18], [292, 210], [8, 210]], 16);
    soft(g, BODY, [[18, 12], [282, 12], [286, 200], [14, 200]], 16);
    soft(g, mix(BODY, Ink.white, 0.2), [[26, 16], [274, 16], [270, 30], [30, 30]], 6);
    // glass window onto the platen
    round(g, mix(Ink.night, Ink.steel, 0.5), 40, 34, 220, 54, 10);
    round(g, mix(Ink.night, Ink.steel, 0.3), 46, 40, 208, 20, 6, 0.9);
    rect(g, Ink.white, 60, 44, 90, 3, 0.25);
    // name plate (blank) and the keyboard shelf
    round(g, mix(BODY, Ink.ink, 0.35), 118, 100, 64, 12, 3);
    soft(g, mix(BODY, Ink.ink, 0.1), [[0, 128], [300, 128], [300, 176], [0, 176]], 10);
    round(g, Ink.charcoal, 46, 134, 208, 38, 6);
    for (let r = 0; r < 4; r++) {
      for (let c = 0; c < 11 - (r === 3 ? 3 : 0); c++) {
        oval(g, mix(Ink.cream, Ink.steel, 0.2), 62 + c * 17.5 + r * 5, 142 + r * 8, 10, 6);
      }
    }
    round(g, mix(Ink.cream, Ink.steel, 0.2), 96, 170, 110, 4, 2);
    rect(g, shade, 20, 188, 260, 6);
    // the tape punch at the side (a period detail, unlabelled)
    round(g, shade, 232, 92, 40, 24, 4);
    oval(g, Ink.red, 262, 104, 8, 8);
  });
}

function bakeHead(scene: Phaser.Scene): string {
  return bake(scene, TextureKey.teletypeHead, 16, 18, (g) => {
    round(g, Ink.charcoal, 0, 0, 16, 14, 3);
    rect(g, Ink.steelLight, 3, 12, 10, 6);
  });
}

function bakePaper(scene: Phaser.Scene, height: number): { paper: string; curl: string } {
  const paper = bake(scene, TextureKey.teletypePaper, PAPER.w, height, (g) => {
    rect(g, Ink.paper, 0, 0, PAPER.w, height);
    rect(g, mix(Ink.paper, Ink.creamDeep, 0.7), PAPER.w - 8, 0, 8, height);
  });
  const curl = bake(scene, TextureKey.paperCurl, PAPER.w + 8, 30, (g) => {
    soft(g, mix(Ink.paper, Ink.creamDeep, 0.8), [[0, 30], [0, 12], [8, 2], [PAPER.w, 2], [PAPER.w + 8, 12], [PAPER.w + 8, 30]], 10);
    rect(g, Ink.paper, 4, 10, PAPER.w, 6);
    line(g, mix(Ink.creamDeep, Ink.ink, 0.15), 2, 4, 24, PAPER.w + 4, 24, 0.5);
  });
  return { paper, curl };
}

/** Splits the cable into upper-case printer lines of at most COLS characters. */
export function printerLines(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toUpperCase().split(/\r?\n/)) {
    const words = raw.replace(/\s+/g, ' ').trim().split(' ').filter((w) => w.length > 0);
    if (words.length === 0) {
      if (out.length > 0 && out[out.length - 1] !== '') out.push('');
      continue;
    }
    let current = '';
    for (const w of words) {
      for (let piece = w; piece.length > 0; piece = piece.slice(COLS)) {
        const chunk = piece.slice(0, COLS);
        if (current.length === 0) current = chunk;
        else if (current.length + 1 + chunk.length <= COLS) current += ` ${chunk}`;
        else {
          out.push(current);
          current = chunk;
        }
      }
    }
    if (current) out.push(current);
  }
  return out;
}

export class Teletype {
  private readonly machine: Phaser.GameObjects.Image;
  private readonly head: Phaser.GameObjects.Image;
  private readonly rows: Phaser.GameObjects.Text[] = [];
  private readonly lines: string[];
  private readonly charW: number;
  private readonly baseY: number;
  private readonly topY: number;
  private readonly lineY: number;
  private readonly headY: number;
  /** The next line of the text to print, and the next row object to reuse. */
  private next = 0;
  private reuse = 0;
  private timer: Phaser.Time.TimerEvent | null = null;
  /** Set once the text shows printed; printing again would redraw the same rows. */
  private printed = false;

  /** `x`, `y`: the machine's top-left; the paper rises from there to `paperTop`. */
  constructor(private readonly scene: Phaser.Scene, private readonly x: number, y: number, paperTop: number, text: string) {
    this.baseY = y;
    this.topY = paperTop;
    this.lines = printerLines(text);
    const { paper, curl } = bakePaper(scene, y - paperTop + 40);
    scene.add.image(x + PAPER.x, paperTop, paper).setOrigin(0, 0);
    this.lineY = y - 12;
    const visible = Math.ceil((this.lineY - paperTop) / LINE) + 1;
    const style: Phaser.Types.GameObjects.Text.TextStyle = { fontFamily: FONT, fontSize: '9px', color: '#2a2620' };
    const probe = scene.add.text(0, 0, 'M'.repeat(20), style);
    this.charW = probe.width / 20;
    probe.destroy();
    for (let i = 0; i < visible; i++) {
      this.rows.push(scene.add.text(x + PAPER.x + 10, this.lineY, '', style).setOrigin(0, 1).setVisible(false));
    }
    scene.add.image(x + PAPER.x - 4, paperTop - 18, curl).setOrigin(0, 0);
    scene.add.image(x, y, bakeStand(scene)).setOrigin(0, 0);
    this.machine = scene.add.image(x, y, bakeMachine(scene)).setOrigin(0, 0);
    this.headY = this.lineY + 2;
    this.head = scene.add.image(x + PAPER.x + 10, this.headY, bakeHead(scene)).setOrigin(0, 1);
  }

  /** Starts printing from the top of the text (or, with reduced motion, shows it printed). */
  start(): void {
    if (prefersReducedMotion(this.scene)) this.showPrinted();
    else {
      this.timer?.remove();
      this.typeLine();
    }
  }

  /** Shows the end of the text already printed, without animation. Safe to call again. */
  showPrinted(): void {
    if (this.printed) return;
    this.printed = true;
    this.timer?.remove();
    this.timer = null;
    const start = Math.max(0, this.lines.length - this.rows.length);
    for (let i = start; i < this.lines.length; i++) this.feed(this.lines[i] ?? '', true);
    this.finish();
  }

  /** The last carriage return: the paper moves up clear of the type head, which parks left. */
  private finish(): void {
    this.feed('', true);
    this.next = this.lines.length;
    this.head.x = this.x + PAPER.x + 10;
    this.head.y = this.headY;
    this.machine.y = this.baseY;
  }

  /** Shifts the paper up one line and sets `text` on the reused bottom row. */
  private feed(text: string, complete: boolean): Phaser.GameObjects.Text {
    const row = this.rows[this.reuse % this.rows.length] as Phaser.GameObjects.Text;
    this.reuse++;
    for (const r of this.rows) {
      if (!r.visible || r === row) continue;
      r.y -= LINE;
      r.setAlpha(Phaser.Math.Clamp((r.y - this.topY - 6) / (LINE * 3), 0, 1));
    }
    row.setText(text).setVisible(true).setAlpha(1);
    row.y = this.lineY;
    row.setCrop(0, 0, complete ? row.width : 0, row.height);
    return row;
  }

  private typeLine(): void {
    const index = this.next++;
    if (index >= this.lines.length) {
      this.printed = true;
      this.finish();
      return;
    }
    const text = this.lines[index] ?? '';
    const row = this.feed(text, false);
    // each carriage return jolts the machine on its stand by a pixel (only the machine is drawn
    // again, and once a line: shaking it at every character redrew a third of the room each frame)
    this.machine.y = this.baseY + (index % 2);
    let typed = 0;
    const total = text.length;
    if (total === 0) {
      this.timer = this.scene.time.delayedCall(160, () => this.typeLine());
      return;
    }
    this.timer = this.scene.time.addEvent({
      delay: CHAR_MS,
      repeat: total - 1,
      callback: () => {
        typed++;
        row.setCrop(0, 0, typed * this.charW + 1, row.height);
        this.head.x = this.x + PAPER.x + 10 + typed * this.charW;
        // the head jumps as it strikes each character
        this.head.y = this.headY - (typed % 2);
        if (typed >= total) this.timer = this.scene.time.delayedCall(220, () => this.typeLine());
      },
    });
  }
}
