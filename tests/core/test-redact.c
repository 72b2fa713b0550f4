/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cblue-test-utils.h"

/* the core of redaction: folding, overlaps, the policy (modes, hash key), the bot's
 * pii_types, the log writer, and required plugins */

/* a redactor that returns fixed spans, for the overlap rules */
#define TEST_TYPE_FIXED_REDACTOR (test_fixed_redactor_get_type())
G_DECLARE_FINAL_TYPE(TestFixedRedactor, test_fixed_redactor, TEST, FIXED_REDACTOR, GObject)

struct _TestFixedRedactor {
	GObject parent_instance;
	GPtrArray *spans; /* owned, of CblueSpan */
	gchar *last_text; /* owned: what find() was given */
};

static void test_fixed_redactor_iface_init(CblueRedactorInterface *iface);

G_DEFINE_TYPE_WITH_CODE(TestFixedRedactor, test_fixed_redactor, G_TYPE_OBJECT,
			G_IMPLEMENT_INTERFACE(CBLUE_TYPE_REDACTOR, test_fixed_redactor_iface_init))

static void
test_fixed_redactor_finalize(GObject *object)
{
	TestFixedRedactor *self = TEST_FIXED_REDACTOR(object);
	g_ptr_array_unref(self->spans);
	g_free(self->last_text);
	G_OBJECT_CLASS(test_fixed_redactor_parent_class)->finalize(object);
}

static void
test_fixed_redactor_class_init(TestFixedRedactorClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = test_fixed_redactor_finalize;
}

static void
test_fixed_redactor_init(TestFixedRedactor *self)
{
	self->spans = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_span_free);
}

static GPtrArray *
test_fixed_redactor_find(CblueRedactor *redactor, const gchar *text)
{
	TestFixedRedactor *self = TEST_FIXED_REDACTOR(redactor);
	GPtrArray *spans = g_ptr_array_new_with_free_func((GDestroyNotify)cblue_span_free);
	g_free(self->last_text);
	self->last_text = g_strdup(text);
	for (guint i = 0; i < self->spans->len; i++)
		g_ptr_array_add(spans, cblue_span_copy(g_ptr_array_index(self->spans, i)));
	return spans;
}

static void
test_fixed_redactor_iface_init(CblueRedactorInterface *iface)
{
	iface->find = test_fixed_redactor_find;
}

static TestFixedRedactor *
fixed_redactor_new(gsize start, gsize end, const gchar *label)
{
	TestFixedRedactor *self = g_object_new(TEST_TYPE_FIXED_REDACTOR, NULL);
	g_ptr_array_add(self->spans, cblue_span_new(start, end, label));
	return self;
}

static void
test_redact_fold(void)
{
	g_autoptr(GArray) offsets = NULL;
	g_autofree gchar *folded = cblue_redact_fold_text("a０８１－๕\u3000x", &offsets);

	g_assert_cmpstr(folded, ==, "a081-5 x");
	g_assert_cmpuint(offsets->len, ==, strlen(folded) + 1);
	/* every folded byte points at its original character */
	g_assert_cmpuint(g_array_index(offsets, gsize, 0), ==, 0);
	g_assert_cmpuint(g_array_index(offsets, gsize, 1), ==, 1);
	g_assert_cmpuint(g_array_index(offsets, gsize, 2), ==, 4);
	g_assert_cmpuint(g_array_index(offsets, gsize, 5), ==, 13);
	g_assert_cmpuint(g_array_index(offsets, gsize, 7), ==, 19);
	g_assert_cmpuint(g_array_index(offsets, gsize, 8), ==, 20);
}

/* runs a redactor that finds @start to @end of the folded text over @input, and checks the text it
 * was given and what came out */
static void
assert_folded_redaction(gsize start, gsize end, const gchar *input, const gchar *seen, const gchar *expected)
{
	g_autoptr(TestFixedRedactor) redactor = fixed_redactor_new(start, end, "PHONE");
	g_autoptr(GPtrArray) redactors = g_ptr_array_new();
	g_autofree gchar *out = NULL;

	g_ptr_array_add(redactors, redactor);
	out = cblue_redact_text_full(redactors, input, NULL, NULL, NULL);
	g_assert_cmpstr(redactor->last_text, ==, seen);
	g_assert_cmpstr(out, ==, expected);
}

