-- SPDX-License-Identifier: LGPL-2.1-or-later
--
-- Cblue schema, version 2 (PostgreSQL): the admin console. Mirrors
-- data/sql/sqlite/0002-admin.sql with the type choices of 0001-init.sql. Never edit once
-- released.

-- Published entries: the revision the console's optimistic concurrency compares, and who
-- last changed the entry. An UPDATE that changes `data` without setting `revision` (e.g.
-- `cblue kb import`) still counts as a new revision.
ALTER TABLE kb_entries ADD COLUMN revision bigint NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE kb_entries ADD COLUMN updated_by text;
CREATE FUNCTION kb_entries_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.data IS DISTINCT FROM OLD.data AND NEW.revision = OLD.revision THEN
		NEW.revision := OLD.revision + 1;
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER kb_entries_revision BEFORE UPDATE OF data ON kb_entries
	FOR EACH ROW EXECUTE FUNCTION kb_entries_revision();

-- Drafts: the console's edits until they are published. At most one per topic; `deleted`
-- is a draft that removes the published entry. `revision` continues the published
-- entry's (or starts at 1 for a new topic).
CREATE TABLE kb_drafts (
	topic_id text PRIMARY KEY,
	category text,
	data jsonb NOT NULL,
	deleted boolean NOT NULL DEFAULT false,
	revision bigint NOT NULL CHECK (revision >= 1),
	updated_at timestamptz NOT NULL,
	updated_by text
);

-- Who published a version, why, and how many entries it has.
ALTER TABLE kb_versions ADD COLUMN published_by text;
ALTER TABLE kb_versions ADD COLUMN comment text;
ALTER TABLE kb_versions ADD COLUMN entries integer;

ALTER TABLE users ADD COLUMN last_login timestamptz;

-- Console sessions; only a SHA-256 of the session id is kept. `expires_at` is absolute,
-- `last_seen` drives the idle expiry.
CREATE TABLE sessions (
	id_hash text PRIMARY KEY,
	user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	csrf_token text NOT NULL,
	created_at timestamptz NOT NULL,
	last_seen timestamptz NOT NULL,
	expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);

-- The working copy the console edits: each published entry or its draft, and the drafts
-- of new topics. `status` is published, draft or deleted (a draft that removes the entry).
CREATE VIEW kb_working AS
SELECT e.topic_id AS topic_id,
       COALESCE(d.data, e.data) AS data,
       CASE WHEN d.topic_id IS NULL THEN 'published' WHEN d.deleted THEN 'deleted' ELSE 'draft' END AS status,
       COALESCE(d.revision, e.revision) AS revision,
       COALESCE(d.updated_at, e.updated_at) AS updated_at,
       CASE WHEN d.topic_id IS NULL THEN e.updated_by ELSE d.updated_by END AS updated_by,
       d.topic_id IS NOT NULL AS has_draft,
       true AS published
FROM kb_entries e LEFT JOIN kb_drafts d ON d.topic_id = e.topic_id
UNION ALL
SELECT d.topic_id, d.data, CASE WHEN d.deleted THEN 'deleted' ELSE 'draft' END, d.revision, d.updated_at,
       d.updated_by, true, false
FROM kb_drafts d WHERE NOT EXISTS (SELECT 1 FROM kb_entries e WHERE e.topic_id = d.topic_id);
