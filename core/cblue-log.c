/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "cblue-log.h"
#include "cblue-redactor.h"

/* The writer is process-wide by nature (GLib has one log writer); only the `cblue` program
 * installs it, never the library by itself. */
typedef struct {
	CblueLogFormat format;
	CblueContext *context; /* owned, nullable */
} CblueLogWriterState;

static CblueLogWriterState cblue_log_writer_state;

static const gchar *
cblue_log_level_name(GLogLevelFlags log_level)
{
	if (log_level & G_LOG_LEVEL_ERROR)
		return "error";
	if (log_level & G_LOG_LEVEL_CRITICAL)
		return "critical";
	if (log_level & G_LOG_LEVEL_WARNING)
		return "warning";
	if (log_level & G_LOG_LEVEL_MESSAGE)
		return "message";
	if (log_level & G_LOG_LEVEL_INFO)
		return "info";
	return "debug";
}

static gchar *
cblue_log_field_value(const GLogField *field)
{
	if (field->length < 0)
		return g_strdup(field->value);
	return g_strndup(field->value, field->length);
}

static GPrivate cblue_log_request_id = G_PRIVATE_INIT(g_free);

/**
 * cblue_log_set_request_id:
 * @request_id: (nullable): the id of the request this thread now works for, or %NULL
 *
 * Sets the request id that Cblue's log writer adds (as `CBLUE_REQUEST_ID`) to the
 * records this thread logs without one, so that the lines of the whole pipeline can be
 * found by the `X-Request-Id` of the request. The server sets it while it dispatches a
 * request and clears it afterwards.
 *
 * Since: 1.0
 */
void
cblue_log_set_request_id(const gchar *request_id)
{
	g_private_replace(&cblue_log_request_id, g_strdup(request_id));
}

/**
 * cblue_log_get_request_id:
 *
 * Returns: (nullable): the request id set with [func@Cblue.log_set_request_id] in this thread
 *
 * Since: 1.0
 */
const gchar *
cblue_log_get_request_id(void)
{
	return g_private_get(&cblue_log_request_id);
}

/**
 * cblue_log_format_fields:
 * @format: the output format
 * @log_level: the level
 * @fields: (array length=n_fields): the structured fields
 * @n_fields: the number of fields
 * @context: (nullable): the context whose redactors clean the message
 *
 * Formats one log record as the writer would print it, without the trailing newline.
 * The message runs through every registered redactor first, so that personal data never
 * reaches a log.
 *
 * Returns: (transfer full): the line
 *
 * Since: 1.0
 */
