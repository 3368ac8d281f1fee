// Runs once when the server starts, before any request: open and migrate the database, and take over
// shutdown so the embedded database is closed cleanly after in-flight writes drain.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
