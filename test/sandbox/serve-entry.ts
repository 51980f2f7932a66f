/** The `serve` command alone, as the crash test starts it: the other commands' imports stay out. */
import { serveCommand } from '../../src/cli/commands/serve.js';

serveCommand.run(process.argv.slice(2), { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) }).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(2);
  },
);
