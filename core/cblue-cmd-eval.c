/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "cblue-cmd.h"

/* one labelled query and what the bot did with it */
typedef struct {
	gchar *language;
	gchar *query;
	gchar *expected; /* nullable: out of scope */
	gchar *top[3]; /* nullable */
	gdouble top_score[2];
	gdouble top_confidence;
	gdouble second_confidence;
	CblueOutcome outcome; /* what the bot did, at the configured threshold and margin */
} CblueEvalCase;

static void
cblue_eval_case_free(CblueEvalCase *c)
{
	g_free(c->language);
	g_free(c->query);
	g_free(c->expected);
	for (guint i = 0; i < 3; i++)
		g_free(c->top[i]);
	g_free(c);
}

typedef struct {
	guint n_in, top1, top3, answered_right;
	guint clarified, clarified_good; /* in scope: asked which topic; the expected one offered */
	guint clarified_delayed; /* in scope: asked although the best topic was right */
	guint n_oos, oos_rejected, in_rejected, oos_clarified;
} CblueEvalStats;

/* the decision rules to evaluate */
typedef struct {
	gdouble threshold;
	gdouble margin;
	gdouble min_confidence; /* of the second topic for a clarification; < 0: the threshold */
} CblueEvalDecision;

static gboolean
cblue_eval_add_case(GPtrArray *cases, const gchar *language, const gchar *query, const gchar *expected,
		    const gchar *where, GError **error)
{
	CblueEvalCase *c;
	if (!cblue_language_is_supported(language)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("%s: unknown language “%s”"), where,
			    language);
		return FALSE;
	}
	if (query == NULL || query[0] == '\0') {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("%s: empty query"), where);
		return FALSE;
	}
	c = g_new0(CblueEvalCase, 1);
	c->language = g_strdup(language);
	c->query = g_strdup(query);
	c->expected = expected != NULL && expected[0] != '\0' ? g_strdup(expected) : NULL;
	g_ptr_array_add(cases, c);
	return TRUE;
}

/* TSV with a header naming the columns (language|lang, query|text, topic_id|expected), or
 * JSON Lines objects with the same names */
static GPtrArray *
cblue_eval_load(const gchar *filename, GError **error)
{
	g_autofree gchar *data = NULL;
	g_auto(GStrv) lines = NULL;
	g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_eval_case_free);
	gint col_lang = -1, col_query = -1, col_topic = -1;
	gboolean jsonl;

	if (!g_file_get_contents(filename, &data, NULL, error)) {
		cblue_error_convert(error);
		return NULL;
	}
	if (!g_utf8_validate(data, -1, NULL)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("%s: invalid UTF-8"), filename);
		return NULL;
	}
	lines = g_strsplit(data, "\n", -1);
	jsonl = g_str_has_suffix(filename, ".jsonl");
	for (guint i = 0; lines[i] != NULL; i++) {
		g_autofree gchar *where = g_strdup_printf("%s:%u", filename, i + 1);
		gchar *line = g_strchomp(lines[i]);
		if (line[0] == '\0' || line[0] == '#')
			continue;
		if (jsonl) {
			g_autoptr(JsonParser) parser = json_parser_new();
			JsonObject *obj;
			if (!json_parser_load_from_data(parser, line, -1, error) ||
			    !JSON_NODE_HOLDS_OBJECT(json_parser_get_root(parser))) {
				g_prefix_error(error, "%s: ", where);
				cblue_error_convert(error);
				if (error != NULL && *error == NULL)
					g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("%s: not an object"), where);
				return NULL;
			}
			obj = json_node_get_object(json_parser_get_root(parser));
			if (!cblue_eval_add_case(cases, json_object_get_string_member_with_default(obj, "language", ""),
						 json_object_get_string_member_with_default(obj, "query", NULL),
						 json_object_get_string_member_with_default(obj, "topic_id", NULL), where,
						 error))
				return NULL;
			continue;
		}
		{
			g_auto(GStrv) cols = g_strsplit(line, "\t", -1);
			guint n = g_strv_length(cols);
			if (col_lang < 0) {
				for (guint j = 0; j < n; j++) {
					if (g_strcmp0(cols[j], "language") == 0 || g_strcmp0(cols[j], "lang") == 0)
						col_lang = j;
					else if (g_strcmp0(cols[j], "query") == 0 || g_strcmp0(cols[j], "text") == 0)
						col_query = j;
					else if (g_strcmp0(cols[j], "topic_id") == 0 || g_strcmp0(cols[j], "expected") == 0)
						col_topic = j;
				}
				if (col_lang < 0 || col_query < 0 || col_topic < 0) {
					g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
						    _("%s: the header must name the columns language, query and topic_id"),
						    where);
					return NULL;
				}
				continue;
			}
			if ((gint)n <= MAX(col_lang, col_query)) {
				g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("%s: too few columns"), where);
				return NULL;
			}
			if (!cblue_eval_add_case(cases, cols[col_lang], cols[col_query],
						 (gint)n > col_topic ? cols[col_topic] : NULL, where, error))
				return NULL;
		}
	}
	return g_steal_pointer(&cases);
}

