// validateConfig() is what `npm start` and `npm run config:check` run before the server listens: these
// cases pin the defaults, the strict parsing and the wording (every problem names its variable).
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "../env";
import { envSchema, type RawEnv } from "./schema";
import { getWebhookUrls, validateConfig, type ConfigValidation } from "./validate";

const TWILIO_TOKEN = "0123456789abcdef0123456789abcdef";
const RESEND_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const RESEND_SECRET_2 = "whsec_c2Vjb25kLXNlY3JldC1mb3Itcm90YXRpb24=";

/** A configuration with no errors and no warnings, to change one variable at a time. */
const good: RawEnv = {
  NODE_ENV: "production",
  TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
  RESEND_WEBHOOK_SECRET: RESEND_SECRET,
  WEBHOOK_BASE_URL: "https://hooks.example.com",
  AUTH_SECRET: "0123456789abcdef0123456789abcdef-auth",
};

function valid(env: RawEnv) {
  const result = validateConfig(env);
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
  expect(result.config).toBeDefined();
  return { ...result, config: result.config! };
}

function errorFor(result: ConfigValidation, variable: string) {
  expect(result.valid).toBe(false);
  expect(result.config).toBeUndefined();
  const error = result.errors.find((e) => e.variable === variable);
  expect(error, `expected an error for ${variable}, got ${JSON.stringify(result.errors)}`).toBeDefined();
  return error!;
}

const variablesOf = (problems: { variable: string }[]) => problems.map((p) => p.variable);

