import type { Readable } from 'node:stream';
import { AppError } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import { sniffAudio } from '../../platform/audio.ts';
import type { FileStore } from '../../providers/file-store/port.ts';
import { TtsError } from '../../providers/tts/port.ts';
import type { TtsProvider } from '../../providers/tts/port.ts';
import { BULLETIN_LIMITS } from '../../../shared/contracts/bulletins.ts';
import type { BulletinAudio, BulletinRow } from './bulletins.repository.ts';
import { toSpokenVietnamese } from './speech-text.ts';

const EXT = { 'audio/mpeg': 'mp3', 'audio/wav': 'wav', 'audio/ogg': 'ogg' } as const;

/**
 * A bulletin's audio: read from its text by the TTS (numbers, dates and abbreviations written out first) or
 * uploaded (type and duration from the bytes), kept in the file store under a random key.
 */
export function createBulletinAudio(deps: { files: FileStore; tts: TtsProvider; logger: Logger }) {
  const { files, tts } = deps;

  async function speak(text: string): Promise<{ spokenText: string; wav: Buffer; durationMs: number }> {
    const spokenText = toSpokenVietnamese(text);
    try {
      const audio = await tts.synthesize(spokenText);
      return { spokenText, wav: audio.wav, durationMs: audio.durationMs };
    } catch (err) {
      if (err instanceof TtsError) throw new AppError('BULLETIN_TTS_FAILED', { message: err.message });
      throw err;
    }
  }

  return {
    voice: () => tts.voice,

    /** The composer's preview: what would be read and how it sounds. */
    speak,

    /** The TTS audio of a `tts` bulletin's text; null when the stored one already reads that text (or there is no text). */
    async ttsFor(b: Pick<BulletinRow, 'source' | 'text' | 'spokenText' | 'audioKey'>): Promise<BulletinAudio | null> {
      if (b.source !== 'tts' || !b.text.trim()) return null;
      if (b.audioKey && b.spokenText === toSpokenVietnamese(b.text)) return null;
      const s = await speak(b.text);
      const saved = await files.save(s.wav, 'wav');
      return { spokenText: s.spokenText, ttsVoice: tts.voice, audioKey: saved.key, audioContentType: 'audio/wav', audioDurationMs: s.durationMs, audioSha256: saved.sha256 };
    },

    /** An uploaded file: MP3, WAV or OGG by its content (not its name), with the duration measured. */
    async fromUpload(contentBase64: string): Promise<BulletinAudio> {
      const content = Buffer.from(contentBase64, 'base64');
      if (content.byteLength > BULLETIN_LIMITS.audioBytes) throw new AppError('BULLETIN_AUDIO_TOO_LARGE', { maxMb: BULLETIN_LIMITS.audioBytes / 1024 / 1024 });
      const sniffed = sniffAudio(content);
      if (!sniffed || sniffed.durationMs <= 0) throw new AppError('BULLETIN_BAD_AUDIO');
      const saved = await files.save(content, EXT[sniffed.contentType]);
      return {
        spokenText: null,
        ttsVoice: null,
        audioKey: saved.key,
        audioContentType: sniffed.contentType,
        audioDurationMs: Math.round(sniffed.durationMs),
        audioSha256: saved.sha256,
      };
    },

    /** A replaced file is removed (a failure only leaves an orphan file). */
    async discard(key: string | null): Promise<void> {
      if (key) await files.remove(key).catch((err: unknown) => deps.logger.warn({ err, key }, 'bulletins: old audio not removed'));
    },

    async open(b: BulletinRow): Promise<{ stream: Readable; size: number; contentType: string; etag: string } | null> {
      if (!b.audioKey || !b.audioContentType) return null;
      const f = await files.open(b.audioKey);
      return f ? { ...f, contentType: b.audioContentType, etag: `"${b.audioSha256 ?? b.audioKey}"` } : null;
    },
  };
}
export type BulletinAudioService = ReturnType<typeof createBulletinAudio>;
