import * as Y from 'yjs';

/**
 * What text a Yjs update writes, for a guard that must see every string a client can make the
 * server store or relay, in whatever shape the client chose. Two views, both needed:
 *
 * - `stringsInUpdate`: every string the update's bytes carry (text runs, map and array values,
 *   embeds, format attributes, keys, root names, XML names), including content that is deleted
 *   in the same update or lands in a deleted parent: it would still be stored as written.
 * - `textsTouchedBy`: the resulting visible text around each place a transaction changed in a
 *   sequence (Y.Text, Y.XmlText, or a root type no reader has named yet), so a number completed
 *   by its last keystroke, or joined by deleting what stood between its parts, is seen whole.
 *   Formatting items take no room in the result, so formatting cannot split a number.
 */

/** Stands for an embed or nested type inside a text: it separates, like on screen. */
const OBJECT = '\uFFFC';

/**
 * A sequence longer than this (in visible characters and entries) is looked at only around its
 * changes (`CONTEXT_CHARS` either side), so a keystroke in a long document costs the same as
 * one in a short one; shorter ones are looked at whole.
 */
export const WHOLE_TEXT_CHARS = 16 * 1024;
/**
 * Far wider than any spelling of a personal number (digits, separators, a "personnr" label),
 * so a number that reaches into a change is always inside the window around it.
 */
export const CONTEXT_CHARS = 1024;

type Parent = Y.AbstractType<unknown>;

/** Strings inside a JSON value, at any depth (object keys included). */
export function jsonStrings(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) jsonStrings(v, out);
  else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      jsonStrings(v, out);
    }
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Strings one decoded item's content carries (not its text runs: those are joined by the caller). */
function contentStrings(content: Y.Item['content'], out: string[]): void {
  if (content instanceof Y.ContentAny || content instanceof Y.ContentJSON) jsonStrings(content.arr, out);
  else if (content instanceof Y.ContentEmbed) jsonStrings(content.embed, out);
  else if (content instanceof Y.ContentFormat) {
    out.push(content.key);
    jsonStrings(content.value, out);
  } else if (content instanceof Y.ContentBinary) out.push(utf8.decode(content.content));
  else if (content instanceof Y.ContentDoc) {
    out.push(content.doc.guid);
    jsonStrings(content.opts, out);
  } else if (content instanceof Y.ContentType) {
    const type = content.type as { nodeName?: unknown; hookName?: unknown };
    jsonStrings([type.nodeName, type.hookName], out);
  }
}

/** True when `item` was typed directly after `previous` (its left origin is previous's last character). */
const continues = (previous: Y.Item | null, item: Y.Item): boolean =>
  previous !== null &&
  item.origin !== null &&
  item.origin.client === previous.id.client &&
  item.origin.clock === previous.id.clock + previous.length - 1;

/**
 * Every string an update carries. Text a writer typed in one go is split over several items
 * only where the writer moved; items typed one after another are joined back into one run.
 * Throws on bytes that are not an update (the caller has parsed them before).
 */
export function stringsInUpdate(update: Uint8Array): string[] {
  const out: string[] = [];
  let run: string[] = [];
  let last: Y.Item | null = null;
  const flush = () => {
    if (run.length > 0) out.push(run.join(''));
    run = [];
  };
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (typeof struct.parent === 'string') out.push(struct.parent);
    if (struct.parentSub !== null) out.push(struct.parentSub);
    if (struct.content instanceof Y.ContentString) {
      if (!continues(last, struct)) flush();
      run.push(struct.content.str);
      last = struct;
    } else {
      contentStrings(struct.content, out);
    }
  }
  flush();
  return out;
}

