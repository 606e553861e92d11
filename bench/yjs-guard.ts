/**
 * Benchmark of the Yjs privacy guard (issue 10): what judging an update costs on a large
 * document, against taking it unjudged. Run with `npm run bench:yjs-guard`; writes
 * bench/results/yjs-guard.json.
 *
 * "Without" is what the server does with an update besides the database append: apply it to
 * the document. "With" adds `YjsTextGuard.check` (decode the bytes, apply to the shadow, read
 * the changed text, run the detector). In the CPU scenarios the append (a database round
 * trip) is left out of both, so their ratio is an upper bound on what the guard adds; the last
 * scenario handles each keystroke as SharedDoc does (guard, append to an in-memory PGlite with
 * the quota, apply). These machines are noisy, so results are ratios of medians in one run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { openDatabase } from '../db/client';
import { addNote, type BoardNote } from '../lib/workshop/board';
import { yjsLimits } from '../lib/yjs/limits';
import { createYjsPersistence } from '../server/realtime/yjs-persistence';
import { YjsTextGuard } from '../server/realtime/yjs-text-guard';

const here = path.dirname(fileURLToPath(import.meta.url));
const RUNS = 7;

// Numbers as they stand in notes, each in a context that keeps it ordinary; random words between
// them would otherwise string digits into chains no one writes.
const words = ['møtet tok 45 minutter', 'sak 2023/1234', 'kr 150 000', 'oppfølging', 'brukeren', '§ 11-5', 'kl. 10.30', 'veileder', 'plan', '12,5 %', 'tillit', 'samarbeid'];
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const sentence = (n: number) => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Updates a client makes on top of `base`, one per transaction. */
function updatesOf(base: Uint8Array, write: (doc: Y.Doc, i: number) => void, count: number): Uint8Array[] {
  const client = new Y.Doc();
  Y.applyUpdate(client, base);
  const updates: Uint8Array[] = [];
  client.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) write(client, i);
  return updates;
}

/** Milliseconds to take every update into a fresh copy of `base`, with or without the guard. */
function run(base: Uint8Array, updates: Uint8Array[], guarded: boolean): number {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const guard = new YjsTextGuard(doc);
  if (guarded) guard.check(new Uint8Array([0, 0]), null); // build the shadow outside the timing
  const t0 = performance.now();
  for (const update of updates) {
    if (guarded && guard.check(update, null) !== null) throw new Error(`refused an ordinary update: ${JSON.stringify(Y.decodeUpdate(update).structs.map((s) => (s as { content?: { str?: string } }).content?.str).filter(Boolean))}`);
    Y.applyUpdate(doc, update);
  }
  return performance.now() - t0;
}

function scenario(name: string, base: Uint8Array, updates: Uint8Array[]) {
  const without: number[] = [];
  const withGuard: number[] = [];
  run(base, updates, false);
  run(base, updates, true);
  for (let i = 0; i < RUNS; i++) {
    without.push(run(base, updates, false));
    withGuard.push(run(base, updates, true));
  }
  const perUpdate = (ms: number) => Number(((ms / updates.length) * 1000).toFixed(1));
  const result = {
    name,
    documentBytes: base.length,
    updates: updates.length,
    withoutMedianMs: Number(median(without).toFixed(2)),
    withMedianMs: Number(median(withGuard).toFixed(2)),
    withoutPerUpdateMicros: perUpdate(median(without)),
    withPerUpdateMicros: perUpdate(median(withGuard)),
    ratio: Number((median(withGuard) / median(without)).toFixed(2)),
  };
  console.info(`${name}: ${result.withoutPerUpdateMicros} → ${result.withPerUpdateMicros} µs per update (×${result.ratio}), document ${(base.length / 1024).toFixed(0)} KiB`);
  return result;
}

// Shared notes: about 1 MiB of text, then keystrokes (letters) at random places: a digit or mark
// dropped at random between numbers can make a number being typed, which the guard refuses.
const notes = new Y.Doc();
const text = notes.getText('notes');
while (text.length < 1024 * 1024) text.insert(text.length, `${sentence(12)}.\n`);
const notesBase = Y.encodeStateAsUpdate(notes);
const keystrokes = updatesOf(notesBase, (doc, i) => {
  const t = doc.getText('notes');
  t.insert(Math.floor(random() * t.length), 'abcdefgh'[i % 8]!);
}, 500);

