// The workshop roles moved to the shared room protocol (the server seats phones by role).
export * from '../protocol/roles.ts';
