// The QR code of a room's join link, as an SVG image (sharp at any size on a projector).
import { toString as qrSvg } from "qrcode";

const cache = new Map<string, Promise<string>>();

/** A data: URL of the link's QR code (dark modules on white, a quiet zone round it). */
export function qrDataUrl(link: string): Promise<string> {
  let url = cache.get(link);
  if (!url) {
    url = qrSvg(link, {
      type: "svg",
      margin: 2,
      errorCorrectionLevel: "M",
      color: { dark: "#000000", light: "#ffffff" },
    }).then((svg) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    cache.set(link, url);
  }
  return url;
}
