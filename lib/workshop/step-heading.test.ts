import { describe, expect, it } from 'vitest';
import { stepHeading } from './step-heading';

describe('the heading of the current step', () => {
  it('names the kind before a title that does not', () => {
    expect(stepHeading('Grupperefleksjon', 'Hva ser dere på kontoret?')).toBe('Grupperefleksjon: Hva ser dere på kontoret?');
  });

  it('does not say the kind twice when the title starts with it', () => {
    expect(stepHeading('Plenum', 'Plenum: hva er viktigst?')).toBe('Plenum: hva er viktigst?');
    expect(stepHeading('Plenum', 'plenum – hva er viktigst?')).toBe('plenum – hva er viktigst?');
    expect(stepHeading('Plenum', 'Plenum')).toBe('Plenum');
  });

  it('falls back to the kind alone for a blank title', () => {
    expect(stepHeading('Funnrunde', '  ')).toBe('Funnrunde');
  });
});
