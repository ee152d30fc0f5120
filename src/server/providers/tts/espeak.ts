import { spawn } from 'node:child_process';
import { encodeWav, readWav } from '../../platform/audio.ts';
import { TtsError, type SpeechAudio, type TtsProvider } from './port.ts';

export interface EspeakOptions {
  /** The espeak-ng executable (default `espeak-ng` on the PATH). */
  command?: string;
  /** espeak-ng voice (default `vi`). */
  voice?: string;
  /** Kill the engine after this long (default 60 s: a long bulletin takes a few seconds). */
  timeoutMs?: number;
}

const MISSING = 'Máy chủ chưa cài espeak-ng (apt-get install espeak-ng).';

/** Runs espeak-ng once: text on stdin (UTF-8), WAV on stdout. */
function run(command: string, args: string[], input: string, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new TtsError('timeout', `espeak-ng không trả kết quả sau ${Math.round(timeoutMs / 1000)} giây.`));
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(e.code === 'ENOENT' ? new TtsError('missing', MISSING) : new TtsError('failed', `Không chạy được espeak-ng: ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new TtsError('failed', `espeak-ng kết thúc với mã ${String(code)}: ${err.trim()}`));
    });
    child.stdin.on('error', () => undefined); // an early exit is reported by 'close'
    child.stdin.end(input, 'utf8');
  });
}

/** espeak-ng's Vietnamese voice. It streams its WAV with unknown sizes in the header: the sizes are written here. */
export function createEspeakTts(opts: EspeakOptions = {}): TtsProvider {
  const command = opts.command ?? 'espeak-ng';
  const voice = opts.voice ?? 'vi';
  const timeoutMs = opts.timeoutMs ?? 60_000;
  return {
    voice: `espeak-ng/${voice}`,
    async synthesize(spokenText, o = {}): Promise<SpeechAudio> {
      const args = ['-v', voice, '-b', '1', '--stdin', '--stdout'];
      if (o.wordsPerMinute) args.push('-s', String(Math.round(o.wordsPerMinute)));
      const wav = readWav(await run(command, args, spokenText.normalize('NFC'), timeoutMs));
      if (!wav || wav.data.byteLength === 0) throw new TtsError('failed', 'espeak-ng không tạo ra âm thanh.');
      const { format, data } = wav;
      return { wav: encodeWav(data, format), durationMs: Math.round((data.byteLength / format.byteRate) * 1000) };
    },
  };
}
