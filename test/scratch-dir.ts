import { accessSync, constants, mkdtempSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// A server test's PGlite directory is ~1,100 files (40 MB) copied in and deleted again per test;
// on a loaded disk that alone took seconds, in RAM it takes milliseconds.
const RAM_DIR = '/dev/shm';
// Only when there is plenty of room: containers often give /dev/shm 64 MB, which two servers fill.
const RAM_MIN_FREE = 2 * 1024 ** 3;

let root: string | undefined;

function scratchRoot(): string {
  if (root) return root;
  try {
    accessSync(RAM_DIR, constants.W_OK);
    const { bavail, bsize } = statfsSync(RAM_DIR);
    root = bavail * bsize >= RAM_MIN_FREE ? RAM_DIR : tmpdir();
  } catch {
    root = tmpdir();
  }
  return root;
}

/** A new empty directory for a test's files: in RAM when the machine has room there, else in tmpdir. */
export const scratchDir = (prefix: string): string => mkdtempSync(path.join(scratchRoot(), prefix));
