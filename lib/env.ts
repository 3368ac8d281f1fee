// The only reader of process.env. Everything else asks for the parsed, validated configuration.
import { validateConfig, type ConfigValidation } from "./config/validate";
import type { Config, RawEnv } from "./config/schema";

export type { Config } from "./config/schema";

let cached: ConfigValidation | undefined;

/** A copy of the process environment, for code that must look at variables by name (config:check). */
export function readProcessEnv(): RawEnv {
  return { ...process.env };
}

export function getConfigValidation(): ConfigValidation {
  cached ??= validateConfig(readProcessEnv());
  return cached;
}

export class ConfigError extends Error {
  constructor(readonly validation: ConfigValidation) {
    super(
      "Signalboard's configuration is invalid:\n" +
        validation.errors.map((e) => `  - ${e.variable} ${e.message}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

/** The validated configuration. Throws ConfigError (with every problem named) when it is invalid. */
export function getConfig(): Config {
  const validation = getConfigValidation();
  if (!validation.config) throw new ConfigError(validation);
  return validation.config;
}

/** Re-reads process.env: for tests and scripts that change the environment after start. */
export function reloadConfig(): Config {
  cached = undefined;
  return getConfig();
}