/* characters with no width inside a value are dropped: the value is one run again, and a
 * span found in it covers them in the original */
static void
test_redact_fold_invisible(void)
{
	g_autoptr(GArray) offsets = NULL;
	g_autofree gchar *folded =
	    cblue_redact_fold_text("081\u200B234\u2060567\u00AD8 a\u200Eb\uFEFF", &offsets);

	g_assert_cmpstr(folded, ==, "0812345678 ab");
	g_assert_cmpuint(offsets->len, ==, strlen(folded) + 1);
	g_assert_cmpuint(g_array_index(offsets, gsize, 3), ==, 6);   /* "2", after the 3-byte space */
	g_assert_cmpuint(g_array_index(offsets, gsize, 6), ==, 12);  /* "5", after the word joiner */
	g_assert_cmpuint(g_array_index(offsets, gsize, 9), ==, 17);  /* "8", after the soft hyphen */
	g_assert_cmpuint(g_array_index(offsets, gsize, 12), ==, 23); /* "b", after the mark */
	g_assert_cmpuint(g_array_index(offsets, gsize, 13), ==, 27); /* the end, after the BOM */

	assert_folded_redaction(4, 14, "tel 081\u200B234\u200B5678 ok", "tel 0812345678 ok", "tel [PHONE] ok");
}

static void
test_redact_fold_escapes(void)
{
	g_autoptr(GArray) offsets = NULL;
	/* HTML's no-break space and numeric references, JSON's \u escapes; not other entities,
	 * nor references without their `;` or standing for a control character */
	g_autofree gchar *folded = cblue_redact_fold_text(
	    "081&nbsp;234&#32;&#x35;678 a&#64;b.co c\\u0040d &#65296; &amp; &#1; &nbsp &#; \\u00", &offsets);

	g_assert_cmpstr(folded, ==, "081 234 5678 a@b.co c@d 0 &amp; &#1; &nbsp &#; \\u00");
	g_assert_cmpuint(g_array_index(offsets, gsize, 3), ==, 3);   /* the space: `&nbsp;` */
	g_assert_cmpuint(g_array_index(offsets, gsize, 4), ==, 9);   /* "2", after it */
	g_assert_cmpuint(g_array_index(offsets, gsize, 8), ==, 17);  /* "5": `&#x35;` */
	g_assert_cmpuint(g_array_index(offsets, gsize, 9), ==, 23);  /* "6", after it */
	g_assert_cmpuint(g_array_index(offsets, gsize, 14), ==, 28); /* "@": `&#64;` */
	g_assert_cmpuint(g_array_index(offsets, gsize, 21), ==, 39); /* "@": `\u0040` */

	assert_folded_redaction(4, 16, "tel 081&nbsp;234&nbsp;5678 ok", "tel 081 234 5678 ok", "tel [PHONE] ok");

	/* a reference to a character with no width is dropped, as the character itself would be */
	g_clear_pointer(&folded, g_free);
	g_clear_pointer(&offsets, g_array_unref);
	folded = cblue_redact_fold_text("081&#8203;234\\u200b5678 &#x2060;x", &offsets);
	g_assert_cmpstr(folded, ==, "0812345678 x");
	g_assert_cmpuint(g_array_index(offsets, gsize, 3), ==, 10); /* "2", after `&#8203;` */
	g_assert_cmpuint(g_array_index(offsets, gsize, 6), ==, 19); /* "5", after the JSON escape */
	assert_folded_redaction(4, 14, "tel 081&#8203;234&#8203;5678 ok", "tel 0812345678 ok", "tel [PHONE] ok");

	/* HTML's named references of what folding reads, case and all, and a reference escaped
	 * once more; not `&amp;` alone, nor a name HTML does not have or one without its `;` */
	g_clear_pointer(&folded, g_free);
	g_clear_pointer(&offsets, g_array_unref);
	folded = cblue_redact_fold_text("a&commat;b&period;co c&amp;#64;d&amp;period;e R&amp;D &COMMAT; &commat "
					"&copy; &amp;copy; 081&shy;2",
					&offsets);
	g_assert_cmpstr(folded, ==, "a@b.co c@d.e R&amp;D &COMMAT; &commat &copy; &amp;copy; 0812");
	g_assert_cmpuint(g_array_index(offsets, gsize, 1), ==, 1);   /* "@": `&commat;` */
	g_assert_cmpuint(g_array_index(offsets, gsize, 2), ==, 9);   /* "b", after it */
	g_assert_cmpuint(g_array_index(offsets, gsize, 8), ==, 22);  /* "@": `&amp;#64;` */
	g_assert_cmpuint(g_array_index(offsets, gsize, 9), ==, 31);  /* "d", after it */
	assert_folded_redaction(4, 16, "tel 081&hyphen;234&ndash;5678 ok", "tel 081-234-5678 ok", "tel [PHONE] ok");

	/* JSON's line break, carriage return and tab: a message sent in two lines, as a chat
	 * export holds it; a backslash before another letter stays */
	g_clear_pointer(&folded, g_free);
	g_clear_pointer(&offsets, g_array_unref);
	folded = cblue_redact_fold_text("081 234\\n5678\\r\\tok \\x \\", &offsets);
	g_assert_cmpstr(folded, ==, "081 234 5678  ok \\x \\");
	g_assert_cmpuint(g_array_index(offsets, gsize, 8), ==, 9); /* "5", after `\\n` */
	assert_folded_redaction(4, 16, "msg\\n081 234\\n5678", "msg 081 234 5678", "msg\\n[PHONE]");
}

