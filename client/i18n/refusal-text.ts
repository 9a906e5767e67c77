// The server's refusals in the reader's language: a refused create or join (a Refusal, read from
// the SDK error's message with parseRefusal), an in-room `error` message, a close reason, an HTTP
// error's code. Each is `errors.<code>` of client/locales/<lang>/errors.json with its params; a
// `reason` param is a code too, worded first and put into its parent's sentence.
import { ENGLISH } from "./messages";
import { formatDate, language, t } from "./i18n";
import { formatInZone } from "../teacher/deadline";

type Params = Record<string, string | number>;

/** Whether errors.json has a sentence for `code` (English has every key; other languages fall back to it). */
export const knowsRefusal = (code: string): boolean => ENGLISH.has(`errors.${code}`);

/** A homework deadline as the teacher's time zone reads it, in the language shown. */
function deadlineIn(deadline: string, zone: string): string {
  if (Number.isNaN(Date.parse(deadline))) return deadline;
  try {
    return formatInZone(deadline, zone, language());
  } catch {
    return formatDate(deadline, { dateStyle: "medium", timeStyle: "short" }); // a zone this browser does not know
  }
}

/** A refusal's parameters ready for its sentence: the nested reason worded, a deadline formatted. */
function wordedParams(params: Params, depth: number): Params {
  const out: Params = { ...params };
  const { reason } = params;
  if (typeof reason === "string") {
    out.reason =
      knowsRefusal(reason) && depth < 3
        ? t(`errors.${reason}`, wordedParams(paramsWithout(params), depth + 1))
        : reason;
  }
  if (typeof params.deadline === "string" && typeof params.zone === "string") {
    out.when = deadlineIn(params.deadline, params.zone);
  }
  return out;
}

const paramsWithout = ({ reason: _reason, ...rest }: Params): Params => rest;

/**
 * A refusal in words: `t("errors." + code, params)`, with `reason` (a code) worded inside it.
 * An unknown code still says something, with the code in it.
 */
export function describeRefusal(r: { code: string; params?: Record<string, string | number> }): string {
  const params = r.params ?? {};
  if (!knowsRefusal(r.code)) return t("errors.unknownRefusal", { code: r.code });
  try {
    return t(`errors.${r.code}`, wordedParams(params, 0));
  } catch {
    return t("errors.unknownRefusal", { code: r.code }); // a param the sentence needs is missing
  }
}
