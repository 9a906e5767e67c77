// The /create canvas's view transform (client/create/view-transform.ts): photo pixels to the
// canvas and back, at any zoom and rotation; zooming and rotating keep the pivot's photo point.
import { describe, expect, it } from "vitest";
import { rotateAbout, toImage, toScreen, zoomAt, type View } from "../client/create/view-transform";

const view: View = {
  width: 640,
  height: 480,
  imageWidth: 1600,
  imageHeight: 900,
  zoom: 1,
  rotation: 0,
  panX: 0,
  panY: 0,
};
const close = (a: { x: number; y: number }, b: { x: number; y: number }) => {
  expect(a.x).toBeCloseTo(b.x, 9);
  expect(a.y).toBeCloseTo(b.y, 9);
};

describe("the tracer's view", () => {
  it("fits the photo and maps its middle to the canvas's middle", () => {
    close(toScreen(view, { x: 800, y: 450 }), { x: 320, y: 240 });
    close(toScreen(view, { x: 0, y: 450 }), { x: 0, y: 240 }); // 1600 px wide onto 640
  });

  it("goes there and back at any zoom, rotation and offset", () => {
    for (const v of [view, { ...view, zoom: 3.7, rotation: 135, panX: -40, panY: 17 }, { ...view, rotation: 271 }]) {
      for (const q of [
        { x: 0, y: 0 },
        { x: 1234.5, y: 77 },
        { x: 800, y: 899 },
      ])
        close(toImage(v, toScreen(v, q)), q);
    }
  });

  it("keeps the photo point under the pivot when zooming and rotating", () => {
    const pivot = { x: 100, y: 400 };
    const under = toImage(view, pivot);
    close(toImage(zoomAt(view, 2.5, pivot), pivot), under);
    close(toImage(rotateAbout(view, 45, pivot), pivot), under);
    expect(zoomAt(view, 1000, pivot).zoom).toBe(16); // ZOOM.max
  });
});
