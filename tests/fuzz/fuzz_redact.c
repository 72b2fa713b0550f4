/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-redact-engine.h"

/*
 * fuzz_redact: every built-in rule, custom rules with patterns known for catastrophic
 * backtracking, and the four modes, over arbitrary bytes. Never a crash, never a hang
 * (the match limit bounds each rule), the output is always valid UTF-8 and the spans are
 * sorted, disjoint and inside the (sanitized) input. Built with libFuzzer under clang;
 * tests/fuzz/fuzz-main.c replays a corpus, and random inputs, as a normal test.
 */

int LLVMFuzzerTestOneInput(const guint8 *data, gsize size);

static GPtrArray *redactors;
static CblueRedactionPolicy *policies[4];

static void
fuzz_init(void)
{
	const gchar *const names[] = {"email", "phone", "th-id", "cn-id", "card", "ipv4", "ipv6",
				      "bank-account", "passport", "line-id", "line-id-handle", "wechat-id", NULL};
	const gchar *const context[] = {"member", "สมาชิก", NULL};
	const CblueRedactRuleSpec evil[] = {
	    {"nested", "EVIL_A", "(a+)+$", CBLUE_REDACT_VALIDATOR_NONE, NULL, 0, FALSE},
	    {"alternation", "EVIL_B", "(x|xx)+y", CBLUE_REDACT_VALIDATOR_NONE, NULL, 0, FALSE},
	    {"digits", "EVIL_C", "(?:[0-9]+[ -]?)+X", CBLUE_REDACT_VALIDATOR_LUHN, NULL, 0, FALSE},
	    {"lookbehind", "EVIL_D", "(?<=\\p{Thai}{3})(?<value>\\d{2,}+)", CBLUE_REDACT_VALIDATOR_TH_ID, context, 5,
	     TRUE},
	};
	g_autoptr(CblueRedactEngine) builtin = cblue_redact_engine_new();
	g_autoptr(CblueRedactEngine) custom = cblue_redact_engine_new();
	g_autoptr(GBytes) key = g_bytes_new_static("fuzzing key, not a secret", 25);

	for (guint i = 0; names[i] != NULL; i++)
		cblue_redact_engine_add_builtin(builtin, names[i], NULL);
	/* low enough that the evil patterns hit it quickly */
	cblue_redact_engine_set_match_limit(custom, 20000);
	for (guint i = 0; i < G_N_ELEMENTS(evil); i++) {
		if (!cblue_redact_engine_add_rule(custom, &evil[i], NULL))
			g_assert_not_reached();
	}
	redactors = g_ptr_array_new_with_free_func(g_object_unref);
	g_ptr_array_add(redactors, cblue_redact_redactor_new("fuzz-builtin", builtin));
	g_ptr_array_add(redactors, cblue_redact_redactor_new("fuzz-custom", custom));
	for (guint i = 0; i < G_N_ELEMENTS(policies); i++) {
		policies[i] = cblue_redaction_policy_new();
		cblue_redaction_policy_set_default_mode(policies[i], (CblueRedactionMode)i);
		cblue_redaction_policy_set_hash_key(policies[i], key);
	}
	/* the match limit warning is expected here */
	g_log_set_always_fatal(G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
	g_log_set_writer_func(g_log_writer_default, NULL, NULL);
	g_setenv("G_MESSAGES_DEBUG", "", TRUE);
}

int
LLVMFuzzerTestOneInput(const guint8 *data, gsize size)
{
	static gsize once = 0;
	g_autofree gchar *text = NULL;
	g_autofree gchar *valid = NULL;
	g_autofree gchar *output = NULL;
	g_autoptr(GPtrArray) spans = NULL;
	CblueRedactionPolicy *policy;
	gsize end = 0;

	if (g_once_init_enter(&once)) {
		fuzz_init();
		g_once_init_leave(&once, 1);
	}
	/* the text stops at a NUL, as a C string does */
	text = size > 0 ? g_strndup((const gchar *)data, size) : g_strdup("");
	policy = policies[size % G_N_ELEMENTS(policies)];
	output = cblue_redact_text_full(redactors, text, policy, "fuzz", &spans);
	g_assert_true(g_utf8_validate(output, -1, NULL));

	valid = g_utf8_make_valid(text, -1);
	for (guint i = 0; i < spans->len; i++) {
		CblueSpan *span = g_ptr_array_index(spans, i);
		g_assert_cmpuint(span->start, >=, end);
		g_assert_cmpuint(span->start, <, span->end);
		g_assert_cmpuint(span->end, <=, strlen(valid));
		g_assert_true(g_utf8_validate(valid + span->start, (gssize)(span->end - span->start), NULL));
		end = span->end;
	}
	if (spans->len == 0)
		g_assert_cmpstr(output, ==, valid);
	return 0;
}