gchar *
cblue_log_format_fields(CblueLogFormat format, GLogLevelFlags log_level, const GLogField *fields, gsize n_fields,
			CblueContext *context)
{
	g_autofree gchar *message = NULL;
	g_autofree gchar *domain = NULL;
	g_autoptr(GPtrArray) extras = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GDateTime) now = g_date_time_new_now_utc();
	g_autofree gchar *ts = g_date_time_format_iso8601(now);

	for (gsize i = 0; i < n_fields; i++) {
		const gchar *key = fields[i].key;
		if (g_strcmp0(key, "MESSAGE") == 0)
			message = cblue_log_field_value(&fields[i]);
		else if (g_strcmp0(key, "GLIB_DOMAIN") == 0)
			domain = cblue_log_field_value(&fields[i]);
		else if (g_str_has_prefix(key, "CBLUE_")) {
			g_ptr_array_add(extras, g_ascii_strdown(key + strlen("CBLUE_"), -1));
			g_ptr_array_add(extras, cblue_log_field_value(&fields[i]));
		}
	}
	/* a record logged while this thread works for a request carries its id */
	if (cblue_log_get_request_id() != NULL &&
	    !g_ptr_array_find_with_equal_func(extras, "request_id", g_str_equal, NULL)) {
		g_ptr_array_add(extras, g_strdup("request_id"));
		g_ptr_array_add(extras, g_strdup(cblue_log_get_request_id()));
	}
	if (message == NULL)
		message = g_strdup("");
	if (context != NULL) {
		g_autoptr(GPtrArray) redactors = cblue_context_get_extensions(context, CBLUE_TYPE_REDACTOR);
		if (redactors->len > 0) {
			g_autoptr(CblueRedactionPolicy) policy = cblue_context_get_redaction_policy(context);
			g_autofree gchar *scope = NULL;
			gchar *redacted;
			/* hashes match those stored with the same conversation */
			for (guint i = 0; i + 1 < extras->len; i += 2) {
				if (g_strcmp0(g_ptr_array_index(extras, i), "conversation_id") == 0)
				{
					g_free(scope);
					scope = g_strdup(g_ptr_array_index(extras, i + 1));
				}
			}
			redacted = cblue_redact_text_full(redactors, message, policy, scope, NULL);
			g_free(message);
			message = redacted;
			/* the extra fields may carry what a client sent, e.g. its own ids */
			for (guint i = 1; i < extras->len; i += 2) {
				redacted = cblue_redact_text_full(redactors, g_ptr_array_index(extras, i), policy, scope,
								  NULL);
				g_free(g_ptr_array_index(extras, i));
				g_ptr_array_index(extras, i) = redacted;
			}
		}
	}
	if (format == CBLUE_LOG_FORMAT_JSON) {
		g_autoptr(JsonBuilder) builder = json_builder_new();
		g_autoptr(JsonNode) root = NULL;
		json_builder_begin_object(builder);
		json_builder_set_member_name(builder, "ts");
		json_builder_add_string_value(builder, ts);
		json_builder_set_member_name(builder, "level");
		json_builder_add_string_value(builder, cblue_log_level_name(log_level));
		json_builder_set_member_name(builder, "domain");
		json_builder_add_string_value(builder, domain != NULL ? domain : "cblue");
		json_builder_set_member_name(builder, "message");
		json_builder_add_string_value(builder, message);
		for (guint i = 0; i + 1 < extras->len; i += 2) {
			json_builder_set_member_name(builder, g_ptr_array_index(extras, i));
			json_builder_add_string_value(builder, g_ptr_array_index(extras, i + 1));
		}
		json_builder_end_object(builder);
		root = json_builder_get_root(builder);
		return json_to_string(root, FALSE);
	} else {
		GString *line = g_string_new(NULL);
		g_string_append_printf(line, "%s %s %s: %s", ts, domain != NULL ? domain : "cblue",
				       cblue_log_level_name(log_level), message);
		for (guint i = 0; i + 1 < extras->len; i += 2)
			g_string_append_printf(line, " %s=%s", (gchar *)g_ptr_array_index(extras, i),
					       (gchar *)g_ptr_array_index(extras, i + 1));
		return g_string_free(line, FALSE);
	}
}

static GLogWriterOutput
cblue_log_writer(GLogLevelFlags log_level, const GLogField *fields, gsize n_fields, gpointer user_data)
{
	CblueLogWriterState *state = user_data;
	g_autofree gchar *line = NULL;

	if (g_log_writer_default_would_drop(log_level, NULL)) {
		/* honour G_MESSAGES_DEBUG by domain */
		const gchar *domain = NULL;
		for (gsize i = 0; i < n_fields; i++) {
			if (g_strcmp0(fields[i].key, "GLIB_DOMAIN") == 0)
				domain = fields[i].value;
		}
		if (g_log_writer_default_would_drop(log_level, domain))
			return G_LOG_WRITER_HANDLED;
	}
	line = cblue_log_format_fields(state->format, log_level, fields, n_fields, state->context);
	fprintf(stderr, "%s\n", line);
	fflush(stderr);
	return G_LOG_WRITER_HANDLED;
}

/**
 * cblue_log_install_writer:
 * @format: the output format
 * @context: (nullable): the context whose redactors clean every message
 *
 * Installs Cblue's structured log writer for the process. Only programs call this (the
 * `cblue` command does), never libraries; it can be called once.
 *
 * Since: 1.0
 */
void
cblue_log_install_writer(CblueLogFormat format, CblueContext *context)
{
	cblue_log_writer_state.format = format;
	cblue_log_writer_state.context = context != NULL ? g_object_ref(context) : NULL;
	g_log_set_writer_func(cblue_log_writer, &cblue_log_writer_state, NULL);
}
