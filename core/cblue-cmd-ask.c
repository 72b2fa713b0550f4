/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cblue-cmd.h"

typedef struct {
	gboolean json;
	gboolean use_stdin;
	gboolean no_record;
	gchar *language; /* owned, nullable */
	gchar *conversation_id; /* owned, nullable */
} CblueAskOptions;

static void
cblue_ask_print_error_json(FILE *out, const GError *error)
{
	g_autofree gchar *json = cblue_error_to_json(error);
	fputs(json, out);
	fputc('\n', out);
}

/* one answer to @text: a JSON line, or the reply text */
static gboolean
cblue_ask_one(CblueApp *app, CblueAskOptions *opts, const gchar *text, FILE *out)
{
	g_autoptr(CblueMessage) message = cblue_message_new(text);
	g_autoptr(CblueChatReply) reply = NULL;
	g_autoptr(GError) error = NULL;

	cblue_message_set_channel(message, "cli");
	cblue_message_set_language(message, opts->language);
	cblue_message_set_conversation_id(message, opts->conversation_id);
	reply = cblue_bot_ask_sync(app->bot, message, NULL, &error);
	if (reply == NULL) {
		if (opts->json)
			cblue_ask_print_error_json(out, error);
		else
			fprintf(stderr, "cblue ask: %s\n", error->message);
		return FALSE;
	}
	if (opts->json) {
		g_autofree gchar *json = cblue_chat_reply_to_string(reply);
		fputs(json, out);
		fputc('\n', out);
	} else {
		fprintf(out, "%s\n", cblue_chat_reply_get_text(reply));
	}
	return TRUE;
}

/* One question per line in, one reply per line out, in order. Output is flushed whenever
 * no further complete line is already buffered, so an interactive peer gets each reply at
 * once while a batch runs at full speed. */
static gboolean
cblue_ask_stdin(CblueApp *app, CblueAskOptions *opts)
{
	g_autoptr(GByteArray) buf = g_byte_array_sized_new(65536);
	gboolean all_ok = TRUE;
	gboolean eof = FALSE;
	guint8 chunk[65536];
	gsize start = 0; /* buf before it is consumed: dropped only before reading more */

	while (!eof || start < buf->len) {
		guint8 *nl = start < buf->len ? memchr(buf->data + start, '\n', buf->len - start) : NULL;
		if (nl == NULL && !eof) {
			gssize n;
			fflush(stdout);
			g_byte_array_remove_range(buf, 0, (guint)start);
			start = 0;
			n = read(STDIN_FILENO, chunk, sizeof(chunk));
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				eof = TRUE;
			else
				g_byte_array_append(buf, chunk, (guint)n);
			continue;
		}
		{
			const gchar *begin = (const gchar *)buf->data + start;
			gsize len = nl != NULL ? (gsize)((const gchar *)nl - begin) : buf->len - start;
			g_autofree gchar *line = g_strndup(begin, len);
			gsize line_len = strlen(line);
			if (line_len > 0 && line[line_len - 1] == '\r')
				line[line_len - 1] = '\0';
			start = MIN(buf->len, start + len + 1);
			if (line_len != len) {
				/* an embedded NUL: reject the line, keep the alignment */
				g_autoptr(GError) error = g_error_new_literal(CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
									      _("The message contains a NUL byte."));
				cblue_ask_print_error_json(stdout, error);
				all_ok = FALSE;
				continue;
			}
			if (!cblue_ask_one(app, opts, line, stdout))
				all_ok = FALSE;
		}
	}
	fflush(stdout);
	return all_ok;
}

int
cblue_cmd_ask(CblueApp *app, int argc, char **argv)
{
	CblueAskOptions opts = {0};
	const GOptionEntry entries[] = {
	    {"json", 'j', 0, G_OPTION_ARG_NONE, &opts.json, N_("Print the reply as JSON"), NULL},
	    {"stdin", 0, 0, G_OPTION_ARG_NONE, &opts.use_stdin, N_("Read one question per line from standard input"),
	     NULL},
	    {"language", 'l', 0, G_OPTION_ARG_STRING, &opts.language, N_("Reply language (en, th, zh)"), N_("LANG")},
	    {"conversation", 0, 0, G_OPTION_ARG_STRING, &opts.conversation_id, N_("Conversation id"), N_("ID")},
	    {"no-record", 0, 0, G_OPTION_ARG_NONE, &opts.no_record,
	     N_("Do not store the questions and replies (tests, benchmarks)"), NULL},
	    {NULL},
	};
	g_autoptr(GOptionContext) ctx = cblue_app_option_context_new(
	    app, _("[TEXT…]"), _("Ask the bot a question and print its reply."), entries);
	g_autoptr(GError) error = NULL;
	g_autofree gchar *text = NULL;
	gboolean ok;

	if (!cblue_app_parse(app, ctx, &argc, &argv))
		return 2;
	if (opts.use_stdin && argc > 1) {
		fprintf(stderr, "cblue ask: %s\n", _("give either TEXT or --stdin, not both"));
		return 2;
	}
	if (!opts.use_stdin && argc < 2) {
		fprintf(stderr, "cblue ask: %s\n", _("no question given; see “cblue ask --help”"));
		return 2;
	}
	if (!cblue_app_open_bot(app, TRUE, &error))
		return cblue_app_fail("ask", error);
	cblue_bot_set_record(app->bot, !opts.no_record);
	if (opts.use_stdin) {
		ok = cblue_ask_stdin(app, &opts);
	} else {
		text = g_strjoinv(" ", argv + 1);
		ok = cblue_ask_one(app, &opts, text, stdout);
	}
	cblue_app_shutdown(app);
	g_free(opts.language);
	g_free(opts.conversation_id);
	return ok ? 0 : 1;
}
