// Reading the server's refusals in room tests: a refused create or join carries a Refusal as JSON
// in the SDK error's message (shared/refusals.ts), a close reason too.
import { parseRefusal, type Refusal } from "../../shared/refusals";

/** The refusal a create or join was refused with (fails when it was not refused, or not with a code). */
export async function refusalOf(attempt: Promise<unknown>): Promise<Refusal> {
  try {
    await attempt;
  } catch (error) {
    const message = (error as Error).message;
    const refusal = parseRefusal(message);
    if (!refusal) throw new Error(`refused without a code: ${message}`, { cause: error });
    return refusal;
  }
  throw new Error("not refused");
}
