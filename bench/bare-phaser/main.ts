// The benchmark's baseline: the smallest honest Phaser 4 app, one scene that draws every frame.
import * as Phaser from 'phaser';

class OneScene extends Phaser.Scene {
  private box!: Phaser.GameObjects.Rectangle;
  create(): void {
    this.box = this.add.rectangle(100, 100, 80, 80, 0x3fb950);
    this.add.text(20, 20, 'bare', { color: '#ffffff' });
    this.game.events.once('postrender', () => {
      document.body.dataset.warRoomFrame = '1';
    });
  }
  override update(time: number): void {
    this.box.x = 100 + Math.sin(time / 500) * 50;
  }
}

new Phaser.Game({ type: Phaser.AUTO, width: 1280, height: 720, backgroundColor: '#0b1220', scene: OneScene, input: { keyboard: false } });
