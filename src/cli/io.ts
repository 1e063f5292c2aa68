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
  return {
    cwd: process.cwd(),
    env,
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    isTTY,
    color: decideColor(env, isTTY),
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
