// A small Phaser game that draws on demand: one scene, one Graphics layer, a few labels. The
// loop sleeps between redraws so idle pages (and headless test browsers) stay cheap.
import * as Phaser from "phaser";

export type Draw = (g: Phaser.GameObjects.Graphics, label: (x: number, y: number, text: string, style?: LabelStyle) => void) => void;
export interface LabelStyle { color?: string; size?: number; originX?: number; originY?: number; angle?: number }

const FRAMES_AFTER_DRAW = 3;

export class PhaserView {
  readonly game: Phaser.Game;
  private scene?: Phaser.Scene;
  private graphics?: Phaser.GameObjects.Graphics;
  private labels: Phaser.GameObjects.Text[] = [];
  private pending?: Draw;
  private framesLeft = FRAMES_AFTER_DRAW;

  constructor(parent: HTMLElement, readonly width: number, readonly height: number) {
    const view = this;
    this.game = new Phaser.Game({
      type: Phaser.AUTO,
      parent,
      width,
      height,
      backgroundColor: "#040a1a",
      antialias: true,
      banner: false,
      audio: { noAudio: true },
      scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY },
      scene: {
        create(this: Phaser.Scene) {
          view.scene = this;
          view.graphics = this.add.graphics();
          if (view.pending) view.draw(view.pending);
        },
      },
    });
    this.game.events.on(Phaser.Core.Events.POST_RENDER, () => {
      if (--this.framesLeft <= 0) this.game.loop.sleep();
    });
    window.addEventListener("resize", () => this.wake());
  }

  /** Replaces the picture with whatever `draw` paints. */
  draw(draw: Draw): void {
    this.pending = draw;
    const scene = this.scene;
    const g = this.graphics;
    if (!scene || !g) return; // drawn once the scene is created
    g.clear();
    for (const label of this.labels) label.destroy();
    this.labels = [];
    draw(g, (x, y, text, style = {}) => {
      const t = scene.add.text(x, y, text, {
        fontFamily: "system-ui, sans-serif",
        fontSize: `${style.size ?? 20}px`,
        color: style.color ?? "#c8d6f0",
      });
      t.setOrigin(style.originX ?? 0.5, style.originY ?? 0.5);
      if (style.angle) t.setAngle(style.angle);
      this.labels.push(t);
    });
    this.wake();
  }

  /** Call after the canvas's box was hidden and shown again. */
  refresh(): void {
    this.game.scale.refresh();
    this.wake();
  }

  private wake(): void {
    this.framesLeft = FRAMES_AFTER_DRAW;
    this.game.loop.wake();
  }
}
