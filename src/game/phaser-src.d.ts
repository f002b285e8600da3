// Modules of Phaser's own sources (node_modules/phaser/src, reached through the `phaser-src/`
// alias of ./phaser-core-plugin.ts). They carry no types: ./phaser.ts gives each value the type
// the 'phaser' package declares for it.
declare module 'phaser-src/*' {
  const phaserModule: any;
  export default phaserModule;
}
