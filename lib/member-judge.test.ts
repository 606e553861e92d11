import { describe, expect, it } from 'vitest';
import { memberJudge } from './doc-access';

const doc = 'live.00000000-0000-4000-8000-000000000001.notes';

describe('memberJudge: open Yjs connections after an access change', () => {
  const members = new Set(['kari']);

  it('refuses a user who is no longer a member, and leaves members and participants as they are', () => {
    const judge = memberJudge({ members, archived: false });
    expect(judge(doc, 'u:ola')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(judge(doc, 'u:kari')).toEqual({ ok: true, data: { readOnly: false } });
    expect(judge(doc, 'p:any-participant')).toEqual({ ok: true, data: { readOnly: false } });
  });

  it('makes everyone read-only in an archived project, and still refuses non-members', () => {
    const judge = memberJudge({ members, archived: true });
    expect(judge(doc, 'u:kari')).toEqual({ ok: true, data: { readOnly: true } });
    expect(judge(doc, 'p:any-participant')).toEqual({ ok: true, data: { readOnly: true } });
    expect(judge(doc, 'u:ola')).toMatchObject({ ok: false });
  });
});