/* a line break between two digits is a space: a number sent in two lines; not one after or
 * before a word, a blank line between two paragraphs, nor one next to another between digits */
static void
test_redact_fold_line_break(void)
{
	g_autoptr(GArray) offsets = NULL;
	g_autofree gchar *folded =
	    cblue_redact_fold_text("081 234\n5678 ok\n12\r\n34 tel\n081 5\n\n6 7\r8", &offsets);

	g_assert_cmpstr(folded, ==, "081 234 5678 ok\n12 34 tel\n081 5\n\n6 7\r8");
	g_assert_cmpuint(g_array_index(offsets, gsize, 8), ==, 8);   /* "5", after the line break */
	g_assert_cmpuint(g_array_index(offsets, gsize, 19), ==, 20); /* "3", after `\r\n` */
	assert_folded_redaction(4, 16, "tel 081 234\n5678\nthanks", "tel 081 234 5678\nthanks", "tel [PHONE]\nthanks");
	assert_folded_redaction(4, 16, "tel 081-234-5678\n", "tel 081-234-5678\n", "tel [PHONE]\n");

	/* a list of numbers one a line is not one number, nor is one over three lines */
	g_clear_pointer(&folded, g_free);
	folded = cblue_redact_fold_text("paid\n1000\n2000\r\n3000\nok 081\n234\n5678 9\n1", NULL);
	g_assert_cmpstr(folded, ==, "paid\n1000\n2000\r\n3000\nok 081\n234\n5678 9\n1");
}

static void
test_redact_fold_emoji(void)
{
	/* keycap digits lose their marks; an emoji between two digits is a space, elsewhere it
	 * stays (its variation selector is dropped) */
	g_autofree gchar *folded = cblue_redact_fold_text("0\uFE0F\u20E31\u20E3 061\U0001F4F1897\u2728\uFE0F2077 "
							  "5\U0001F4F1 \U0001F4F19 \u2764\uFE0F a\U0001F4F11",
							  NULL);

	g_assert_cmpstr(folded, ==, "01 061 897 2077 5\U0001F4F1 \U0001F4F19 \u2764 a\U0001F4F11");

	/* between two groups with a space on both sides, it is dropped with the space after it;
	 * not with a space on one side only, nor after a word or before one */
	g_clear_pointer(&folded, g_free);
	folded = cblue_redact_fold_text("081 \U0001F4F1 234 \u260E\uFE0F 5678 4 \u2B50 stars a \U0001F4F1 1 "
					"2 \U0001F4F1\U0001F4F1 3",
					NULL);
	g_assert_cmpstr(folded, ==, "081 234 5678 4 \u2B50 stars a \U0001F4F1 1 2 \U0001F4F1\U0001F4F1 3");
	assert_folded_redaction(4, 16, "tel 081 \U0001F4F1 234 \U0001F4F1 5678 ok", "tel 081 234 5678 ok",
				"tel [PHONE] ok");

	/* the marks of the value's last keycap are part of it; an invisible character after the
	 * value is not (it was dropped, but belongs to the text around) */
	assert_folded_redaction(4, 8, "tel 0\uFE0F\u20E38\uFE0F\u20E31\uFE0F\u20E32\uFE0F\u20E3 ok", "tel 0812 ok",
				"tel [PHONE] ok");
	assert_folded_redaction(4, 8, "tel 08\u200B12\u200B ok", "tel 0812 ok", "tel [PHONE]\u200B ok");
}

