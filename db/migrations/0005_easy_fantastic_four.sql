CREATE TABLE "yjs_usage" (
	"key" text PRIMARY KEY NOT NULL,
	"bytes" bigint NOT NULL
);
