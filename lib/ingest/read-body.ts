// Reads a request body once, as bytes, without ever buffering more than the cap: a flood of huge bodies
// must not cost memory. The text is what signatures are computed over, so nothing is re-serialised.

export interface ReadBody {
  text: string;
  bytes: number;
  tooLarge: boolean;
  /** False when the bytes are not valid UTF-8 (the text then holds replacement characters). */
  validUtf8: boolean;
  /**
   * Set when the whole body never arrived: the client went away mid-body ("aborted"), or did not finish
   * sending it within the body timeout ("timeout"). `detail` says what the stream reported.
   */
  incomplete?: { kind: "aborted" | "timeout"; detail: string };
}

/**
 * Reads the body within `timeoutMs`: a client that sends its body slowly (or never finishes it) must not
 * hold a connection and a request slot for minutes. A body stream that fails is a client that went away.
 */
export async function readBody(request: Request, maxBytes: number, timeoutMs: number): Promise<ReadBody> {
  const reading = readCapped(request, maxBytes);
  // Still pending after a timeout, and rejected once the connection is closed: nobody awaits it then.
  reading.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  try {
    const body = await Promise.race([reading, timedOut]);
    if (body) return body;
    request.body?.cancel().catch(() => undefined);
    const detail = `body not received within WEBHOOK_BODY_TIMEOUT (${timeoutMs / 1000} s)`;
    return { ...EMPTY, incomplete: { kind: "timeout", detail } };
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ...EMPTY, incomplete: { kind: "aborted", detail } };
  } finally {
    clearTimeout(timer);
  }
}

const EMPTY: ReadBody = { text: "", bytes: 0, tooLarge: false, validUtf8: true };

async function readCapped(request: Request, maxBytes: number): Promise<ReadBody> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { text: "", bytes: declared, tooLarge: true, validUtf8: true };
  }
  if (Number.isFinite(declared) && request.headers.has("content-length")) {
    // Framed by Content-Length (what both providers send): Node's parser cannot deliver more than
    // declared, so one read is safe and cheaper than a stream loop on the hot path.
    const whole = new Uint8Array(await request.arrayBuffer());
    return { ...decode(whole), bytes: whole.byteLength, tooLarge: false };
  }
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      chunks.push(value);
      if (bytes > maxBytes) {
        await reader.cancel().catch(() => undefined);
        // Keep what was read up to the cap (the row stores the body capped at WEBHOOK_MAX_BODY_BYTES).
        return { text: decode(concat(chunks, maxBytes)).text, bytes, tooLarge: true, validUtf8: true };
      }
    }
  }
  const { text, validUtf8 } = decode(concat(chunks, bytes));
  return { text, bytes, tooLarge: false, validUtf8 };
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0].byteLength <= total) return chunks[0];
  const out = new Uint8Array(
    Math.min(
      total,
      chunks.reduce((n, c) => n + c.byteLength, 0),
    ),
  );
  let offset = 0;
  for (const chunk of chunks) {
    const take = Math.min(chunk.byteLength, out.byteLength - offset);
    out.set(chunk.subarray(0, take), offset);
    offset += take;
    if (offset >= out.byteLength) break;
  }
  return out;
}

const strict = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8");

function decode(bytes: Uint8Array): { text: string; validUtf8: boolean } {
  try {
    return { text: strict.decode(bytes), validUtf8: true };
  } catch {
    return { text: lenient.decode(bytes), validUtf8: false };
  }
}
