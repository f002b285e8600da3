import { describe, expect, it } from 'vitest';

// The project brings Node 24 LTS as the `node` package so npm scripts never run on an
// end-of-life Node that happens to be on the machine (Colyseus 0.18 needs Node 22 or later).
describe('runtime', () => {
  it('runs the tests on the Node the project brings (24 LTS)', () => {
    const major = Number(process.versions.node.split('.')[0]);
    expect(major).toBe(24);
  });
});
