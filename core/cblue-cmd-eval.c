/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
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
	gdouble probability; /* the decision model's that the query is in scope; < 0: the fused confidence decides */
	gdouble *features; /* owned, nullable: the decision model's, see cblue_chat_reply_get_decision_features() */
	gsize n_features;
	CblueOutcome outcome; /* what the bot did, at the configured threshold and margin */
	gboolean declined; /* it asked for a service the business does not offer: unknown at any threshold */
	GStrv choices; /* owned, nullable: it names no product, these are the products' topics (the bot's rule) */
} CblueEvalCase;

static void
cblue_eval_case_free(CblueEvalCase *c)
{
	g_free(c->language);
	g_free(c->query);
	g_free(c->expected);
	g_free(c->features);
	g_strfreev(c->choices);
	for (guint i = 0; i < 3; i++)
		g_free(c->top[i]);
	g_free(c);
}

typedef struct {
	guint n_in, top1, top3, answered_right;
	guint clarified, clarified_good; /* in scope: asked which topic; the expected one offered */
	guint clarified_delayed; /* in scope: asked although the best topic was right */
	guint product_good, product_delayed; /* of those, asked for the product (the question named none) */
	guint n_oos, oos_rejected, in_rejected, oos_clarified;
} CblueEvalStats;

/* the decision rules to evaluate */
typedef struct {
	gdouble threshold; /* of the fused confidence */
	gdouble decision_threshold; /* of the decision model's probability */
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
	gboolean by_model = c->probability >= 0;

	if (c->declined)
		return CBLUE_OUTCOME_UNANSWERED;
	if (c->top[0] == NULL || (by_model ? c->probability < d->decision_threshold : c->top_confidence < d->threshold))
		return CBLUE_OUTCOME_UNANSWERED;
	/* a question that names no product (cblue_bot_product_choices(), [bot] product_margin):
	 * the bot's own finding, read from its reply, not made again here */
	if (c->choices != NULL)
		return CBLUE_OUTCOME_CLARIFY;
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
		if (c->choices != NULL ? g_strv_contains((const gchar *const *)c->choices, c->expected)
				       : g_strcmp0(c->top[0], c->expected) == 0 || g_strcmp0(c->top[1], c->expected) == 0)
			s->clarified_good++;
		if (g_strcmp0(c->top[0], c->expected) == 0)
			s->clarified_delayed++;
		if (c->choices != NULL) {
			s->product_good += g_strv_contains((const gchar *const *)c->choices, c->expected);
			s->product_delayed += g_strcmp0(c->top[0], c->expected) == 0;
		}
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

/* The answer threshold (the decision model's, where one decides) and clarify margin that maximize, summed over languages (the worst
 * language counting twice, so that no language is sacrificed), the share of in-scope
 * queries resolved plus the out-of-scope F1. A right answer counts 1; a clarification that
 * offers the right topic counts 1/2, for the customer needs one more turn. A margin is
 * only considered where, in every language, the clarifications rescue at least as many
 * wrong answers (the right topic second) as they delay right ones (the right topic
 * first): clarification must not cost answers. Ties go to the lower threshold and the
 * smaller margin. */
/* what the calibration maximizes for one language: the share of in-scope queries
 * resolved plus the out-of-scope F1 */
static gdouble
cblue_eval_language_score(const CblueEvalStats *s)
{
	gdouble p, r, f1;
	cblue_eval_oos_prf(s, &p, &r, &f1);
	return cblue_ratio(2 * s->answered_right + s->clarified_good, 2 * s->n_in) + f1;
}

/* the objective of @d (see cblue_eval_calibrate()), each language's score in @scores;
 * -1 if its clarifications cost answers */
static gdouble
cblue_eval_objective(GPtrArray *cases, const CblueEvalDecision *d, gdouble scores[3])
{
	CblueEvalStats per_lang[3], all;
	gdouble objective = 0, worst = 2;

	cblue_eval_compute(cases, d, per_lang, &all);
	for (guint l = 0; l < 3; l++) {
		/* the clarify margin's own: the product questions are asked at every margin */
		guint delayed = per_lang[l].clarified_delayed - per_lang[l].product_delayed;
		if (delayed > per_lang[l].clarified_good - per_lang[l].product_good - delayed)
			return -1;
	}
	for (guint l = 0; l < 3; l++) {
		scores[l] = 0;
		if (per_lang[l].n_in + per_lang[l].n_oos == 0)
			continue;
		scores[l] = cblue_eval_language_score(&per_lang[l]);
		objective += scores[l];
		worst = MIN(worst, scores[l]);
	}
	return objective + worst;
}

static CblueEvalDecision
cblue_eval_calibrate(GPtrArray *cases, const CblueEvalDecision *configured, gdouble *best_objective)
{
	CblueEvalDecision best = *configured;
	gdouble best_obj = -1, scores[3];
	gboolean by_model = FALSE;

	/* where a decision model decides, its probability is compared with one half (in
	 * scope more likely than not): a threshold tuned on the probabilities of a few dozen
	 * out-of-scope queries follows their noise (one chosen on one labelled set cost the
	 * other set's Chinese out-of-scope F1 16 points) */
	for (guint i = 0; i < cases->len; i++) {
		if (((CblueEvalCase *)g_ptr_array_index(cases, i))->probability >= 0)
			by_model = TRUE;
	}
	for (gint m = 0; m <= 50; m += 2) {
		for (gint t = by_model ? 50 : 5; t <= (by_model ? 50 : 95); t++) {
			CblueEvalDecision d = *configured;
			gdouble obj;
			d.margin = m / 100.0;
			if (by_model)
				d.decision_threshold = t / 100.0;
			else
				d.threshold = t / 100.0;
			obj = cblue_eval_objective(cases, &d, scores);
			if (obj > best_obj + 1e-9) {
				best_obj = obj;
				best = d;
			}
		}
	}
	*best_objective = best_obj;
	return best;
}

/* The decision model (cblue-bot.c): per language, a logistic regression of "in scope" on
 * the best topic's features, fitted by Newton's method with an L2 penalty of
 * CBLUE_EVAL_L2 on the weights (not the bias), which keeps them finite when a small set
 * separates perfectly. */
#define CBLUE_EVAL_L2	       0.1
#define CBLUE_EVAL_CALIBRATION_FOLDS 5
#define CBLUE_EVAL_NEWTON_STEPS 50

/* the penalty in use: CBLUE_EVAL_L2 or `--l2` (one command per process, set before any fit) */
static gdouble cblue_eval_l2 = CBLUE_EVAL_L2;

static gdouble
cblue_eval_model_probability(const gdouble *weights, const gdouble *features, gsize n_features)
{
	gdouble z = weights[0];
	for (gsize i = 0; i < n_features; i++)
		z += weights[i + 1] * features[i];
	return 1.0 / (1.0 + exp(-CLAMP(z, -30.0, 30.0)));
}

/* solves the symmetric positive definite system a·x = b (n × n, row-major) in place by
 * Gaussian elimination; a and b are overwritten, the solution is left in b */
static gboolean
cblue_eval_solve(gdouble *a, gdouble *b, guint n)
{
	for (guint i = 0; i < n; i++) {
		if (fabs(a[i * n + i]) < 1e-12)
			return FALSE;
		for (guint k = i + 1; k < n; k++) {
			gdouble f = a[k * n + i] / a[i * n + i];
			for (guint j = i; j < n; j++)
				a[k * n + j] -= f * a[i * n + j];
			b[k] -= f * b[i];
		}
	}
	for (guint i = n; i-- > 0;) {
		for (guint j = i + 1; j < n; j++)
			b[i] -= a[i * n + j] * b[j];
		b[i] /= a[i * n + i];
	}
	return TRUE;
}

/* whether a case takes part in the fit of @language: labelled in that language, with
 * @n_features features, and not in the held-out @fold (of @n_folds; none if 0) */
static gboolean
cblue_eval_in_fit(const CblueEvalCase *c, guint index, const guint *folds, guint fold, guint n_folds,
		  const gchar *language, gsize n_features)
{
	return g_strcmp0(c->language, language) == 0 && c->features != NULL && c->n_features == n_features &&
	       (n_folds == 0 || folds[index] != fold);
}

/* the bias and weights (n_features + 1) fitted on the cases of @language, or NULL if there
 * are none of one class */
static gdouble *
cblue_eval_fit_model(GPtrArray *cases, const guint *folds, guint fold, guint n_folds, const gchar *language,
		     gsize n_features)
{
	guint d = (guint)n_features + 1;
	g_autofree gdouble *w = g_new0(gdouble, d);
	g_autofree gdouble *hessian = g_new(gdouble, d * d);
	g_autofree gdouble *gradient = g_new(gdouble, d);
	g_autofree gdouble *x = g_new(gdouble, d);
	guint n_pos = 0, n_neg = 0;

	for (guint i = 0; i < cases->len; i++) {
		const CblueEvalCase *c = g_ptr_array_index(cases, i);
		if (cblue_eval_in_fit(c, i, folds, fold, n_folds, language, n_features))
			(c->expected != NULL ? n_pos++ : n_neg++);
	}
	if (n_pos == 0 || n_neg == 0)
		return NULL;
	for (guint step = 0; step < CBLUE_EVAL_NEWTON_STEPS; step++) {
		gdouble largest = 0;
		memset(hessian, 0, sizeof(gdouble) * d * d);
		memset(gradient, 0, sizeof(gdouble) * d);
		for (guint i = 0; i < cases->len; i++) {
			const CblueEvalCase *c = g_ptr_array_index(cases, i);
			gdouble p;
			if (!cblue_eval_in_fit(c, i, folds, fold, n_folds, language, n_features))
				continue;
			x[0] = 1;
			memcpy(x + 1, c->features, sizeof(gdouble) * n_features);
			p = cblue_eval_model_probability(w, c->features, n_features);
			for (guint j = 0; j < d; j++) {
				gradient[j] += (p - (c->expected != NULL ? 1 : 0)) * x[j];
				for (guint k = 0; k < d; k++)
					hessian[j * d + k] += p * (1 - p) * x[j] * x[k];
			}
		}
		for (guint j = 1; j < d; j++) {
			gradient[j] += cblue_eval_l2 * w[j];
			hessian[j * d + j] += cblue_eval_l2;
		}
		if (!cblue_eval_solve(hessian, gradient, d))
			break;
		for (guint j = 0; j < d; j++) {
			w[j] -= gradient[j];
			largest = MAX(largest, fabs(gradient[j]));
		}
		if (largest < 1e-9)
			break;
	}
	return g_steal_pointer(&w);
}

/* the number of features the cases have (they all come from the same retrievers) */
static gsize
cblue_eval_n_features(GPtrArray *cases)
{
	for (guint i = 0; i < cases->len; i++) {
		const CblueEvalCase *c = g_ptr_array_index(cases, i);
		if (c->features != NULL)
			return c->n_features;
	}
	return 0;
}

/* Fits the decision model of each language on the cases outside @fold (all of them if
 * @n_folds is 0), stores the weights in @weights (NULL for a language without both
 * classes) and sets the model's probability on the cases of @fold (all if @n_folds is 0). */
static void
cblue_eval_apply_models(GPtrArray *cases, const guint *folds, guint fold, guint n_folds, gdouble *weights[3])
{
	gsize n_features = cblue_eval_n_features(cases);

	if (n_features == 0)
		return;
	for (guint l = 0; l < 3; l++) {
		g_free(weights[l]);
		weights[l] = cblue_eval_fit_model(cases, folds, fold, n_folds, eval_languages[l], n_features);
		for (guint i = 0; i < cases->len && weights[l] != NULL; i++) {
			CblueEvalCase *c = g_ptr_array_index(cases, i);
			if (g_strcmp0(c->language, eval_languages[l]) != 0 || c->features == NULL ||
			    c->n_features != n_features || (n_folds > 0 && folds[i] != fold))
				continue;
			c->probability = cblue_eval_model_probability(weights[l], c->features, n_features);
		}
	}
}

/* the weights of each language's model fitted on every case */
static void
cblue_eval_fit_models(GPtrArray *cases, gdouble *weights[3])
{
	gsize n_features = cblue_eval_n_features(cases);
	for (guint l = 0; l < 3 && n_features > 0; l++) {
		g_free(weights[l]);
		weights[l] = cblue_eval_fit_model(cases, NULL, 0, 0, eval_languages[l], n_features);
	}
}

/* k-fold cross-validation of the decision model: each case's probability becomes that of
 * a model fitted on the other folds. Folds are assigned in file order within each language
 * and class (in scope or not), so that each fold holds a share of every one. */
static void
cblue_eval_cross_validate(GPtrArray *cases, guint n_folds)
{
	g_autofree guint *folds = g_new0(guint, cases->len);
	guint counts[3][2] = {{0}};
	gdouble *weights[3] = {NULL, NULL, NULL};

	for (guint i = 0; i < cases->len; i++) {
		CblueEvalCase *c = g_ptr_array_index(cases, i);
		/* the model configured does not take part: a language without both classes
		 * is decided by the fused confidence */
		c->probability = -1;
		for (guint l = 0; l < 3; l++) {
			if (g_strcmp0(c->language, eval_languages[l]) == 0)
				folds[i] = counts[l][c->expected != NULL]++ % n_folds;
		}
	}
	for (guint fold = 0; fold < n_folds; fold++)
		cblue_eval_apply_models(cases, folds, fold, n_folds, weights);
	for (guint l = 0; l < 3; l++)
		g_free(weights[l]);
}

/* Calibration: the answer threshold and clarify margin for the fused confidence alone
 * first; then a decision model for each language with in-scope and out-of-scope queries,
 * measured on cross-validated probabilities (what models that did not see a query make
 * of it: on the fit itself every model looks good) with the clarify margin chosen again.
 * A language keeps its model only if, so measured, it beats the fused confidence by more
 * than one out-of-scope query's worth (1 / their number) of the objective: the simpler
 * rule is kept where the data do not show the model to be better, as the model's
 * weights, unlike a coverage threshold, depend on the KB and its retrievers. The weights
 * returned are fitted on every query. */
static CblueEvalDecision
cblue_eval_calibrate_with_models(GPtrArray *cases, const CblueEvalDecision *configured, gdouble *weights[3],
				 gdouble *objective)
{
	CblueEvalDecision fused, decision;
	gdouble fused_scores[3], model_scores[3];
	guint n_oos[3] = {0, 0, 0};
	gboolean any = FALSE;

	for (guint i = 0; i < cases->len; i++) {
		CblueEvalCase *c = g_ptr_array_index(cases, i);
		c->probability = -1;
		for (guint l = 0; l < 3; l++) {
			if (c->expected == NULL && g_strcmp0(c->language, eval_languages[l]) == 0)
				n_oos[l]++;
		}
	}
	fused = cblue_eval_calibrate(cases, configured, objective);
	cblue_eval_objective(cases, &fused, fused_scores);
	cblue_eval_cross_validate(cases, CBLUE_EVAL_CALIBRATION_FOLDS);
	decision = cblue_eval_calibrate(cases, &fused, objective);
	cblue_eval_objective(cases, &decision, model_scores);
	cblue_eval_fit_models(cases, weights);
	for (guint l = 0; l < 3; l++) {
		if (weights[l] != NULL && model_scores[l] > fused_scores[l] + 1.0 / MAX(n_oos[l], 1u)) {
			any = TRUE;
			continue;
		}
		g_clear_pointer(&weights[l], g_free);
		for (guint i = 0; i < cases->len; i++) {
			CblueEvalCase *c = g_ptr_array_index(cases, i);
			if (g_strcmp0(c->language, eval_languages[l]) == 0)
				c->probability = -1;
		}
	}
	if (!any)
		return cblue_eval_calibrate(cases, configured, objective);
	return cblue_eval_calibrate(cases, &fused, objective);
}

static gint
cblue_eval_compare_names(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const gchar *const *)a, *(const gchar *const *)b);
}

