import { describe, expect, it } from 'vitest';
import { containsPersonalData } from '../privacy-guard';
import { validPhone, seededRng } from '../../test/personal-numbers';
import { workshopCommandSchema } from './runtime';

/*
 * Review of issue 10, R12: client keys are stored and sent to every phone (a theme's id sits in
 * the workshop state). A key may hold at most seven digits, unless it is shaped like a UUID:
 * then any hex passes, so "41234567-…" carries a phone number into the state.
 */

const phoneUuid = (rng: () => number) => `${validPhone(rng)}-89ab-4cde-8f01-23456789abcd`;

describe('review R12: a new theme id shaped like a UUID', () => {
  it('may not carry a phone number', () => {
    for (let i = 0; i < 10; i++) {
      const clusterId = phoneUuid(seededRng(300 + i));
      expect(containsPersonalData(clusterId)).toBe(true);
      expect(workshopCommandSchema.safeParse({ type: 'clusterCreate', clusterId, name: 'Tema' }).success, clusterId).toBe(false);
    }
  });

  it('still accepts the ids the console makes', () => {
    expect(workshopCommandSchema.safeParse({ type: 'clusterCreate', clusterId: `c${Date.now().toString(36)}`, name: 'Tema' }).success).toBe(true);
  });
});
