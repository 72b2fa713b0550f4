-- SPDX-License-Identifier: LGPL-2.1-or-later
-- The vectors retrieval-embedding got from the embedding model, cached so that a restart
-- or a KB publish only sends new and changed entries to the model: one row per KB entry
-- and model, with a hash of the texts that were embedded (a row whose hash no longer
-- matches the entry is embedded again and replaced). `vectors` holds `dimensions`-long
-- float32 rows back to back, in the host's byte order (the cache is local to the
-- machine). Not tied to kb_entries: `cblue eval --kb FILE` embeds other KBs too.
CREATE TABLE embeddings (
	model TEXT NOT NULL,
	topic_id TEXT NOT NULL,
	content_hash TEXT NOT NULL,
	dimensions INTEGER NOT NULL CHECK (dimensions > 0),
	vectors BLOB NOT NULL CHECK (length(vectors) > 0 AND length(vectors) % (4 * dimensions) = 0),
	updated_at TEXT NOT NULL,
	PRIMARY KEY (model, topic_id)
) WITHOUT ROWID;