static void
test_redact_folded_spans(void)
{
	/* the redactor sees ASCII; the original full-width characters are replaced */
	g_autoptr(TestFixedRedactor) redactor = fixed_redactor_new(4, 16, "PHONE");
	g_autoptr(GPtrArray) redactors = g_ptr_array_new();
	g_autoptr(GPtrArray) spans = NULL;
	g_autofree gchar *out = NULL;

	g_ptr_array_add(redactors, redactor);
	out = cblue_redact_text_full(redactors, "tel ０８１－２３４－５６７８!", NULL, NULL, &spans);
	g_assert_cmpstr(redactor->last_text, ==, "tel 081-234-5678!");
	g_assert_cmpstr(out, ==, "tel [PHONE]!");
	g_assert_cmpuint(spans->len, ==, 1);
	g_assert_cmpuint(((CblueSpan *)g_ptr_array_index(spans, 0))->start, ==, 4);
	g_assert_cmpuint(((CblueSpan *)g_ptr_array_index(spans, 0))->end, ==, 40);
}

static void
test_redact_overlaps(void)
{
	g_autoptr(TestFixedRedactor) a = fixed_redactor_new(0, 5, "SHORT");
	g_autoptr(TestFixedRedactor) b = fixed_redactor_new(2, 10, "LONG");
	g_autoptr(TestFixedRedactor) c = fixed_redactor_new(12, 16, "FIRST");
	g_autoptr(TestFixedRedactor) d = fixed_redactor_new(12, 16, "SECOND");
	g_autoptr(GPtrArray) redactors = g_ptr_array_new();
	g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func(g_free);
	g_autofree gchar *out = NULL;

	g_ptr_array_add(redactors, a);
	g_ptr_array_add(redactors, b);
	g_ptr_array_add(redactors, c);
	g_ptr_array_add(redactors, d);
	/* the longest wins; on a tie, the redactor that comes first */
	out = cblue_redact_text(redactors, "0123456789ABCDEFGH", labels);
	g_assert_cmpstr(out, ==, "01[LONG]AB[FIRST]GH");
	g_assert_cmpuint(labels->len, ==, 2);
	g_assert_cmpstr(g_ptr_array_index(labels, 0), ==, "LONG");
}

static void
test_redact_bad_spans(void)
{
	/* spans out of range or cutting a character never break the output */
	g_autoptr(TestFixedRedactor) mid = fixed_redactor_new(1, 4, "MID");
	g_autoptr(TestFixedRedactor) out_of_range = fixed_redactor_new(5, 500, "OUT");
	g_autoptr(TestFixedRedactor) empty = fixed_redactor_new(3, 3, "EMPTY");
	g_autoptr(GPtrArray) redactors = g_ptr_array_new();
	g_autofree gchar *out = NULL;

	g_ptr_array_add(redactors, mid);
	g_ptr_array_add(redactors, out_of_range);
	g_ptr_array_add(redactors, empty);
	out = cblue_redact_text_full(redactors, "กขค", NULL, NULL, NULL);
	/* bytes 1..4 lie inside ก and ข: both are replaced whole */
	g_assert_cmpstr(out, ==, "[MID]ค");
}

