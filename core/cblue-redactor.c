/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <string.h>

#include "cblue-redactor.h"

/**
 * CblueRedactor:
 *
 * The `redact` plugin kind: finds personal data so that it is replaced by a typed
 * placeholder (`[EMAIL]`, `[PHONE]`, …) before a message is stored, logged or sent to a
 * model provider.
 *
 * Since: 1.0
 */
G_DEFINE_INTERFACE(CblueRedactor, cblue_redactor, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE(CblueSpan, cblue_span, cblue_span_copy, cblue_span_free)

static void
cblue_redactor_default_init(CblueRedactorInterface *iface)
{
}

/**
 * cblue_span_new:
 * @start: the byte offset of the start
 * @end: the byte offset after the end
 * @label: the type of the value
 *
 * Returns: (transfer full): a new #CblueSpan
 *
 * Since: 1.0
 */
CblueSpan *
cblue_span_new(gsize start, gsize end, const gchar *label)
{
	CblueSpan *span = g_new0(CblueSpan, 1);
	span->start = start;
	span->end = end;
	span->label = g_strdup(label);
	return span;
}

/**
 * cblue_span_copy:
 * @span: a #CblueSpan
 *
 * Returns: (transfer full): a copy
 *
 * Since: 1.0
 */
CblueSpan *
cblue_span_copy(const CblueSpan *span)
{
	return cblue_span_new(span->start, span->end, span->label);
}

/**
 * cblue_span_free:
 * @span: a #CblueSpan
 *
 * Frees a span.
 *
 * Since: 1.0
 */
void
cblue_span_free(CblueSpan *span)
{
	if (span == NULL)
		return;
	g_free(span->label);
	g_free(span);
}

/**
 * cblue_redactor_find:
 * @self: a #CblueRedactor
 * @text: UTF-8 text
 *
 * Finds personal data.
 *
 * Returns: (transfer container) (element-type CblueSpan): the spans found, possibly none
 *
 * Since: 1.0
 */
GPtrArray *
cblue_redactor_find(CblueRedactor *self, const gchar *text)
{
	CblueRedactorInterface *iface;
	GPtrArray *spans;
	g_return_val_if_fail(CBLUE_IS_REDACTOR(self), NULL);
	g_return_val_if_fail(text != NULL, NULL);
	iface = CBLUE_REDACTOR_GET_IFACE(self);
	spans = iface->find != NULL ? iface->find(self, text) : NULL;
	return spans != NULL ? spans : g_ptr_array_new_with_free_func((GDestroyNotify)cblue_span_free);
}

/* longest first, then earliest: the most specific match wins an overlap */
static gint
cblue_span_compare_specific(gconstpointer a, gconstpointer b)
{
	const CblueSpan *sa = *(const CblueSpan *const *)a;
	const CblueSpan *sb = *(const CblueSpan *const *)b;
	gsize la = sa->end - sa->start, lb = sb->end - sb->start;
	if (la != lb)
		return la > lb ? -1 : 1;
	return sa->start < sb->start ? -1 : (sa->start > sb->start ? 1 : 0);
}

static gint
cblue_span_compare_start(gconstpointer a, gconstpointer b)
{
	const CblueSpan *sa = *(const CblueSpan *const *)a;
	const CblueSpan *sb = *(const CblueSpan *const *)b;
	return sa->start < sb->start ? -1 : (sa->start > sb->start ? 1 : 0);
}

/**
 * cblue_redact_text:
 * @redactors: (element-type CblueRedactor): the redactors to run
 * @text: UTF-8 text
 * @labels: (element-type utf8) (nullable): an array that receives the label of every type
 *   found, once each
 *
 * Runs every redactor, resolves overlapping spans (the longest wins) and replaces each
 * value by its placeholder, e.g. `[EMAIL]`.
 *
 * Returns: (transfer full): the redacted text
 *
 * Since: 1.0
 */
gchar *
cblue_redact_text(GPtrArray *redactors, const gchar *text, GPtrArray *labels)
{
	g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_span_free);
	g_autoptr(GPtrArray) kept = g_ptr_array_new();
	GString *out;
	gsize text_len, pos = 0;

	g_return_val_if_fail(text != NULL, NULL);
	text_len = strlen(text);
	for (guint i = 0; redactors != NULL && i < redactors->len; i++) {
		g_autoptr(GPtrArray) spans = cblue_redactor_find(g_ptr_array_index(redactors, i), text);
		for (guint j = 0; j < spans->len; j++) {
			CblueSpan *span = g_ptr_array_index(spans, j);
			if (span->start < span->end && span->end <= text_len)
				g_ptr_array_add(all, cblue_span_copy(span));
		}
	}
	if (all->len == 0)
		return g_strdup(text);
	g_ptr_array_sort(all, cblue_span_compare_specific);
	for (guint i = 0; i < all->len; i++) {
		CblueSpan *span = g_ptr_array_index(all, i);
		gboolean overlaps = FALSE;
		for (guint j = 0; j < kept->len && !overlaps; j++) {
			CblueSpan *k = g_ptr_array_index(kept, j);
			overlaps = span->start < k->end && k->start < span->end;
		}
		if (!overlaps)
			g_ptr_array_add(kept, span);
	}
	g_ptr_array_sort(kept, cblue_span_compare_start);
	out = g_string_sized_new(text_len);
	for (guint i = 0; i < kept->len; i++) {
		CblueSpan *span = g_ptr_array_index(kept, i);
		g_string_append_len(out, text + pos, span->start - pos);
		g_string_append_printf(out, "[%s]", span->label);
		pos = span->end;
		if (labels != NULL) {
			gboolean seen = FALSE;
			for (guint j = 0; j < labels->len && !seen; j++)
				seen = g_strcmp0(g_ptr_array_index(labels, j), span->label) == 0;
			if (!seen)
				g_ptr_array_add(labels, g_strdup(span->label));
		}
	}
	g_string_append(out, text + pos);
	return g_string_free(out, FALSE);
}
