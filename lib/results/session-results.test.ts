import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityModules, type AgendaActivity } from '../activities/registry';
import type { OutcomeItem } from '../activities/outcome-kit';
import { buildSessionResults, shortSummary, type SessionResults, type SessionResultsInput } from './session-results';

const F1 = '00000000-0000-4000-8000-0000000000f1';
const F2 = '00000000-0000-4000-8000-0000000000f2';
const findings = new Map([
  [F1, { title: 'Tid til oppfølging', status: 'bekreftet' }],
  [F2, { title: 'Samarbeid med lege', status: 'forelopig' }],
]);

/** A full agenda: every registered kind once (a new kind joins by itself), with the defaults the editor starts from. */
function agenda(): AgendaActivity[] {
  const refs = { findingIds: [F1, F2], setId: '00000000-0000-4000-8000-0000000000a1', templateId: '00000000-0000-4000-8000-0000000000a2' };
  return activityModules.map((m, i) => ({ ...m.defaultActivity(refs)!, id: `act-${i}-${m.kind}` }) as AgendaActivity);
}
const idOf = (activities: AgendaActivity[], kind: string) => activities.find((a) => a.kind === kind)!.id;

let seq = 0;
function item(activityId: string, kind: string, over: Partial<OutcomeItem> = {}): OutcomeItem {
  seq++;
  return {
    id: `i${String(seq).padStart(5, '0')}`,
    activityId,
    kind,
    participantId: `p${seq}`,
    findingId: null,
    itemKey: null,
    response: null,
    text: '',
    value: null,
    data: {},
    updatedAt: seq,
    redactedAt: null,
    groupName: null,
    theme: null,
    authorKind: 'anonymous',
    authorName: null,
    hidden: false,
    ...over,
  };
}

function input(activities: AgendaActivity[], items: OutcomeItem[], over: Partial<SessionResultsInput['workshop']> = {}, audience: 'members' | 'public' = 'members'): SessionResultsInput {
  return {
    session: { id: 's1', projectId: 'p1', workshopId: 'w1', title: 'Verksted', status: 'ended', createdAt: new Date('2026-11-30T09:00:00Z'), endedAt: new Date('2026-11-30T11:00:00Z') },
    workshop: { activities, minRevealCount: 3, hiddenItems: [], clusters: [], ...over },
    items,
    findings,
    audience,
  };
}

const outcomeOf = <K extends SessionResults['activities'][number]['outcome']['kind']>(r: SessionResults, kind: K) =>
  r.activities.find((a) => a.outcome.kind === kind)!.outcome as Extract<SessionResults['activities'][number]['outcome'], { kind: K }>;

