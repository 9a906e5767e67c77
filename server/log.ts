// Structured logs: one JSON line per event on stdout (errors on stderr), with the room code and
// round when there are some, so a log search can follow one room.
type Fields = Record<string, unknown>;
type Level = "info" | "warn" | "error";

const LEVELS: Level[] = ["info", "warn", "error"];
/** LOG_LEVEL=warn keeps only warnings and errors (the tests use it). */
const minimum = Math.max(0, LEVELS.indexOf((process.env.LOG_LEVEL ?? "info") as Level));
const on = (level: Level) => LEVELS.indexOf(level) >= minimum;

function line(level: Level, event: string, fields: Fields): string {
  return JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }, (_key, value) =>
    value instanceof Error ? { message: value.message, stack: value.stack } : value,
  );
}

export const log = {
  info: (event: string, fields: Fields = {}) => on("info") && console.log(line("info", event, fields)),
  warn: (event: string, fields: Fields = {}) => on("warn") && console.warn(line("warn", event, fields)),
  error: (event: string, fields: Fields = {}) => on("error") && console.error(line("error", event, fields)),
};
