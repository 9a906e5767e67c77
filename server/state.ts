// Moved to shared/state.ts (the client reads it too); this re-export goes once no importer is left.
export * from "../shared/state";
