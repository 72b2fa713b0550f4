/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"

G_BEGIN_DECLS

/*
 * An index build's analysis of its documents on several threads: the documents are cut into
 * chunks of consecutive documents, which the threads analyze in any order, and the calling
 * thread merges the chunks' results in document order, so that the index is the one a
 * single thread builds.
 */

/* the threads a build uses by default: what the CPUs it may run on allow, up to this (the
 * merge, the sort and the writing of the postings stay on one thread) */
#define CBLUE_RETRIEVAL_MAX_BUILD_THREADS 8

guint cblue_retrieval_build_threads(guint requested, guint n_docs);

typedef struct {
	/* a thread's analysis state (its scratch buffers); made and freed on that thread */
	gpointer (*analyzer_new)(gpointer user_data);
	void (*analyzer_free)(gpointer analyzer);
	/* analyzes documents @first to @last (excluded) and returns their results (not %NULL);
	 * called on any of the threads, for chunks in any order */
	gpointer (*analyze)(gpointer analyzer, guint first, guint last, gpointer user_data);
	/* takes (and frees) the results of documents @first to @last, on the calling thread,
	 * the chunks in document order */
	void (*merge)(gpointer chunk, guint first, guint last, gpointer user_data);
} CblueRetrievalChunkFuncs;

void cblue_retrieval_run_chunks(guint n_docs, guint n_threads, const CblueRetrievalChunkFuncs *funcs,
				gpointer user_data);

G_END_DECLS