describe('buildSessionResults', () => {
  it('lists every activity in agenda order, whatever the order', () => {
    const activities = agenda();
    const reversed = [...activities].reverse();
    expect(buildSessionResults(input(activities, [])).activities.map((a) => a.activityId)).toEqual(activities.map((a) => a.id));
    expect(buildSessionResults(input(reversed, [])).activities.map((a) => a.outcome.kind)).toEqual(reversed.map((a) => a.kind));
    expect(buildSessionResults(input(activities, [])).endedAt).toBe('2026-11-30T11:00:00.000Z');
  });

  it('shows a finding’s tally and comments from the minimum, without hidden and redacted comments', () => {
    const activities = agenda();
    const act = idOf(activities, 'findings');
    const answer = (text: string, over: Partial<OutcomeItem> = {}) => item(act, 'finding_response', { findingId: F1, itemKey: F1, response: 'kjenner_igjen', text, ...over });
    const hidden = answer('skjult kommentar');
    const items = [answer('Stemmer godt'), answer('', { response: 'nyanserer' }), answer('fjernet tekst', { redactedAt: 5 }), hidden, answer('arkivskjult', { hidden: true })];
    const r = outcomeOf(buildSessionResults(input(activities, items, { hiddenItems: [hidden.id] })), 'findings');
    expect(r.findings[0]).toMatchObject({ findingId: F1, title: 'Tid til oppfølging', status: 'bekreftet', total: 5, counts: { kjenner_igjen: 4, nyanserer: 1, avkrefter: 0 } });
    expect(r.findings[0]!.comments.map((c) => c.text)).toEqual(['Stemmer godt']);
    // Two answers to the second finding: below the minimum of three, nothing about them.
    const few = [item(act, 'finding_response', { findingId: F2, response: 'avkrefter', text: 'for få' }), item(act, 'finding_response', { findingId: F2, response: 'avkrefter' })];
    const f2 = outcomeOf(buildSessionResults(input(activities, few)), 'findings').findings[1]!;
    expect(f2).toMatchObject({ total: null, counts: null, comments: [] });
  });

  it('shows each group’s notes, inside themes or not, with the themes they went to', () => {
    const activities = agenda();
    const act = idOf(activities, 'reflection');
    const note = (group: string, key: string, text: string, over: Partial<OutcomeItem> = {}) => item(act, 'note', { groupName: group, itemKey: key, text, authorKind: 'group', participantId: null, ...over });
    const items = [
      note('Gruppe 2', 'n1', 'Lite tid'),
      note('Gruppe 10', 'n2', 'Gode samtaler', { authorKind: 'named', authorName: 'Kari' }),
      note('Gruppe 2', 'n3', 'Utenfor tema'),
      note('Gruppe 2', 'n4', 'skjult lapp'),
      note('Gruppe 2', 'n5', 'fjernet lapp', { redactedAt: 3 }),
      note('Gruppe 2', 'n6', 'arkivskjult lapp', { hidden: true }),
    ];
    const themes = [{ id: 'c1', name: 'Tid', noteIds: ['n1', 'n4'] }];
    const members = outcomeOf(buildSessionResults(input(activities, items, { hiddenItems: ['n4'], clusters: themes })), 'reflection');
    expect(members.groups.map((g) => g.name)).toEqual(['Gruppe 2', 'Gruppe 10']);
    expect(members.groups[0]!.notes.map((n) => [n.text, n.themes])).toEqual([
      ['Lite tid', ['Tid']],
      ['Utenfor tema', []],
    ]);
    expect(members.groups[1]!.notes[0]!.author).toBe('Kari');
    // The screen and the phones never get a name.
    const pub = outcomeOf(buildSessionResults(input(activities, items, { clusters: themes }, 'public')), 'reflection');
    expect(pub.groups[1]!.notes[0]!.author).toBeNull();
  });

  it('shows themes with their notes and dots, and the word cloud, from the minimum', () => {
    const activities = agenda();
    const refl = idOf(activities, 'reflection');
    const act = idOf(activities, 'plenary');
    const notes = [item(refl, 'note', { itemKey: 'n1', text: 'Lite tid', groupName: 'Gruppe 1' }), item(refl, 'note', { itemKey: 'n2', text: 'skjult', groupName: 'Gruppe 1', hidden: true })];
    const clusters = [
      { id: 'c1', name: 'Tid', noteIds: ['n1', 'n2'] },
      { id: 'c2', name: 'Samarbeid', noteIds: [] },
    ];
    const kept = clusters.map((c) => item(act, 'cluster', { itemKey: c.id, text: c.name, theme: c.name, authorKind: 'facilitator', participantId: null }));
    const ballot = (votes: Record<string, number>) => item(act, 'vote_count', { itemKey: 'ballot', value: Object.values(votes).reduce((a, b) => a + b, 0), data: { votes } });
    const words = ['tid', 'tid', 'tillit', 'skjultord'].map((w) => item(act, 'word', { itemKey: 'word', text: w }));
    const three = [ballot({ c1: 2, c2: 1 }), ballot({ c1: 3 }), ballot({ c2: 1 })];
    const r = outcomeOf(buildSessionResults(input(activities, [...notes, ...kept, ...three, ...words], { clusters, hiddenItems: ['word:skjultord'] })), 'plenary');
    expect(r.themes).toEqual([
      { id: 'c1', name: 'Tid', dots: 5, notes: ['Lite tid'] },
      { id: 'c2', name: 'Samarbeid', dots: 2, notes: [] },
    ]);
    expect(r.voters).toBe(3);
    expect(r.words).toEqual([
      { word: 'tid', count: 2 },
      { word: 'tillit', count: 1 },
    ]);
    const two = outcomeOf(buildSessionResults(input(activities, [...kept, ...three.slice(0, 2), ...words.slice(0, 2)], { clusters })), 'plenary');
    expect(two.themes.map((t) => t.dots)).toEqual([null, null]);
    expect(two).toMatchObject({ voters: null, wordTotal: null, words: [] });
  });

  it('shows the closing evaluation as 0–4 distributions per question with the free texts', () => {
    const activities = agenda();
    const act = idOf(activities, 'closing');
    const closing = activities.find((a) => a.kind === 'closing')! as Extract<AgendaActivity, { kind: 'closing' }>;
    const q = closing.config.questions[0]!;
    const items = [4, 3, 3].flatMap((v, i) => [
      item(act, 'evaluation', { participantId: `e${i}`, itemKey: q.id, value: v }),
      item(act, 'evaluation_text', { participantId: `e${i}`, itemKey: 'text', text: i === 0 ? 'Nyttig dag' : i === 1 ? 'fjernet' : 'skjult', redactedAt: i === 1 ? 9 : null, hidden: i === 2 }),
    ]);
    const r = outcomeOf(buildSessionResults(input(activities, items)), 'closing');
    expect(r.respondents).toBe(3);
    expect(r.questions[0]).toMatchObject({ id: q.id, text: q.text, n: 3, distribution: [0, 0, 0, 2, 1] });
    expect(r.questions[1]).toMatchObject({ n: null, distribution: null, mean: null });
    expect(r.texts.map((t) => t.text)).toEqual(['Nyttig dag']);
  });

  it('tallies the screen’s and phones’ summary from the published batches only', () => {
    const activities = agenda();
    const act = idOf(activities, 'findings');
    const items = [1, 2, 3, 4].map((t) => item(act, 'finding_response', { findingId: F1, response: 'kjenner_igjen', updatedAt: t }));
    expect(outcomeOf(buildSessionResults(input(activities, items)), 'findings').findings[0]!.total).toBe(4);
    // Batches of three: the fourth answer waits for two more, as it did live.
    expect(outcomeOf(buildSessionResults(input(activities, items, {}, 'public')), 'findings').findings[0]!.total).toBe(3);
  });

  it('keeps a short summary shorter: no comments, notes or free texts', () => {
    const activities = agenda();
    const act = idOf(activities, 'findings');
    const items = [1, 2, 3].map(() => item(act, 'finding_response', { findingId: F1, response: 'nyanserer', text: 'kommentar' }));
    const short = shortSummary(buildSessionResults(input(activities, items, {}, 'public')));
    expect(outcomeOf(short, 'findings').findings[0]).toMatchObject({ total: 3, comments: [] });
  });
});

