/**
 * Audio files from their bytes: WAV writing (PCM), and what an uploaded file is and how long it plays
 * (`sniffAudio`: WAV, MP3, Ogg Vorbis/Opus; the type from `sniff.ts`, never from a name).
 */
import { sniffFile } from './sniff.ts';

export interface PcmFormat {
  sampleRate: number;
  /** Default 1 (mono). */
  channels?: number;
  /** Default 16. */
  bitsPerSample?: number;
}

/** A RIFF/WAVE file around little-endian PCM samples. */
export function encodeWav(pcm: Buffer, format: PcmFormat): Buffer {
  const channels = format.channels ?? 1;
  const bits = format.bitsPerSample ?? 16;
  const blockAlign = (channels * bits) / 8;
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(36 + pcm.byteLength, 4);
  h.write('WAVEfmt ', 8, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(format.sampleRate, 24);
  h.writeUInt32LE(format.sampleRate * blockAlign, 28);
  h.writeUInt16LE(blockAlign, 32);
  h.writeUInt16LE(bits, 34);
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(pcm.byteLength, 40);
  return Buffer.concat([h, pcm]);
}

export interface WavContent {
  format: Required<PcmFormat> & { audioFormat: number; byteRate: number };
  /** The sample bytes (cut at the end of the file when the header claims more, as streamed WAVs do). */
  data: Buffer;
}

/** The fmt and data chunks of a RIFF/WAVE file, or null when it is not one. */
export function readWav(b: Buffer): WavContent | null {
  if (b.length < 12 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WAVE') return null;
  let format: WavContent['format'] | null = null;
  for (let at = 12; at + 8 <= b.length;) {
    const id = b.toString('latin1', at, at + 4);
    const size = b.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ' && body + 16 <= b.length) {
      format = {
        audioFormat: b.readUInt16LE(body),
        channels: b.readUInt16LE(body + 2),
        sampleRate: b.readUInt32LE(body + 4),
        byteRate: b.readUInt32LE(body + 8),
        bitsPerSample: b.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      return format ? { format, data: b.subarray(body, Math.min(b.length, body + size)) } : null;
    }
    at = body + size + (size % 2);
  }
  return null;
}

export interface SniffedAudio {
  contentType: 'audio/mpeg' | 'audio/wav' | 'audio/ogg';
  durationMs: number;
}

function wavDurationMs(b: Buffer): number | null {
  const wav = readWav(b);
  return wav && wav.format.byteRate > 0 ? (wav.data.byteLength / wav.format.byteRate) * 1000 : null;
}

/** MPEG audio layer III: kbit/s by bitrate index, for MPEG-1 and for MPEG-2/2.5. */
const MP3_KBPS = {
  v1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  v2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
};
const MP3_RATES = [44100, 48000, 32000];

interface Mp3Frame {
  mpeg1: boolean;
  mono: boolean;
  sampleRate: number;
  samples: number;
  length: number;
}

/** The layer III frame header at `at`, or null. */
function mp3Frame(b: Buffer, at: number): Mp3Frame | null {
  if (at + 4 > b.length || b[at] !== 0xff) return null;
  const b1 = b[at + 1] ?? 0;
  const b2 = b[at + 2] ?? 0;
  const version = (b1 >> 3) & 3; // 0: MPEG-2.5, 2: MPEG-2, 3: MPEG-1
  if ((b1 & 0xe0) !== 0xe0 || version === 1 || ((b1 >> 1) & 3) !== 1) return null;
  const mpeg1 = version === 3;
  const kbps = (mpeg1 ? MP3_KBPS.v1 : MP3_KBPS.v2)[b2 >> 4];
  const base = MP3_RATES[(b2 >> 2) & 3];
  if (!kbps || !base) return null;
  const sampleRate = base / (mpeg1 ? 1 : version === 2 ? 2 : 4);
  const samples = mpeg1 ? 1152 : 576;
  const length = Math.floor(((samples / 8) * kbps * 1000) / sampleRate) + ((b2 >> 1) & 1);
  return { mpeg1, mono: (b[at + 3] ?? 0) >> 6 === 3, sampleRate, samples, length };
}

/** The frame count a Xing/Info (LAME) or VBRI header in the first frame declares, else null. */
function declaredFrames(b: Buffer, at: number, f: Mp3Frame): number | null {
  const xing = at + 4 + (f.mpeg1 ? (f.mono ? 17 : 32) : f.mono ? 9 : 17);
  const tag = b.toString('latin1', xing, xing + 4);
  if ((tag === 'Xing' || tag === 'Info') && xing + 12 <= b.length && (b.readUInt32BE(xing + 4) & 1) === 1) return b.readUInt32BE(xing + 8);
  if (b.toString('latin1', at + 36, at + 40) === 'VBRI' && at + 54 <= b.length) return b.readUInt32BE(at + 50);
  return null;
}

/** After an ID3v2 tag (10-byte header, syncsafe size, optional footer), the first frame of two in a row. */
function mp3DurationMs(b: Buffer): number | null {
  let at = 0;
  if (b.toString('latin1', 0, 3) === 'ID3' && b.length >= 10) {
    const size = (((b[6] ?? 0) & 0x7f) << 21) | (((b[7] ?? 0) & 0x7f) << 14) | (((b[8] ?? 0) & 0x7f) << 7) | ((b[9] ?? 0) & 0x7f);
    at = 10 + size + (((b[5] ?? 0) & 0x10) !== 0 ? 10 : 0);
  }
  const limit = Math.min(b.length, at + 64 * 1024);
  let first: Mp3Frame | null = null;
  for (; at < limit; at++) {
    first = mp3Frame(b, at);
    if (first && (at + first.length >= b.length || mp3Frame(b, at + first.length))) break;
    first = null;
  }
  if (!first) return null;
  const declared = declaredFrames(b, at, first);
  if (declared !== null) return (declared * first.samples * 1000) / first.sampleRate;
  let frames = 0;
  let samples = 0;
  for (let f: Mp3Frame | null = first; f && at + f.length <= b.length; f = mp3Frame(b, at)) {
    frames++;
    samples += (f.samples * 1000) / f.sampleRate;
    at += f.length;
  }
  return frames > 0 ? samples : null;
}

/**
 * Ogg Vorbis or Opus: the last page's granule position (samples; Opus always counts at 48 kHz, less its
 * pre-skip) over the rate in the identification header of the first page. Other Ogg codecs: null.
 */
function oggDurationMs(b: Buffer): number | null {
  if (b.length < 28) return null;
  const packet = 27 + (b[26] ?? 0);
  let rate: number;
  let skip = 0;
  if (b.toString('latin1', packet, packet + 7) === '\x01vorbis' && packet + 16 <= b.length) {
    rate = b.readUInt32LE(packet + 12);
  } else if (b.toString('latin1', packet, packet + 8) === 'OpusHead' && packet + 12 <= b.length) {
    rate = 48000;
    skip = b.readUInt16LE(packet + 10);
  } else return null;
  const serial = b.readUInt32LE(14);
  for (let at = b.lastIndexOf('OggS', b.length - 4, 'latin1'); at >= 0;) {
    const granule = at + 27 <= b.length && b.readUInt32LE(at + 14) === serial ? b.readBigInt64LE(at + 6) : -1n;
    if (granule >= 0n && rate > 0) return (Math.max(0, Number(granule) - skip) * 1000) / rate;
    if (at === 0) break;
    at = b.lastIndexOf('OggS', at - 1, 'latin1');
  }
  return null;
}

/** What audio the bytes hold and how long it plays; null when they are not WAV, MP3 or Ogg Vorbis/Opus. */
export function sniffAudio(b: Buffer): SniffedAudio | null {
  const type = sniffFile(b);
  const measured =
    type === 'wav'
      ? { contentType: 'audio/wav' as const, ms: wavDurationMs(b) }
      : type === 'mp3'
        ? { contentType: 'audio/mpeg' as const, ms: mp3DurationMs(b) }
        : type === 'ogg'
          ? { contentType: 'audio/ogg' as const, ms: oggDurationMs(b) }
          : null;
  return measured && measured.ms !== null ? { contentType: measured.contentType, durationMs: Math.round(measured.ms) } : null;
}
