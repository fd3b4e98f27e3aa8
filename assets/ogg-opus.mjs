/**
 * Sound compression for generate-audio.mjs, with nothing to install: the Opus encoder is the one in
 * the Chromium the end-to-end tests drive (WebCodecs' AudioEncoder, through playwright-core), and
 * the Ogg container (RFC 3533, with Opus's mapping, RFC 7845) is written here.
 *
 * - `encodeOpus(sounds, rate)`: each sound (Float32Array samples at `rate`) resampled to 48 kHz by
 *   an OfflineAudioContext and encoded to Opus packets of 20 ms, mono.
 * - `oggOpus(packets, { inputRate, samples48k })`: an Ogg Opus file: the OpusHead and OpusTags
 *   pages, then the packets, the last page's granule position trimming the encoder's padding so the
 *   decoded sound has exactly its own length (which keeps loops seamless).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BITRATE = 40_000;
/** libopus's look-ahead at 48 kHz, which a decoder skips (RFC 7845 §4.2). */
const PRE_SKIP = 312;
const VENDOR = 'circular-938 generate-audio (Chromium WebCodecs Opus)';

/** The page that encodes: resampling, then AudioEncoder; answers base64 packets per sound. */
const ENCODE = `async ({ sounds, rate, bitrate }) => {
  const out = [];
  for (const b64 of sounds) {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const input = new Float32Array(bytes.buffer);
    const frames = Math.round((input.length * 48000) / rate);
    const offline = new OfflineAudioContext(1, frames, 48000);
    const buffer = offline.createBuffer(1, input.length, rate);
    buffer.copyToChannel(input, 0);
    const source = offline.createBufferSource();
    source.buffer = buffer;
    source.connect(offline.destination);
    source.start();
    // A frame of silence after the sound, so the encoder's look-ahead does not cut its end off.
    const rendered = (await offline.startRendering()).getChannelData(0);
    const pcm = new Float32Array(rendered.length + 960);
    pcm.set(rendered);
    const packets = [];
    let failure = null;
    const encoder = new AudioEncoder({
      output: (chunk) => {
        const data = new Uint8Array(chunk.byteLength);
        chunk.copyTo(data);
        let s = '';
        for (const b of data) s += String.fromCharCode(b);
        packets.push(btoa(s));
      },
      error: (e) => { failure = String(e); },
    });
    encoder.configure({ codec: 'opus', sampleRate: 48000, numberOfChannels: 1, bitrate, opus: { frameDuration: 20000, complexity: 10 } });
    encoder.encode(new AudioData({ format: 'f32', sampleRate: 48000, numberOfFrames: pcm.length, numberOfChannels: 1, timestamp: 0, data: pcm }));
    await encoder.flush();
    encoder.close();
    if (failure) throw new Error(failure);
    out.push(packets);
  }
  return out;
}`;

/**
 * Encodes each sound to Opus packets (Uint8Array[] per sound) in headless Chromium (CHROMIUM_PATH
 * or Debian's /usr/bin/chromium). WebCodecs needs a secure context, so the page is a local file.
 */
export async function encodeOpus(sounds, rate) {
  const dir = mkdtempSync(join(tmpdir(), 'circular938-audio-'));
  const page = join(dir, 'encode.html');
  writeFileSync(page, '<!doctype html><title>encode</title>');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const tab = await browser.newPage();
    await tab.goto(`file://${page}`);
    const b64 = sounds.map((s) => Buffer.from(s.buffer, s.byteOffset, s.byteLength).toString('base64'));
    const result = await tab.evaluate(`(${ENCODE})(${JSON.stringify({ sounds: b64, rate, bitrate: BITRATE })})`);
    return result.map((packets) => packets.map((p) => new Uint8Array(Buffer.from(p, 'base64'))));
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- Ogg

/** CRC-32 of Ogg pages: polynomial 0x04c11db7, not reflected, initial value 0. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n << 24;
  for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0;
  for (const b of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b) & 0xff]) >>> 0;
  return crc;
}

/** One Ogg page holding whole `packets`, with the granule position after its last packet. */
function page(packets, { serial, sequence, granule, bos = false, eos = false }) {
  const lacing = [];
  for (const p of packets) {
    for (let left = p.length; ; left -= 255) {
      lacing.push(Math.min(255, left));
      if (left < 255) break;
    }
  }
  const body = packets.reduce((n, p) => n + p.length, 0);
  const out = Buffer.alloc(27 + lacing.length + body);
  out.write('OggS', 0, 'ascii');
  out.writeUInt8(0, 4);
  out.writeUInt8((bos ? 2 : 0) | (eos ? 4 : 0), 5);
  out.writeBigInt64LE(BigInt(granule), 6);
  out.writeUInt32LE(serial, 14);
  out.writeUInt32LE(sequence, 18);
  out.writeUInt8(lacing.length, 26);
  Buffer.from(lacing).copy(out, 27);
  let at = 27 + lacing.length;
  for (const p of packets) {
    Buffer.from(p).copy(out, at);
    at += p.length;
  }
  out.writeUInt32LE(crc32(out), 22);
  return out;
}

/** An Ogg Opus file of mono `packets` (20 ms each) whose decoded length is `samples48k`. */
export function oggOpus(packets, { inputRate, samples48k }) {
  const serial = 0x938;
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'ascii');
  head.writeUInt8(1, 8); // version
  head.writeUInt8(1, 9); // channels
  head.writeUInt16LE(PRE_SKIP, 10);
  head.writeUInt32LE(inputRate, 12);
  head.writeInt16LE(0, 16); // output gain
  head.writeUInt8(0, 18); // channel mapping family 0: mono or stereo
  const vendor = Buffer.from(VENDOR, 'utf8');
  const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
  tags.write('OpusTags', 0, 'ascii');
  tags.writeUInt32LE(vendor.length, 8);
  vendor.copy(tags, 12);
  tags.writeUInt32LE(0, 12 + vendor.length);
  const pages = [page([head], { serial, sequence: 0, granule: 0, bos: true }), page([tags], { serial, sequence: 1, granule: 0 })];
  // About a second of packets per page; a page holds at most 255 lacing values.
  const PER_PAGE = 50;
  const end = PRE_SKIP + samples48k;
  for (let i = 0, sequence = 2; i < packets.length; i += PER_PAGE, sequence++) {
    const group = packets.slice(i, i + PER_PAGE);
    const last = i + PER_PAGE >= packets.length;
    const granule = last ? end : Math.min(end, (i + group.length) * 960);
    pages.push(page(group, { serial, sequence, granule, eos: last }));
  }
  return Buffer.concat(pages);
}
