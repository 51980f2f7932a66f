/**
 * Lets an example be both imported (the test suite calls its `main()`) and run as a script
 * (`npx tsx examples/<name>.ts`), printing what `main()` returns only in the second case.
 */
import { pathToFileURL } from 'node:url';

/** Prints `await main()` when the module at `moduleUrl` is the script node was started with. */
export async function runIfMain(moduleUrl: string, main: () => string | Promise<string>): Promise<void> {
  const script = process.argv[1];
  if (script !== undefined && moduleUrl === pathToFileURL(script).href) console.log(await main());
}
