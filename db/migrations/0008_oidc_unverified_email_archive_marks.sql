ALTER TABLE "users" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "unverified_email" text;--> statement-breakpoint
-- Hand-written: accounts made by OpenID Connect alone may hold an address nobody verified (finding 6).
-- Their address moves aside; the next sign-in with a verified address gives it back.
UPDATE "users" SET "unverified_email" = "email", "email" = NULL WHERE "password_hash" IS NULL AND "oidc_subject" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "live_sessions" ADD COLUMN "archive_pending" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "live_sessions" ADD COLUMN "archive_status" jsonb;--> statement-breakpoint
CREATE INDEX "live_sessions_archive_pending_idx" ON "live_sessions" USING btree ("archive_pending") WHERE "live_sessions"."archive_pending" > 0;