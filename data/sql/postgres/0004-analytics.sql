-- SPDX-License-Identifier: LGPL-2.1-or-later
--
-- Cblue schema, version 4 (PostgreSQL): the console's analytics and unanswered inbox.
-- Mirrors data/sql/sqlite/0004-analytics.sql. Never edit once released.

-- How an open question left the inbox. `item` names what was resolved: `u` and an
-- `unanswered.id`, or `d` and a `feedback.id` (a reply rated thumbs-down).
CREATE TABLE unanswered_resolutions (
	item text PRIMARY KEY CHECK (item ~ '^[ud][0-9]'),
	action text NOT NULL CHECK (action IN ('add_example', 'new_entry', 'dismiss')),
	topic_id text,
	resolved_by text,
	resolved_at timestamptz NOT NULL
);

-- a thumbs-down on a reply that was unanswered anyway is listed once, through its
-- `unanswered` row
CREATE INDEX unanswered_message_idx ON unanswered (message_id);
-- PII redactions by type over a time range read only the customer messages that had some
CREATE INDEX messages_pii_idx ON messages (created_at) WHERE pii_types IS NOT NULL;
