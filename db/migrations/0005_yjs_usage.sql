CREATE TABLE "yjs_usage" (
	"key" text PRIMARY KEY NOT NULL,
	"bytes" bigint NOT NULL
);
--> statement-breakpoint
-- Documents stored before budgets existed count what they hold, so they cannot grow past the cap.
INSERT INTO "yjs_usage" ("key", "bytes")
SELECT 'd:' || "doc_name", sum("bytes") FROM (
  SELECT "doc_name", octet_length("state") AS "bytes" FROM "yjs_snapshots"
  UNION ALL
  SELECT u."doc_name", octet_length(u."update") FROM "yjs_updates" u
  WHERE u."id" > coalesce((SELECT s."last_update_id" FROM "yjs_snapshots" s WHERE s."doc_name" = u."doc_name"), 0)
) AS "stored"
GROUP BY "doc_name";