describe("validateConfig: defaults", () => {
  it("fills every documented default from an empty environment", () => {
    const { config } = valid({});
    expect(config.WEBHOOK_TIMEOUT).toBe(10);
    expect(config.TIMESTAMP_MATCHING_WINDOW).toBe(3600);
    expect(config.WEBHOOK_MAX_BODY_BYTES).toBe(65536);
    expect(config.TWILIO_WEBHOOK_URL).toBe("/webhooks/twilio");
    expect(config.RESEND_WEBHOOK_URL).toBe("/webhooks/resend");
    expect(config.MESSAGE_ID_MAPPING_STRATEGY).toBe("database");
    expect(config.VERIFY_WEBHOOK_SIGNATURES).toBe(true);
    expect(config.PORT).toBe(3000);
    expect(config.NODE_ENV).toBe("development");
    expect(config.TWILIO_AUTH_TOKEN).toEqual([]);
    expect(config.RESEND_WEBHOOK_SECRET).toEqual([]);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("treats empty and blank values as unset", () => {
    const { config } = valid({
      WEBHOOK_TIMEOUT: "",
      VERIFY_WEBHOOK_SIGNATURES: "  ",
      TWILIO_WEBHOOK_URL: "",
    });
    expect(config.WEBHOOK_TIMEOUT).toBe(10);
    expect(config.VERIFY_WEBHOOK_SIGNATURES).toBe(true);
    expect(config.TWILIO_WEBHOOK_URL).toBe("/webhooks/twilio");
  });

  it("a complete production configuration has neither errors nor warnings", () => {
    const result = valid(good);
    expect(result.warnings).toEqual([]);
  });

  it("parses numbers and rejects numbers out of range, naming the variable", () => {
    expect(valid({ ...good, WEBHOOK_TIMEOUT: "30" }).config.WEBHOOK_TIMEOUT).toBe(30);
    expect(
      errorFor(validateConfig({ ...good, WEBHOOK_TIMEOUT: "ten" }), "WEBHOOK_TIMEOUT").message,
    ).toContain('"ten"');
    expect(errorFor(validateConfig({ ...good, WEBHOOK_TIMEOUT: "0" }), "WEBHOOK_TIMEOUT").message).toMatch(
      /whole number/,
    );
    errorFor(validateConfig({ ...good, WEBHOOK_MAX_BODY_BYTES: "100" }), "WEBHOOK_MAX_BODY_BYTES");
    errorFor(validateConfig({ ...good, TIMESTAMP_MATCHING_WINDOW: "1.5" }), "TIMESTAMP_MATCHING_WINDOW");
  });
});

describe("validateConfig: strict booleans", () => {
  it.each([
    ["false", false],
    ["FALSE", false],
    ["0", false],
    ["true", true],
    ["TRUE", true],
    ["1", true],
  ])("VERIFY_WEBHOOK_SIGNATURES=%s is %s", (value, expected) => {
    const { config } = valid({ NODE_ENV: "development", VERIFY_WEBHOOK_SIGNATURES: value });
    expect(config.VERIFY_WEBHOOK_SIGNATURES).toBe(expected);
  });

  it.each(["yes", "no", "off", "ture"])(
    "VERIFY_WEBHOOK_SIGNATURES=%s is an error naming the variable",
    (value) => {
      const result = validateConfig({ ...good, VERIFY_WEBHOOK_SIGNATURES: value });
      const error = errorFor(result, "VERIFY_WEBHOOK_SIGNATURES");
      expect(error.message).toContain(`"${value}"`);
      expect(error.message).toMatch(/"true" or "false"/);
    },
  );
});

describe("validateConfig: errors name the variable", () => {
  it("DASHBOARD_TIMEZONE: UTC by default, any IANA zone (canonical spelling), anything else refused", () => {
    expect(valid(good).config.DASHBOARD_TIMEZONE).toBe("UTC");
    expect(valid({ ...good, DASHBOARD_TIMEZONE: "europe/berlin" }).config.DASHBOARD_TIMEZONE).toBe(
      "Europe/Berlin",
    );
    const error = errorFor(
      validateConfig({ ...good, DASHBOARD_TIMEZONE: "Mars/Olympus" }),
      "DASHBOARD_TIMEZONE",
    );
    expect(error.message).toContain("IANA");
  });

  it.each(["hooks.example.com", "not a url", "ftp://hooks.example.com", "https://hooks.example.com/?a=1"])(
    "WEBHOOK_BASE_URL=%s is refused",
    (value) => {
      errorFor(validateConfig({ ...good, WEBHOOK_BASE_URL: value }), "WEBHOOK_BASE_URL");
    },
  );

  it.each([
    "sk_live_abcdefghijklmnopqrstuvwxyz",
    "whsec_",
    "whsec_short",
    "whsec_not base64 at all!!",
    "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  ])("RESEND_WEBHOOK_SECRET=%s (not whsec_<base64>) is refused", (value) => {
    const error = errorFor(
      validateConfig({ ...good, RESEND_WEBHOOK_SECRET: value }),
      "RESEND_WEBHOOK_SECRET",
    );
    expect(error.message).toContain("whsec_");
    // The secret itself is never echoed back.
    if (value !== "whsec_") expect(error.message).not.toContain(value);
  });

  it("refuses an unknown MESSAGE_ID_MAPPING_STRATEGY and lists the allowed ones", () => {
    const error = errorFor(
      validateConfig({ ...good, MESSAGE_ID_MAPPING_STRATEGY: "guess" }),
      "MESSAGE_ID_MAPPING_STRATEGY",
    );
    expect(error.message).toContain('"guess"');
    expect(error.message).toMatch(/database.*embedded.*timestamp/);
  });

  it.each(["database", "embedded", "timestamp", "TIMESTAMP"])(
    "accepts MESSAGE_ID_MAPPING_STRATEGY=%s",
    (value) => {
      expect(valid({ ...good, MESSAGE_ID_MAPPING_STRATEGY: value }).config.MESSAGE_ID_MAPPING_STRATEGY).toBe(
        value.toLowerCase(),
      );
    },
  );

  it("refuses VERIFY_WEBHOOK_SIGNATURES=false in production", () => {
    const result = validateConfig({ ...good, NODE_ENV: "production", VERIFY_WEBHOOK_SIGNATURES: "false" });
    const error = errorFor(result, "VERIFY_WEBHOOK_SIGNATURES");
    expect(error.message).toMatch(/production/);
    expect(variablesOf(result.warnings)).not.toContain("VERIFY_WEBHOOK_SIGNATURES");
  });

  it("only warns about VERIFY_WEBHOOK_SIGNATURES=false in development", () => {
    const result = valid({ ...good, NODE_ENV: "development", VERIFY_WEBHOOK_SIGNATURES: "false" });
    expect(result.config.VERIFY_WEBHOOK_SIGNATURES).toBe(false);
    expect(variablesOf(result.warnings)).toEqual(["VERIFY_WEBHOOK_SIGNATURES"]);
  });

  it("reports every problem at once, each under its own variable", () => {
    const result = validateConfig({
      VERIFY_WEBHOOK_SIGNATURES: "yes",
      WEBHOOK_BASE_URL: "hooks.example.com",
      RESEND_WEBHOOK_SECRET: "abc",
      MESSAGE_ID_MAPPING_STRATEGY: "guess",
      DATABASE_URL: "mysql://localhost/db",
      TWILIO_ACCOUNT_SID: "AC123",
    });
    expect(result.valid).toBe(false);
    expect(new Set(variablesOf(result.errors))).toEqual(
      new Set([
        "VERIFY_WEBHOOK_SIGNATURES",
        "WEBHOOK_BASE_URL",
        "RESEND_WEBHOOK_SECRET",
        "MESSAGE_ID_MAPPING_STRATEGY",
        "DATABASE_URL",
        "TWILIO_ACCOUNT_SID",
      ]),
    );
    // What a person reads at start-up: one line per problem, starting with the variable's name.
    const shown = new ConfigError(result).message.split("\n").slice(1);
    expect(shown).toHaveLength(result.errors.length);
    for (const [i, line] of shown.entries())
      expect(line).toMatch(new RegExp(`^  - ${result.errors[i].variable} \\S`));
  });
});

describe("validateConfig: secret rotation lists", () => {
  it("splits comma-separated TWILIO_AUTH_TOKEN values and drops blanks", () => {
    const { config } = valid({
      ...good,
      TWILIO_AUTH_TOKEN: ` ${TWILIO_TOKEN} , ,fedcba9876543210fedcba9876543210,`,
    });
    expect(config.TWILIO_AUTH_TOKEN).toEqual([TWILIO_TOKEN, "fedcba9876543210fedcba9876543210"]);
  });

  it("accepts two whsec_ secrets in RESEND_WEBHOOK_SECRET while one is rotated", () => {
    const { config } = valid({ ...good, RESEND_WEBHOOK_SECRET: `${RESEND_SECRET}, ${RESEND_SECRET_2}` });
    expect(config.RESEND_WEBHOOK_SECRET).toEqual([RESEND_SECRET, RESEND_SECRET_2]);
  });

  it("refuses a rotation list with one bad RESEND_WEBHOOK_SECRET entry", () => {
    errorFor(
      validateConfig({ ...good, RESEND_WEBHOOK_SECRET: `${RESEND_SECRET},not-a-secret` }),
      "RESEND_WEBHOOK_SECRET",
    );
  });
});

describe("validateConfig: warnings", () => {
  it("warns about each missing provider secret, but stays valid", () => {
    const result = valid({ ...good, TWILIO_AUTH_TOKEN: undefined, RESEND_WEBHOOK_SECRET: "" });
    expect(variablesOf(result.warnings).sort()).toEqual(["RESEND_WEBHOOK_SECRET", "TWILIO_AUTH_TOKEN"]);
    expect(result.warnings.find((w) => w.variable === "TWILIO_AUTH_TOKEN")!.message).toMatch(/401/);
  });

  it("warns only about the provider whose secret is missing", () => {
    expect(variablesOf(valid({ ...good, TWILIO_AUTH_TOKEN: undefined }).warnings)).toEqual([
      "TWILIO_AUTH_TOKEN",
    ]);
    expect(variablesOf(valid({ ...good, RESEND_WEBHOOK_SECRET: undefined }).warnings)).toEqual([
      "RESEND_WEBHOOK_SECRET",
    ]);
  });

  it("warns in production when AUTH_SECRET is missing, and refuses a short one", () => {
    const { AUTH_SECRET: _omit, ...withoutSecret } = good;
    void _omit;
    expect(variablesOf(valid(withoutSecret).warnings)).toContain("AUTH_SECRET");
    expect(errorFor(validateConfig({ ...good, AUTH_SECRET: "too-short" }), "AUTH_SECRET").message).toMatch(
      /32/,
    );
  });

  it("wants ADMIN_EMAIL and ADMIN_PASSWORD together, a real address and a 12+ character password", () => {
    expect(
      errorFor(validateConfig({ ...good, ADMIN_EMAIL: "ada@example.com" }), "ADMIN_PASSWORD").message,
    ).toMatch(/together/);
    expect(
      errorFor(
        validateConfig({ ...good, ADMIN_EMAIL: "ada", ADMIN_PASSWORD: "long-enough-pw" }),
        "ADMIN_EMAIL",
      ),
    );
    expect(
      errorFor(
        validateConfig({ ...good, ADMIN_EMAIL: "ada@example.com", ADMIN_PASSWORD: "short" }),
        "ADMIN_PASSWORD",
      ),
    );
    valid({ ...good, ADMIN_EMAIL: "ada@example.com", ADMIN_PASSWORD: "long-enough-pw" });
  });

  it("warns when WEBHOOK_BASE_URL is not https", () => {
    const result = valid({ ...good, WEBHOOK_BASE_URL: "http://hooks.example.com" });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0].variable).toBe("WEBHOOK_BASE_URL");
    expect(result.warnings[0].message).toMatch(/https/);
  });

  it("warns when WEBHOOK_BASE_URL is unset and says which origin is assumed", () => {
    const result = valid({ ...good, WEBHOOK_BASE_URL: undefined, PORT: "4100" });
    expect(variablesOf(result.warnings)).toEqual(["WEBHOOK_BASE_URL"]);
    expect(result.warnings[0].message).toContain("http://localhost:4100");
  });

  it("warns about a SIGNALBOARD_DEV_SECRETS=true that does not say which secrets were generated", () => {
    expect(variablesOf(valid({ ...good, SIGNALBOARD_DEV_SECRETS: "true" }).warnings)).toEqual([
      "SIGNALBOARD_DEV_SECRETS",
    ]);
  });
});

