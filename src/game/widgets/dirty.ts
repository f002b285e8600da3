// Who to tell when something the static layer holds changes (see static-layer.ts). Kept apart
// from the layer so text and drawing helpers can call it without importing Phaser itself
// (the layout tests import them in Node).

const listeners = new WeakMap<object, (changed: object | undefined) => void>();

export function onDirty(scene: object, listener: (changed: object | undefined) => void): void {
  listeners.set(scene, listener);
}

export function offDirty(scene: object): void {
  listeners.delete(scene);
}

/**
 * Tells the scene's static layer that something changed and must be drawn again: `changed`, the
 * object whose drawing changed, unless the change is not one object's.
 */
export function markDirty(scene: object, changed?: object): void {
  listeners.get(scene)?.(changed);
}
