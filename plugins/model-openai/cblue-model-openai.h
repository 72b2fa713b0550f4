/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue-openai-common.h"

G_BEGIN_DECLS

/* The model provider of model-openai: retrieval-augmented answers from an
 * OpenAI-compatible chat-completions endpoint; see README.md for the behaviour. */
#define CBLUE_TYPE_MODEL_OPENAI (cblue_model_openai_get_type())
G_DECLARE_FINAL_TYPE(CblueModelOpenai, cblue_model_openai, CBLUE, MODEL_OPENAI, GObject)

/* why an answer came from the KB instead of the model: the label of
 * ai_model_fallbacks_total{cause} */
typedef enum {
	CBLUE_OPENAI_FALLBACK_TIMEOUT,
	CBLUE_OPENAI_FALLBACK_RATE_LIMITED,
	CBLUE_OPENAI_FALLBACK_UNREACHABLE,
	CBLUE_OPENAI_FALLBACK_CIRCUIT_OPEN,
	CBLUE_OPENAI_FALLBACK_BUSY,
	CBLUE_OPENAI_FALLBACK_BAD_REPLY,
	CBLUE_OPENAI_FALLBACK_STREAM_CUT,
	CBLUE_OPENAI_FALLBACK_AUTH,
	CBLUE_OPENAI_FALLBACK_NOT_FOUND,
	CBLUE_OPENAI_FALLBACK_OTHER,
	CBLUE_OPENAI_FALLBACK_LAST
} CblueOpenaiFallback;

const gchar *cblue_openai_fallback_to_string(CblueOpenaiFallback cause);

/* @context: unowned, it owns the provider once registered; reads `[model]` */
CblueModelOpenai *cblue_model_openai_new(CblueContext *context, GError **error) G_GNUC_WARN_UNUSED_RESULT;
const CblueOpenaiConfig *cblue_model_openai_get_config(CblueModelOpenai *self);

G_END_DECLS
