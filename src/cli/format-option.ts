// The one `-f, --format` option every command that prints results takes: the same flag, the same
// error for an unknown format (commander lists the choices, exit 64).
import { Option } from 'commander';

export function formatOption<F extends string>(formats: readonly F[], fallback: F, what = ''): Option {
  return new Option('-f, --format <format>', `output format: ${formats.join(', ')}${what}`).choices(formats).default(fallback);
}
