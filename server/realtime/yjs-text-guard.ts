import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { personalDataKinds } from '@/lib/privacy-guard';
import { isNumberBeingTyped, wholeTextChanged } from '@/lib/privacy-typing';
import { writesForeignAuthorKey } from '@/lib/workshop/board-authors';
import type { YjsRefusalCode } from '@/lib/yjs/limits';
import { jsonStrings, stringsInUpdate, touchedTexts, type TouchedText } from '@/lib/yjs/written-text';

/**
 * Every kind the detector knows needs a digit (of any script, or a character NFKC makes one of)
 * or an at sign (NFKC folds the fullwidth and small forms into "@"): text with neither, like
 * a flood of filler, is passed without running the detector over it.
 */
const MAY_HOLD_PERSONAL_DATA = /[\p{N}@\uFF20\uFE6B]/u;

const holdsPersonalData = (text: string) => MAY_HOLD_PERSONAL_DATA.test(text) && personalDataKinds(text).length > 0;

/**
 * Text here arrives a keystroke at a time, so a number is refused already while it is typed
 * at a changed place: its first nine digits fix it (lib/privacy-typing.ts).
 */
const leaks = ({ text, changes }: TouchedText) =>
  holdsPersonalData(text) || (MAY_HOLD_PERSONAL_DATA.test(text) && isNumberBeingTyped(text, changes));
/** A string the update's bytes carry is new, all of it. */
const leaksWhole = (text: string) => leaks({ text, changes: wholeTextChanged(text) });

/**
 * Looks at what an update would write before the document takes it: no personal data in any
 * string the update carries or in the text it leaves around its changes, and (on boards) no
 * note under someone else's author key. Nothing refused is stored, applied or relayed.
 *
 * The resulting text is seen on a shadow copy of the document, kept in step with every update
 * the document takes, so a keystroke costs the update's size rather than a copy of the whole
 * document. A candidate is applied to the shadow to be judged; if it is then not taken (refused
 * here, or later by a quota or a failing database) the shadow is dropped and built again from
 * the document at the next check.
 */
export class YjsTextGuard {
  private shadow: Y.Doc | null = null;

  constructor(private readonly doc: Y.Doc) {}

  /**
   * Judges `update` and, when it passes, leaves it applied to the shadow: the caller must then
   * take it into the document or call `discard()`.
   * @param authorKey the key every note this writer adds must carry; null where none is checked
   *   (documents without notes, the server's own writes).
   */
  check(update: Uint8Array, authorKey: string | null): YjsRefusalCode | null {
    // The bytes first: text deleted in the same update, or under a deleted parent, is stored as sent.
    if (stringsInUpdate(update).some(leaksWhole)) return 'YJS_PERSONAL_DATA';
    const shadow = this.shadowDoc();
    let verdict: YjsRefusalCode | null = null;
    const judge = (tr: Y.Transaction) => {
      if (verdict) return;
      if (touchedTexts(tr).some(leaks)) verdict = 'YJS_PERSONAL_DATA';
      else if (authorKey !== null && writesForeignAuthorKey(tr, authorKey)) verdict = 'YJS_AUTHOR_KEY';
    };
    shadow.on('afterTransaction', judge);
    try {
      Y.applyUpdate(shadow, update);
    } catch (err) {
      this.discard();
      throw err;
    } finally {
      shadow.off('afterTransaction', judge);
    }
    if (verdict) this.discard();
    return verdict;
  }

  /**
   * `update` was applied to the document without a check (another process's, already judged
   * there): the shadow takes it too, so it keeps mirroring the document without a rebuild.
   */
  follow(update: Uint8Array): void {
    if (this.shadow) Y.applyUpdate(this.shadow, update);
  }

  /** The last checked update was not taken: the shadow no longer mirrors the document. */
  discard(): void {
    this.shadow?.destroy();
    this.shadow = null;
  }

  private shadowDoc(): Y.Doc {
    if (!this.shadow) {
      this.shadow = new Y.Doc({ gc: true });
      Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.doc));
    }
    return this.shadow;
  }
}

/**
 * Whether an awareness update (presence, cursors) carries personal data in any string of its
 * states. Awareness is never stored, but it is relayed to every connection of the document, so
 * such an update is dropped rather than relayed. Throws on bytes that are not an awareness update.
 */
export function awarenessHoldsPersonalData(update: Uint8Array): boolean {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    decoding.readVarUint(decoder); // client id
    decoding.readVarUint(decoder); // clock
    const strings: string[] = [];
    jsonStrings(JSON.parse(decoding.readVarString(decoder)) as unknown, strings);
    if (strings.some(holdsPersonalData)) return true;
  }
  return false;
}
