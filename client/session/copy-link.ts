// Copy link: the room's join link to the clipboard (or shown, where the clipboard is refused).
import { showNotice } from "../ui";
import { joinLink } from "./routes";
import { t } from "../i18n/i18n";

export function copyLink(code: string): void {
  const link = joinLink(code);
  const shown = () => showNotice(() => t("session.shareLink", { link }));
  if (!navigator.clipboard) return shown();
  navigator.clipboard.writeText(link).then(() => showNotice(t("session.linkCopied", { link })), shown);
}
