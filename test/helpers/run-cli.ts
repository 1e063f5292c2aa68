// Runs the CLI in-process with a captured terminal, for scenario and golden tests.
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/cli/io.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string>; color?: boolean }): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    isTTY: false,
    color: options.color ?? false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
