// The real espeak-ng (`vi` voice, installed by .ci/run) reads a seed-002 style bulletin: the text it is given
// has numbers, dates, times and abbreviations written out, and the WAV it makes plays for a plausible time.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_002_BULLETIN } from '../../../../test/builders/speech.ts';
import { toSpokenVietnamese } from '../../modules/bulletins/speech-text.ts';
import { readWav, sniffAudio } from '../../platform/audio.ts';
import { createEspeakTts } from './espeak.ts';
import { TtsError } from './port.ts';
import type { TtsProvider } from './port.ts';

/** The real engine, keeping each text it was given. */
function recording(inner: TtsProvider): TtsProvider & { sent: string[] } {
  const sent: string[] = [];
  return { voice: inner.voice, sent, synthesize: (text, opts) => (sent.push(text), inner.synthesize(text, opts)) };
}

describe('espeak-ng TTS', () => {
  it('reads a seed-002 style bulletin written out in words into a WAV of plausible length', async () => {
    const tts = recording(createEspeakTts());
    const audio = await tts.synthesize(toSpokenVietnamese(SEED_002_BULLETIN));

    const [sent] = tts.sent;
    expect(sent).toBeDefined();
    expect(sent).not.toMatch(/\d|UBND|BCĐ|Covid|5K|F0|%/);
    for (const words of [
      'ủy ban nhân dân xã Bình Lư',
      'số sáu mươi hai tê bê ủy ban nhân dân ngày một tháng hai năm hai nghìn không trăm hai mươi mốt',
      'ban chỉ đạo phòng, chống dịch bệnh cô vít mười chín',
      'từ mười lăm giờ ngày năm tháng hai',
      'một nghìn hai trăm ba mươi tư hộ',
      'một trăm linh năm hộ (tám phẩy năm phần trăm)',
      'năm ca',
      'qua số không chín một hai, ba bốn năm, sáu bảy tám',
      'trước mười sáu giờ ngày thứ năm',
    ]) {
      expect(sent).toContain(words);
    }

    expect(tts.voice).toBe('espeak-ng/vi');
    expect(sniffAudio(audio.wav)).toEqual({ contentType: 'audio/wav', durationMs: audio.durationMs });
    const wav = readWav(audio.wav);
    expect(wav?.format).toMatchObject({ audioFormat: 1, channels: 1, bitsPerSample: 16 });
    expect(audio.wav.readUInt32LE(4)).toBe(audio.wav.byteLength - 8); // real sizes, not the streamed 0x7fffffff
    const wordCount = (sent ?? '').split(/\s+/).length;
    expect(audio.durationMs).toBeGreaterThan(wordCount * 150);
    expect(audio.durationMs).toBeLessThan(wordCount * 1000);
  });

  it('reads faster at a higher words-per-minute', async () => {
    const tts = createEspeakTts();
    const text = toSpokenVietnamese('UBND xã thông báo: từ 15h00 ngày 05/02/2021 tạm dừng chợ phiên.');
    const [normal, fast] = await Promise.all([tts.synthesize(text), tts.synthesize(text, { wordsPerMinute: 300 })]);
    expect(fast.durationMs).toBeLessThan(normal.durationMs * 0.8);
  });

  it('kills an engine that does not answer in time', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'loa-tts-'));
    const hung = path.join(dir, 'espeak-ng');
    await writeFile(hung, '#!/bin/sh\nexec sleep 30\n');
    await chmod(hung, 0o755);
    try {
      const err = await createEspeakTts({ command: hung, timeoutMs: 200 })
        .synthesize('xin chào')
        .catch((e: unknown) => e);
      expect(err).toMatchObject({ name: 'TtsError', reason: 'timeout' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says in Vietnamese that espeak-ng is missing', async () => {
    const err = await createEspeakTts({ command: 'espeak-ng-not-installed' })
      .synthesize('xin chào')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TtsError);
    expect(err).toMatchObject({ reason: 'missing', message: 'Máy chủ chưa cài espeak-ng (apt-get install espeak-ng).' });
  });
});