static void
test_redact_invalid_utf8(void)
{
	g_autoptr(TestFixedRedactor) redactor = fixed_redactor_new(0, 3, "X");
	g_autoptr(GPtrArray) redactors = g_ptr_array_new();
	g_autofree gchar *out = NULL;

	g_ptr_array_add(redactors, redactor);
	out = cblue_redact_text_full(redactors, "abc\xff\xfe def", NULL, NULL, NULL);
	g_assert_true(g_utf8_validate(out, -1, NULL));
	g_assert_cmpstr(out, ==, "[X]\xef\xbf\xbd\xef\xbf\xbd def");
}

static void
test_redact_policy_modes(void)
{
	g_autoptr(CblueRedactionPolicy) policy = cblue_redaction_policy_new();
	g_autoptr(GBytes) key = g_bytes_new_static("0123456789abcdef0123", 20);
	g_autofree gchar *placeholder = NULL;
	g_autofree gchar *mask = NULL;
	g_autofree gchar *mask_short = NULL;
	g_autofree gchar *drop = NULL;
	g_autofree gchar *h1 = NULL;
	g_autofree gchar *h2 = NULL;
	g_autofree gchar *h3 = NULL;
	g_autofree gchar *h4 = NULL;
	g_autofree gchar *h_other = NULL;
	g_autofree gchar *h_label = NULL;

	placeholder = cblue_redaction_policy_format(policy, "PHONE", "081-234-5678", -1, NULL);
	g_assert_cmpstr(placeholder, ==, "[PHONE]");

	cblue_redaction_policy_set_mode(policy, "PHONE", CBLUE_REDACTION_MODE_MASK);
	mask = cblue_redaction_policy_format(policy, "PHONE", "081-234-5678", -1, NULL);
	g_assert_cmpstr(mask, ==, "***-***-5678");
	/* never more than half of a short value */
	mask_short = cblue_redaction_policy_format(policy, "PHONE", "ab-12", -1, NULL);
	g_assert_cmpstr(mask_short, ==, "**-12");

	cblue_redaction_policy_set_mode(policy, "EMAIL", CBLUE_REDACTION_MODE_DROP);
	drop = cblue_redaction_policy_format(policy, "EMAIL", "a@b.co", -1, NULL);
	g_assert_cmpstr(drop, ==, "");

	cblue_redaction_policy_set_default_mode(policy, CBLUE_REDACTION_MODE_HASH);
	cblue_redaction_policy_set_hash_key(policy, key);
	cblue_redaction_policy_set_mode(policy, "PHONE", CBLUE_REDACTION_MODE_HASH);
	h1 = cblue_redaction_policy_format(policy, "PHONE", "081-234-5678", -1, "conv-1");
	h2 = cblue_redaction_policy_format(policy, "PHONE", "０８１２３４５６７８", -1, "conv-1");
	h3 = cblue_redaction_policy_format(policy, "PHONE", "+66 81 234 5678", -1, "conv-1");
	h4 = cblue_redaction_policy_format(policy, "PHONE", "081-234-5679", -1, "conv-1");
	h_other = cblue_redaction_policy_format(policy, "PHONE", "081-234-5678", -1, "conv-2");
	h_label = cblue_redaction_policy_format(policy, "TH_ID", "081-234-5678", -1, "conv-1");
	g_assert_true(g_str_has_prefix(h1, "[PHONE:") && strlen(h1) == strlen("[PHONE:]") + 12);
	/* one number however it is written, within a conversation */
	g_assert_cmpstr(h1, ==, h2);
	g_assert_cmpstr(h1, ==, h3);
	g_assert_cmpstr(h1, !=, h4);
	g_assert_cmpstr(h1, !=, h_other);
	g_assert_cmpstr(h1 + strlen("[PHONE"), !=, h_label + strlen("[TH_ID"));
	g_assert_null(strstr(h1, "5678"));

	g_assert_cmpint(cblue_redaction_policy_get_mode(policy, "CARD"), ==, CBLUE_REDACTION_MODE_HASH);
	g_assert_cmpint(cblue_redaction_policy_get_mode(policy, "EMAIL"), ==, CBLUE_REDACTION_MODE_DROP);
}

