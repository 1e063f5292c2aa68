// The real CLI as a child process (run under tsx), for tests that must kill it mid-run.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
