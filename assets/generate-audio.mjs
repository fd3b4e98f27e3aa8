#!/usr/bin/env node
/**
 * Synthesises the game's sound files into assets/audio/ (run with `npm run assets`).
 *
 * Why synthesised: every sound is ours to ship (no licences to track), small, and reproducible.
 * The synthesis has no dependencies and no Math.random: each sound draws from its own seeded PRNG,
 * so the samples are the same on every run, and retuning one sound leaves the others unchanged.
 *
 * Output: Ogg Opus (RFC 7845), mono, about 40 kbit/s: a tenth of the WAV's bytes, for school
 * networks. The sounds are synthesised here at 22050 Hz (peaks at -3 dBFS, the room tone at
 * -24 dBFS), then encoded by the Opus encoder of the Chromium the tests use (WebCodecs, resampled to
 * Opus's 48 kHz by the browser), and written into Ogg pages by ogg-opus.mjs beside this file.
 * Loopable files (teletype, clock, room, crowd) loop without a click: events are rendered
 * circularly (a tail past the end wraps to the start) and continuous layers are rendered a little
 * longer and crossfaded end-into-start.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { encodeOpus, oggOpus } from './ogg-opus.mjs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SR = 22050;
const OUT = join(dirname(fileURLToPath(import.meta.url)), 'audio');
const TAU = 2 * Math.PI;

// ---------------------------------------------------------------- primitives

/** mulberry32: small, fast, good enough for noise; seeded so the output is reproducible. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const between = (rnd, lo, hi) => lo + (hi - lo) * rnd();
const samples = (seconds) => Math.round(seconds * SR);

/** RBJ cookbook biquad; returns a stateful per-sample function, retunable for time-varying filters. */
function biquad(type, freq, q = Math.SQRT1_2) {
  let b0, b1, b2, a1, a2;
  let x1 = 0, x2 = 0, y1 = 0, y2 = 0;
  const tune = (f, qq = q) => {
    const w = (TAU * f) / SR;
    const cos = Math.cos(w);
    const alpha = Math.sin(w) / (2 * qq);
    const a0 = 1 + alpha;
    if (type === 'lowpass') [b0, b1, b2] = [(1 - cos) / 2, 1 - cos, (1 - cos) / 2];
    else if (type === 'highpass') [b0, b1, b2] = [(1 + cos) / 2, -(1 + cos), (1 + cos) / 2];
    else [b0, b1, b2] = [alpha, 0, -alpha]; // bandpass, 0 dB peak
    [b0, b1, b2, a1, a2] = [b0 / a0, b1 / a0, b2 / a0, (-2 * cos) / a0, (1 - alpha) / a0];
  };
  tune(freq);
  const run = (x) => {
    const y = b0 * x + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
    x2 = x1; x1 = x; y2 = y1; y1 = y;
    return y;
  };
  run.tune = tune;
  return run;
}

/** Filters a whole buffer in place. */
function filter(buf, type, freq, q) {
  const f = biquad(type, freq, q);
  for (let i = 0; i < buf.length; i++) buf[i] = f(buf[i]);
  return buf;
}

/**
 * Modal synthesis: an excitation rings a bank of decaying resonators (metal, wood, bells).
 * Each mode is [frequency Hz, decay time constant s, gain]; an impulse of 1 gives a sine of `gain`.
 */
function modal(excitation, modes, length) {
  const out = new Float32Array(length);
  for (const [f, tau, gain] of modes) {
    if (f >= SR / 2 - 200) continue;
    const w = (TAU * f) / SR;
    const r = Math.exp(-1 / (tau * SR));
    const c1 = 2 * r * Math.cos(w);
    const c2 = r * r;
    const g = gain * Math.sin(w);
    let y1 = 0, y2 = 0;
    for (let i = 0; i < length; i++) {
      const y = (i < excitation.length ? excitation[i] * g : 0) + c1 * y1 - c2 * y2;
      out[i] += y;
      y2 = y1; y1 = y;
    }
  }
  return out;
}

/** A short strike: an impulse plus a few milliseconds of decaying noise (a hammer, a knuckle). */
function strike(rnd, noiseMs, noiseLevel = 0.5) {
  const n = Math.max(1, samples(noiseMs / 1000));
  const e = new Float32Array(n);
  e[0] = 1;
  for (let i = 1; i < n; i++) e[i] += noiseLevel * (rnd() * 2 - 1) * Math.exp((-4 * i) / n);
  return e;
}