static void
test_redact_policy_config(void)
{
	g_autofree gchar *dir = cblue_test_make_tmpdir();
	g_autofree gchar *key_path = g_build_filename(dir, "redact-hash.key", NULL);
	g_autoptr(CblueConfig) config = cblue_config_new();
	g_autoptr(CblueRedactionPolicy) p1 = NULL;
	g_autoptr(CblueRedactionPolicy) p2 = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *h1 = NULL;
	g_autofree gchar *h2 = NULL;
	g_autofree gchar *key = NULL;
	GStatBuf st;

	cblue_config_load_data(config, "[redact]\nmode=mask\nmode.PHONE=hash\nmode.EMAIL=drop\n", &error);
	g_assert_no_error(error);
	cblue_config_set_string(config, "core", "data_dir", dir);
	g_setenv("CBLUE_REDACT_MODE_CARD", "placeholder", TRUE);
	p1 = cblue_redaction_policy_new_from_config(config, &error);
	g_unsetenv("CBLUE_REDACT_MODE_CARD");
	g_assert_no_error(error);
	g_assert_cmpint(cblue_redaction_policy_get_default_mode(p1), ==, CBLUE_REDACTION_MODE_MASK);
	g_assert_cmpint(cblue_redaction_policy_get_mode(p1, "PHONE"), ==, CBLUE_REDACTION_MODE_HASH);
	g_assert_cmpint(cblue_redaction_policy_get_mode(p1, "EMAIL"), ==, CBLUE_REDACTION_MODE_DROP);
	g_assert_cmpint(cblue_redaction_policy_get_mode(p1, "CARD"), ==, CBLUE_REDACTION_MODE_PLACEHOLDER);

	/* the key was generated into the data dir, private, and is reused by the next start */
	g_assert_cmpint(g_stat(key_path, &st), ==, 0);
	g_assert_cmpint(st.st_mode & 0777, ==, 0600);
	g_file_get_contents(key_path, &key, NULL, &error);
	g_assert_no_error(error);
	g_assert_cmpuint(strlen(key), ==, 65);
	p2 = cblue_redaction_policy_new_from_config(config, &error);
	g_assert_no_error(error);
	h1 = cblue_redaction_policy_format(p1, "PHONE", "0812345678", -1, "c");
	h2 = cblue_redaction_policy_format(p2, "PHONE", "0812345678", -1, "c");
	g_assert_cmpstr(h1, ==, h2);
	g_unlink(key_path);
	g_rmdir(dir);
}

static void
assert_policy_error(const gchar *conf, const gchar *pattern)
{
	g_autoptr(CblueConfig) config = cblue_config_new();
	g_autoptr(CblueRedactionPolicy) policy = NULL;
	g_autoptr(GError) error = NULL;

	cblue_config_load_data(config, conf, &error);
	g_assert_no_error(error);
	policy = cblue_redaction_policy_new_from_config(config, &error);
	g_assert_null(policy);
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_test_message("%s", error->message);
	g_assert_true(g_pattern_match_simple(pattern, error->message));
}

static void
test_redact_policy_errors(void)
{
	assert_policy_error("[redact]\nmode=scramble\n", "[redact] mode: unknown redaction mode “scramble”*");
	assert_policy_error("[redact]\nmode.PHONE=blur\n", "[redact] mode.PHONE: unknown redaction mode “blur”*");
	assert_policy_error("[redact]\nmode.phone=mask\n", "*“phone” is not a type name*");
	/* the key is never shown, only what is wrong with it */
	assert_policy_error("[redact]\nmode=hash\nhash_key=short\n", "[redact] hash_key: the hash key must have at least 16*");
}

