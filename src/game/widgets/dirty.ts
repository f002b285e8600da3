// Who to tell when something the static layer holds changes (see static-layer.ts). Kept apart
// from the layer so text and drawing helpers can call it without importing Phaser itself
// (the layout tests import them in Node).

const listeners = new WeakMap<object, () => void>();

export function onDirty(scene: object, listener: () => void): void {
  listeners.set(scene, listener);
}

export function offDirty(scene: object): void {
  listeners.delete(scene);
}

/** Tells the scene's static layer that something it holds changed and must be drawn again. */
export function markDirty(scene: object): void {
  listeners.get(scene)?.();
}