/** The items a transaction added (integrated now, pending ones included once they land). */
export function itemsAddedBy(tr: Y.Transaction): Y.Item[] {
  const items: Y.Item[] = [];
  tr.afterState.forEach((after, client) => {
    const before = tr.beforeState.get(client) ?? 0;
    if (after <= before) return;
    const structs = tr.doc.store.clients.get(client) ?? [];
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i];
      if (struct instanceof Y.Item) items.push(struct);
    }
  });
  return items;
}

/** The entries of sequences (array-like parents, not map values) the transaction added or deleted, by sequence. */
function sequenceChanges(tr: Y.Transaction): Map<Parent, Set<Y.Item>> {
  const changes = new Map<Parent, Set<Y.Item>>();
  const add = (struct: Y.Item | Y.GC) => {
    if (!(struct instanceof Y.Item) || struct.parentSub !== null || !(struct.parent instanceof Y.AbstractType)) return;
    const parent = struct.parent as Parent;
    let items = changes.get(parent);
    if (!items) changes.set(parent, (items = new Set()));
    items.add(struct);
  };
  for (const item of itemsAddedBy(tr)) add(item);
  Y.iterateDeletedStructs(tr, tr.deleteSet, add);
  return changes;
}

/**
 * Plain values in a sequence (`Y.Array<string>`): each string entry reads as a line of its own,
 * so a number pushed digit by digit, or in two entries, is seen whole.
 */
const anyEntries = (content: Y.ContentAny): string => content.arr.map((v) => (typeof v === 'string' ? `\n${v}\n` : OBJECT)).join('');

/** What an entry shows: its text, a stand-in per embed or nested type, nothing for formatting or deleted entries. */
function shown(item: Y.Item): string {
  if (item.deleted) return '';
  if (item.content instanceof Y.ContentString) return item.content.str;
  if (item.content instanceof Y.ContentAny) return anyEntries(item.content);
  return item.countable ? OBJECT.repeat(item.length) : '';
}

const holdsText = (item: Y.Item) =>
  !item.deleted && (item.content instanceof Y.ContentString || (item.content instanceof Y.ContentAny && item.content.arr.some((v) => typeof v === 'string')));

/** A text a transaction touched, with where in it the changed entries stand (a deleted one: an empty range). */
export interface TouchedText {
  text: string;
  changes: { start: number; end: number }[];
}

/** Joins pieces and remembers where the changed ones landed. */
class TextBuilder {
  private readonly pieces: string[] = [];
  private length = 0;
  readonly changes: { start: number; end: number }[] = [];

  push(piece: string, changed = false): void {
    if (changed) this.changes.push({ start: this.length, end: this.length + piece.length });
    this.pieces.push(piece);
    this.length += piece.length;
  }

  build(): TouchedText {
    return { text: this.pieces.join(''), changes: this.changes };
  }
}

/** The whole text of a short sequence; empty when it holds no text at all (an array of notes). */
function wholeText(parent: Parent, changed: Set<Y.Item>): TouchedText {
  let text = false;
  for (let item = parent._start; item !== null && !text; item = item.right) text = holdsText(item);
  const builder = new TextBuilder();
  if (!text) return builder.build();
  for (let item = parent._start; item !== null; item = item.right) builder.push(shown(item), changed.has(item));
  return builder.build();
}

/**
 * Characters the detector drops (privacy-normalise.ts) and so cannot keep the parts of a number
 * apart. They take no room in a window, and a run of whitespace takes one place: otherwise a
 * stretch of them between the parts would push the first part out of the window.
 */
const INVISIBLE = /[\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u2800]/u;
const SPACE = /\s/;

interface Part {
  text: string;
  /** How many places the part takes in a window. */
  weight: number;
}

/**
 * The longest start (or end) of `piece` that takes at most `room` places. Reads only as far as
 * it takes, so a long entry costs what is taken from it.
 */