static void
test_redact_policy_key_from_config(void)
{
	g_autoptr(CblueConfig) config = cblue_config_new();
	g_autoptr(CblueRedactionPolicy) p1 = NULL;
	g_autoptr(CblueRedactionPolicy) p2 = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *h1 = NULL;
	g_autofree gchar *h2 = NULL;

	cblue_config_load_data(config, "[redact]\nmode=hash\nhash_key=this is a long enough key\n", &error);
	g_assert_no_error(error);
	/* no data dir is touched when the key is configured */
	cblue_config_set_string(config, "core", "data_dir", "/nonexistent/cblue");
	p1 = cblue_redaction_policy_new_from_config(config, &error);
	g_assert_no_error(error);
	g_setenv("CBLUE_REDACT_HASH_KEY", "another key from the environment", TRUE);
	p2 = cblue_redaction_policy_new_from_config(config, &error);
	g_unsetenv("CBLUE_REDACT_HASH_KEY");
	g_assert_no_error(error);
	h1 = cblue_redaction_policy_format(p1, "EMAIL", "a@b.co", -1, NULL);
	h2 = cblue_redaction_policy_format(p2, "EMAIL", "a@b.co", -1, NULL);
	g_assert_cmpstr(h1, !=, h2);
}

static void
test_redact_reply_types(void)
{
	g_autoptr(CblueChatReply) reply = cblue_chat_reply_new();
	const gchar *const types[] = {"PHONE", "EMAIL", "PHONE", NULL};
	g_autofree gchar *json = NULL;

	g_assert_cmpuint(g_strv_length((gchar **)cblue_chat_reply_get_pii_types(reply)), ==, 0);
	cblue_chat_reply_set_pii_types(reply, types);
	g_assert_cmpuint(g_strv_length((gchar **)cblue_chat_reply_get_pii_types(reply)), ==, 2);
	g_assert_cmpstr(cblue_chat_reply_get_pii_types(reply)[0], ==, "EMAIL");
	g_assert_cmpstr(cblue_chat_reply_get_pii_types(reply)[1], ==, "PHONE");
	g_assert_true(cblue_chat_reply_get_pii_redacted(reply));
	/* the HTTP contract only says pii_redacted */
	json = cblue_chat_reply_to_string(reply);
	g_assert_null(strstr(json, "PHONE"));
	g_assert_nonnull(strstr(json, "\"pii_redacted\":true"));
}

#define DUMMY_ONLY "[plugins]\nenabled=dummy\ndisabled=\n"

static void
test_redact_bot_hash(void)
{
	g_autoptr(CblueContext) context = cblue_test_context_new(DUMMY_ONLY "[redact]\nmode.DUMMY=hash\n", NULL);
	g_autoptr(CblueBot) bot = cblue_bot_new(context);
	g_autoptr(CblueMessage) m1 = cblue_message_new("code SECRET-42 and SECRET-42 and SECRET-7");
	g_autoptr(CblueMessage) m2 = cblue_message_new("again SECRET-42");
	g_autoptr(CblueChatReply) r1 = NULL;
	g_autoptr(CblueChatReply) r2 = NULL;
	g_autoptr(GError) error = NULL;
	g_auto(GStrv) words1 = NULL;
	g_auto(GStrv) words2 = NULL;

	g_assert_true(cblue_context_load_redaction_policy(context, &error));
	g_assert_no_error(error);
	cblue_bot_load_kb(bot, TRUE, &error);
	g_assert_no_error(error);
	cblue_message_set_conversation_id(m1, "conversation-a");
	cblue_message_set_conversation_id(m2, "conversation-a");
	r1 = cblue_bot_ask_sync(bot, m1, NULL, &error);
	g_assert_no_error(error);
	r2 = cblue_bot_ask_sync(bot, m2, NULL, &error);
	g_assert_no_error(error);
	/* not "42" alone: the hash's hex digits may contain it by chance */
	g_assert_null(strstr(cblue_message_get_text(m1), "SECRET-42"));
	g_assert_null(strstr(cblue_message_get_text(m1), "-42"));
	words1 = g_strsplit(cblue_message_get_text(m1), " ", -1);
	words2 = g_strsplit(cblue_message_get_text(m2), " ", -1);
	/* same value, same hash, within the conversation; another value, another hash */
	g_assert_true(g_str_has_prefix(words1[1], "[DUMMY:"));
	g_assert_cmpstr(words1[1], ==, words1[3]);
	g_assert_cmpstr(words1[1], !=, words1[5]);
	g_assert_cmpstr(words1[1], ==, words2[1]);
	g_assert_cmpstr(cblue_chat_reply_get_pii_types(r1)[0], ==, "DUMMY");
	g_assert_null(cblue_chat_reply_get_pii_types(r1)[1]);
}