/** Adds `src` into `dst` at `start`, wrapping past the end when `wrap` (for loopable files). */
function mixAt(dst, src, start, gain = 1, wrap = true) {
  for (let i = 0; i < src.length; i++) {
    let j = start + i;
    if (j >= dst.length) {
      if (!wrap) break;
      j %= dst.length;
    }
    dst[j] += src[i] * gain;
  }
}

/**
 * Makes a continuous layer loopable: `render(n)` must produce `pre + length + fade` samples; the
 * first `pre` are discarded (filters and reverbs settle), and the last `fade` are crossfaded
 * (equal power, as the layers are noise-like) into the start, so sample length-1 runs on into 0.
 */
function loopable(length, fade, pre, render) {
  const x = render(pre + length + fade);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = x[pre + i];
  for (let i = 0; i < fade; i++) {
    const t = i / fade;
    out[i] = x[pre + i] * Math.sin((t * Math.PI) / 2) + x[pre + length + i] * Math.cos((t * Math.PI) / 2);
  }
  return out;
}

function noise(rnd, n) {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = rnd() * 2 - 1;
  return out;
}

/** Brown-ish noise (integrated white, leaky) for rumble and air. */
function brown(rnd, n) {
  const out = new Float32Array(n);
  let v = 0;
  for (let i = 0; i < n; i++) {
    v = 0.995 * v + 0.05 * (rnd() * 2 - 1);
    out[i] = v;
  }
  return out;
}

/** A small Schroeder reverb (4 combs, 2 allpasses), to put sources in a room and blur a crowd. */
function reverb(buf, { size = 1, feedback = 0.78, damp = 0.3, wet = 0.3 } = {}) {
  const combs = [1116, 1188, 1277, 1356].map((d) => ({ d: Math.round((d * size * SR) / 44100), buf: null, i: 0, lp: 0 }));
  const alls = [556, 441].map((d) => ({ d: Math.round((d * SR) / 44100), buf: null, i: 0 }));
  for (const c of [...combs, ...alls]) c.buf = new Float32Array(c.d);
  const out = new Float32Array(buf.length);
  for (let n = 0; n < buf.length; n++) {
    const x = buf[n];
    let s = 0;
    for (const c of combs) {
      const y = c.buf[c.i];
      c.lp = y * (1 - damp) + c.lp * damp;
      c.buf[c.i] = x + c.lp * feedback;
      c.i = (c.i + 1) % c.d;
      s += y;
    }
    s *= 0.25;
    for (const a of alls) {
      const y = a.buf[a.i];
      a.buf[a.i] = s + y * 0.5;
      a.i = (a.i + 1) % a.d;
      s = y - s * 0.5;
    }
    out[n] = x * (1 - wet) + s * wet;
  }
  return out;
}

/** Fades the end of a one-shot to zero, so a ring-out cut at the file's end does not click. */
function fadeOut(buf, seconds) {
  const n = samples(seconds);
  for (let i = 0; i < n; i++) buf[buf.length - n + i] *= Math.cos(((i / n) * Math.PI) / 2);
  return buf;
}

function normalise(buf, dbfs) {
  let peak = 0;
  for (const v of buf) peak = Math.max(peak, Math.abs(v));
  const g = peak > 0 ? 10 ** (dbfs / 20) / peak : 0;
  for (let i = 0; i < buf.length; i++) buf[i] *= g;
  return buf;
}

// ---------------------------------------------------------------- the sounds

