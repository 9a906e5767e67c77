// The spiral view: a spiral arm drawn as points (held-out validation points hollow) and a fitted
// curve over it. Tuning shows A with the current level's fit; the reveal shows B with yours.
import { PhaserView } from "./phaser-view";

export const COLOURS = { a: 0x56b4e9, fit: 0xe69f00, b: 0xcc79a7, grid: 0x1b2a4a } as const;

export interface SpiralPicture {
  points: { x: number[]; y: number[] };
  colour: number;
  /** Indices drawn hollow (A's validation split). */
  hollow?: Set<number>;
  curve?: { x: number[]; y: number[] };
}

const SIZE = 640;

export class SpiralView {
  private view: PhaserView;

  constructor(parent: HTMLElement) {
    this.view = new PhaserView(parent, SIZE, SIZE);
  }

  show(picture: SpiralPicture): void {
    const { points, colour, hollow, curve } = picture;
    // Scale to the points (a wild high-level curve may leave the frame; the points never do).
    let extent = 1e-6;
    for (let i = 0; i < points.x.length; i++) extent = Math.max(extent, Math.abs(points.x[i]), Math.abs(points.y[i]));
    const half = SIZE / 2;
    const k = (half * 0.9) / extent;
    const px = (x: number) => half + x * k;
    const py = (y: number) => half - y * k;

    this.view.draw((g) => {
      g.lineStyle(1, COLOURS.grid, 1);
      g.strokeCircle(half, half, half * 0.45);
      g.strokeCircle(half, half, half * 0.9);
      g.lineBetween(half, 8, half, SIZE - 8);
      g.lineBetween(8, half, SIZE - 8, half);

      for (let i = 0; i < points.x.length; i++) {
        if (hollow?.has(i)) {
          g.lineStyle(2, colour, 1);
          g.strokeCircle(px(points.x[i]), py(points.y[i]), 4.5);
        } else {
          g.fillStyle(colour, 0.95);
          g.fillCircle(px(points.x[i]), py(points.y[i]), 4);
        }
      }
      if (curve && curve.x.length > 1) {
        g.lineStyle(4, COLOURS.fit, 1);
        g.beginPath();
        g.moveTo(px(curve.x[0]), py(curve.y[0]));
        for (let i = 1; i < curve.x.length; i++) g.lineTo(px(curve.x[i]), py(curve.y[i]));
        g.strokePath();
      }
    });
  }

  refresh(): void {
    this.view.refresh();
  }
}
