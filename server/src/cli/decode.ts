/** Why a file's bytes are not an article we can check, or its text. */
export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const fatalDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes an article's bytes as UTF-8, refusing what is not text. A UTF-8 byte order mark is kept
 * in the text (as `readFileSync(path, 'utf8')` keeps it) so report offsets index that string.
 * Example: `decodeArticle(Buffer.from([0x61, 0xff]))` -> `{ ok: false, message: 'not valid UTF-8: byte 0xFF at offset 1 ...' }`.
 */
export function decodeArticle(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: 'encoded as UTF-16; save it as UTF-8' };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, message: `binary file (NUL byte at offset ${nul}), not an article` };
  try {
    return { ok: true, text: fatalDecoder.decode(bytes) };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return { ok: false, message: `not valid UTF-8: byte 0x${byte} at offset ${at} (save the file as UTF-8)` };
  }
}

/**
 * Offset of the first byte that does not start or continue a well-formed UTF-8 sequence
 * (Unicode table 3-7: no overlong forms, no surrogates, nothing above U+10FFFF); -1 if none.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}
