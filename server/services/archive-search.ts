import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { archiveTags, feedbackItems, feedbackItemTags, findings, liveSessions, phases, workshopActivities, workshops } from '@/db/schema';
import { fieldErrors } from '@/lib/account-schemas';
import { ARCHIVE_SEARCH_LIMIT, prefixTsquery, tagInputSchema, type ArchiveFilter } from '@/lib/archive/search-query';
import { fail, ok, type Result } from '@/lib/errors';
import { parseFailure } from '@/lib/privacy/free-text';
import type { ProjectService } from './project-service';

/** The most tagged items the tag view reads at once. */
const TAG_VIEW_LIMIT = 2000;

/** One feedback item as the archive search shows it: its words and where it came from, never who wrote it. */
export interface ArchiveHit {
  id: string;
  kind: string;
  authorKind: string;
  text: string;
  theme: string | null;
  groupName: string | null;
  createdAt: Date;
  phase: { id: string; name: string } | null;
  session: { id: string; title: string; kind: string } | null;
  workshop: { id: string; title: string } | null;
  activity: { id: string; title: string; kind: string } | null;
  finding: { id: string; title: string } | null;
  tags: { id: string; name: string }[];
}

/** What the filter selects offer: only what the project has. */
export interface ArchiveFacets {
  phases: { id: string; name: string }[];
  sessions: { id: string; title: string; kind: string; createdAt: Date }[];
  activities: { id: string; title: string; kind: string; workshopTitle: string }[];
  findings: { id: string; title: string }[];
  themes: string[];
  kinds: string[];
  tags: { id: string; name: string; count: number }[];
}

/**
 * Kinds the search leaves out, because they are read only as counts where the workshop's
 * minimum count holds: scale answers (`evaluation`, whose question text repeats in every
 * answer), dot counts, word-cloud words and a question's answers. Shown one by one, a rare
 * word or a lone answer could tell who gave it.
 */
export const unsearchedKinds = ['evaluation', 'vote_count', 'word', 'question_answer'] as const;

/**
 * The items every member may read: this project's, neither hidden nor redacted, with words.
 * Every query of this module starts here, so no verb can forget one of the conditions.
 */
const visibleIn = (projectId: string): SQL =>
  and(
    eq(feedbackItems.projectId, projectId),
    isNull(feedbackItems.hiddenAt),
    isNull(feedbackItems.redactedAt),
    ne(feedbackItems.text, ''),
    sql`${feedbackItems.kind} not in (${sql.join(
      unsearchedKinds.map((k) => sql`${k}`),
      sql`, `,
    )})`,
  ) as SQL;

/** `anyTag`: only items with at least one tag (the tag view). */
function conditions(projectId: string, filter: ArchiveFilter, tsquery: string | null, anyTag = false): SQL[] {
  const where: SQL[] = [visibleIn(projectId)];
  if (anyTag) where.push(sql`exists (select 1 from ${feedbackItemTags} where ${feedbackItemTags.itemId} = ${feedbackItems.id})`);
  if (tsquery) where.push(sql`${feedbackItems.searchVector} @@ to_tsquery('norwegian', ${tsquery})`);
  if (filter.phaseId) where.push(eq(feedbackItems.phaseId, filter.phaseId));
  if (filter.sessionId) where.push(eq(feedbackItems.sessionId, filter.sessionId));
  if (filter.activityId) where.push(eq(feedbackItems.activityId, filter.activityId));
  if (filter.findingId) where.push(eq(feedbackItems.findingId, filter.findingId));
  if (filter.theme) where.push(eq(feedbackItems.theme, filter.theme));
  if (filter.kind) where.push(eq(feedbackItems.kind, filter.kind as never));
  if (filter.authorKind) where.push(eq(feedbackItems.authorKind, filter.authorKind));
  if (filter.tagId) {
    where.push(sql`exists (select 1 from ${feedbackItemTags} where ${feedbackItemTags.itemId} = ${feedbackItems.id} and ${feedbackItemTags.tagId} = ${filter.tagId})`);
  }
  return where;
}

/**
 * The project's whole feedback archive as one searchable list, and the project's tags.
 * Every verb authorises by project membership first; items of other projects, hidden and
 * redacted items are never read (see `visibleIn`), and no author name leaves this module.
 */
