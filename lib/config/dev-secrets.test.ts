// Which provider runs on a generated local development secret: after `npm start` generated both into
// .env.local, the user sets real secrets one at a time, in the file or in the environment, and every
// surface (warnings, the page's status rows, config:check) must name exactly the providers still on one.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseEnv } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { getDevSecretStatus } from "./dev-secrets";
import { ensureDevSecrets } from "./env-files";
import { envSchema, type RawEnv } from "./schema";
import { validateConfig } from "./validate";

const REAL_TWILIO = "0123456789abcdef0123456789abcdef";
const REAL_RESEND = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const BASE: RawEnv = { NODE_ENV: "production", WEBHOOK_BASE_URL: "https://hooks.example.com" };

const tempDirs: string[] = [];
afterAll(() => Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A directory where `npm start` generated development secrets, and the variables it wrote. */
async function generatedDir() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "signalboard-dev-secrets-"));
  tempDirs.push(dir);
  const env: RawEnv = {};
  expect(ensureDevSecrets(dir, env)).not.toBeNull();
  const file = parseEnv(await readFile(path.join(dir, ".env.local"), "utf8")) as RawEnv;
  expect(file).toEqual(env);
  return { dir, file };
}

function statusOf(env: RawEnv) {
  const result = validateConfig({ ...BASE, ...env });
  expect(result.errors).toEqual([]);
  const devWarnings = result.warnings.filter((w) => /development secret/.test(w.message));
  const inForce = getDevSecretStatus(result.config!).filter((s) => s.inForce);
  return { devWarnings, inForce: inForce.map((s) => s.variable) };
}

describe("generated development secrets, per provider", () => {
  it("records a fingerprint of each generated secret, not the secret", async () => {
    const { file } = await generatedDir();
    expect(file.SIGNALBOARD_DEV_SECRETS).toMatch(
      /^TWILIO_AUTH_TOKEN:[0-9a-f]{16},RESEND_WEBHOOK_SECRET:[0-9a-f]{16}$/,
    );
    expect(file.SIGNALBOARD_DEV_SECRETS).not.toContain(file.TWILIO_AUTH_TOKEN!.slice(0, 8));
  });

  it("files the notice under each provider's own variable while both generated secrets are in force", async () => {
    const { file } = await generatedDir();
    const { devWarnings, inForce } = statusOf(file);
    expect(inForce).toEqual(["TWILIO_AUTH_TOKEN", "RESEND_WEBHOOK_SECRET"]);
    expect(devWarnings.map((w) => w.variable)).toEqual(["TWILIO_AUTH_TOKEN", "RESEND_WEBHOOK_SECRET"]);
    expect(devWarnings[0].message).toMatch(/real Twilio traffic is refused/);
    expect(devWarnings[1].message).toMatch(/real Resend traffic is refused/);
  });

  it("shows nothing when the environment overrides both generated secrets", async () => {
    const { file } = await generatedDir();
    const { devWarnings, inForce } = statusOf({
      ...file,
      TWILIO_AUTH_TOKEN: REAL_TWILIO,
      RESEND_WEBHOOK_SECRET: REAL_RESEND,
    });
    expect(inForce).toEqual([]);
    expect(devWarnings).toEqual([]);
  });

  it("names Resend alone when only a real Twilio token was set", async () => {
    const { file } = await generatedDir();
    const { devWarnings, inForce } = statusOf({ ...file, TWILIO_AUTH_TOKEN: REAL_TWILIO });
    expect(inForce).toEqual(["RESEND_WEBHOOK_SECRET"]);
    expect(devWarnings.map((w) => w.variable)).toEqual(["RESEND_WEBHOOK_SECRET"]);
  });

  it("still names a provider whose rotation list keeps the generated secret beside a real one", async () => {
    const { file } = await generatedDir();
    const rotating = `${REAL_RESEND},${file.RESEND_WEBHOOK_SECRET}`;
    const { inForce } = statusOf({
      ...file,
      TWILIO_AUTH_TOKEN: REAL_TWILIO,
      RESEND_WEBHOOK_SECRET: rotating,
    });
    expect(inForce).toEqual(["RESEND_WEBHOOK_SECRET"]);
  });

  it("refuses a SIGNALBOARD_DEV_SECRETS it did not write", () => {
    const result = validateConfig({ ...BASE, SIGNALBOARD_DEV_SECRETS: "TWILIO_AUTH_TOKEN:nothex" });
    expect(result.errors.map((e) => e.variable)).toEqual(["SIGNALBOARD_DEV_SECRETS"]);
  });

  it("asks to replace the secrets when an earlier version wrote SIGNALBOARD_DEV_SECRETS=true", () => {
    const result = validateConfig({ ...BASE, SIGNALBOARD_DEV_SECRETS: "true" });
    expect(result.warnings.map((w) => w.variable)).toContain("SIGNALBOARD_DEV_SECRETS");
  });
});

describe("npm run config:check with generated development secrets", () => {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const tsxCli = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const script = path.join(root, "scripts", "config-check.ts");
  // Every other variable set blank, so only the directory's .env.local and the variables below count.
  const blank = Object.fromEntries(
    Object.keys(envSchema.shape)
      .filter(
        (k) =>
          !["NODE_ENV", "TWILIO_AUTH_TOKEN", "RESEND_WEBHOOK_SECRET", "SIGNALBOARD_DEV_SECRETS"].includes(k),
      )
      .map((k) => [k, ""]),
  );

  function configCheck(env: RawEnv, cwd: string): Promise<string> {
    const childEnv: RawEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...blank, ...BASE, ...env };
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [tsxCli, script], {
        cwd,
        env: childEnv as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "inherit"],
      });
      let stdout = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.on("error", reject);
      child.on("close", () => resolve(stdout));
    });
  }

  it("says which provider runs on a generated secret after the user replaced the Twilio one in .env.local", async () => {
    const { dir, file } = await generatedDir();
    const envFile = path.join(dir, ".env.local");
    const edited = (await readFile(envFile, "utf8")).replace(file.TWILIO_AUTH_TOKEN!, REAL_TWILIO);
    await writeFile(envFile, edited);

    const out = await configCheck({}, dir);
    expect(out).toMatch(/! RESEND_WEBHOOK_SECRET is the local development secret generated/);
    expect(out).not.toMatch(/! TWILIO_AUTH_TOKEN/);
    expect(out).toMatch(/Resend runs on the generated development secret/);
    expect(out).toMatch(/Twilio runs on a secret you set/);
    // Secrets are never printed.
    expect(out).not.toContain(REAL_TWILIO);
    expect(out).not.toContain(file.RESEND_WEBHOOK_SECRET!);
  });
});