/* the bot's decision (cblue_bot_decide() without conversation context) replayed from what
 * the query retrieved, so that other thresholds and margins are tried without asking again */
static CblueOutcome
cblue_eval_outcome(const CblueEvalCase *c, const CblueEvalDecision *d)
{
	gdouble min_confidence = d->min_confidence >= 0 ? d->min_confidence : d->threshold;

	if (c->top[0] == NULL || c->top_confidence < d->threshold)
		return CBLUE_OUTCOME_UNANSWERED;
	if (c->top[1] != NULL && d->margin > 0 && c->second_confidence >= min_confidence && c->top_score[0] > 0 &&
	    (c->top_score[0] - c->top_score[1]) / c->top_score[0] < d->margin)
		return CBLUE_OUTCOME_CLARIFY;
	return CBLUE_OUTCOME_ANSWERED;
}

static void
cblue_eval_stats_add(CblueEvalStats *s, CblueEvalCase *c, const CblueEvalDecision *d)
{
	CblueOutcome outcome = cblue_eval_outcome(c, d);
	gboolean rejected = outcome == CBLUE_OUTCOME_UNANSWERED;
	if (c->expected == NULL) {
		s->n_oos++;
		if (rejected)
			s->oos_rejected++;
		else if (outcome == CBLUE_OUTCOME_CLARIFY)
			s->oos_clarified++;
		return;
	}
	s->n_in++;
	if (rejected)
		s->in_rejected++;
	if (outcome == CBLUE_OUTCOME_CLARIFY) {
		s->clarified++;
		if (g_strcmp0(c->top[0], c->expected) == 0 || g_strcmp0(c->top[1], c->expected) == 0)
			s->clarified_good++;
		if (g_strcmp0(c->top[0], c->expected) == 0)
			s->clarified_delayed++;
	}
	if (g_strcmp0(c->top[0], c->expected) == 0) {
		s->top1++;
		if (outcome == CBLUE_OUTCOME_ANSWERED)
			s->answered_right++;
	}
	for (guint i = 0; i < 3; i++) {
		if (g_strcmp0(c->top[i], c->expected) == 0) {
			s->top3++;
			break;
		}
	}
}

static gdouble
cblue_ratio(guint a, guint b)
{
	return b > 0 ? (gdouble)a / b : 0.0;
}