// A board: about 1 MiB of notes, then new notes and edits.
const board = new Y.Doc();
const note = (i: number): BoardNote => ({ id: `n${i}`, text: sentence(40), colour: 'yellow', authorKind: 'anonymous', authorName: null, authorKey: 'facilitator', createdAt: i });
board.transact(() => {
  for (let i = 0; Y.encodeStateAsUpdate(board).length < 1024 * 1024 && i < 100_000; i += 100) for (let j = i; j < i + 100; j++) addNote(board, note(j));
});
const boardBase = Y.encodeStateAsUpdate(board);
const boardWrites = updatesOf(boardBase, (doc, i) => addNote(doc, note(1_000_000 + i)), 200);

// The cost of a refusal: the shadow is built again from the document at the next check.
const big = new Y.Doc();
Y.applyUpdate(big, notesBase);
const guard = new YjsTextGuard(big);
const refused = new Y.Doc();
refused.getText('x').insert(0, 'ring 41234567');
const rebuilds: number[] = [];
for (let i = 0; i < RUNS; i++) {
  guard.check(Y.encodeStateAsUpdate(refused), null);
  const t0 = performance.now();
  guard.check(keystrokes[0]!, null);
  rebuilds.push(performance.now() - t0);
  guard.discard();
}

/** Keystrokes handled as SharedDoc handles them: (guard), append with the quota, apply. */
async function withDatabase() {
  const database = await openDatabase({ pgliteDir: null });
  const persistence = createYjsPersistence(database.db);
  const strokes = keystrokes.slice(0, 150);
  const quota = { docBudget: 64 * yjsLimits.docBudgetBytes };
  const once = async (guarded: boolean, name: string) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, notesBase);
    const guard = new YjsTextGuard(doc);
    if (guarded) guard.check(new Uint8Array([0, 0]), null);
    const t0 = performance.now();
    for (const update of strokes) {
      if (guarded && guard.check(update, null) !== null) throw new Error(`refused an ordinary update: ${JSON.stringify(Y.decodeUpdate(update).structs.map((s) => (s as { content?: { str?: string } }).content?.str).filter(Boolean))}`);
      const appended = await persistence.append(name, update, quota);
      if (!appended.ok) throw new Error(appended.code);
      Y.applyUpdate(doc, update);
    }
    return performance.now() - t0;
  };
  const without: number[] = [];
  const withGuard: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    without.push(await once(false, `bench.without.${i}`));
    withGuard.push(await once(true, `bench.with.${i}`));
  }
  await database.close();
  const result = {
    name: 'shared notes, keystrokes with the append (PGlite in memory)',
    documentBytes: notesBase.length,
    updates: strokes.length,
    withoutPerUpdateMicros: Number(((median(without) / strokes.length) * 1000).toFixed(1)),
    withPerUpdateMicros: Number(((median(withGuard) / strokes.length) * 1000).toFixed(1)),
    ratio: Number((median(withGuard) / median(without)).toFixed(2)),
  };
  console.info(`${result.name}: ${result.withoutPerUpdateMicros} → ${result.withPerUpdateMicros} µs per update (×${result.ratio})`);
  return result;
}

const results = {
  note: 'ratio = median with guard / median without, in the same run; the first two leave the database append out of both (CPU only), the last includes it.',
  node: process.version,
  scenarios: [scenario('shared notes, keystrokes', notesBase, keystrokes), scenario('board, new notes', boardBase, boardWrites), await withDatabase()],
  shadowRebuildAfterRefusalMs: Number(median(rebuilds).toFixed(2)),
};
console.info(`shadow rebuilt after a refusal in ${results.shadowRebuildAfterRefusalMs} ms (1 MiB document)`);
mkdirSync(path.join(here, 'results'), { recursive: true });
writeFileSync(path.join(here, 'results', 'yjs-guard.json'), `${JSON.stringify(results, null, 2)}\n`);
