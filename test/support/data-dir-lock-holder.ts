// Takes the data directory lock of the directory given as argument, for lib/db/data-dir-lock.test.ts:
// prints "LOCKED <pid>" and holds it until killed, or prints "IN USE <message>" and exits 3.
// Run it with `node --import tsx` (one process, so the pid printed is the holder's), do not import it.
import { DataDirInUseError, lockDataDir } from "../../lib/db/data-dir-lock";

lockDataDir(process.argv[2]!).then(
  () => {
    process.stdout.write(`LOCKED ${process.pid}\n`);
    setInterval(() => undefined, 60_000);
  },
  (error: unknown) => {
    if (!(error instanceof DataDirInUseError)) throw error;
    process.stdout.write(`IN USE ${error.message}\n`);
    process.exit(3);
  },
);