/** Random sessions: every kind, random answers, each item possibly hidden (two ways) or redacted. */
const flags = fc.record({ hiddenAt: fc.boolean(), hiddenLive: fc.boolean(), redacted: fc.boolean() });
const sessionArb = fc.record({
  minCount: fc.integer({ min: 1, max: 5 }),
  answers: fc.array(fc.record({ slot: fc.nat({ max: 7 }), value: fc.nat({ max: 4 }), flags }), { maxLength: 40 }),
  order: fc.shuffledSubarray([...activityModules.keys()], { minLength: activityModules.length, maxLength: activityModules.length }),
});

/** Every count the model shows, with where it was found. */
function counts(value: unknown, path = ''): [string, number][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => counts(v, `${path}.${i}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => (['total', 'n', 'respondents', 'voters', 'wordTotal'].includes(k) && typeof v === 'number' ? [[`${path}.${k}`, v] as [string, number]] : counts(v, `${path}.${k}`)));
  return [];
}

describe('buildSessionResults on random sessions', () => {
  it('never shows a hidden or redacted text, nor a count below the minimum, and keeps the agenda order', () => {
    fc.assert(
      fc.property(sessionArb, fc.constantFrom('members' as const, 'public' as const), ({ minCount, answers, order }, audience) => {
        const base = agenda();
        const activities = order.map((i) => base[i]!);
        const id = (kind: string) => idOf(base, kind);
        const closing = base.find((a) => a.kind === 'closing') as Extract<AgendaActivity, { kind: 'closing' }>;
        const hiddenLive: string[] = [];
        const secrets: string[] = [];
        const items: OutcomeItem[] = answers.map((a, n) => {
          const tag = a.flags.hiddenAt || a.flags.hiddenLive || a.flags.redacted ? `hemmelig${n}x` : `synlig${n}x`;
          if (tag.startsWith('hemmelig')) secrets.push(tag);
          const common = { participantId: `p${n}`, hidden: a.flags.hiddenAt, redactedAt: a.flags.redacted ? n : null, updatedAt: n };
          const made = [
            () => item(id('findings'), 'finding_response', { ...common, findingId: a.value % 2 ? F1 : F2, response: 'nyanserer', text: tag }),
            () => item(id('reflection'), 'note', { ...common, itemKey: `n${n}`, groupName: `Gruppe ${a.value}`, text: tag, authorKind: 'named', authorName: tag }),
            () => item(id('plenary'), 'word', { ...common, itemKey: 'word', text: tag }),
            () => item(id('plenary'), 'vote_count', { ...common, itemKey: 'ballot', value: 1, data: { votes: { c1: 1 } } }),
            () => item(id('closing'), 'evaluation', { ...common, itemKey: closing.config.questions[a.value % closing.config.questions.length]!.id, value: a.value }),
            () => item(id('closing'), 'evaluation_text', { ...common, itemKey: 'text', text: tag }),
            () => item(id('question'), 'question_answer', { ...common, itemKey: 'answer', value: a.value }),
            () => item(id('supervision'), 'learning_point', { ...common, text: tag }),
          ][a.slot]!();
          if (a.flags.hiddenLive) hiddenLive.push(made.kind === 'note' ? made.itemKey! : made.kind === 'word' ? `word:${tag}` : made.id);
          return made;
        });
        const clusters = [{ id: 'c1', name: 'Tema', noteIds: items.filter((i) => i.kind === 'note').map((i) => i.itemKey!) }];
        const themeRow = item(id('plenary'), 'cluster', { itemKey: 'c1', text: 'Tema', authorKind: 'facilitator', participantId: null });
        const results = buildSessionResults(input(activities, [...items, themeRow], { minRevealCount: minCount, hiddenItems: hiddenLive, clusters }, audience));
        const json = JSON.stringify(results);
        for (const secret of secrets) expect(json).not.toContain(secret);
        for (const [where, n] of counts(results)) expect(n, where).toBeGreaterThanOrEqual(minCount);
        expect(results.activities.map((a) => a.activityId)).toEqual(activities.map((a) => a.id));
      }),
      { numRuns: 300 },
    );
  });
});