static void
cblue_eval_oos_prf(const CblueEvalStats *s, gdouble *p, gdouble *r, gdouble *f1)
{
	*p = cblue_ratio(s->oos_rejected, s->oos_rejected + s->in_rejected);
	*r = cblue_ratio(s->oos_rejected, s->n_oos);
	*f1 = (*p + *r) > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

static const gchar *const eval_languages[] = {"en", "th", "zh"};

static void
cblue_eval_compute(GPtrArray *cases, const CblueEvalDecision *d, CblueEvalStats per_lang[3], CblueEvalStats *all)
{
	memset(per_lang, 0, sizeof(CblueEvalStats) * 3);
	memset(all, 0, sizeof(CblueEvalStats));
	for (guint i = 0; i < cases->len; i++) {
		CblueEvalCase *c = g_ptr_array_index(cases, i);
		for (guint l = 0; l < 3; l++) {
			if (g_strcmp0(c->language, eval_languages[l]) == 0)
				cblue_eval_stats_add(&per_lang[l], c, d);
		}
		cblue_eval_stats_add(all, c, d);
	}
}

/* The answer threshold and clarify margin that maximize, summed over languages (the worst
 * language counting twice, so that no language is sacrificed), the share of in-scope
 * queries resolved plus the out-of-scope F1. A right answer counts 1; a clarification that
 * offers the right topic counts 1/2, for the customer needs one more turn. A margin is
 * only considered where, in every language, the clarifications rescue at least as many
 * wrong answers (the right topic second) as they delay right ones (the right topic
 * first): clarification must not cost answers. Ties go to the lower threshold and the
 * smaller margin. */
static CblueEvalDecision
cblue_eval_calibrate(GPtrArray *cases, gdouble min_confidence, gdouble *best_objective)
{
	CblueEvalDecision best = {0.5, 0, min_confidence};
	gdouble best_obj = -1;
	for (gint m = 0; m <= 50; m += 2) {
		for (gint t = 5; t <= 95; t++) {
			CblueEvalDecision d = {t / 100.0, m / 100.0, min_confidence};
			CblueEvalStats per_lang[3], all;
			gdouble obj = 0, worst = 2;
			gboolean harmful = FALSE;
			cblue_eval_compute(cases, &d, per_lang, &all);
			for (guint l = 0; l < 3; l++) {
				guint delayed = per_lang[l].clarified_delayed;
				if (delayed > per_lang[l].clarified_good - delayed)
					harmful = TRUE;
			}
			if (harmful)
				continue;
			for (guint l = 0; l < 3; l++) {
				gdouble p, r, f1, score;
				if (per_lang[l].n_in + per_lang[l].n_oos == 0)
					continue;
				cblue_eval_oos_prf(&per_lang[l], &p, &r, &f1);
				score = cblue_ratio(2 * per_lang[l].answered_right + per_lang[l].clarified_good,
						    2 * per_lang[l].n_in) +
					f1;
				obj += score;
				worst = MIN(worst, score);
			}
			obj += worst;
			if (obj > best_obj + 1e-9) {
				best_obj = obj;
				best = d;
			}
		}
	}
	*best_objective = best_obj;
	return best;
}

static void
cblue_eval_add_stats_json(JsonBuilder *b, const CblueEvalStats *s)
{
	gdouble p, r, f1;
	cblue_eval_oos_prf(s, &p, &r, &f1);
	json_builder_begin_object(b);
	json_builder_set_member_name(b, "queries");
	json_builder_add_int_value(b, s->n_in);
	json_builder_set_member_name(b, "top1");
	json_builder_add_double_value(b, cblue_ratio(s->top1, s->n_in));
	json_builder_set_member_name(b, "top3");
	json_builder_add_double_value(b, cblue_ratio(s->top3, s->n_in));
	json_builder_set_member_name(b, "answered_correct");
	json_builder_add_double_value(b, cblue_ratio(s->answered_right, s->n_in));
	json_builder_set_member_name(b, "clarified");
	json_builder_add_double_value(b, cblue_ratio(s->clarified, s->n_in));
	json_builder_set_member_name(b, "clarified_offering_expected");
	json_builder_add_double_value(b, cblue_ratio(s->clarified_good, s->clarified));
	json_builder_set_member_name(b, "out_of_scope");
	json_builder_add_int_value(b, s->n_oos);
	json_builder_set_member_name(b, "oos_precision");
	json_builder_add_double_value(b, p);
	json_builder_set_member_name(b, "oos_recall");
	json_builder_add_double_value(b, r);
	json_builder_set_member_name(b, "oos_f1");
	json_builder_add_double_value(b, f1);
	json_builder_set_member_name(b, "oos_clarified");
	json_builder_add_int_value(b, s->oos_clarified);
	json_builder_end_object(b);
}

static gint
cblue_confusion_compare(gconstpointer a, gconstpointer b, gpointer user_data)
{
	GHashTable *counts = user_data;
	guint ca = GPOINTER_TO_UINT(g_hash_table_lookup(counts, *(const gchar *const *)a));
	guint cb = GPOINTER_TO_UINT(g_hash_table_lookup(counts, *(const gchar *const *)b));
	if (ca != cb)
		return ca > cb ? -1 : 1;
	return g_strcmp0(*(const gchar *const *)a, *(const gchar *const *)b);
}

int
cblue_cmd_eval(CblueApp *app, int argc, char **argv)
{
	gboolean json = FALSE, calibrate = FALSE, show_errors = FALSE;
	gchar *kb_file = NULL;
	gdouble min_top1 = 0, min_oos_f1 = 0, threshold = -1, margin = -1;
	const GOptionEntry entries[] = {
	    {"json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print the report as JSON"), NULL},
	    {"kb", 0, 0, G_OPTION_ARG_FILENAME, &kb_file, N_("Evaluate against this KB file instead of the store"),
	     N_("FILE")},
	    {"calibrate", 0, 0, G_OPTION_ARG_NONE, &calibrate,
	     N_("Find the answer threshold and clarify margin that fit the labels best and print them as "
		"configuration"),
	     NULL},
	    {"show-errors", 0, 0, G_OPTION_ARG_NONE, &show_errors,
	     N_("List every query answered wrongly, with the topic and confidence"), NULL},
	    {"threshold", 0, 0, G_OPTION_ARG_DOUBLE, &threshold, N_("Answer threshold to evaluate with"), N_("X")},
	    {"clarify-margin", 0, 0, G_OPTION_ARG_DOUBLE, &margin, N_("Clarify margin to evaluate with (0: never ask)"),
	     N_("X")},
	    {"min-top1", 0, 0, G_OPTION_ARG_DOUBLE, &min_top1,
	     N_("Exit with an error if the top-1 accuracy of any language is below X"), N_("X")},
	    {"min-oos-f1", 0, 0, G_OPTION_ARG_DOUBLE, &min_oos_f1,
	     N_("Exit with an error if the out-of-scope F1 of any language is below X"), N_("X")},
	    {NULL},
	};
	g_autoptr(GOptionContext) ctx = cblue_app_option_context_new(
	    app, _("FILE"),
	    _("Ask every labelled question of FILE (TSV with columns language, query, topic_id — empty for "
	      "out of scope — or JSON Lines) and report top-1/top-3 accuracy per language, out-of-scope "
	      "precision/recall/F1, the worst confusions and the speed."),
	    entries);
	g_autoptr(GError) error = NULL;
	g_autoptr(GPtrArray) cases = NULL;
	g_autoptr(GHashTable) confusions = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_autoptr(GPtrArray) confusion_keys = NULL;
	g_autofree gchar *kb_file_owned = NULL;
	CblueEvalStats per_lang[3], all;
	CblueEvalDecision decision, configured;
	guint n_inconsistent = 0;
	gint64 t0, elapsed;
	gdouble qps, objective = 0;
	gboolean ok = TRUE;

	if (!cblue_app_parse(app, ctx, &argc, &argv))
		return 2;
	kb_file_owned = kb_file;
	if (argc != 2) {
		fprintf(stderr, "cblue eval: %s\n", _("give one labelled FILE; see “cblue eval --help”"));
		return 2;
	}
	cases = cblue_eval_load(argv[1], &error);
	if (cases == NULL)
		return cblue_app_fail("eval", error);
	if (!cblue_app_open_bot(app, TRUE, &error))
		return cblue_app_fail("eval", error);
	cblue_bot_set_record(app->bot, FALSE);
	if (kb_file_owned != NULL) {
		g_autoptr(CblueKb) kb = cblue_kb_new();
		g_auto(GStrv) languages = cblue_config_get_languages(app->config);
		if (!cblue_kb_load_file(kb, kb_file_owned, (const gchar *const *)languages, &error) ||
		    !cblue_bot_set_kb(app->bot, kb, &error))
			return cblue_app_fail("eval", error);
	}
	configured.threshold = cblue_bot_get_answer_threshold(app->bot);
	configured.margin = cblue_bot_get_clarify_margin(app->bot);
	configured.min_confidence = cblue_config_get_double(app->config, "bot", "clarify_min_confidence", -1);
	decision = configured;
	if (threshold >= 0)
		decision.threshold = threshold;
	if (margin >= 0)
		decision.margin = margin;

	t0 = g_get_monotonic_time();
	for (guint i = 0; i < cases->len; i++) {
		CblueEvalCase *c = g_ptr_array_index(cases, i);
		g_autoptr(CblueMessage) message = cblue_message_new(c->query);
		g_autoptr(CblueChatReply) reply = NULL;
		GPtrArray *sources;

		cblue_message_set_channel(message, "eval");
		reply = cblue_bot_ask_sync(app->bot, message, NULL, &error);
		if (reply == NULL)
			return cblue_app_fail("eval", error);
		sources = cblue_chat_reply_get_sources(reply);
		for (guint j = 0; j < MIN(sources->len, 3u); j++)
			c->top[j] = g_strdup(cblue_hit_get_topic_id(g_ptr_array_index(sources, j)));
		for (guint j = 0; j < MIN(sources->len, 2u); j++)
			c->top_score[j] = cblue_hit_get_score(g_ptr_array_index(sources, j));
		c->top_confidence = sources->len > 0 ? cblue_hit_get_confidence(g_ptr_array_index(sources, 0)) : 0;
		c->second_confidence = sources->len > 1 ? cblue_hit_get_confidence(g_ptr_array_index(sources, 1)) : 0;
		c->outcome = cblue_chat_reply_get_outcome(reply);
		if (c->outcome != cblue_eval_outcome(c, &configured))
			n_inconsistent++;
	}
	/* the replay must agree with the bot, or the calibration would tune something else */
	if (n_inconsistent > 0)
		g_warning("%u of %u outcomes differ from the replayed decision", n_inconsistent, cases->len);
	elapsed = g_get_monotonic_time() - t0;
	qps = elapsed > 0 ? cases->len * 1e6 / elapsed : 0;

	if (calibrate)
		decision = cblue_eval_calibrate(cases, configured.min_confidence, &objective);
	cblue_eval_compute(cases, &decision, per_lang, &all);

	for (guint i = 0; i < cases->len; i++) {
		CblueEvalCase *c = g_ptr_array_index(cases, i);
		CblueOutcome outcome = cblue_eval_outcome(c, &decision);
		g_autofree gchar *got = NULL;
		g_autofree gchar *key = NULL;
		if (c->expected != NULL && g_strcmp0(c->expected, c->top[0]) == 0 && outcome == CBLUE_OUTCOME_ANSWERED)
			continue;
		if (c->expected == NULL && outcome == CBLUE_OUTCOME_UNANSWERED)
			continue;
		if (outcome == CBLUE_OUTCOME_UNANSWERED)
			got = g_strdup("(unknown)");
		else if (outcome == CBLUE_OUTCOME_CLARIFY)
			got = g_strdup_printf("(%s or %s?)", c->top[0], c->top[1]);
		else
			got = g_strdup(c->top[0]);
		if (show_errors && !json)
			printf("%s\t%.3f\t%s → %s\t%s\n", c->language, c->top_confidence,
			       c->expected != NULL ? c->expected : "(out of scope)", got, c->query);
		key = g_strdup_printf("%s → %s", c->expected != NULL ? c->expected : "(out of scope)", got);
		g_hash_table_insert(confusions, g_strdup(key),
				    GUINT_TO_POINTER(GPOINTER_TO_UINT(g_hash_table_lookup(confusions, key)) + 1));
	}
	confusion_keys = g_ptr_array_new();
	{
		GHashTableIter it;
		gpointer key;
		g_hash_table_iter_init(&it, confusions);
		while (g_hash_table_iter_next(&it, &key, NULL))
			g_ptr_array_add(confusion_keys, key);
	}
	g_ptr_array_sort_with_data(confusion_keys, cblue_confusion_compare, confusions);

	for (guint l = 0; l < 3; l++) {
		gdouble p, r, f1;
		if (per_lang[l].n_in + per_lang[l].n_oos == 0)
			continue;
		cblue_eval_oos_prf(&per_lang[l], &p, &r, &f1);
		if (cblue_ratio(per_lang[l].top1, per_lang[l].n_in) < min_top1 || (per_lang[l].n_oos > 0 && f1 < min_oos_f1))
			ok = FALSE;
	}

	if (json) {
		g_autoptr(JsonBuilder) b = json_builder_new();
		g_autoptr(JsonNode) root = NULL;
		g_autofree gchar *text = NULL;
		json_builder_begin_object(b);
		json_builder_set_member_name(b, "file");
		json_builder_add_string_value(b, argv[1]);
		json_builder_set_member_name(b, "threshold");
		json_builder_add_double_value(b, decision.threshold);
		json_builder_set_member_name(b, "clarify_margin");
		json_builder_add_double_value(b, decision.margin);
		json_builder_set_member_name(b, "queries_per_second");
		json_builder_add_double_value(b, qps);
		json_builder_set_member_name(b, "languages");
		json_builder_begin_object(b);
		for (guint l = 0; l < 3; l++) {
			if (per_lang[l].n_in + per_lang[l].n_oos == 0)
				continue;
			json_builder_set_member_name(b, eval_languages[l]);
			cblue_eval_add_stats_json(b, &per_lang[l]);
		}
		json_builder_end_object(b);
		json_builder_set_member_name(b, "all");
		cblue_eval_add_stats_json(b, &all);
		json_builder_set_member_name(b, "confusions");
		json_builder_begin_array(b);
		for (guint i = 0; i < MIN(confusion_keys->len, 20u); i++) {
			const gchar *key = g_ptr_array_index(confusion_keys, i);
			json_builder_begin_object(b);
			json_builder_set_member_name(b, "pair");
			json_builder_add_string_value(b, key);
			json_builder_set_member_name(b, "count");
			json_builder_add_int_value(b, GPOINTER_TO_UINT(g_hash_table_lookup(confusions, key)));
			json_builder_end_object(b);
		}
		json_builder_end_array(b);
		json_builder_set_member_name(b, "passed");
		json_builder_add_boolean_value(b, ok);
		json_builder_end_object(b);
		root = json_builder_get_root(b);
		text = json_to_string(root, TRUE);
		printf("%s\n", text);
	} else {
		printf("%s %s — %u %s, %s %.2f, %s %.2f\n", _("Evaluation of"), argv[1], cases->len, _("queries"),
		       _("answer threshold"), decision.threshold, _("clarify margin"), decision.margin);
		printf("%-5s %7s %7s %7s %9s %8s %6s %8s %7s %7s\n", _("lang"), _("in"), _("top-1"), _("top-3"),
		       _("answered"), _("clarify"), _("oos"), _("oos-P"), _("oos-R"), _("oos-F1"));
		for (guint l = 0; l < 4; l++) {
			const CblueEvalStats *s = l < 3 ? &per_lang[l] : &all;
			gdouble p, r, f1;
			if (s->n_in + s->n_oos == 0)
				continue;
			cblue_eval_oos_prf(s, &p, &r, &f1);
			printf("%-5s %7u %7.3f %7.3f %9.3f %8.3f %6u %8.3f %7.3f %7.3f\n",
			       l < 3 ? eval_languages[l] : "all", s->n_in, cblue_ratio(s->top1, s->n_in),
			       cblue_ratio(s->top3, s->n_in), cblue_ratio(s->answered_right, s->n_in),
			       cblue_ratio(s->clarified, s->n_in), s->n_oos, p, r, f1);
		}
		printf("%s %.0f\n", _("queries/s:"), qps);
		if (confusion_keys->len > 0)
			printf("%s\n", _("Worst confusions (expected → got):"));
		for (guint i = 0; i < MIN(confusion_keys->len, 10u); i++) {
			const gchar *key = g_ptr_array_index(confusion_keys, i);
			printf("  %3u  %s\n", GPOINTER_TO_UINT(g_hash_table_lookup(confusions, key)), key);
		}
	}
	if (calibrate && !json)
		printf("\n# %s (objective %.3f)\n[bot]\nanswer_threshold=%.2f\nclarify_margin=%.2f\n",
		       _("calibrated answer threshold and clarify margin"), objective, decision.threshold,
		       decision.margin);
	cblue_app_shutdown(app);
	if (!ok)
		fprintf(stderr, "cblue eval: %s\n", _("accuracy is below the required minimum"));
	return ok ? 0 : 1;
}
