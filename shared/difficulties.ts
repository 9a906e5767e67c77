// A's measurement noise, by name. A leaf module (imports nothing) so that shared/protocol.ts and
// shared/teacher.ts can both use it without importing each other in a cycle.
export const DIFFICULTIES = ["easy", "normal", "hard"] as const;
