/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "cblue-redact-validators.h"

static void
test_luhn(void)
{
	g_assert_true(cblue_redact_luhn_valid("4111111111111111", 16));
	g_assert_true(cblue_redact_luhn_valid("5555555555554444", 16));
	g_assert_true(cblue_redact_luhn_valid("378282246310005", 15));
	g_assert_false(cblue_redact_luhn_valid("4111111111111112", 16));
	g_assert_false(cblue_redact_luhn_valid("1234567812345678", 16));
	g_assert_false(cblue_redact_luhn_valid("41111111x1111111", 16));
	g_assert_false(cblue_redact_luhn_valid("0", 1));
}

static void
test_th_id(void)
{
	g_assert_true(cblue_redact_th_id_valid("1103702071625", 13));
	g_assert_true(cblue_redact_th_id_valid("3100100123451", 13));
	g_assert_true(cblue_redact_th_id_valid("5701100234564", 13));
	/* every other check digit fails */
	for (gchar c = '0'; c <= '9'; c++) {
		gchar id[] = "110370207162X";
		id[12] = c;
		g_assert_cmpint(cblue_redact_th_id_valid(id, 13), ==, c == '5');
	}
	/* no person type 0 or 9, no province code 0x */
	g_assert_false(cblue_redact_th_id_valid("0103702071625", 13));
	g_assert_false(cblue_redact_th_id_valid("9103702071625", 13));
	g_assert_false(cblue_redact_th_id_valid("1003702071625", 13));
	g_assert_false(cblue_redact_th_id_valid("110370207162", 12));
}

static void
test_cn_id(void)
{
	g_assert_true(cblue_redact_cn_id_valid("11010519491231002X", 18));
	g_assert_true(cblue_redact_cn_id_valid("11010519491231002x", 18));
	g_assert_true(cblue_redact_cn_id_valid("44030419900307123X", 18));
	g_assert_true(cblue_redact_cn_id_valid("310115198512154564", 18));
	/* a wrong check character */
	g_assert_false(cblue_redact_cn_id_valid("110105194912310021", 18));
	/* 31 February, month 13, a birth in the future, before 1900 */
	g_assert_false(cblue_redact_cn_id_valid("110105194902310029", 18));
	g_assert_false(cblue_redact_cn_id_valid("110105194913010029", 18));
	g_assert_false(cblue_redact_cn_id_valid("110105299901010029", 18));
	g_assert_false(cblue_redact_cn_id_valid("110105189901010029", 18));
	/* region codes start with 1-8 */
	g_assert_false(cblue_redact_cn_id_valid("91010519491231002X", 18));
}

static void
test_iban(void)
{
	/* the examples of ISO 13616 and the registry */
	g_assert_true(cblue_redact_iban_valid("DE89370400440532013000", 22));
	g_assert_true(cblue_redact_iban_valid("GB29NWBK60161331926819", 22));
	g_assert_true(cblue_redact_iban_valid("FR1420041010050500013M02606", 27));
	g_assert_true(cblue_redact_iban_valid("NO9386011117947", 15));
	/* a wrong check digit, a swap, the wrong length for the country, an unknown country */
	g_assert_false(cblue_redact_iban_valid("DE88370400440532013000", 22));
	g_assert_false(cblue_redact_iban_valid("DE89370400440532010300", 22));
	g_assert_false(cblue_redact_iban_valid("DE8937040044053201300", 21));
	g_assert_false(cblue_redact_iban_valid("ZZ89370400440532013000", 22));
	g_assert_false(cblue_redact_iban_valid("de89370400440532013000", 22));
}

static void
test_birth_date(void)
{
	g_assert_true(cblue_redact_birth_date_valid(2000, 2, 29));
	g_assert_false(cblue_redact_birth_date_valid(1900, 2, 29));
	g_assert_false(cblue_redact_birth_date_valid(2023, 2, 29));
	g_assert_false(cblue_redact_birth_date_valid(1999, 4, 31));
	g_assert_false(cblue_redact_birth_date_valid(1899, 12, 31));
	g_assert_false(cblue_redact_birth_date_valid(2999, 1, 1));
}

static void
test_ip(void)
{
	g_assert_true(cblue_redact_ipv4_valid("192.168.1.10", 12));
	g_assert_true(cblue_redact_ipv4_valid("8.8.8.8", 7));
	g_assert_false(cblue_redact_ipv4_valid("256.1.1.1", 9));
	g_assert_false(cblue_redact_ipv4_valid("01.2.3.4", 8));
	g_assert_false(cblue_redact_ipv4_valid("1.2.3", 5));
	g_assert_false(cblue_redact_ipv4_valid("0.0.0.0", 7));
	g_assert_true(cblue_redact_ipv6_valid("2001:db8::1", 11));
	g_assert_true(cblue_redact_ipv6_valid("fe80::1ff:fe23:4567:890a", 24));
	g_assert_true(cblue_redact_ipv6_valid("::ffff:192.0.2.1", 16));
	g_assert_false(cblue_redact_ipv6_valid("::1", 3));
	g_assert_false(cblue_redact_ipv6_valid("10:30:45", 8));
	g_assert_false(cblue_redact_ipv6_valid("00:1a:2b:3c:4d:5e", 17));
	g_assert_false(cblue_redact_ipv6_valid("a::b", 4));
}

