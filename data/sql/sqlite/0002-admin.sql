-- SPDX-License-Identifier: LGPL-2.1-or-later
--
-- Cblue schema, version 2 (SQLite): the admin console.
-- Same conventions as 0001-init.sql (ISO-8601 UTC text timestamps written by the plugin,
-- JSON as TEXT, 0/1 flags); store-postgres mirrors it. Never edit once released.

-- Published entries: the revision the console's optimistic concurrency compares, and who
-- last changed the entry. An UPDATE that changes `data` without setting `revision` (e.g.
-- `cblue kb import`) still counts as a new revision.
ALTER TABLE kb_entries ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE kb_entries ADD COLUMN updated_by TEXT;
CREATE TRIGGER kb_entries_revision AFTER UPDATE OF data ON kb_entries
	WHEN old.data IS NOT new.data AND new.revision = old.revision
BEGIN
	UPDATE kb_entries SET revision = old.revision + 1 WHERE topic_id = new.topic_id;
END;

-- Drafts: the console's edits until they are published. At most one per topic; `deleted`
-- = 1 is a draft that removes the published entry. `revision` continues the published
-- entry's (or starts at 1 for a new topic).
CREATE TABLE kb_drafts (
	topic_id TEXT PRIMARY KEY NOT NULL,
	category TEXT,
	data TEXT NOT NULL CHECK (json_valid(data)),
	deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
	revision INTEGER NOT NULL CHECK (revision >= 1),
	updated_at TEXT NOT NULL,
	updated_by TEXT
);

-- Who published a version, why, and how many entries it has.
ALTER TABLE kb_versions ADD COLUMN published_by TEXT;
ALTER TABLE kb_versions ADD COLUMN comment TEXT;
ALTER TABLE kb_versions ADD COLUMN entries INTEGER;

ALTER TABLE users ADD COLUMN last_login TEXT;

-- Console sessions; only a SHA-256 of the session id is kept. `expires_at` is absolute,
-- `last_seen` drives the idle expiry.
CREATE TABLE sessions (
	id_hash TEXT PRIMARY KEY NOT NULL,
	user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	csrf_token TEXT NOT NULL,
	created_at TEXT NOT NULL,
	last_seen TEXT NOT NULL,
	expires_at TEXT NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

-- The working copy the console edits: each published entry or its draft, and the drafts
-- of new topics. `status` is published, draft or deleted (a draft that removes the entry).
CREATE VIEW kb_working AS
SELECT e.topic_id AS topic_id,
       COALESCE(d.data, e.data) AS data,
       CASE WHEN d.topic_id IS NULL THEN 'published' WHEN d.deleted = 1 THEN 'deleted' ELSE 'draft' END AS status,
       COALESCE(d.revision, e.revision) AS revision,
       COALESCE(d.updated_at, e.updated_at) AS updated_at,
       CASE WHEN d.topic_id IS NULL THEN e.updated_by ELSE d.updated_by END AS updated_by,
       CASE WHEN d.topic_id IS NULL THEN 0 ELSE 1 END AS has_draft,
       1 AS published
FROM kb_entries e LEFT JOIN kb_drafts d ON d.topic_id = e.topic_id
UNION ALL
SELECT d.topic_id, d.data, CASE WHEN d.deleted = 1 THEN 'deleted' ELSE 'draft' END, d.revision, d.updated_at,
       d.updated_by, 1, 0
FROM kb_drafts d WHERE NOT EXISTS (SELECT 1 FROM kb_entries e WHERE e.topic_id = d.topic_id);
