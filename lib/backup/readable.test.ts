import { describe, expect, it } from 'vitest';
import { readableProject, visibleFeedback } from './readable';

const item = (over: Record<string, unknown>) => ({
  id: `i${Math.random()}`,
  sessionId: 's1',
  activityId: 'a1',
  kind: 'closing_score',
  authorKind: 'anonymous',
  authorName: null,
  participantId: null,
  response: null,
  value: null,
  text: '',
  hiddenAt: null,
  redactedAt: null,
  createdAt: '2026-11-30T10:00:00.000Z',
  ...over,
});

describe('the readable project', () => {
  it('leaves out hidden and redacted items', () => {
    const { items } = visibleFeedback([item({ text: 'synlig' }), item({ text: 'skjult', hiddenAt: '2026-11-30T10:00:00Z' }), item({ text: '', redactedAt: '2026-11-30T10:00:00Z' })], () => 3);
    expect(items.map((i) => i.text)).toEqual(['synlig']);
  });

  it('withholds counted answers that fewer people than the minimum gave, without their count', () => {
    const two = [item({ participantId: 'p1', value: 4 }), item({ participantId: 'p2', value: 0 })];
    const three = ['p1', 'p2', 'p3'].map((p) => item({ activityId: 'a2', participantId: p, value: 3 }));
    const notes = [item({ kind: 'note', authorKind: 'group', groupName: 'Gruppe 1', text: 'lapp' })];
    const { items, withheld } = visibleFeedback([...two, ...three, ...notes], () => 3);
    expect(items).toHaveLength(4);
    expect(items.every((i) => i.activityId === 'a2' || i.kind === 'note')).toBe(true);
    expect(withheld).toEqual([{ sessionId: 's1', activityId: 'a1', kind: 'closing_score', reason: 'below-minimum' }]);
  });

  it("uses the workshop's own minimum and shows a name only where it was given", () => {
    const content = {
      docs: [],
      tables: {
        projects: [{ id: 'p', name: 'Prosjekt', description: '', ethicsReference: '', consentText: '', retainFreeTextUntil: null, createdAt: 'x', archivedAt: null }],
        workshops: [{ id: 'w', title: 'Verksted', minRevealCount: 2, date: null, place: '', phaseId: null }],
        live_sessions: [{ id: 's1', workshopId: 'w', kind: 'workshop', title: 'Kjøring', createdAt: 'x', endedAt: null, code: 'ABC123' }],
        participants: [{ id: 'p1', sessionId: 's1', tokenHash: 'secret' }],
        feedback_items: [item({ participantId: 'p1', value: 4, authorKind: 'named', authorName: 'Kari' }), item({ participantId: 'p2', value: 2, authorName: 'Ola' })],
      },
    };
    const readable = readableProject(content, new Date('2026-11-30T12:00:00Z'));
    expect(readable.feedback.map((f) => f.authorName)).toEqual(['Kari', null]);
    expect(readable.withheld).toEqual([]);
    expect(readable.sessions).toEqual([{ id: 's1', kind: 'workshop', title: 'Kjøring', workshopId: 'w', supervisionGroupId: undefined, startedAt: 'x', endedAt: null, participants: 1 }]);
    // Nothing about access: no join codes, no token hashes.
    expect(JSON.stringify(readable)).not.toMatch(/ABC123|secret/);
  });
});
