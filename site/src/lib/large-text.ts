import { createHash } from 'node:crypto';

/**
 * Large generated texts (the open-data files, the sitemap) made, measured, hashed and written a
 * piece at a time. A text or a buffer of several megabytes takes fresh memory from the system,
 * and touching it the first time costs about 3 ms a megabyte on these machines, as much as making
 * the text: the 60 MB of open data at a thousand projects were made whole on every publish.
 */

/** Code units per piece: about 64 KB of UTF-8, below what the allocator maps afresh. */
const PIECE = 32_768;

/** Lines (each with its own line end) joined into pieces of about `size` code units; no line is split. */
export function* batched(lines: Iterable<string>, size = PIECE): Generator<string> {
  let batch: string[] = [];
  let length = 0;
  for (const line of lines) {
    batch.push(line);
    length += line.length;
    if (length >= size) {
      yield batch.join('');
      batch = [];
      length = 0;
    }
  }
  if (batch.length > 0) yield batch.join('');
}

/** The size in UTF-8 bytes and the SHA-1 (base64url) of a text given in pieces. */
export function measurePieces(pieces: Iterable<string>): { bytes: number; sha1: string } {
  const sha1 = createHash('sha1');
  let bytes = 0;
  for (const piece of pieces) {
    bytes += Buffer.byteLength(piece);
    sha1.update(piece);
  }
  return { bytes, sha1: sha1.digest('base64url') };
}

/**
 * The Response of an endpoint that writes a large text, `prefix` (a byte-order mark) first: its
 * UTF-8 bytes streamed a piece at a time. Given the whole text, undici encodes it at once, and
 * copies what it is given as bytes.
 */
export function textResponse(pieces: Iterable<string>, contentType: string, prefix?: Uint8Array): Response {
  const encoder = new TextEncoder();
  const iterator = pieces[Symbol.iterator]();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (prefix) controller.enqueue(prefix);
    },
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(stream, { headers: { 'Content-Type': contentType } });
}
