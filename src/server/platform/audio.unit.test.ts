import { describe, expect, it } from 'vitest';
import { encodeWav, readWav, sniffAudio } from './audio.ts';

/** An ID3v2.4 tag of `size` bytes of frames (syncsafe size). */
function id3(size: number): Buffer {
  const h = Buffer.from([0x49, 0x44, 0x33, 4, 0, 0, (size >> 21) & 0x7f, (size >> 14) & 0x7f, (size >> 7) & 0x7f, size & 0x7f]);
  return Buffer.concat([h, Buffer.alloc(size, 0x41)]);
}

/** `count` silent MPEG audio layer III frames behind a 4-byte header (`length` bytes each). */
function mp3Frames(header: readonly number[], length: number, count: number): Buffer {
  const frame = Buffer.alloc(length);
  Buffer.from(header).copy(frame);
  return Buffer.concat(Array.from({ length: count }, () => frame));
}

/** MPEG-1 layer III, 128 kbit/s, 44.1 kHz, joint stereo: 417-byte frames of 1152 samples. */
const MPEG1_128K = [0xff, 0xfb, 0x90, 0x40];

/** One Ogg page holding one packet (CRC left zero: only the granule and the headers are read). */
function oggPage(opts: { granule: bigint; seq: number; packet: Buffer; type?: number }): Buffer {
  const h = Buffer.alloc(28);
  h.write('OggS', 0, 'latin1');
  h[5] = opts.type ?? 0;
  h.writeBigInt64LE(opts.granule, 6);
  h.writeUInt32LE(0x1234, 14);
  h.writeUInt32LE(opts.seq, 18);
  h[26] = 1;
  h[27] = opts.packet.byteLength;
  return Buffer.concat([h, opts.packet]);
}

function vorbisId(rate: number): Buffer {
  const p = Buffer.alloc(30);
  p.write('\x01vorbis', 0, 'latin1');
  p[11] = 1;
  p.writeUInt32LE(rate, 12);
  return p;
}

function opusHead(preSkip: number): Buffer {
  const p = Buffer.alloc(19);
  p.write('OpusHead', 0, 'latin1');
  p[8] = 1;
  p[9] = 1;
  p.writeUInt16LE(preSkip, 10);
  p.writeUInt32LE(16000, 12);
  return p;
}

describe('sniffAudio', () => {
  it('WAV: PCM length over the byte rate, also when a streamed header claims unknown sizes', () => {
    const wav = encodeWav(Buffer.alloc(8000 * 2 * 3), { sampleRate: 8000 });
    expect(sniffAudio(wav)).toEqual({ contentType: 'audio/wav', durationMs: 3000 });
    const streamed = Buffer.from(wav);
    streamed.writeUInt32LE(0x7fffffff, 4);
    streamed.writeUInt32LE(0x7fffffff, 40);
    expect(sniffAudio(streamed)).toEqual({ contentType: 'audio/wav', durationMs: 3000 });
    expect(readWav(streamed)?.data.byteLength).toBe(8000 * 2 * 3);
  });

  it('MP3: counts the frames after an ID3v2 tag', () => {
    const mp3 = Buffer.concat([id3(300), mp3Frames(MPEG1_128K, 417, 100)]);
    expect(sniffAudio(mp3)).toEqual({ contentType: 'audio/mpeg', durationMs: Math.round((100 * 1152 * 1000) / 44100) });
  });

  it('MP3: MPEG-2 mono at 22.05 kHz (576 samples a frame)', () => {
    // 64 kbit/s: 72 × 64000 / 22050 = 208 bytes a frame.
    expect(sniffAudio(mp3Frames([0xff, 0xf3, 0x80, 0xc4], 208, 45))).toEqual({ contentType: 'audio/mpeg', durationMs: Math.round((45 * 576 * 1000) / 22050) });
  });

  it('MP3: a Xing/Info header gives the frame count of a VBR file', () => {
    const mp3 = mp3Frames(MPEG1_128K, 417, 3);
    mp3.write('Xing', 4 + 32, 'latin1');
    mp3.writeUInt32BE(1, 4 + 36);
    mp3.writeUInt32BE(1000, 4 + 40);
    expect(sniffAudio(mp3)?.durationMs).toBe(Math.round((1000 * 1152 * 1000) / 44100));
  });

  it('Ogg Vorbis: the last granule position over the sample rate', () => {
    const ogg = Buffer.concat([
      oggPage({ granule: 0n, seq: 0, packet: vorbisId(44100), type: 2 }),
      oggPage({ granule: 44100n, seq: 1, packet: Buffer.alloc(50) }),
      oggPage({ granule: 88200n, seq: 2, packet: Buffer.alloc(50), type: 4 }),
    ]);
    expect(sniffAudio(ogg)).toEqual({ contentType: 'audio/ogg', durationMs: 2000 });
  });

  it('Ogg Opus: 48 kHz granules less the pre-skip', () => {
    const ogg = Buffer.concat([
      oggPage({ granule: 0n, seq: 0, packet: opusHead(312), type: 2 }),
      oggPage({ granule: BigInt(48000 * 3 + 312), seq: 1, packet: Buffer.alloc(40), type: 4 }),
    ]);
    expect(sniffAudio(ogg)).toEqual({ contentType: 'audio/ogg', durationMs: 3000 });
  });

  it('refuses what is not WAV, MP3 or Ogg Vorbis/Opus, whatever its name would say', () => {
    expect(sniffAudio(Buffer.from('ID3 is not a tag here, just text'))).toBeNull();
    expect(sniffAudio(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]))).toBeNull();
    expect(sniffAudio(oggPage({ granule: 0n, seq: 0, packet: Buffer.from('\x7fFLAC and more bytes', 'latin1') }))).toBeNull();
    expect(sniffAudio(Buffer.from('plain text'))).toBeNull();
  });
});
