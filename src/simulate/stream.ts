// Streaming replay: byte chunks (a file stream, a pipe, a generator) through the line splitter, the
// parser and the Replay. Only one chunk and one partial line are held at a time, so a million sessions
// take the memory of the tallies, not of the file.
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
  const decoder = new TextDecoder('utf-8');
  let line = 0;
  let bytes = 0;
  const onLine = (text: string): void => { line += 1; replay.line(parse(text), line); };
  for await (const chunk of options.chunks) {
    if (typeof chunk === 'string') {
      bytes += Buffer.byteLength(chunk);
      splitter.push(chunk, onLine);
    } else {
      bytes += chunk.byteLength;
      splitter.push(decoder.decode(chunk, { stream: true }), onLine);
    }
    options.onProgress?.({ sessions: replay.sessionsRead, bytes });
  }
  splitter.push(decoder.decode(), onLine);
  splitter.end(onLine);
  options.onProgress?.({ sessions: replay.sessionsRead, bytes });
  return replay.report();
}
