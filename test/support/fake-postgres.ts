// A PostgreSQL server that speaks just enough of the wire protocol (v3) to fail the way a real one does
// when it cannot take work: at connection time (`onConnect`: e.g. 57P03 "not yet accepting connections"
// during crash recovery, 53300 too many connections) or on every query of an established session
// (`onQuery`: e.g. FATAL 57P01 "terminating connection due to administrator command"). Real client
// libraries (pg, Prisma's pg adapter) connect to it, so tests see the errors exactly as they are thrown.
import net from "node:net";

export interface ServerError {
  severity: "ERROR" | "FATAL";
  code: string;
  message: string;
  detail?: string;
}

export interface FakePostgres {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

export const IN_RECOVERY: ServerError = {
  severity: "FATAL",
  code: "57P03",
  message: "the database system is not yet accepting connections",
  detail: "Consistent recovery state has not been yet reached.",
};

export const TOO_MANY_CLIENTS: ServerError = {
  severity: "FATAL",
  code: "53300",
  message: "sorry, too many clients already",
};

const SSL_REQUEST = 80877103;

export async function startFakePostgres(behaviour: {
  onConnect?: ServerError;
  onQuery?: ServerError;
}): Promise<FakePostgres> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let buffered = Buffer.alloc(0);
    let started = false;
    socket.on("data", (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        // Startup packets have no type byte; every later message is type byte + int32 length.
        const headerBytes = started ? 5 : 4;
        if (buffered.length < headerBytes) return;
        const length = buffered.readInt32BE(headerBytes - 4) + headerBytes - 4;
        if (buffered.length < length) return;
        const message = buffered.subarray(0, length);
        buffered = buffered.subarray(length);
        if (!started) {
          if (message.readInt32BE(4) === SSL_REQUEST) {
            socket.write("N"); // no TLS: the client goes on in plain text
            continue;
          }
          started = true;
          if (behaviour.onConnect) return void socket.end(errorResponse(behaviour.onConnect));
          socket.write(Buffer.concat([frame("R", int32(0)), frame("Z", Buffer.from("I"))]));
          continue;
        }
        const type = String.fromCharCode(message[0]);
        if (type === "X") return void socket.end();
        const failure = behaviour.onQuery ?? { severity: "ERROR", code: "42601", message: "fake server" };
        if (type === "S" || type === "Q") {
          const answer = [errorResponse(failure), frame("Z", Buffer.from("I"))];
          if (failure.severity === "FATAL") return void socket.end(answer[0]);
          socket.write(Buffer.concat(answer));
        } else if (type === "P" && failure.severity === "FATAL") {
          return void socket.end(errorResponse(failure));
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    url: `postgresql://postgres@127.0.0.1:${port}/signalboard`,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function errorResponse(error: ServerError): Buffer {
  const fields: [string, string | undefined][] = [
    ["S", error.severity],
    ["V", error.severity],
    ["C", error.code],
    ["M", error.message],
    ["D", error.detail],
  ];
  const body = fields
    .filter((field): field is [string, string] => field[1] !== undefined)
    .map(([key, value]) => Buffer.from(`${key}${value}\0`));
  return frame("E", Buffer.concat([...body, Buffer.from([0])]));
}

function frame(type: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(type), int32(body.length + 4), body]);
}

function int32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeInt32BE(value);
  return out;
}
