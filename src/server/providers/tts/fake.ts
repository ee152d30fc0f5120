import { encodeWav } from '../../platform/audio.ts';
import type { SpeechAudio, TtsProvider } from './port.ts';

export interface FakeTts extends TtsProvider {
  /** Every text given to synthesize, in order. */
  readonly spoken: string[];
}

/** Milliseconds of silence per word (about 150 words a minute, like a calm reader). */
const MS_PER_WORD = 400;
/** A low rate keeps the silent files small. */
const SAMPLE_RATE = 8000;

/** For tests that do not listen: a silent WAV as long as the text would take to read, and the texts kept. */
export function createFakeTts(): FakeTts {
  const spoken: string[] = [];
  return {
    voice: 'fake',
    spoken,
    async synthesize(spokenText): Promise<SpeechAudio> {
      spoken.push(spokenText);
      const words = spokenText.split(/\s+/u).filter(Boolean).length;
      const durationMs = Math.max(1, words) * MS_PER_WORD;
      const pcm = Buffer.alloc(Math.round((SAMPLE_RATE * durationMs) / 1000) * 2);
      return { wav: encodeWav(pcm, { sampleRate: SAMPLE_RATE }), durationMs };
    },
  };
}
