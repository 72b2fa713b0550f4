-- SPDX-License-Identifier: LGPL-2.1-or-later
--
-- Cblue schema, version 1 (PostgreSQL).
--
-- The same logical schema as data/sql/sqlite/0001-init.sql (store-sqlite): the same tables,
-- column names, meanings and CHECK value sets. Where the types differ, by design:
--   * timestamps are `timestamptz` (SQLite: ISO-8601 UTC text with microseconds; the plugin
--     reads them back in that format);
--   * JSON documents are `jsonb` (SQLite: TEXT checked with json_valid);
--   * `INTEGER PRIMARY KEY` row ids are `bigint GENERATED ALWAYS AS IDENTITY`, and 0/1
--     flags are `boolean`.
-- Conversations and messages are indexed by time (B-tree for the recent-first reads of
-- the console, BRIN for range scans and retention purges over large, append-only tables)
-- rather than partitioned: a partitioned table needs the partition key in every unique
-- key, and `messages.id` must stay unique on its own, since it is what makes a replayed
-- write (the outbox) or a re-delivered job idempotent.
--
-- The `schema_migrations` table is created by the plugin before the first migration, and
-- migrations run under an advisory lock, each in its own transaction with its
-- `schema_migrations` row; never edit this file once released, add a new numbered file.

-- Timestamps as the plugin reads them back, and as store-sqlite stores them:
-- ISO-8601 UTC with microseconds, `2025-01-31T08:15:00.123456Z`.
CREATE FUNCTION cblue_iso8601(ts timestamptz) RETURNS text
	LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
	AS $$ SELECT to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') $$;

CREATE TABLE kb_entries (
	topic_id text PRIMARY KEY,
	category text,
	status text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'draft')),
	data jsonb NOT NULL,
	version bigint NOT NULL,
	updated_at timestamptz NOT NULL
);
CREATE INDEX kb_entries_category_idx ON kb_entries (category);

CREATE TABLE kb_versions (
	version bigint PRIMARY KEY,
	created_at timestamptz NOT NULL,
	note text,
	snapshot jsonb NOT NULL CHECK (jsonb_typeof(snapshot) = 'array')
);

CREATE TABLE conversations (
	id text PRIMARY KEY,
	channel text NOT NULL,
	language text,
	created_at timestamptz NOT NULL,
	updated_at timestamptz NOT NULL,
	-- rows in `messages`: a user message and a bot reply per exchange
	message_count integer NOT NULL DEFAULT 0 CHECK (message_count >= 0)
);
CREATE INDEX conversations_updated_at_idx ON conversations (updated_at);
CREATE INDEX conversations_created_at_brin ON conversations USING brin (created_at);

-- Every text here is already redacted; `pii_types` lists the kinds of personal data that
-- were removed (comma-separated, e.g. `TH_ID,PHONE`), never the values.
CREATE TABLE messages (
	id text PRIMARY KEY,
	conversation_id text NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
	role text NOT NULL CHECK (role IN ('user', 'bot')),
	text text NOT NULL,
	language text,
	topic_id text,
	outcome text CHECK (outcome IN ('answered', 'clarify', 'unanswered')),
	confidence double precision,
	pii_types text,
	duration_us bigint CHECK (duration_us >= 0),
	created_at timestamptz NOT NULL
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, created_at);
CREATE INDEX messages_created_at_brin ON messages USING brin (created_at);

-- Analytics keep no text and no foreign keys, so that conversations can be purged for
-- retention without losing the statistics.
CREATE TABLE analytics_events (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	type text NOT NULL,
	conversation_id text,
	message_id text,
	language text,
	topic_id text,
	outcome text CHECK (outcome IN ('answered', 'clarify', 'unanswered')),
	duration_us bigint CHECK (duration_us >= 0),
	created_at timestamptz NOT NULL
);
CREATE INDEX analytics_events_type_idx ON analytics_events (type, created_at);

-- Questions the bot could not answer, the to-do list of KB editors.
CREATE TABLE unanswered (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	conversation_id text,
	message_id text,
	language text,
	text text NOT NULL,
	created_at timestamptz NOT NULL
);
CREATE INDEX unanswered_created_at_idx ON unanswered (created_at);
CREATE INDEX unanswered_conversation_idx ON unanswered (conversation_id);

CREATE TABLE feedback (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	conversation_id text NOT NULL,
	message_id text NOT NULL,
	rating text NOT NULL CHECK (rating IN ('up', 'down')),
	created_at timestamptz NOT NULL
);
CREATE INDEX feedback_conversation_idx ON feedback (conversation_id);
CREATE INDEX feedback_message_idx ON feedback (message_id);
CREATE INDEX feedback_created_at_idx ON feedback (created_at);

-- Console users; `password_hash` is a self-describing hash string (e.g. argon2id PHC).
CREATE TABLE users (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	username text NOT NULL UNIQUE,
	role text NOT NULL,
	password_hash text,
	created_at timestamptz NOT NULL,
	disabled boolean NOT NULL DEFAULT false
);

-- Bearer tokens for scripts; only a hash of the token is kept.
CREATE TABLE api_tokens (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	token_hash text NOT NULL UNIQUE,
	name text,
	created_at timestamptz NOT NULL,
	last_used_at timestamptz,
	revoked_at timestamptz
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

CREATE TABLE audit_log (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	actor text,
	action text NOT NULL,
	target text,
	details text,
	created_at timestamptz NOT NULL
);
CREATE INDEX audit_log_created_at_idx ON audit_log (created_at);
