// A stand-in for `npm start` in test/start-exit-status.test.ts: runs, through the real runServer(), a
// "server" that prints its pid and waits (or exits with EXIT_CODE once it gets SIGTERM). Run it, do not
// import it.
import { runServer } from "../../scripts/support/run-server";

const server = `
  process.on("SIGTERM", () => process.exit(Number(process.env.EXIT_CODE ?? "0")));
  process.stdout.write("SERVER PID " + process.pid + "\\n");
  setInterval(() => {}, 1000);
`;
runServer({
  command: process.execPath,
  args: ["-e", server],
  env: process.env,
  say: (line) => process.stderr.write(`[signalboard] ${line}\n`),
});