/* the decision model as configuration, for the retrievers the bot runs (in plugin-name
 * order, as the bot reads them) */
static void
cblue_eval_print_models(CblueApp *app, gdouble *weights[3], gsize n_features)
{
	g_autoptr(GPtrArray) retrievers = cblue_context_get_extensions(app->context, CBLUE_TYPE_RETRIEVER);
	g_autoptr(GPtrArray) names = g_ptr_array_new();

	for (guint i = 0; i < retrievers->len; i++) {
		GObject *retriever = g_ptr_array_index(retrievers, i);
		const gchar *plugin = cblue_context_get_extension_plugin(app->context, retriever);
		g_ptr_array_add(names, (gpointer)(plugin != NULL ? plugin : G_OBJECT_TYPE_NAME(retriever)));
	}
	g_ptr_array_sort(names, cblue_eval_compare_names);
	printf("decision_retrievers=");
	for (guint i = 0; i < names->len; i++)
		printf("%s%s", i > 0 ? ";" : "", (const gchar *)g_ptr_array_index(names, i));
	printf("\n");
	if (weights[0] == NULL && weights[1] == NULL && weights[2] == NULL) {
		printf("decision_model=false\n");
		return;
	}
	for (guint l = 0; l < 3; l++) {
		if (weights[l] == NULL)
			continue;
		printf("decision_weights_%s=", eval_languages[l]);
		for (gsize i = 0; i <= n_features; i++) {
			gchar buf[G_ASCII_DTOSTR_BUF_SIZE];
			printf("%s%s", i > 0 ? ";" : "", g_ascii_formatd(buf, sizeof(buf), "%.4f", weights[l][i]));
		}
		printf("\n");
	}
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
	gdouble min_top1 = 0, min_oos_f1 = 0, threshold = -1, decision_threshold = -1, margin = -1, l2 = CBLUE_EVAL_L2;
	gint n_folds = 0;
	const GOptionEntry entries[] = {
	    {"json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print the report as JSON"), NULL},
	    {"kb", 0, 0, G_OPTION_ARG_FILENAME, &kb_file, N_("Evaluate against this KB file instead of the store"),
	     N_("FILE")},
	    {"calibrate", 0, 0, G_OPTION_ARG_NONE, &calibrate,
	     N_("Learn the decision model's weights and find the answer threshold and clarify margin that fit "
		"the labels best, and print them as configuration"),
	     NULL},
	    {"folds", 0, 0, G_OPTION_ARG_INT, &n_folds,
	     N_("Cross-validate the decision model: report what models learned on the other K-1 parts of "
		"FILE do on each part, in the languages the configured model decides"),
	     N_("K")},
	    {"l2", 0, 0, G_OPTION_ARG_DOUBLE, &l2,
	     N_("L2 penalty on the decision model's weights for --calibrate and --folds (default 0.1)"), N_("X")},
	    {"show-errors", 0, 0, G_OPTION_ARG_NONE, &show_errors,
	     N_("List every query answered wrongly, with the topic and confidence"), NULL},
	    {"threshold", 0, 0, G_OPTION_ARG_DOUBLE, &threshold,
	     N_("Answer threshold (of the fused confidence) to evaluate with"), N_("X")},
	    {"decision-threshold", 0, 0, G_OPTION_ARG_DOUBLE, &decision_threshold,
	     N_("Threshold of the decision model's probability to evaluate with"), N_("X")},
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
	gdouble *models[3] = {NULL, NULL, NULL};
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
	if (n_folds == 1 || n_folds < 0 || (n_folds > 0 && calibrate)) {
		fprintf(stderr, "cblue eval: %s\n", _("--folds takes 2 or more parts, and not with --calibrate"));
		return 2;
	}
	if (!(l2 > 0 && l2 < 1e6)) {
		fprintf(stderr, "cblue eval: %s\n", _("--l2 takes a positive penalty"));
		return 2;
	}
	cblue_eval_l2 = l2;
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
	configured.decision_threshold = cblue_bot_get_decision_threshold(app->bot);
	configured.margin = cblue_bot_get_clarify_margin(app->bot);
	configured.min_confidence = cblue_config_get_double(app->config, "bot", "clarify_min_confidence", -1);
	decision = configured;
	if (threshold >= 0)
		decision.threshold = threshold;
	if (decision_threshold >= 0)
		decision.decision_threshold = decision_threshold;
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
		{
			const gdouble *features = cblue_chat_reply_get_decision_features(reply, &c->n_features);
			c->features = features != NULL ? g_memdup2(features, sizeof(gdouble) * c->n_features) : NULL;
		}
		c->probability = cblue_chat_reply_get_decision_probability(reply);
		c->declined = cblue_chat_reply_get_declined(reply) != NULL;
		c->choices = g_strdupv((gchar **)cblue_chat_reply_get_product_choices(reply));
		c->outcome = cblue_chat_reply_get_outcome(reply);
		if (c->outcome != cblue_eval_outcome(c, &configured))
			n_inconsistent++;
	}
	/* the replay must agree with the bot, or the calibration would tune something else */
	if (n_inconsistent > 0)
		g_warning("%u of %u outcomes differ from the replayed decision", n_inconsistent, cases->len);
	elapsed = g_get_monotonic_time() - t0;
	qps = elapsed > 0 ? cases->len * 1e6 / elapsed : 0;

	if (n_folds > 1) {
		/* the queries the configured model decided, with models that did not see the
		 * part they decide on; the others stay on the fused confidence */
		g_autofree gboolean *modelled = g_new0(gboolean, cases->len);
		for (guint i = 0; i < cases->len; i++)
			modelled[i] = ((CblueEvalCase *)g_ptr_array_index(cases, i))->probability >= 0;
		cblue_eval_cross_validate(cases, (guint)n_folds);
		for (guint i = 0; i < cases->len; i++) {
			if (!modelled[i])
				((CblueEvalCase *)g_ptr_array_index(cases, i))->probability = -1;
		}
	}
	if (calibrate)
		decision = cblue_eval_calibrate_with_models(cases, &configured, models, &objective);
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
		else if (outcome == CBLUE_OUTCOME_CLARIFY && c->choices != NULL)
		{
			g_autofree gchar *joined = g_strjoinv(" or ", c->choices);
			got = g_strdup_printf("(%s?)", joined);
		}
		else if (outcome == CBLUE_OUTCOME_CLARIFY)
			got = g_strdup_printf("(%s or %s?)", c->top[0], c->top[1]);
		else
			got = g_strdup(c->top[0]);
		if (show_errors && !json)
			printf("%s\t%.3f\t%s → %s\t%s\n", c->language,
			       c->probability >= 0 ? c->probability : c->top_confidence,
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
		json_builder_set_member_name(b, "decision_threshold");
		json_builder_add_double_value(b, decision.decision_threshold);
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
		printf("%s %s — %u %s, %s %.2f, %s %.2f, %s %.2f\n", _("Evaluation of"), argv[1], cases->len,
		       _("queries"), _("answer threshold"), decision.threshold, _("decision threshold"),
		       decision.decision_threshold, _("clarify margin"), decision.margin);
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
	if (calibrate && !json) {
		printf("\n# %s (objective %.3f)\n[bot]\nanswer_threshold=%.2f\ndecision_threshold=%.2f\n"
		       "clarify_margin=%.2f\n",
		       _("calibrated decision model, answer thresholds and clarify margin"), objective,
		       decision.threshold, decision.decision_threshold, decision.margin);
		cblue_eval_print_models(app, models, cblue_eval_n_features(cases));
	}
	for (guint l = 0; l < 3; l++)
		g_free(models[l]);
	cblue_app_shutdown(app);
	if (!ok)
		fprintf(stderr, "cblue eval: %s\n", _("accuracy is below the required minimum"));
	return ok ? 0 : 1;
}