function within(piece: string, room: number, from: 'start' | 'end'): Part {
  let weight = 0;
  let inSpace = false;
  let i = from === 'start' ? 0 : piece.length;
  while (from === 'start' ? i < piece.length : i > 0) {
    const unit = from === 'start' ? i : i - 1;
    // A surrogate pair is one character, read from whichever end it is met.
    const pair = from === 'start' ? unit + 1 < piece.length && /[\uD800-\uDBFF]/.test(piece[unit]!) : unit > 0 && /[\uDC00-\uDFFF]/.test(piece[unit]!);
    const char = from === 'start' ? piece.slice(unit, unit + (pair ? 2 : 1)) : piece.slice(unit - (pair ? 1 : 0), unit + 1);
    const space = SPACE.test(char);
    const invisible = INVISIBLE.test(char);
    const cost = invisible || (space && inSpace) ? 0 : 1;
    if (weight + cost > room) break;
    weight += cost;
    if (!invisible) inSpace = space;
    i += from === 'start' ? char.length : -char.length;
  }
  return { text: from === 'start' ? piece.slice(0, i) : piece.slice(i), weight };
}

/**
 * The text from `CONTEXT_CHARS` places before each changed entry to `CONTEXT_CHARS` places
 * after the last change that follows within that distance, walking the entries' links outwards
 * from the change: the cost follows the size of the change, not of the document. Deleting an
 * entry joins its neighbours, so a deleted entry counts as a change at its place.
 */
function windowsAround(changed: Set<Y.Item>): TouchedText[] {
  const windows: TouchedText[] = [];
  const covered = new Set<Y.Item>();
  for (const item of changed) {
    if (covered.has(item)) continue;
    // Entries can be long (a pasted page is one): only the part within reach is taken.
    const before: string[] = [];
    let need = CONTEXT_CHARS;
    for (let left = item.left; left !== null && need > 0; left = left.left) {
      const part = within(shown(left), need, 'end');
      before.push(part.text);
      need -= part.weight;
      if (part.text.length < shown(left).length) break;
    }
    let builder = new TextBuilder();
    for (const piece of before.reverse()) builder.push(piece);
    let after = 0;
    for (let entry: Y.Item | null = item; entry !== null && after < CONTEXT_CHARS; entry = entry.right) {
      const piece = shown(entry);
      if (changed.has(entry)) {
        covered.add(entry);
        after = 0;
        if (piece.length <= 2 * CONTEXT_CHARS) builder.push(piece, true);
        else {
          // A long new entry (a paste) was read whole from the update's bytes: here only its
          // ends matter, where it meets its neighbours. Two windows, so the ends are not joined.
          builder.push(within(piece, CONTEXT_CHARS, 'start').text, true);
          windows.push(builder.build());
          builder = new TextBuilder();
          builder.push(within(piece, CONTEXT_CHARS, 'end').text, true);
        }
      } else {
        const part = within(piece, CONTEXT_CHARS - after, 'start');
        builder.push(part.text);
        after += part.weight;
        if (part.text.length < piece.length) break;
      }
    }
    windows.push(builder.build());
  }
  return windows;
}

/**
 * The resulting text around every change a transaction made to a sequence: the whole text of
 * each changed sequence up to `WHOLE_TEXT_CHARS`, windows around the changes in longer ones.
 * Call it from `afterTransaction`, before Yjs merges and collects the transaction's items.
 */
export function touchedTexts(tr: Y.Transaction): TouchedText[] {
  const texts: TouchedText[] = [];
  for (const [parent, changed] of sequenceChanges(tr)) {
    // Content under a deleted parent is shown nowhere; its bytes are `stringsInUpdate`'s job.
    if (parent._item?.deleted) continue;
    if (parent._length <= WHOLE_TEXT_CHARS) texts.push(wholeText(parent, changed));
    else texts.push(...windowsAround(changed));
  }
  return texts.filter(({ text }) => text.length > 0);
}

/** {@link touchedTexts} without the places of the changes. */
export const textsTouchedBy = (tr: Y.Transaction): string[] => touchedTexts(tr).map(({ text }) => text);
