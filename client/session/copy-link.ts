// Copy link: the room's join link to the clipboard (or shown, where the clipboard is refused).
import { showNotice } from "../ui";
import { joinLink } from "./routes";

export function copyLink(code: string): void {
  const link = joinLink(code);
  const shown = () => showNotice(`Share this link: ${link}`);
  if (!navigator.clipboard) return shown();
  navigator.clipboard.writeText(link).then(() => showNotice(`Link copied: ${link}`), shown);
}