describe("getWebhookUrls", () => {
  it("uses http://localhost:<PORT> when WEBHOOK_BASE_URL is unset", () => {
    expect(getWebhookUrls(valid({ PORT: "8080" }).config)).toEqual({
      twilio: "http://localhost:8080/webhooks/twilio",
      twilioStatusCallback: "http://localhost:8080/webhooks/twilio#rc=5&rp=5xx,ct,rt",
      resend: "http://localhost:8080/webhooks/resend",
      health: "http://localhost:8080/webhooks/health",
    });
  });

  it.each(["https://hooks.example.com", "https://hooks.example.com/", "https://hooks.example.com//"])(
    "joins WEBHOOK_BASE_URL=%s without a double slash",
    (base) => {
      expect(getWebhookUrls(valid({ ...good, WEBHOOK_BASE_URL: base }).config)).toEqual({
        twilio: "https://hooks.example.com/webhooks/twilio",
        twilioStatusCallback: "https://hooks.example.com/webhooks/twilio#rc=5&rp=5xx,ct,rt",
        resend: "https://hooks.example.com/webhooks/resend",
        health: "https://hooks.example.com/webhooks/health",
      });
    },
  );

  it("keeps a path prefix of WEBHOOK_BASE_URL (behind a reverse proxy)", () => {
    const urls = getWebhookUrls(
      valid({ ...good, WEBHOOK_BASE_URL: "https://example.com/signalboard/" }).config,
    );
    expect(urls.twilio).toBe("https://example.com/signalboard/webhooks/twilio");
  });

  it("uses non-default webhook paths", () => {
    const { config } = valid({
      ...good,
      TWILIO_WEBHOOK_URL: "/hooks/sms-status",
      RESEND_WEBHOOK_URL: "/hooks/email",
    });
    expect(getWebhookUrls(config)).toEqual({
      twilio: "https://hooks.example.com/hooks/sms-status",
      twilioStatusCallback: "https://hooks.example.com/hooks/sms-status#rc=5&rp=5xx,ct,rt",
      resend: "https://hooks.example.com/hooks/email",
      health: "https://hooks.example.com/webhooks/health",
    });
  });

  it("asks Twilio to retry 4xx too when unknown messages are answered 404 to be sent again", () => {
    const { config } = valid({ ...good, UNKNOWN_MESSAGE_STATUS: "404" });
    expect(getWebhookUrls(config).twilioStatusCallback).toBe(
      "https://hooks.example.com/webhooks/twilio#rc=5&rp=4xx,5xx,ct,rt",
    );
  });

  it.each(["hooks/twilio", "/hooks/twilio/", "/", "/hooks?x=1"])("refuses the webhook path %s", (value) => {
    errorFor(validateConfig({ ...good, TWILIO_WEBHOOK_URL: value }), "TWILIO_WEBHOOK_URL");
  });
});

