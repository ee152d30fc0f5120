/**
 * Text-to-speech port: Vietnamese text in, a WAV file out. The real implementation runs espeak-ng's
 * `vi` voice (espeak.ts); fake.ts makes a short silent WAV for tests that do not listen. The text given
 * is already written out for speaking (numbers, dates, abbreviations as words: bulletins/speech-text.ts).
 */
export interface SpeechAudio {
  /** audio/wav (RIFF, PCM 16-bit mono). */
  wav: Buffer;
  durationMs: number;
}

export interface TtsProvider {
  /** Which engine and voice made the audio (shown beside a preview, stored with a bulletin). */
  readonly voice: string;
  synthesize(spokenText: string, opts?: { wordsPerMinute?: number }): Promise<SpeechAudio>;
}

/**
 * Why no audio came out: `missing` (espeak-ng is not installed), `timeout`, `failed` (the engine exited
 * with an error or wrote no audio). The message is Vietnamese, fit for an administrator.
 */
export class TtsError extends Error {
  constructor(
    readonly reason: 'missing' | 'timeout' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'TtsError';
  }
}
