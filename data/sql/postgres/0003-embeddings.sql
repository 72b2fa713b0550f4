-- SPDX-License-Identifier: LGPL-2.1-or-later
--
-- Cblue schema, version 3 (PostgreSQL): the embedding cache of retrieval-embedding.
-- Mirrors data/sql/sqlite/0003-embeddings.sql: one row per KB entry and model, with a
-- hash of the embedded texts; `vectors` holds `dimensions`-long float32 rows back to back
-- in the writing host's byte order (the reader skips rows that do not fit). Not tied to
-- kb_entries. Never edit once released.
CREATE TABLE embeddings (
	model text NOT NULL,
	topic_id text NOT NULL,
	content_hash text NOT NULL,
	dimensions integer NOT NULL CHECK (dimensions > 0),
	vectors bytea NOT NULL CHECK (octet_length(vectors) > 0 AND octet_length(vectors) % (4 * dimensions) = 0),
	updated_at timestamptz NOT NULL,
	PRIMARY KEY (model, topic_id)
);
