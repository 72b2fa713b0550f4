/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cblue-cmd.h"
#include "cblue-json-private.h"
#include "cblue-utf8-private.h"

/*
 * `cblue redact`: standard input to standard output, line by line, with personal data
 * replaced as the `[redact]` configuration says (typed placeholders by default). One
 * output line per input line, always; each is written out as soon as no further complete
 * input line is waiting, so the command works interactively in a pipe and still runs at
 * full speed on a file.
 */

typedef struct {
	gboolean json;
	gchar *scope; /* owned, nullable: --conversation */
	GPtrArray *redactors; /* owned */
	CblueRedactionPolicy *policy; /* owned */
	guint64 line_number;
	guint n_invalid;
	GString *out; /* owned: the line being written */
} CblueRedactRun;

static gboolean
cblue_redact_open(CblueApp *app, CblueRedactRun *run, GError **error)
{
	if (!cblue_app_load_config(app, error))
		return FALSE;
	if (!cblue_context_ensure_data_dir(app->context, error))
		return FALSE;
	/* the redaction plugins only: a filter must not open the store */
	app->loader = cblue_plugin_loader_new(app->context);
	cblue_plugin_loader_add_name_filter(app->loader, "redact-*");
	if (!cblue_plugin_loader_load(app->loader, error))
		return FALSE;
	if (!cblue_plugin_loader_setup_sync(app->loader, NULL, error))
		return FALSE;
	if (!cblue_context_load_redaction_policy(app->context, error))
		return FALSE;
	run->redactors = cblue_context_get_extensions(app->context, CBLUE_TYPE_REDACTOR);
	if (run->redactors->len == 0) {
		/* never pass personal data through unchanged because of a configuration slip */
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND,
				    _("no redaction plugin is enabled; see “cblue plugins”"));
		return FALSE;
	}
	run->policy = cblue_context_get_redaction_policy(app->context);
	return TRUE;
}

/* whether @text holds U+FFFD (EF BF BD) */
static gboolean
cblue_redact_has_replacement_char(const gchar *text)
{
	gsize len = strlen(text);
	const gchar *end = text + len;
	for (const gchar *p = memchr(text, 0xEF, len); p != NULL; p = memchr(p + 1, 0xEF, (gsize)(end - p - 1))) {
		if (end - p >= 3 && (guchar)p[1] == 0xBF && (guchar)p[2] == 0xBD)
			return TRUE;
	}
	return FALSE;
}

/* @data[@len] is writable: the line is nul-terminated in place */
static void
cblue_redact_line(CblueRedactRun *run, gchar *data, gsize len, gboolean has_newline)
{
	g_autofree gchar *sanitized = NULL;
	g_autofree gchar *redacted = NULL;
	g_autoptr(GPtrArray) spans = NULL;
	gboolean has_cr = len > 0 && data[len - 1] == '\r';
	gboolean invalid = FALSE;
	const gchar *line = data;

	run->line_number++;
	if (has_cr)
		len--;
	data[len] = '\0';
	if (memchr(data, '\0', len) != NULL) {
		invalid = TRUE; /* a NUL: the rest of the line would be lost */
	} else {
		/* the library replaces invalid UTF-8 by U+FFFD: the line needs checking only when
		 * one shows in the output, or a value (which could have covered one) was
		 * redacted; every other line is known valid without a second pass */
		redacted = cblue_redact_text_full(run->redactors, data, run->policy, run->scope, &spans);
		if ((spans->len > 0 || cblue_redact_has_replacement_char(redacted)) &&
		    !cblue_utf8_validate_fast(data, len, NULL, NULL))
			invalid = TRUE;
	}
	if (invalid) {
		/* TRANSLATORS: %s is a line number */
		g_autofree gchar *number = g_strdup_printf("%" G_GUINT64_FORMAT, run->line_number);
		fprintf(stderr, _("cblue redact: line %s is not valid UTF-8; invalid bytes were replaced by U+FFFD\n"),
			number);
		run->n_invalid++;
		sanitized = g_utf8_make_valid(data, (gssize)len);
		line = sanitized;
		g_clear_pointer(&redacted, g_free);
		g_clear_pointer(&spans, g_ptr_array_unref);
		redacted = cblue_redact_text_full(run->redactors, line, run->policy, run->scope, &spans);
	}

	g_string_truncate(run->out, 0);
	if (run->json) {
		const gchar *p = line;
		glong chars = 0;
		g_string_append_printf(run->out, "{\"line\":%" G_GUINT64_FORMAT ",\"text\":", run->line_number);
		cblue_json_append_string(run->out, redacted);
		g_string_append(run->out, ",\"spans\":[");
		/* character offsets, counted once along the line */
		for (guint i = 0; i < spans->len; i++) {
			CblueSpan *span = g_ptr_array_index(spans, i);
			glong start, end;
			chars += g_utf8_pointer_to_offset(p, line + span->start);
			start = chars;
			end = start + g_utf8_pointer_to_offset(line + span->start, line + span->end);
			chars = end;
			p = line + span->end;
			g_string_append_printf(run->out, "%s{\"type\":", i > 0 ? "," : "");
			cblue_json_append_string(run->out, span->label);
			g_string_append_printf(run->out, ",\"start\":%ld,\"end\":%ld}", start, end);
		}
		g_string_append(run->out, "]}\n");
	} else {
		g_string_append(run->out, redacted);
		if (has_cr)
			g_string_append_c(run->out, '\r');
		if (has_newline)
			g_string_append_c(run->out, '\n');
	}
	fwrite(run->out->str, 1, run->out->len, stdout);
}

