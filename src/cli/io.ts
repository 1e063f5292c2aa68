// The terminal and process environment, injected so commands are testable without a TTY.
import pc from 'picocolors';

export interface Io {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTTY: boolean;
  /** Colour decided once from NO_COLOR / FORCE_COLOR / TTY. */
  readonly color: boolean;
}

export function processIo(): Io {
  const env = process.env;
  const isTTY = Boolean(process.stdout.isTTY);
  const stdout = quietOnClosedPipe(process.stdout);
  const stderr = quietOnClosedPipe(process.stderr);
  return {
    cwd: process.cwd(),
    env,
    stdout,
    stderr,
    isTTY,
    color: decideColor(env, isTTY),
  };
}

/**
 * A writer that stops writing once the reader has gone (`promoc --help | head -1`): like any Unix tool, the
 * rest of the output is dropped quietly and the command ends with its own status, instead of an unhandled
 * EPIPE 'error' event with a stack trace.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') closed = true;
    else throw error;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}

/** NO_COLOR (any non-empty value) wins; FORCE_COLOR=0 disables, any other value forces; else TTY. */
export function decideColor(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY && env.TERM !== 'dumb';
}

export type Colors = ReturnType<typeof pc.createColors>;
export function colors(io: Pick<Io, 'color'>): Colors {
  return pc.createColors(io.color);
}
