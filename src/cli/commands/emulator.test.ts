import { createServer } from 'node:net';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { NO_DEBUG } from '../../model/debug-log.js';
import { InvocationError } from '../../model/errors.js';
import { parseEmulatorFlags, registerEmulator } from './emulator.js';
import { runCli } from '../../../test/helpers/run-cli.js';

const flags = (over: Partial<Parameters<typeof parseEmulatorFlags>[0]> = {}) => ({ provider: 'all', port: '4010', host: '127.0.0.1', seed: '1', ...over });

describe('promoc emulator flags', () => {
  it('expands all, accepts lists and reads the key from the environment', () => {
    expect(parseEmulatorFlags(flags(), {})).toEqual({ providers: ['ev-billing', 'mobility', 'promotions', 'lago'], port: 4010, host: '127.0.0.1', seed: 1 });
    expect(parseEmulatorFlags(flags({ provider: 'lago,mobility', data: 'd' }), { PROMOC_EMULATOR_API_KEY: 'k' })).toMatchObject({
      providers: ['lago', 'mobility'],
      dataDir: 'd',
      apiKey: 'k',
    });
    expect(parseEmulatorFlags(flags({ apiKey: 'flag' }), { PROMOC_EMULATOR_API_KEY: 'env' }).apiKey).toBe('flag');
  });

  it('refuses unknown providers, bad ports and seeds as usage errors with a hint', () => {
    expect(() => parseEmulatorFlags(flags({ provider: 'stripe' }), {})).toThrow(InvocationError);
    expect(() => parseEmulatorFlags(flags({ port: '70000' }), {})).toThrow(/not a port/);
    expect(() => parseEmulatorFlags(flags({ port: 'x' }), {})).toThrow(InvocationError);
    expect(() => parseEmulatorFlags(flags({ seed: '1.5' }), {})).toThrow(InvocationError);
  });

  it('registers with help text and examples', () => {
    const program = new Command('promoc');
    let help = '';
    registerEmulator(program, {
      io: { cwd: '.', env: {}, stdout: () => undefined, stderr: () => undefined, isTTY: false, color: false },
      debug: NO_DEBUG,
      enableDebug: () => undefined,
      setExitCode: () => undefined,
    });
    const command = program.commands.find((c) => c.name() === 'emulator');
    command
      ?.configureOutput({
        writeOut: (t) => {
          help += t;
        },
      })
      .outputHelp();
    expect(help).toContain('--provider <id>');
    expect(help).toContain('Examples:');
    expect(help).toContain('/__emulator');
  });

  it('answers a port in use or a host that is no address with one line, a hint and exit 64, not an internal error', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const port = (holder.address() as { port: number }).port;
    try {
      for (const args of [
        ['--port', String(port), '--provider', 'ev-billing'],
        ['--host', '256.256.256.256', '--port', '0'],
      ]) {
        const run = await runCli(['emulator', ...args], { cwd: '.' });
        expect(run.code, run.stderr).toBe(64);
        expect(run.stderr).toMatch(/^error: .*(already in use|neither an IP address).*\nhint: .+\n$/);
        expect(run.stderr).not.toMatch(/internal error| {4}at /);
      }
    } finally {
      holder.close();
    }
  });
});