static gboolean
cblue_redact_stdin(CblueRedactRun *run, GError **error)
{
	g_autoptr(GByteArray) buf = g_byte_array_sized_new(1 << 17);
	gsize pos = 0;
	gboolean eof = FALSE;
	guint8 chunk[1 << 16];

	for (;;) {
		guint8 *nl = pos < buf->len ? memchr(buf->data + pos, '\n', buf->len - pos) : NULL;
		gssize n;

		if (nl != NULL) {
			cblue_redact_line(run, (gchar *)buf->data + pos, (gsize)(nl - (buf->data + pos)), TRUE);
			pos = (gsize)(nl - buf->data) + 1;
			continue;
		}
		if (eof) {
			/* a last line without a newline stays without one */
			if (pos < buf->len) {
				gsize len = buf->len - pos;
				g_byte_array_append(buf, (const guint8 *)"", 1);
				cblue_redact_line(run, (gchar *)buf->data + pos, len, FALSE);
			}
			break;
		}
		g_byte_array_remove_range(buf, 0, (guint)pos);
		pos = 0;
		/* about to wait for input: whoever reads us gets every line so far */
		fflush(stdout);
		n = read(STDIN_FILENO, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			gint errsv = errno;
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, _("cannot read the standard input: %s"),
				    g_strerror(errsv));
			return FALSE;
		}
		if (n == 0)
			eof = TRUE;
		else
			g_byte_array_append(buf, chunk, (guint)n);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		gint errsv = errno;
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, _("cannot write the standard output: %s"),
			    g_strerror(errsv));
		return FALSE;
	}
	return TRUE;
}

int
cblue_cmd_redact(CblueApp *app, int argc, char **argv)
{
	CblueRedactRun run = {0};
	const GOptionEntry entries[] = {
	    {"json", 'j', 0, G_OPTION_ARG_NONE, &run.json,
	     N_("Print one JSON object per line, with the type and character offsets of every value"), NULL},
	    {"conversation", 0, 0, G_OPTION_ARG_STRING, &run.scope,
	     N_("Conversation id that hashed values are stable within"), N_("ID")},
	    {NULL},
	};
	g_autoptr(GOptionContext) ctx = cblue_app_option_context_new(
	    app, NULL,
	    _("Copy standard input to standard output line by line, with personal data replaced by typed "
	      "placeholders such as [PHONE] or [EMAIL] (or as the [redact] configuration says)."),
	    entries);
	g_autoptr(GError) error = NULL;
	gint status = 0;

	if (!cblue_app_parse(app, ctx, &argc, &argv))
		return 2;
	if (argc > 1) {
		fprintf(stderr, "cblue redact: %s\n", _("unexpected argument; the text is read from standard input"));
		return 2;
	}
	run.out = g_string_sized_new(4096);
	if (!cblue_redact_open(app, &run, &error)) {
		status = cblue_app_fail("redact", error);
	} else {
		setvbuf(stdout, NULL, _IOFBF, 1 << 16);
		if (!cblue_redact_stdin(&run, &error))
			status = cblue_app_fail("redact", error);
		else if (run.n_invalid > 0)
			status = 1;
	}
	cblue_app_shutdown(app);
	g_clear_pointer(&run.redactors, g_ptr_array_unref);
	g_clear_object(&run.policy);
	g_string_free(run.out, TRUE);
	g_free(run.scope);
	return status;
}
