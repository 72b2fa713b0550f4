-- SPDX-License-Identifier: LGPL-2.1-or-later
--
-- Cblue schema, version 1 (SQLite).
--
-- The same logical schema exists for PostgreSQL (store-postgres): keep the table and
-- column names, the meaning of every column and the value sets of the CHECK constraints
-- identical there. Portable choices made here for that reason:
--   * timestamps are ISO-8601 UTC text with microseconds, `YYYY-MM-DDTHH:MM:SS.ffffffZ`,
--     always written by the plugin (never by a SQLite-only default), so they sort as text
--     and map onto `timestamptz`;
--   * JSON documents are TEXT here and `jsonb` there;
--   * `INTEGER PRIMARY KEY` is a `bigint GENERATED ALWAYS AS IDENTITY` there, and
--     0/1 flags are `boolean`.
-- The `schema_migrations` table is created by the plugin before the first migration.
--
-- This file runs in one transaction together with its `schema_migrations` row; never edit
-- it once released, add a new numbered file instead.

-- The knowledge base: one row per topic, `data` holds the entry in the KB entry format
-- (cblue_kb_entry_to_json()); `category` and `status` are copies for filtering.
-- `version` is the kb_versions row of the import that last changed the entry.
CREATE TABLE kb_entries (
	topic_id TEXT PRIMARY KEY NOT NULL,
	category TEXT,
	status TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'draft')),
	data TEXT NOT NULL CHECK (json_valid(data)),
	version INTEGER NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE INDEX kb_entries_category_idx ON kb_entries (category);

-- One row per import, with a snapshot (a JSON array of every entry after the import), so
-- that an earlier KB can be inspected or restored.
CREATE TABLE kb_versions (
	version INTEGER PRIMARY KEY NOT NULL,
	created_at TEXT NOT NULL,
	note TEXT,
	snapshot TEXT NOT NULL CHECK (json_valid(snapshot))
);

CREATE TABLE conversations (
	id TEXT PRIMARY KEY NOT NULL,
	channel TEXT NOT NULL,
	language TEXT,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	-- rows in `messages`: a user message and a bot reply per exchange
	message_count INTEGER NOT NULL DEFAULT 0 CHECK (message_count >= 0)
);
CREATE INDEX conversations_updated_at_idx ON conversations (updated_at);

-- Every text here is already redacted; `pii_types` lists the kinds of personal data that
-- were removed (comma-separated, e.g. `TH_ID,PHONE`), never the values.
CREATE TABLE messages (
	id TEXT PRIMARY KEY NOT NULL,
	conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('user', 'bot')),
	text TEXT NOT NULL,
	language TEXT,
	topic_id TEXT,
	outcome TEXT CHECK (outcome IN ('answered', 'clarify', 'unanswered')),
	confidence REAL,
	pii_types TEXT,
	duration_us INTEGER CHECK (duration_us >= 0),
	created_at TEXT NOT NULL
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, created_at);

-- Analytics keep no text and no foreign keys, so that conversations can be purged for
-- retention without losing the statistics.
CREATE TABLE analytics_events (
	id INTEGER PRIMARY KEY NOT NULL,
	type TEXT NOT NULL,
	conversation_id TEXT,
	message_id TEXT,
	language TEXT,
	topic_id TEXT,
	outcome TEXT CHECK (outcome IN ('answered', 'clarify', 'unanswered')),
	duration_us INTEGER CHECK (duration_us >= 0),
	created_at TEXT NOT NULL
);
CREATE INDEX analytics_events_type_idx ON analytics_events (type, created_at);

-- Questions the bot could not answer, the to-do list of KB editors.
CREATE TABLE unanswered (
	id INTEGER PRIMARY KEY NOT NULL,
	conversation_id TEXT,
	message_id TEXT,
	language TEXT,
	text TEXT NOT NULL,
	created_at TEXT NOT NULL
);
CREATE INDEX unanswered_created_at_idx ON unanswered (created_at);
CREATE INDEX unanswered_conversation_idx ON unanswered (conversation_id);

CREATE TABLE feedback (
	id INTEGER PRIMARY KEY NOT NULL,
	conversation_id TEXT NOT NULL,
	message_id TEXT NOT NULL,
	rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
	created_at TEXT NOT NULL
);
CREATE INDEX feedback_conversation_idx ON feedback (conversation_id);
CREATE INDEX feedback_message_idx ON feedback (message_id);
CREATE INDEX feedback_created_at_idx ON feedback (created_at);

-- Console users; `password_hash` is a self-describing hash string (e.g. argon2id PHC).
CREATE TABLE users (
	id INTEGER PRIMARY KEY NOT NULL,
	username TEXT NOT NULL UNIQUE,
	role TEXT NOT NULL,
	password_hash TEXT,
	created_at TEXT NOT NULL,
	disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
);

-- Bearer tokens for scripts; only a hash of the token is kept.
CREATE TABLE api_tokens (
	id INTEGER PRIMARY KEY NOT NULL,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	token_hash TEXT NOT NULL UNIQUE,
	name TEXT,
	created_at TEXT NOT NULL,
	last_used_at TEXT,
	revoked_at TEXT
);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);

CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY NOT NULL,
	actor TEXT,
	action TEXT NOT NULL,
	target TEXT,
	details TEXT,
	created_at TEXT NOT NULL
);
CREATE INDEX audit_log_created_at_idx ON audit_log (created_at);
