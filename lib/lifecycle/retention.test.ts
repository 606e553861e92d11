import { describe, expect, it } from 'vitest';
import { feedbackKinds } from '@/db/schema/feedback';
import { initialLiveSessionState } from '@/lib/live-session';
import { startSupervision } from '@/lib/supervision/engine';
import { feedbackRetention, isDue, osloDate, RETAINED_MARK, retainItem, retainSessionState, retainSort } from './retention';

const at = new Date('2027-02-01T03:00:00Z');
const item = (kind: (typeof feedbackKinds)[number], extra: Partial<Parameters<typeof retainItem>[0]> = {}) =>
  retainItem({ kind, text: 'Skrevet av en deltaker', authorKind: 'anonymous', authorName: null, data: {}, ...extra }, at);

describe('retainItem', () => {
  it('has a rule for every feedback kind', () => {
    expect(Object.keys(feedbackRetention).sort()).toEqual([...feedbackKinds].sort());
  });

  it("clears participants' own words and keeps what was counted", () => {
    for (const kind of ['finding_response', 'note', 'evaluation_text', 'round_notes', 'learning_point', 'q_comment', 'supervision_case', 'agreement'] as const) {
      expect(item(kind)).toMatchObject({ text: '', data: { [RETAINED_MARK]: at.toISOString() } });
    }
    for (const kind of ['vote_count', 'evaluation', 'q_factor'] as const) expect(item(kind)).toBeNull();
    // A word cloud counts single words; a phrase someone typed is their own words.
    expect(item('word', { text: 'tillit' })).toBeNull();
    expect(item('word')).toMatchObject({ text: '' });
  });

  it("drops the notes copied into a theme, the case's question and a whole agreement, keeping the rest of data", () => {
    expect(item('cluster', { data: { notes: ['Lapp'], extra: 1 } })).toEqual({ text: 'Skrevet av en deltaker', authorName: null, data: { extra: 1, [RETAINED_MARK]: at.toISOString() } });
    expect(item('supervision_case', { data: { question: 'Hva gjør jeg?', template: 'Mal' } })?.data).toEqual({ template: 'Mal', [RETAINED_MARK]: at.toISOString() });
    expect(item('agreement', { data: { specific: 'Ring Kari', measurable: 'x' } })?.data).toEqual({ [RETAINED_MARK]: at.toISOString() });
  });

  it("removes named authors' names and pseudonyms but not group labels", () => {
    expect(item('word', { text: 'tillit', authorKind: 'named', authorName: 'Kari' })).toMatchObject({ text: 'tillit', authorName: null });
    expect(item('q_comment', { authorKind: 'pseudonym', authorName: 'Blåbær' })).toMatchObject({ authorName: null });
    expect(item('vote_count', { authorKind: 'group', authorName: 'Gruppe 2' })).toBeNull();
  });

  it('finds nothing to do the second time', () => {
    const first = item('note', { authorKind: 'named', authorName: 'Kari', data: { colour: 'gul' } })!;
    expect(retainItem({ kind: 'note', authorKind: 'named', ...first }, at)).toBeNull();
  });
});

describe('retainSort', () => {
  it('keeps every placement and drops comments, the missing-statement text and the pseudonym', () => {
    const state = { step: 'done' as const, piles: { a: 'agree' as const }, columns: [['a'], ['b']], comments: { a: 'Fordi' }, missing: 'Mer om tid', pseudonym: 'Blåbær' };
    expect(retainSort(state)).toEqual({ ...state, comments: {}, missing: '', pseudonym: '' });
    expect(retainSort({ ...state, comments: {}, missing: '', pseudonym: '' })).toBeNull();
  });
});

describe('which projects are due', () => {
  it('keeps the text through the date itself and in Norway\'s calendar', () => {
    expect(isDue('2027-01-31', '2027-02-01')).toBe(true);
    expect(isDue('2027-02-01', '2027-02-01')).toBe(false);
    expect(isDue(null, '2027-02-01')).toBe(false);
    // 23:30 UTC on 31 January is already 1 February in Oslo.
    expect(osloDate(new Date('2027-01-31T23:30:00Z'))).toBe('2027-02-01');
  });
});

describe('retainSessionState', () => {
  it("drops the facilitator's message, the case, members' names and carried-over agreements, keeping the rest", () => {
    const supervision = { ...startSupervision({ groupId: null, templateName: 'Mal', allowSkip: false, rounds: [], previousAgreements: [] }), case: { framlegg: 'Saken', question: 'Hva nå?' }, members: [{ id: 'm1', name: 'Kari', role: 'case_owner' as const }] };
    const state = { ...initialLiveSessionState(), message: 'Ring meg', supervision };
    const kept = retainSessionState(state)!;
    expect(kept).toMatchObject({ message: null, joinOpen: state.joinOpen, supervision: { case: null, members: [{ id: 'm1', name: '', role: 'case_owner' }], templateName: 'Mal' } });
    expect(retainSessionState(kept)).toBeNull();
    expect(retainSessionState(initialLiveSessionState())).toBeNull();
  });
});
