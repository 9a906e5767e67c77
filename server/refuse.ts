// A refused create or join: a Colyseus ServerError whose message is a Refusal as JSON
// (shared/refusals.ts), which the client words in the player's language.
import { ErrorCode, ServerError } from "@colyseus/core";
import { refusalMessage, type Refusal, type RefusalCode, type RefusalParams } from "../shared/refusals";

export const refuse = (code: RefusalCode | Refusal, params?: RefusalParams) =>
  new ServerError(
    ErrorCode.MATCHMAKE_INVALID_CRITERIA,
    refusalMessage(typeof code === "string" ? { code, ...(params ? { params } : {}) } : code),
  );
