-- SPDX-License-Identifier: LGPL-2.1-or-later
--
-- Cblue schema, version 4 (SQLite): the console's analytics and unanswered inbox.
-- Same conventions as 0001-init.sql. Never edit once released.

-- How an open question left the inbox. `item` names what was resolved: `u` and an
-- `unanswered.id`, or `d` and a `feedback.id` (a reply rated thumbs-down). A table of its
-- own rather than columns, so that the write path (which inserts into unanswered and
-- replaces feedback rows) stays as it is.
CREATE TABLE unanswered_resolutions (
	item TEXT PRIMARY KEY NOT NULL CHECK (item GLOB '[ud][0-9]*'),
	action TEXT NOT NULL CHECK (action IN ('add_example', 'new_entry', 'dismiss')),
	topic_id TEXT,
	resolved_by TEXT,
	resolved_at TEXT NOT NULL
) WITHOUT ROWID;

-- a thumbs-down on a reply that was unanswered anyway is listed once, through its
-- `unanswered` row
CREATE INDEX unanswered_message_idx ON unanswered (message_id);
-- PII redactions by type over a time range read only the customer messages that had some
CREATE INDEX messages_pii_idx ON messages (created_at) WHERE pii_types IS NOT NULL;
