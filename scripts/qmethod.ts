/**
 * Command line for the Q-method engine (QMETHOD.md):
 *   npm run --silent qmethod -- analyze FILE.csv --factors K --extraction pca|centroid --rotation varimax|none
 * Only Node's fs and the pure engine are loaded, so it starts fast.
 */
import { readFileSync } from 'node:fs';
import { runCli } from '../lib/qmethod/cli';

const code = runCli(process.argv.slice(2), {
  readFile: (path) => {
    try {
      return readFileSync(path);
    } catch {
      return null;
    }
  },
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = code;
