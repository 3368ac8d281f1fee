// A minimal Signalboard process for test/shutdown.test.ts: opens the embedded database in DATA_DIR the way
// the server does, installs the real SIGTERM/SIGINT handlers, writes ROWS messages, then starts one slow
// tracked write and prints the marker while that write is still open. The test then sends the signal.
// Run it, do not import it: the marker, campaign and recipient below are repeated in the test.
import { startDatabase } from "../../lib/db/runtime";
import { reloadConfig } from "../../lib/env";
import { installShutdownHandlers, trackWrite } from "../../lib/lifecycle";

const READY_MARKER = "SHUTDOWN-CHILD READY";
const CAMPAIGN = "shutdown-child";
const IN_FLIGHT_RECIPIENT = "in-flight@example.com";

async function main(): Promise<void> {
  const rows = Number(process.env.ROWS ?? "5");
  const slowMs = Number(process.env.SLOW_WRITE_MS ?? "800");
  reloadConfig();
  installShutdownHandlers();
  const db = await startDatabase();
  for (let i = 0; i < rows; i++) {
    await db.prisma.message.create({
      data: { channel: "sms", recipient: `+1415555${String(i).padStart(4, "0")}`, campaign: CAMPAIGN },
    });
  }
  void trackWrite(
    db.sql.transaction(async (tx) => {
      await tx.query(`INSERT INTO "message" ("channel", "recipient", "campaign") VALUES ('email', $1, $2)`, [
        IN_FLIGHT_RECIPIENT,
        CAMPAIGN,
      ]);
      process.stdout.write(`${READY_MARKER}\n`);
      await new Promise((resolve) => setTimeout(resolve, slowMs));
    }),
  );
  // Nothing else to do: the open database keeps the process alive until a signal shuts it down.
}

main().catch((error) => {
  process.stderr.write(`shutdown-child failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
});
