/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

#include "cblue-version-macros.h"

G_BEGIN_DECLS

/* exported for the plugins of this tree (retrieval-common); not a public API */
#define CBLUE_TOKENIZER_PRIVATE_EXTERN _CBLUE_EXTERN

/*
 * A per-thread memo of the last text derived from a normalized text, PRIVATE and UNSTABLE
 * (exported for the plugins of this source tree only).
 *
 * Both retrievers rewrite the same normalized question with the synonyms. Each plugin
 * holds its own synonyms object and its own copy of retrieval-common, but both load them
 * from the same files. The second retriever finds the first one's rewrite here instead of
 * making it again, which costs about 4k instructions a question.
 *
 * @tag names the derivation and everything its result depends on besides the text (the
 * synonyms' digest): the same tag and text must always derive the same text.
 */

/* whether this thread's memo holds @text derived under @tag; if so, *@derived gets a copy
 * of what was derived (%NULL if nothing was) */
CBLUE_TOKENIZER_PRIVATE_EXTERN
gboolean cblue_tokenizer_memo_lookup(const gchar *tag, const gchar *text, gchar **derived);

/* remembers @derived (nullable) as the text derived from @text under @tag, on this thread */
CBLUE_TOKENIZER_PRIVATE_EXTERN
void cblue_tokenizer_memo_store(const gchar *tag, const gchar *text, const gchar *derived);

G_END_DECLS