// `npm run config:check` loads .env files from its working directory, like `next start`: variables set
// in the environment must win over them, so these runs set every variable that matters explicitly.
describe("npm run config:check", () => {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const tsxCli = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  const script = path.join(root, "scripts", "config-check.ts");
  const tempDirs: string[] = [];
  afterAll(() => Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  function configCheck(
    env: RawEnv,
    cwd = root,
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    // Only PATH/HOME from the test process: not NODE_ENV=test, not whatever the developer exported.
    // (Next's types declare NODE_ENV as always present; here it is deliberately left out.)
    const childEnv: RawEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...env };
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [tsxCli, script], {
        cwd,
        env: childEnv as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  }

  // Every variable set (empty means "unset" to the schema), so nothing from a git-ignored .env.local — such
  // as the secrets `npm start` generates — can leak in: @next/env never overrides a variable already set.
  const blank = Object.fromEntries(
    Object.keys(envSchema.shape)
      .filter((k) => k !== "NODE_ENV")
      .map((k) => [k, ""]),
  );
  const explicit: RawEnv = { ...blank, ...good };

  it("exits 1 and names the variable for a bad configuration", async () => {
    const result = await configCheck({
      ...explicit,
      VERIFY_WEBHOOK_SIGNATURES: "yes",
      MESSAGE_ID_MAPPING_STRATEGY: "guess",
    });
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(/Configuration errors/);
    expect(result.stdout).toMatch(/✗ VERIFY_WEBHOOK_SIGNATURES must be "true" or "false", got "yes"/);
    expect(result.stdout).toMatch(/✗ MESSAGE_ID_MAPPING_STRATEGY must be one of/);
    expect(result.stdout).not.toMatch(/Webhook URLs/);
  });

  it("refuses VERIFY_WEBHOOK_SIGNATURES=false when NODE_ENV is unset (checks as production)", async () => {
    const result = await configCheck({
      ...explicit,
      NODE_ENV: undefined,
      VERIFY_WEBHOOK_SIGNATURES: "false",
    });
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(/✗ VERIFY_WEBHOOK_SIGNATURES cannot be false in production/);
  });

  it("exits 0 and prints the webhook URLs for a good configuration", async () => {
    const result = await configCheck({
      ...explicit,
      WEBHOOK_BASE_URL: "https://hooks.example.com/",
      TWILIO_WEBHOOK_URL: "/hooks/sms",
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain("https://hooks.example.com/hooks/sms");
    expect(result.stdout).toContain("https://hooks.example.com/webhooks/resend");
    expect(result.stdout).toContain("https://hooks.example.com/webhooks/health");
    expect(result.stdout).toMatch(/Configuration is valid\.$/m);
    // Secrets are never printed.
    expect(result.stdout).not.toContain(TWILIO_TOKEN);
    expect(result.stdout).not.toContain(RESEND_SECRET);
  });

  it("reads .env.local from its working directory, and explicitly set variables win over it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "signalboard-config-check-"));
    tempDirs.push(dir);
    await writeFile(
      path.join(dir, ".env.local"),
      `WEBHOOK_BASE_URL=https://from-env-file.example.com\nMESSAGE_ID_MAPPING_STRATEGY=guess\nTWILIO_AUTH_TOKEN=${TWILIO_TOKEN}\n`,
    );
    // A directory with no other .env file: only the variables below, and the file's.
    const withoutBase: RawEnv = { ...good, WEBHOOK_BASE_URL: undefined };

    const fromFile = await configCheck(withoutBase, dir);
    expect(fromFile.code, fromFile.stdout + fromFile.stderr).toBe(1);
    expect(fromFile.stdout).toMatch(/✗ MESSAGE_ID_MAPPING_STRATEGY/);

    const overridden = await configCheck({ ...withoutBase, MESSAGE_ID_MAPPING_STRATEGY: "timestamp" }, dir);
    expect(overridden.code, overridden.stdout + overridden.stderr).toBe(0);
    expect(overridden.stdout).toContain("https://from-env-file.example.com/webhooks/twilio");
  });
});
