CREATE TABLE "archive_tags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_item_tags" (
	"item_id" uuid NOT NULL,
	"tag_id" uuid NOT NULL,
	"tagged_by" uuid,
	"tagged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_item_tags_item_id_tag_id_pk" PRIMARY KEY("item_id","tag_id")
);
--> statement-breakpoint
ALTER TABLE "feedback_items" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('norwegian'::regconfig, coalesce(text, '') || ' ' || coalesce(theme, '') || ' ' || coalesce(group_name, '') || ' ' || coalesce(data->>'measurable', '') || ' ' || coalesce(data->>'acknowledged', '') || ' ' || coalesce(data->>'realistic', '') || ' ' || coalesce(data->>'evaluate', '') || ' ' || coalesce(data->>'question', ''))) STORED;--> statement-breakpoint
ALTER TABLE "archive_tags" ADD CONSTRAINT "archive_tags_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_tags" ADD CONSTRAINT "archive_tags_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_item_tags" ADD CONSTRAINT "feedback_item_tags_item_id_feedback_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."feedback_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_item_tags" ADD CONSTRAINT "feedback_item_tags_tag_id_archive_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."archive_tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_item_tags" ADD CONSTRAINT "feedback_item_tags_tagged_by_users_id_fk" FOREIGN KEY ("tagged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "archive_tags_project_name_idx" ON "archive_tags" USING btree ("project_id",lower("name"));--> statement-breakpoint
CREATE INDEX "feedback_item_tags_tag_id_index" ON "feedback_item_tags" USING btree ("tag_id");--> statement-breakpoint
CREATE INDEX "feedback_items_search_idx" ON "feedback_items" USING gin ("search_vector");