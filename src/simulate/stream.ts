// Streaming replay: byte chunks (a file stream, a pipe, a generator) through the line splitter, the
// parser and the Replay. Only one chunk and one partial line are held at a time, so a million sessions
// take the memory of the tallies, not of the file.
import { StringDecoder } from 'node:string_decoder';
import { sessionParser, LineSplitter, type SessionFormat } from './read.js';
import { Replay, type SimulationSide } from './replay.js';
import type { SimulationReport } from './types.js';

export interface Progress {
  readonly sessions: number;
  readonly bytes: number;
}

export interface StreamOptions {
  readonly base: SimulationSide;
  readonly head: SimulationSide;
  readonly chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  readonly format: SessionFormat;
  /** Called after every chunk; the caller throttles what it prints. */
  readonly onProgress?: (p: Progress) => void;
}

export async function simulateStream(options: StreamOptions): Promise<SimulationReport> {
  const replay = new Replay(options.base, options.head);
  const parse = sessionParser(options.format);
  const splitter = new LineSplitter();
  // StringDecoder: a third less CPU than TextDecoder on a large file; it keeps a leading BOM, which the splitter drops.
  const decoder = new StringDecoder('utf8');
  let line = 0;
  let bytes = 0;
  const onLine = (text: string): void => { line += 1; replay.line(parse(text), line); };
  for await (const chunk of options.chunks) {
    if (typeof chunk === 'string') {
      bytes += Buffer.byteLength(chunk);
      splitter.push(chunk, onLine);
    } else {
      bytes += chunk.byteLength;
      splitter.push(decoder.write(toBuffer(chunk)), onLine);
    }
    options.onProgress?.({ sessions: replay.sessionsRead, bytes });
  }
  splitter.push(decoder.end(), onLine);
  splitter.end(onLine);
  options.onProgress?.({ sessions: replay.sessionsRead, bytes });
  return replay.report();
}

const toBuffer = (chunk: Uint8Array): Buffer => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
