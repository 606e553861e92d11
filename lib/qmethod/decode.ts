import type { Result } from './types';

/**
 * A sorts file's bytes as text. UTF-8 first (with or without a byte-order mark); UTF-16 when it
 * starts with one's mark (Excel's "Unicode text"); otherwise Windows-1252, the superset of
 * Latin-1 that Norwegian Excel and PQMethod-era tools save in — so "Måke" is read as "Måke",
 * not as "M\uFFFDke". Text that still holds control characters after that is not a CSV in any
 * of these, and is refused rather than guessed at.
 */
export function decodeSortsFile(bytes: Uint8Array): Result<{ text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' }> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  try {
    return checked(new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'utf-8');
  } catch {
    return checked(new TextDecoder('windows-1252').decode(bytes), 'windows-1252');
  }
}

// Tab, line feed and carriage return belong in text files; other C0 controls do not.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function checked<E extends string>(text: string, encoding: E): Result<{ text: string; encoding: E }> {
  const at = CONTROL.exec(text);
  if (at) {
    const line = text.slice(0, at.index).split('\n').length;
    return { ok: false, error: { code: 'BAD_ENCODING', message: `line ${line} holds a control character (0x${at[0].charCodeAt(0).toString(16).padStart(2, '0')}): the file is not text in UTF-8, UTF-16 or Windows-1252 (Latin-1)`, line } };
  }
  return { ok: true, value: { text, encoding } };
}
