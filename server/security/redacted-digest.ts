import { createHmac } from 'node:crypto';

/** The digest of a text nobody wrote: an empty answer is never "the redacted text". */
export type TextDigest = (text: string) => string | null;

/**
 * A keyed digest of a redacted text, kept on its row so that the same text sent again (a
 * phone's form still holding it) is recognised without the text being stored. Keyed with the
 * server secret, so the digest of a short word cannot be found by trying words. Spelling that
 * does not change what a reader sees (case, spacing, Unicode forms) gives the same digest.
 */
export function createRedactedDigest(secret: string): TextDigest {
  const key = createHmac('sha256', secret).update('verksted:redacted-text:v1').digest();
  return (text) => {
    const normal = text.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLocaleLowerCase('nb');
    return normal ? createHmac('sha256', key).update(normal).digest('base64url') : null;
  };
}