static void
test_redact_log_writer(void)
{
	g_autoptr(CblueContext) context = cblue_test_context_new(DUMMY_ONLY "[redact]\nmode=hash\n", NULL);
	g_autoptr(CblueRedactionPolicy) policy = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *line = NULL;
	g_autofree gchar *expected = NULL;
	const GLogField fields[] = {
	    {"MESSAGE", "user said SECRET-99", -1},
	    {"GLIB_DOMAIN", "cblue", -1},
	    {"CBLUE_CONVERSATION_ID", "conv SECRET-1", -1},
	};

	g_assert_true(cblue_context_load_redaction_policy(context, &error));
	policy = cblue_context_get_redaction_policy(context);
	line = cblue_log_format_fields(CBLUE_LOG_FORMAT_JSON, G_LOG_LEVEL_DEBUG, fields, G_N_ELEMENTS(fields), context);
	g_assert_null(strstr(line, "SECRET-"));
	/* the hash a stored message of that conversation would have */
	expected = cblue_redaction_policy_format(policy, "DUMMY", "SECRET-99", -1, "conv SECRET-1");
	g_assert_nonnull(strstr(line, expected));
}

static void
test_redact_required_plugin(void)
{
	g_autoptr(CblueConfig) config = cblue_config_new();
	g_autoptr(CblueContext) context = NULL;
	g_autoptr(CbluePluginLoader) loader = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *dir = cblue_test_make_tmpdir();

	cblue_config_load_data(config,
			       "[plugins]\nenabled=redact-custom,redact-builtin\n"
			       "[redact.rule order-ref]\npattern=ORD-(\\d+\n",
			       &error);
	g_assert_no_error(error);
	cblue_config_set_string(config, "core", "data_dir", dir);
	context = cblue_context_new(config);
	loader = cblue_plugin_loader_new(context);
	g_assert_true(cblue_plugin_loader_load(loader, &error));
	g_assert_cmpuint(cblue_plugin_loader_get_plugins(loader)->len, ==, 2);
	/* a rule that does not compile stops the start, naming the rule and the offset */
	g_assert_false(cblue_plugin_loader_setup_sync(loader, NULL, &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_test_message("%s", error->message);
	g_assert_true(
	    g_pattern_match_simple("redact-custom: redact rule “order-ref”: invalid pattern at offset 8: *", error->message));
}

int
main(int argc, char **argv)
{
	cblue_test_init(&argc, &argv);
	cblue_test_capture_warnings();
	g_test_add_func("/cblue/redact/fold", test_redact_fold);
	g_test_add_func("/cblue/redact/fold-invisible", test_redact_fold_invisible);
	g_test_add_func("/cblue/redact/fold-escapes", test_redact_fold_escapes);
	g_test_add_func("/cblue/redact/fold-emoji", test_redact_fold_emoji);
	g_test_add_func("/cblue/redact/fold-line-break", test_redact_fold_line_break);
	g_test_add_func("/cblue/redact/folded-spans", test_redact_folded_spans);
	g_test_add_func("/cblue/redact/overlaps", test_redact_overlaps);
	g_test_add_func("/cblue/redact/bad-spans", test_redact_bad_spans);
	g_test_add_func("/cblue/redact/invalid-utf8", test_redact_invalid_utf8);
	g_test_add_func("/cblue/redact/policy/modes", test_redact_policy_modes);
	g_test_add_func("/cblue/redact/policy/config", test_redact_policy_config);
	g_test_add_func("/cblue/redact/policy/errors", test_redact_policy_errors);
	g_test_add_func("/cblue/redact/policy/key-from-config", test_redact_policy_key_from_config);
	g_test_add_func("/cblue/redact/reply-types", test_redact_reply_types);
	g_test_add_func("/cblue/redact/bot-hash", test_redact_bot_hash);
	g_test_add_func("/cblue/redact/log-writer", test_redact_log_writer);
	g_test_add_func("/cblue/redact/required-plugin", test_redact_required_plugin);
	return g_test_run();
}
