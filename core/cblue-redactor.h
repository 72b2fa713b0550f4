/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <glib-object.h>

#include "cblue-redaction-policy.h"
#include "cblue-version-macros.h"

G_BEGIN_DECLS

/**
 * CblueSpan:
 * @start: the byte offset where the value starts
 * @end: the byte offset just after the value
 * @label: the type of the value, e.g. `EMAIL`, `TH_ID`
 *
 * A piece of personal data found in a text.
 *
 * Since: 1.0
 */
typedef struct {
	gsize start;
	gsize end;
	gchar *label;
} CblueSpan;

#define CBLUE_TYPE_SPAN (cblue_span_get_type())
CBLUE_AVAILABLE_IN_1_0
GType cblue_span_get_type(void) G_GNUC_CONST;
CBLUE_AVAILABLE_IN_1_0
CblueSpan *cblue_span_new(gsize start, gsize end, const gchar *label);
CBLUE_AVAILABLE_IN_1_0
CblueSpan *cblue_span_copy(const CblueSpan *span);
CBLUE_AVAILABLE_IN_1_0
void cblue_span_free(CblueSpan *span);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueSpan, cblue_span_free)

#define CBLUE_TYPE_REDACTOR (cblue_redactor_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_INTERFACE(CblueRedactor, cblue_redactor, CBLUE, REDACTOR, GObject)

/**
 * CblueRedactorInterface:
 * @g_iface: the parent interface
 * @find: find the personal data in a text; pure, synchronous and thread-safe. It returns
 *   the spans found as byte offsets into the text it was given, or %NULL for none.
 *
 * A PII recognizer.
 *
 * When [func@redact_text_full] (and so the bot and the log writer) runs a redactor, the
 * text it gets is valid UTF-8 in which full-width forms (`０８１`, `＠`, `－`), Thai and
 * other decimal digits, Unicode dashes and minus signs, the ideographic full stop and
 * no-break or ideographic spaces are already folded to their ASCII counterparts; the
 * spans are mapped back to the original text, whose original characters are replaced.
 * A redactor therefore only needs ASCII digits and separators in its patterns.
 *
 * Since: 1.0
 */
struct _CblueRedactorInterface {
	GTypeInterface g_iface;

	GPtrArray *(*find)(CblueRedactor *self, const gchar *text);
};

CBLUE_AVAILABLE_IN_1_0
GPtrArray *cblue_redactor_find(CblueRedactor *self, const gchar *text);
CBLUE_AVAILABLE_IN_1_0
gchar *cblue_redact_text(GPtrArray *redactors, const gchar *text, GPtrArray *labels);
CBLUE_AVAILABLE_IN_1_0
GPtrArray *cblue_redact_find(GPtrArray *redactors, const gchar *text);
CBLUE_AVAILABLE_IN_1_0
gchar *cblue_redact_text_full(GPtrArray *redactors, const gchar *text, CblueRedactionPolicy *policy,
			      const gchar *scope, GPtrArray **spans);
CBLUE_AVAILABLE_IN_1_0
gchar *cblue_redact_fold_text(const gchar *text, GArray **offsets);

G_END_DECLS
