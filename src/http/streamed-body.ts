// A response body made as it is read: the next piece of text is made only when the runtime
// asks for more, so memory holds one piece, never the whole body. Not Hono's stream helper:
// it ends the body normally when the writer throws, so that a file cut short by a storage
// failure would arrive looking complete. Here the body errors instead, and the runtime
// breaks the connection, which every HTTP client reports as a failed download.

const encoder = new TextEncoder();

/** The pieces in order; an empty piece is skipped, so that a read is never left waiting. */
export function streamedBody(pieces: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = pieces[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          const { done, value } = await iterator.next();
          if (done) return controller.close();
          if (value !== '') return controller.enqueue(encoder.encode(value));
        }
      },
      // The client went away, or a 304 replaced the answer: nothing more is made.
      async cancel() {
        await iterator.return?.(undefined);
      },
    },
    // Nothing is made before the first read: a body never read (HEAD, a 304) costs nothing.
    { highWaterMark: 0 },
  );
}