/** Teletype Model 28: a motor that never stops, type strikes in bursts, a bell and a carriage return. */
function teletype() {
  const rnd = prng(28);
  const L = samples(3);
  // The motor and gear train: rumble, whir and mains hum (60 Hz US mains; whole cycles in 3 s).
  const motor = loopable(L, samples(0.25), samples(0.2), (n) => {
    const rumble = filter(brown(rnd, n), 'lowpass', 260);
    const whir = filter(noise(rnd, n), 'bandpass', 1250, 3);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const t = i / SR;
      const hum = 0.05 * Math.sin(TAU * 60 * t) + 0.035 * Math.sin(TAU * 120 * t) + 0.012 * Math.sin(TAU * 180 * t);
      out[i] = 0.5 * rumble[i] + 0.05 * whir[i] * (1 + 0.3 * Math.sin(TAU * 20 * t)) + hum;
    }
    return out;
  });

  const events = new Float32Array(L);
  const typeStrike = (t, loud) => {
    const len = samples(0.09);
    const clack = modal(strike(rnd, 4, 0.8), [
      [between(rnd, 1750, 2050), 0.012, 0.9],
      [between(rnd, 2950, 3300), 0.008, 0.7],
      [between(rnd, 4500, 4900), 0.006, 0.5],
      [between(rnd, 600, 700), 0.025, 0.6],
    ], len);
    const thump = new Float32Array(len);
    const f = between(rnd, 125, 155);
    for (let i = 0; i < len; i++) thump[i] = Math.sin((TAU * f * i) / SR) * Math.exp(-i / (0.018 * SR));
    mixAt(events, clack, samples(t), loud);
    mixAt(events, thump, samples(t), 0.55 * loud);
    // The selector and typebox return a beat later: a lighter, brighter click.
    const back = modal(strike(rnd, 2, 0.6), [[between(rnd, 2500, 2800), 0.006, 0.8], [between(rnd, 5000, 5400), 0.004, 0.5]], samples(0.03));
    mixAt(events, back, samples(t + between(rnd, 0.026, 0.034)), 0.4 * loud);
  };
  // Ten characters a second (100 words a minute); a space or a shift only trips the selector.
  const burst = (from, count) => {
    for (let k = 0; k < count; k++) {
      const t = from + k * 0.1 + between(rnd, -0.004, 0.004);
      if (rnd() < 0.15) {
        const sel = modal(strike(rnd, 2, 0.5), [[between(rnd, 2400, 2700), 0.007, 0.7]], samples(0.03));
        mixAt(events, sel, samples(t), 0.35);
      } else typeStrike(t, between(rnd, 0.7, 1));
    }
  };
  burst(0.08, 13);
  // End of line: the margin bell, then the carriage slams home and the platen feeds a line.
  const ding = modal(strike(rnd, 1, 0), [[1760, 0.5, 0.5], [1760 * 2.41, 0.25, 0.22], [1760 * 3.93, 0.12, 0.1]], samples(1.4));
  mixAt(events, ding, samples(1.42), 1);
  const slide = filter(noise(rnd, samples(0.18)), 'bandpass', 900, 1.5);
  for (let i = 0; i < slide.length; i++) slide[i] *= 0.35 * Math.sin((Math.PI * i) / slide.length);
  mixAt(events, slide, samples(1.55));
  typeStrike(1.74, 1);
  typeStrike(1.84, 0.6);
  burst(1.98, 10);

  const out = new Float32Array(L);
  for (let i = 0; i < L; i++) out[i] = motor[i] + events[i];
  return normalise(filter(out, 'highpass', 30), -3);
}

/** A 1960s electromechanical ringer: a clapper driven by 20 Hz ringing current between two steel gongs. */
function telephone() {
  const rnd = prng(1962);
  const L = samples(4);
  // Each gong has a few inharmonic partials, each split into a close pair that beats (real gongs are not perfectly round).
  const gong = (f, taus) => [
    [f, taus, 1], [f * 1.004, taus, 0.5],
    [f * 2.39, taus * 0.55, 0.55], [f * 2.395, taus * 0.55, 0.3],
    [f * 3.42, taus * 0.35, 0.4], [f * 5.1, taus * 0.2, 0.22],
  ];
  const exA = new Float32Array(L);
  const exB = new Float32Array(L);
  for (const [from, to] of [[0.05, 0.95], [1.3, 2.2]]) {
    // The armature swings at 20 Hz and hits one gong on each half cycle; it takes a few strokes to reach full swing.
    for (let k = 0; from + k / 20 < to; k++) {
      const t = from + k / 20;
      const g = Math.min(1, 0.45 + k * 0.18) * between(rnd, 0.85, 1);
      exA[samples(t)] += g;
      exB[samples(t + 1 / 40 + between(rnd, -0.001, 0.001))] += g * between(rnd, 0.85, 1);
    }
  }
  const a = modal(exA, gong(1320, 0.32), L);
  const b = modal(exB, gong(1485, 0.28), L);
  // The clapper's metallic tick on every stroke, which gives the ring its buzz.
  const tick = filter(noise(rnd, L), 'highpass', 3000);
  const env = new Float32Array(L);
  for (let i = 0; i < L; i++) if (exA[i] || exB[i]) for (let j = 0; j < 60 && i + j < L; j++) env[i + j] += Math.exp(-j / 12);
  const out = new Float32Array(L);
  for (let i = 0; i < L; i++) out[i] = a[i] + b[i] + 0.25 * tick[i] * env[i];
  return normalise(fadeOut(reverb(filter(out, 'highpass', 200), { size: 0.6, wet: 0.15 }), 0.5), -3);
}

