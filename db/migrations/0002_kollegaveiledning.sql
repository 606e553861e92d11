CREATE TABLE "supervision_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"phase_id" uuid,
	"name" text NOT NULL,
	"template_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"builtin_key" text,
	"position" integer DEFAULT 0 NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"allow_skip" boolean DEFAULT false NOT NULL,
	"rounds" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "live_sessions" ADD COLUMN "supervision_group_id" uuid;--> statement-breakpoint
ALTER TABLE "supervision_groups" ADD CONSTRAINT "supervision_groups_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_groups" ADD CONSTRAINT "supervision_groups_phase_id_phases_id_fk" FOREIGN KEY ("phase_id") REFERENCES "public"."phases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_groups" ADD CONSTRAINT "supervision_groups_template_id_supervision_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."supervision_templates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_templates" ADD CONSTRAINT "supervision_templates_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supervision_groups_project_id_index" ON "supervision_groups" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "supervision_templates_project_id_position_index" ON "supervision_templates" USING btree ("project_id","position");--> statement-breakpoint
ALTER TABLE "live_sessions" ADD CONSTRAINT "live_sessions_supervision_group_id_supervision_groups_id_fk" FOREIGN KEY ("supervision_group_id") REFERENCES "public"."supervision_groups"("id") ON DELETE set null ON UPDATE no action;