CREATE TABLE "q_sorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"participant_id" uuid,
	"set_id" uuid NOT NULL,
	"state" jsonb NOT NULL,
	"status" text DEFAULT 'sorting' NOT NULL,
	"help_requested_at" timestamp with time zone,
	"help_statement" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "statement_sets" ADD COLUMN "grid" jsonb;--> statement-breakpoint
ALTER TABLE "statement_sets" ADD COLUMN "instructions" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "statement_sets" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "statements" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "q_sorts" ADD CONSTRAINT "q_sorts_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "q_sorts" ADD CONSTRAINT "q_sorts_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "q_sorts" ADD CONSTRAINT "q_sorts_set_id_statement_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."statement_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "q_sorts_session_participant_idx" ON "q_sorts" USING btree ("session_id","participant_id");--> statement-breakpoint
CREATE INDEX "q_sorts_set_id_index" ON "q_sorts" USING btree ("set_id");--> statement-breakpoint
CREATE UNIQUE INDEX "statements_set_code_idx" ON "statements" USING btree ("set_id","code");