static void
test_phone(void)
{
	const struct {
		const gchar *digits;
		gboolean plus;
		CblueRedactPhoneKind kind;
	} cases[] = {
	    {"0812345678", FALSE, CBLUE_REDACT_PHONE_TH_MOBILE},
	    {"0612345678", FALSE, CBLUE_REDACT_PHONE_TH_MOBILE},
	    {"021234567", FALSE, CBLUE_REDACT_PHONE_TH_LANDLINE},
	    {"053123456", FALSE, CBLUE_REDACT_PHONE_TH_LANDLINE},
	    {"66812345678", TRUE, CBLUE_REDACT_PHONE_TH_MOBILE},
	    {"66812345678", FALSE, CBLUE_REDACT_PHONE_TH_MOBILE},
	    {"660812345678", TRUE, CBLUE_REDACT_PHONE_TH_MOBILE},
	    {"6621234567", TRUE, CBLUE_REDACT_PHONE_TH_LANDLINE},
	    {"13812345678", FALSE, CBLUE_REDACT_PHONE_CN_MOBILE},
	    {"8613812345678", TRUE, CBLUE_REDACT_PHONE_CN_MOBILE},
	    {"8613812345678", FALSE, CBLUE_REDACT_PHONE_CN_MOBILE},
	    {"01012345678", FALSE, CBLUE_REDACT_PHONE_CN_LANDLINE},
	    {"075512345678", FALSE, CBLUE_REDACT_PHONE_CN_LANDLINE},
	    {"862187654321", TRUE, CBLUE_REDACT_PHONE_CN_LANDLINE},
	    {"14155552671", TRUE, CBLUE_REDACT_PHONE_INTERNATIONAL},
	    {"442071838750", TRUE, CBLUE_REDACT_PHONE_INTERNATIONAL},
	    {"0066812345678", FALSE, CBLUE_REDACT_PHONE_TH_MOBILE},
	    {"0112345678", FALSE, CBLUE_REDACT_PHONE_OTHER_NATIONAL},
	    {"0223456789", FALSE, CBLUE_REDACT_PHONE_OTHER_NATIONAL},
	    {"012345678", FALSE, CBLUE_REDACT_PHONE_OTHER_NATIONAL},
	    {"096059137", FALSE, CBLUE_REDACT_PHONE_OTHER_NATIONAL},
	    {"081234567", FALSE, CBLUE_REDACT_PHONE_OTHER_NATIONAL},
	    /* not phones */
	    {"4155552671", FALSE, CBLUE_REDACT_PHONE_NONE},
	    {"20261125", FALSE, CBLUE_REDACT_PHONE_NONE},
	    {"0612345678901", FALSE, CBLUE_REDACT_PHONE_NONE},
	    {"12345678901", FALSE, CBLUE_REDACT_PHONE_NONE},
	    {"6612345678", TRUE, CBLUE_REDACT_PHONE_NONE},
	    {"1234567", TRUE, CBLUE_REDACT_PHONE_NONE},
	    {"001234567", FALSE, CBLUE_REDACT_PHONE_NONE},
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		CblueRedactPhoneKind kind =
		    cblue_redact_phone_classify(cases[i].digits, strlen(cases[i].digits), cases[i].plus);
		g_test_message("%s%s", cases[i].plus ? "+" : "", cases[i].digits);
		g_assert_cmpint(kind, ==, cases[i].kind);
	}
}

static void
test_groups(void)
{
	CblueRedactGroups groups;
	const gchar *text = "(+66) 81-234 5678";
	static const guint8 sizes[] = {2, 2, 3, 4};
	gchar digits[32];

	g_assert_true(cblue_redact_groups_parse(&groups, text, 0, strlen(text)));
	g_assert_cmpuint(groups.n_groups, ==, 4);
	g_assert_true(groups.plus);
	g_assert_true(cblue_redact_groups_sizes_are(&groups, 0, 3, sizes, 4));
	g_assert_cmpint(groups.groups[1].sep, ==, ')');
	g_assert_true(groups.groups[1].sep_space);
	g_assert_false(groups.groups[2].sep_space);
	g_assert_cmpuint(cblue_redact_groups_digits(&groups, text, 1, 3, digits, sizeof(digits)), ==, 9);
	g_assert_cmpstr(digits, ==, "812345678");
	g_assert_false(cblue_redact_groups_same_sep(&groups, 1, 3, " -"));

	text = "4111 1111 1111 1111";
	g_assert_true(cblue_redact_groups_parse(&groups, text, 0, strlen(text)));
	g_assert_true(cblue_redact_groups_same_sep(&groups, 0, 3, " -"));
	g_assert_false(cblue_redact_groups_parse(&groups, "12a34", 0, 5));
}

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/cblue/redact/validators/luhn", test_luhn);
	g_test_add_func("/cblue/redact/validators/th-id", test_th_id);
	g_test_add_func("/cblue/redact/validators/cn-id", test_cn_id);
	g_test_add_func("/cblue/redact/validators/iban", test_iban);
	g_test_add_func("/cblue/redact/validators/birth-date", test_birth_date);
	g_test_add_func("/cblue/redact/validators/ip", test_ip);
	g_test_add_func("/cblue/redact/validators/phone", test_phone);
	g_test_add_func("/cblue/redact/validators/groups", test_groups);
	return g_test_run();
}
