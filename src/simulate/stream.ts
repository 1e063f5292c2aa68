// Streaming replay: byte chunks (a file stream, a pipe, a generator) through the line splitter, the
// parser and the Replay. Only one chunk and one partial line are held at a time, so a million sessions
// take the memory of the tallies, not of the file.
import { StringDecoder } from 'node:string_decoder';
import { ByteLineSplitter, LineSplitter, sessionParser, type SessionFormat } from './read.js';
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
  // Bytes (a file) are split as bytes; text (tests, generators) as text. The first chunk decides, and a
  // later chunk of the other kind is converted.
  let splitter: ByteLineSplitter | LineSplitter | undefined;
  let decoder: StringDecoder | undefined;
  let line = 0;
  let bytes = 0;
  const onLine = (text: string): void => {
    line += 1;
    replay.line(parse(text), line);
  };
  for await (const chunk of options.chunks) {
    const text = typeof chunk === 'string';
    bytes += text ? Buffer.byteLength(chunk) : chunk.byteLength;
    splitter ??= text ? new LineSplitter() : new ByteLineSplitter();
    if (splitter instanceof ByteLineSplitter) splitter.push(text ? Buffer.from(chunk) : toBuffer(chunk), onLine);
    else splitter.push(text ? chunk : (decoder ??= new StringDecoder('utf8')).write(toBuffer(chunk)), onLine);
    options.onProgress?.({ sessions: replay.sessionsRead, bytes });
  }
  if (decoder && splitter instanceof LineSplitter) splitter.push(decoder.end(), onLine);
  splitter?.end(onLine);
  options.onProgress?.({ sessions: replay.sessionsRead, bytes });
  return replay.report();
}

const toBuffer = (chunk: Uint8Array): Buffer => (Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