/** A pendulum wall clock, one beat a second: a tick and a slightly lower tock, each a pair of escapement clicks. */
function clock() {
  const rnd = prng(938);
  const L = samples(2);
  const out = new Float32Array(L);
  const beat = (t, pitch, gain) => {
    for (const [dt, g] of [[0, 1], [between(rnd, 0.009, 0.013), 0.55]]) {
      const click = modal(strike(rnd, 1.5, 0.7), [
        [2850 * pitch, 0.01, 1], [4300 * pitch, 0.006, 0.55], [1650 * pitch, 0.018, 0.5],
        // the wooden case answers each click
        [420 * pitch, 0.045, 0.35], [880 * pitch, 0.03, 0.25],
      ], samples(0.25));
      mixAt(out, click, samples(t + dt), gain * g);
    }
  };
  beat(0.03, 1, 1);
  beat(1.03, 0.87, 0.85);
  return normalise(reverb(filter(out, 'highpass', 120), { size: 0.5, wet: 0.12, feedback: 0.6 }), -3);
}

/**
 * Room tone for a 1962 office with the window shut: still air, the city's traffic as a low wash
 * through the glass, one car passing in the street below, and a sheet of paper turned. No machine
 * hum: an office in Mexico City in November had no air conditioning to make one.
 */
function room() {
  const rnd = prng(19);
  const L = samples(6);
  const bed = loopable(L, samples(1), samples(0.5), (n) => {
    const air = filter(filter(brown(rnd, n), 'lowpass', 300), 'highpass', 30);
    // Distant traffic: rumble with a slow rise and fall, the glass taking off the top.
    const traffic = filter(filter(brown(rnd, n), 'lowpass', 520), 'highpass', 45);
    const hiss = filter(noise(rnd, n), 'lowpass', 1800);
    const x = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const t = i / SR;
      const swell = 1 + 0.35 * Math.sin((TAU * t) / 6 + 0.7) + 0.15 * Math.sin((TAU * t) / 2 + 2.1);
      x[i] = 0.5 * air[i] + 0.9 * traffic[i] * swell + 0.025 * hiss[i];
    }
    return x;
  });

  const events = new Float32Array(L);
  // One car passes below the window: a band of tyre and engine noise that swells and fades,
  // with the engine's note falling a little as it goes by. Rendered circularly so the loop is clean.
  const pass = samples(2.4);
  const tyres = filter(filter(noise(rnd, pass), 'lowpass', 900), 'highpass', 120);
  const car = new Float32Array(pass);
  let phase = 0;
  for (let i = 0; i < pass; i++) {
    const u = i / pass;
    const env = Math.sin(Math.PI * u) ** 2;
    phase += (TAU * (74 - 10 * u)) / SR;
    const engine = 0.5 * Math.sin(phase) + 0.25 * Math.sin(2 * phase) + 0.1 * Math.sin(3 * phase);
    car[i] = env * (0.45 * tyres[i] + 0.05 * engine);
  }
  mixAt(events, filter(car, 'lowpass', 700), samples(1.2), 3);
  // A sheet of paper turned on a desk: a short, crinkly burst of high noise.
  const sheet = samples(0.32);
  const paper = filter(filter(noise(rnd, sheet), 'highpass', 1800), 'lowpass', 6000);
  for (let i = 0; i < sheet; i++) {
    const u = i / sheet;
    paper[i] *= Math.sin(Math.PI * u) * (0.5 + 0.5 * (rnd() < 0.3 ? 1 : rnd()));
  }
  mixAt(events, paper, samples(4.6), 0.15);

  const out = new Float32Array(L);
  for (let i = 0; i < L; i++) out[i] = bed[i] + events[i];
  return normalise(out, -24);
}

/** Vowel formants (F1, F2 in Hz) for a babble that sounds like speech but says nothing. */
const VOWELS = [[730, 1090], [270, 2290], [300, 870], [530, 1840], [570, 840], [660, 1720], [440, 1020]];

