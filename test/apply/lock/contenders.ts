// Starts lock contenders (./contender.ts) as child processes and talks to them line by line.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

const ROOT = join(import.meta.dirname, '../../..');

export interface Contender {
  readonly pid: number;
  send(command: object): Promise<Record<string, unknown>>;
  kill(): Promise<void>;
  exit(): Promise<void>;
}

export function startContender(): Contender {
  const tsx = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
  const child: ChildProcess = spawn(process.execPath, ['--import', tsx, join(import.meta.dirname, 'contender.ts')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => waiting.shift()?.(line));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid!,
    send: (command) =>
      new Promise((resolve, reject) => {
        const died = (): void => reject(new Error(`contender ${child.pid} exited`));
        // Removed once answered: a contender lives through dozens of commands.
        child.once('exit', died);
        waiting.push((line) => {
          child.off('exit', died);
          resolve(JSON.parse(line) as Record<string, unknown>);
        });
        child.stdin!.write(`${JSON.stringify(command)}\n`);
      }),
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    exit: async () => {
      child.stdin!.write('{"op":"exit"}\n');
      await exited;
    },
  };
}
