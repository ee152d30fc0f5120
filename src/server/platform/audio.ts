/**
 * Audio files from their bytes: WAV writing (PCM), and what an uploaded file is and how long it plays.
 */

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
