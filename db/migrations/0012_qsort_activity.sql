DROP INDEX "q_sorts_session_participant_idx";--> statement-breakpoint
ALTER TABLE "q_sorts" ADD COLUMN "activity_id" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "q_sorts_session_activity_participant_idx" ON "q_sorts" USING btree ("session_id","activity_id","participant_id");--> statement-breakpoint
-- Hand-written: sorts of a Q-sort that runs inside a workshop belong to its activity.
UPDATE "q_sorts" SET "activity_id" = "live_sessions"."state" -> 'qsort' ->> 'activityId' FROM "live_sessions" WHERE "live_sessions"."id" = "q_sorts"."session_id" AND "live_sessions"."state" -> 'qsort' ->> 'activityId' IS NOT NULL;