export function createArchiveSearch(db: Db, projects: ProjectService) {
  async function tagsOf(itemIds: string[]): Promise<Map<string, { id: string; name: string }[]>> {
    const byItem = new Map<string, { id: string; name: string }[]>();
    if (itemIds.length === 0) return byItem;
    const rows = await db
      .select({ itemId: feedbackItemTags.itemId, id: archiveTags.id, name: archiveTags.name })
      .from(feedbackItemTags)
      .innerJoin(archiveTags, eq(archiveTags.id, feedbackItemTags.tagId))
      .where(inArray(feedbackItemTags.itemId, itemIds))
      .orderBy(asc(archiveTags.name));
    for (const row of rows) byItem.set(row.itemId, [...(byItem.get(row.itemId) ?? []), { id: row.id, name: row.name }]);
    return byItem;
  }

  async function hits(projectId: string, filter: ArchiveFilter, limit: number, anyTag = false): Promise<{ hits: ArchiveHit[]; truncated: boolean }> {
    const tsquery = prefixTsquery(filter.query);
    const byRank = tsquery ? [desc(sql`ts_rank(${feedbackItems.searchVector}, to_tsquery('norwegian', ${tsquery}))`)] : [];
    const rows = await db
      .select({
        id: feedbackItems.id,
        kind: feedbackItems.kind,
        authorKind: feedbackItems.authorKind,
        text: feedbackItems.text,
        theme: feedbackItems.theme,
        groupName: feedbackItems.groupName,
        createdAt: feedbackItems.createdAt,
        phaseId: phases.id,
        phaseName: phases.name,
        sessionId: liveSessions.id,
        sessionTitle: liveSessions.title,
        sessionKind: liveSessions.kind,
        workshopId: workshops.id,
        workshopTitle: workshops.title,
        activityId: workshopActivities.id,
        activityTitle: workshopActivities.title,
        activityKind: workshopActivities.kind,
        findingId: findings.id,
        findingTitle: findings.title,
      })
      .from(feedbackItems)
      // Each joined row must belong to the same project: a stray id never shows another project's names.
      .leftJoin(phases, and(eq(phases.id, feedbackItems.phaseId), eq(phases.projectId, projectId)))
      .leftJoin(liveSessions, and(eq(liveSessions.id, feedbackItems.sessionId), eq(liveSessions.projectId, projectId)))
      .leftJoin(workshops, and(eq(workshops.id, feedbackItems.workshopId), eq(workshops.projectId, projectId)))
      .leftJoin(workshopActivities, and(eq(workshopActivities.id, feedbackItems.activityId), eq(workshopActivities.workshopId, workshops.id)))
      .leftJoin(findings, and(eq(findings.id, feedbackItems.findingId), eq(findings.projectId, projectId)))
      .where(and(...conditions(projectId, filter, tsquery, anyTag)))
      .orderBy(...byRank, desc(feedbackItems.createdAt), asc(feedbackItems.id))
      .limit(limit + 1);
    const tags = await tagsOf(rows.slice(0, limit).map((r) => r.id));
    return {
      truncated: rows.length > limit,
      hits: rows.slice(0, limit).map((r) => ({
        id: r.id,
        kind: r.kind,
        authorKind: r.authorKind,
        text: r.text,
        theme: r.theme,
        groupName: r.groupName,
        createdAt: r.createdAt,
        phase: r.phaseId ? { id: r.phaseId, name: r.phaseName ?? '' } : null,
        session: r.sessionId ? { id: r.sessionId, title: r.sessionTitle ?? '', kind: r.sessionKind ?? '' } : null,
        workshop: r.workshopId ? { id: r.workshopId, title: r.workshopTitle ?? '' } : null,
        activity: r.activityId ? { id: r.activityId, title: r.activityTitle ?? '', kind: r.activityKind ?? '' } : null,
        finding: r.findingId ? { id: r.findingId, title: r.findingTitle ?? '' } : null,
        tags: tags.get(r.id) ?? [],
      })),
    };
  }

  /** A visible item of this project, or NOT_FOUND (another project's id reads as unknown). */
  async function visibleItem(projectId: string, itemId: string): Promise<Result<{ id: string }>> {
    const [item] = await db
      .select({ id: feedbackItems.id })
      .from(feedbackItems)
      .where(and(eq(feedbackItems.id, itemId), visibleIn(projectId)));
    return item ? ok(item) : fail('NOT_FOUND', 'no such feedback item in this project');
  }

  return {
    /** Items matching every filter, best match first (newest first without words); at most ARCHIVE_SEARCH_LIMIT. */
    async search(userId: string, projectId: string, filter: ArchiveFilter): Promise<Result<{ hits: ArchiveHit[]; truncated: boolean }>> {
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      return ok(await hits(projectId, filter, ARCHIVE_SEARCH_LIMIT));
    },

    /** The choices of the filter form: the project's phases, sessions, activities, findings, themes, kinds and tags. */
    async facets(userId: string, projectId: string): Promise<Result<ArchiveFacets>> {
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const visible = visibleIn(projectId);
      const [phaseRows, sessionRows, activityRows, findingRows, themeRows, kindRows, tagRows] = await Promise.all([
        db.select({ id: phases.id, name: phases.name }).from(phases).where(eq(phases.projectId, projectId)).orderBy(asc(phases.position)),
        db
          .select({ id: liveSessions.id, title: liveSessions.title, kind: liveSessions.kind, createdAt: liveSessions.createdAt })
          .from(liveSessions)
          .where(eq(liveSessions.projectId, projectId))
          .orderBy(desc(liveSessions.createdAt)),
        db
          .select({ id: workshopActivities.id, title: workshopActivities.title, kind: workshopActivities.kind, workshopTitle: workshops.title })
          .from(workshopActivities)
          .innerJoin(workshops, eq(workshops.id, workshopActivities.workshopId))
          .where(eq(workshops.projectId, projectId))
          .orderBy(asc(workshops.createdAt), asc(workshopActivities.position)),
        db.select({ id: findings.id, title: findings.title }).from(findings).where(eq(findings.projectId, projectId)).orderBy(asc(findings.position)),
        db
          .selectDistinct({ theme: feedbackItems.theme })
          .from(feedbackItems)
          .where(and(visible, isNotNull(feedbackItems.theme), ne(feedbackItems.theme, '')))
          .orderBy(asc(feedbackItems.theme)),
        db.selectDistinct({ kind: feedbackItems.kind }).from(feedbackItems).where(visible).orderBy(asc(feedbackItems.kind)),
        db
          .select({ id: archiveTags.id, name: archiveTags.name, count: sql<number>`count(${feedbackItems.id})::int` })
          .from(archiveTags)
          .leftJoin(feedbackItemTags, eq(feedbackItemTags.tagId, archiveTags.id))
          .leftJoin(feedbackItems, and(eq(feedbackItems.id, feedbackItemTags.itemId), visible))
          .where(eq(archiveTags.projectId, projectId))
          .groupBy(archiveTags.id, archiveTags.name)
          .orderBy(asc(sql`lower(${archiveTags.name})`)),
      ]);
      return ok({
        phases: phaseRows,
        sessions: sessionRows,
        activities: activityRows,
        findings: findingRows,
        themes: themeRows.flatMap((r) => (r.theme ? [r.theme] : [])),
        kinds: kindRows.map((r) => r.kind),
        tags: tagRows,
      });
    },

    /** Tags an item with a tag of the project, made on first use: names differing only in case are one tag. */
    async tagItem(userId: string, projectId: string, itemId: string, input: unknown): Promise<Result<{ tagId: string }>> {
      const parsed = tagInputSchema.safeParse(input);
      if (!parsed.success) return parseFailure(parsed.error, 'invalid tag', fieldErrors(parsed.error));
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const item = await visibleItem(projectId, itemId);
      if (!item.ok) return item;
      const name = parsed.data.name;
      await db
        .insert(archiveTags)
        .values({ projectId, name, createdBy: userId })
        .onConflictDoNothing();
      const [tag] = await db
        .select({ id: archiveTags.id })
        .from(archiveTags)
        .where(and(eq(archiveTags.projectId, projectId), sql`lower(${archiveTags.name}) = lower(${name})`));
      if (!tag) throw new Error('a tag just made is missing');
      await db.insert(feedbackItemTags).values({ itemId, tagId: tag.id, taggedBy: userId }).onConflictDoNothing();
      return ok({ tagId: tag.id });
    },

    /** Takes a tag off an item; the tag itself stays for the project's other items. */
    async untagItem(userId: string, projectId: string, itemId: string, tagId: string): Promise<Result<null>> {
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const [tag] = await db
        .select({ id: archiveTags.id })
        .from(archiveTags)
        .where(and(eq(archiveTags.id, tagId), eq(archiveTags.projectId, projectId)));
      if (!tag) return fail('NOT_FOUND', 'no such tag in this project');
      await db.delete(feedbackItemTags).where(and(eq(feedbackItemTags.itemId, itemId), eq(feedbackItemTags.tagId, tagId)));
      return ok(null);
    },

    /** The tag view: each of the project's tags with its visible items, tags by name, items newest first. */
    async tagView(userId: string, projectId: string): Promise<Result<{ tag: { id: string; name: string }; items: ArchiveHit[] }[]>> {
      const role = await projects.authorise(projectId, userId, 'member');
      if (!role.ok) return role;
      const tags = await db
        .select({ id: archiveTags.id, name: archiveTags.name })
        .from(archiveTags)
        .where(eq(archiveTags.projectId, projectId))
        .orderBy(asc(sql`lower(${archiveTags.name})`));
      // One read of every tagged item (each carries all its tags), grouped here: no query per tag.
      const tagged = await hits(projectId, { query: '' }, TAG_VIEW_LIMIT, true);
      const groups = tags.map((tag) => ({ tag, items: tagged.hits.filter((hit) => hit.tags.some((t) => t.id === tag.id)) }));
      return ok(groups);
    },
  };
}
export type ArchiveSearch = ReturnType<typeof createArchiveSearch>;
