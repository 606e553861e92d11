import { describe, expect, it } from 'vitest';
import { icuSignature } from './icu-arguments';

describe('the ICU signature of a message', () => {
  it('lists plain arguments and skips text', () => {
    expect(icuSignature('Bli med i «{title}»')).toEqual(['title']);
    expect(icuSignature('Ingen argument her')).toEqual([]);
  });

  it('reads arguments inside plural branches, but not their selectors or text', () => {
    const nb = '{count, plural, =0 {Importer} one {Importer # funn fra {source}} other {Importer # funn}}';
    expect(icuSignature(nb)).toEqual(['count:plural', 'source']);
    // A language may have other plural branches than bokmål: that is no mismatch.
    expect(icuSignature('{count, plural, one {Import # finding from {source}} other {Import # findings}}')).toEqual(icuSignature(nb));
  });

  it('keeps select branches, since each one is picked by a value', () => {
    expect(icuSignature('{role, select, owner {Eier} other {Fasilitator}}')).toEqual(['role:select:other|owner']);
    expect(icuSignature('{role, select, owner {Eigar} member {Medlem} other {Fasilitator}}')).not.toEqual(icuSignature('{role, select, owner {Eier} other {Fasilitator}}'));
  });

  it('notices a lost or renamed argument and a lost rich-text tag', () => {
    expect(icuSignature('Flytt {name} opp')).not.toEqual(icuSignature('Flytt {title} opp'));
    expect(icuSignature('Les <strong>dette</strong> først')).toEqual(['<strong>']);
    expect(icuSignature('Les dette først')).not.toEqual(icuSignature('Les <strong>dette</strong> først'));
  });

  it('treats quoted braces as text', () => {
    expect(icuSignature("Skriv '{'navn'}' her, {who}")).toEqual(['who']);
  });

  it('refuses a message with unbalanced braces', () => {
    expect(() => icuSignature('Flytt {name opp')).toThrow(/Unbalanced/);
  });
});
