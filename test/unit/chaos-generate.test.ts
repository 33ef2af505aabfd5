// The chaos console's generator: a seed is a case, always the same one; over many seeds every choice comes up,
// and no seed asks the replica for a combination it does not have.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chaosCase } from '../chaos/generate';
import { applyConfig, defaultConfig } from '../replica/state';

describe('chaos console generator', () => {
  it('gives the same case for the same seed, and says what it picked', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const a = chaosCase(seed);
        expect(chaosCase(seed)).toEqual(a);
        expect(a.choices.length).toBeGreaterThan(1);
        // Every patch applies to the replica's configuration.
        const config = applyConfig(defaultConfig(), a.patch);
        expect(['current', 'legacy']).toContain(config.aws.variant);
        // The 2016 console has no language, navigation or step-name variants: a seed never asks it for them.
        if (config.aws.variant === 'legacy') {
          expect(config.aws.locale).toBe('en');
          expect(config.aws.navigation).toBe('hash');
          expect(config.aws.multiSessionHost).toBeNull();
        }
      }),
    );
  });

  it('reaches every choice within 300 seeds', () => {
    const seen = new Set(Array.from({ length: 300 }, (_, i) => chaosCase(i + 1).choices).flat().map((c) => c.replace(/\d+ ms/, 'N ms')));
    for (const choice of [
      'current console', '2016 console', 'steps render N ms late', 'prefill parameters ignored', 'trust relationship on a tab',
      'labels in ja', 'labels in de', 'pushState navigation', 'step names: singular', 'step names: none',
      'editor re-applies its value once', 'editor re-applies its value always', 'header search decoy', 'fields reordered',
      'multi-session host', 'Require MFA ticked at start', 'Docker Cloud 2016 layout', 'Docker Cloud swarm-mode layout',
    ]) expect(seen, choice).toContain(choice);
  });

  it('spreads seeds: neighbouring seeds differ', () => {
    const cases = Array.from({ length: 50 }, (_, i) => JSON.stringify(chaosCase(i).patch));
    expect(new Set(cases).size).toBeGreaterThan(40);
  });
});
