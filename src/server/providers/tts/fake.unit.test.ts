import { describe, expect, it } from 'vitest';
import { sniffAudio } from '../../platform/audio.ts';
import { createFakeTts } from './fake.ts';

describe('fake TTS', () => {
  it('keeps the texts and returns a silent WAV as long as it says', async () => {
    const tts = createFakeTts();
    const audio = await tts.synthesize('ủy ban nhân dân xã thông báo');
    expect(tts.spoken).toEqual(['ủy ban nhân dân xã thông báo']);
    expect(audio.durationMs).toBe(7 * 400);
    expect(sniffAudio(audio.wav)).toEqual({ contentType: 'audio/wav', durationMs: audio.durationMs });
  });
});