/** A press-conference murmur: many distant voices (buzz and breath through moving formants) and band-passed noise, swelling slowly. */
function crowd() {
  const rnd = prng(1120);
  const L = samples(6);
  const out = loopable(L, samples(0.8), samples(0.6), (n) => {
    const mix = new Float32Array(n);
    for (let v = 0; v < 16; v++) {
      const base = rnd() < 0.8 ? between(rnd, 95, 150) : between(rnd, 180, 230); // mostly men's voices in 1962
      const gain = between(rnd, 0.25, 1);
      const f1 = biquad('bandpass', 500, 6);
      const f2 = biquad('bandpass', 1500, 8);
      let phase = rnd();
      let t = between(rnd, 0, 1.5) * SR;
      let speaking = rnd() < 0.7;
      while (t < n) {
        if (!speaking) { t += between(rnd, 0.3, 1.4) * SR; speaking = true; continue; }
        const syllables = 3 + Math.floor(rnd() * 10);
        for (let s = 0; s < syllables && t < n; s++) {
          const len = Math.floor(between(rnd, 0.09, 0.24) * SR);
          const [F1, F2] = VOWELS[Math.floor(rnd() * VOWELS.length)];
          f1.tune(F1 * between(rnd, 0.9, 1.1));
          f2.tune(F2 * between(rnd, 0.9, 1.1));
          const pitch = base * between(rnd, 0.9, 1.15);
          for (let i = 0; i < len && t + i < n; i++) {
            phase = (phase + pitch / SR) % 1;
            const src = (phase * 2 - 1) * 0.8 + (rnd() * 2 - 1) * 0.2; // buzz plus breath
            const env = Math.sin((Math.PI * i) / len) ** 2;
            mix[t + i] += gain * env * (f1(src) + 0.6 * f2(src));
          }
          t += len + Math.floor(between(rnd, 0.015, 0.07) * SR);
        }
        speaking = false;
      }
    }
    // The room's own wash: band-passed noise in the speech bands.
    const bands = [[400, 0.03], [1000, 0.02], [2200, 0.008]].map(([f, g]) => [filter(noise(rnd, n), 'bandpass', f, 1.5), g]);
    for (let i = 0; i < n; i++) {
      const t = i / SR;
      // Slow swells: whole cycles over the 6 s loop, plus a faster, shallower one.
      const swell = 1 + 0.3 * Math.sin((TAU * t) / 6 + 1.1) + 0.15 * Math.sin((TAU * 2 * t) / 3 + 0.4);
      let wash = 0;
      for (const [b, g] of bands) wash += b[i] * g;
      mix[i] = (mix[i] + wash) * swell;
    }
    return reverb(filter(mix, 'lowpass', 2600), { size: 1.3, wet: 0.3, feedback: 0.76 });
  });
  return normalise(filter(out, 'highpass', 80), -3);
}

/** Three knuckle knocks on a wooden door, heard from inside the room. */
function door() {
  const rnd = prng(7);
  const L = samples(1);
  const out = new Float32Array(L);
  for (const [t, g] of [[0.05, 0.85], [0.24, 0.9], [0.44, 1]]) {
    // A knuckle is soft: a half-sine push of a few milliseconds rather than an impulse.
    const push = new Float32Array(samples(0.003));
    for (let i = 0; i < push.length; i++) push[i] = Math.sin((Math.PI * i) / push.length) * 0.4 + (rnd() * 2 - 1) * 0.08;
    const detune = between(rnd, 0.97, 1.03);
    // The panel's modes; most energy is kept above 200 Hz so a knock still carries on laptop speakers.
    const knock = modal(push, [
      [110 * detune, 0.06, 0.45], [210 * detune, 0.05, 0.8], [340 * detune, 0.04, 1], [560 * detune, 0.03, 0.8],
      [900 * detune, 0.02, 0.6], [1400 * detune, 0.012, 0.45], [2300 * detune, 0.006, 0.25],
    ], samples(0.9));
    mixAt(out, knock, samples(t + between(rnd, -0.008, 0.008)), g, false);
  }
  return normalise(fadeOut(reverb(filter(filter(out, 'lowpass', 3000), 'highpass', 60), { size: 0.7, wet: 0.2, feedback: 0.6 }), 0.1), -3);
}

// ---------------------------------------------------------------- write

const SOUNDS = { teletype, telephone, clock, room, crowd, door };
mkdirSync(OUT, { recursive: true });
const rendered = Object.entries(SOUNDS).map(([name, make]) => ({ name, samples: make() }));
const encoded = await encodeOpus(rendered.map((r) => r.samples), SR);
let total = 0;
for (const [i, { name, samples: pcm }] of rendered.entries()) {
  const bytes = oggOpus(encoded[i], { inputRate: SR, samples48k: Math.round((pcm.length * 48000) / SR) });
  writeFileSync(join(OUT, `${name}.opus`), bytes);
  total += bytes.length;
  console.log(`${name}.opus\t${(bytes.length / 1024).toFixed(1)} KiB\t${(pcm.length / SR).toFixed(2)} s`);
}
console.log(`total\t${(total / 1024).toFixed(1)} KiB`);
