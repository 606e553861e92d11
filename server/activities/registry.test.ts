import { describe, expect, it } from 'vitest';
import { activityKinds as storedKinds, feedbackKinds } from '@/db/schema';
import { activityKinds, feedbackKindRules, moduleOf } from '@/lib/activities/registry';
import { feedbackRetention } from '@/lib/lifecycle/retention';
import type { ClientEvent } from '@/lib/socket-events';
import { eventClassOf } from '../realtime/event-limits';
import { socketAccess } from '../security/access-matrix';
import { socketEventSchemas } from '../client-inputs';
import { serverActivityModules, serverModuleOf } from './registry';

/**
 * The server half of the registry: every kind registered in lib/activities has its server part,
 * every answer it declares is listed with the client inputs and stored by a handler here, and
 * what it stores and keeps fits the database's columns.
 */
describe('the server activity registry', () => {
  it('has a server part for every registered kind, in registry order', () => {
    expect(serverActivityModules.map((m) => m.kind)).toEqual([...activityKinds]);
    // The column's list of kinds (db/schema/workshops.ts) must take every registered kind.
    expect([...storedKinds].sort()).toEqual([...activityKinds].sort());
    // And the feedback column's (db/schema/feedback.ts) every feedback kind a registered kind stores, with its rules.
    expect([...feedbackKinds].sort()).toEqual(Object.keys(feedbackKindRules).sort());
    for (const kind of feedbackKinds) {
      expect(feedbackRetention[kind], kind).toBe(feedbackKindRules[kind].retention);
    }
  });

  describe.each(activityKinds.map((kind) => [kind] as const))('%s', (kind) => {
    const shared = moduleOf(kind)!;
    const server = serverModuleOf(kind);

    it('lists each answer payload with the client inputs, under its own event', () => {
      for (const [event, schema] of Object.entries(shared.answers)) expect(socketEventSchemas[event as ClientEvent], event).toBe(schema);
    });

    it('stores the answers a tally counts, and only answers the kind declares', () => {
      for (const event of Object.keys(server.answers)) expect(Object.keys(shared.answers)).toContain(event);
      // A tally reads feedback items, so each of its answers needs a handler that stores them.
      if (shared.results) for (const event of Object.keys(shared.answers)) expect(server.answers[event], event).toEqual(expect.any(Function));
      // A handler reads its payload as parsed by the edge, so it must be typed by the very schema the edge uses.
      for (const [event, handler] of Object.entries(server.answers)) expect(handler.schema, event).toBe(socketEventSchemas[event as ClientEvent]);
      for (const kept of [...(shared.results?.answerKinds ?? []), ...server.keptKinds]) expect(Object.keys(shared.feedback), kept).toContain(kept);
    });

    it('puts each of its own events through the edge, the limits and the access matrix as it declares', () => {
      for (const event of Object.values(shared.events)) {
        const name = event.name as ClientEvent;
        expect(socketEventSchemas[name], name).toBe(event.schema);
        expect(eventClassOf[name], name).toBe(event.rateClass);
        expect(socketAccess[name], name).toBeDefined();
        // Participants' own events let participants act; facilitators' events refuse them.
        expect(socketAccess[name]!.participantA, name).toBe(event.senders === 'facilitators' ? 'FORBIDDEN' : 'allow');
        expect(socketAccess[name]!.anonymous, name).not.toBe('allow');
        // No transport code knows a kind's own event: its server part is the only handler it has.
        expect(server.answers[name], name).toEqual(expect.any(Function));
      }
    });

    it('freezes material exactly when it runs a nested session, and keeps what it declares', () => {
      expect(typeof server.prepare === 'function').toBe(shared.nested !== null);
      expect(server.keptKinds.length > 0).toBe(typeof server.keep === 'function');
    });
  });

});
