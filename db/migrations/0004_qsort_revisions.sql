ALTER TABLE "q_sorts" DROP CONSTRAINT "q_sorts_set_id_statement_sets_id_fk";
--> statement-breakpoint
ALTER TABLE "q_sorts" ALTER COLUMN "set_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "q_sorts" ADD COLUMN "rev" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "q_sorts" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "q_sorts" ADD CONSTRAINT "q_sorts_set_id_statement_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."statement_sets"("id") ON DELETE set null ON UPDATE no action;