/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <gio/gio.h>

#include "cblue-test-utils.h"

static void
test_config_env_override(void)
{
	g_autoptr(CblueConfig) config = cblue_config_new();
	g_autoptr(GError) error = NULL;
	g_auto(GStrv) langs = NULL;

	cblue_config_load_data(config, "[bot]\nmax_message_length=100\n[store]\nurl=file\n[core]\nlanguages=en; th\n",
			       &error);
	g_assert_no_error(error);
	g_assert_cmpint(cblue_config_get_int(config, "bot", "max_message_length", 1), ==, 100);
	g_setenv("CBLUE_BOT_MAX_MESSAGE_LENGTH", "7", TRUE);
	g_assert_cmpint(cblue_config_get_int(config, "bot", "max_message_length", 1), ==, 7);
	g_unsetenv("CBLUE_BOT_MAX_MESSAGE_LENGTH");
	g_setenv("CBLUE_DATABASE_URL", "postgresql://x", TRUE);
	{
		g_autofree gchar *url = cblue_config_get_string(config, "store", "url");
		g_assert_cmpstr(url, ==, "postgresql://x");
	}
	g_unsetenv("CBLUE_DATABASE_URL");
	g_assert_cmpint(cblue_config_get_int(config, "bot", "missing", 42), ==, 42);
	g_assert_true(cblue_config_get_boolean(config, "bot", "missing", TRUE));
	g_assert_cmpfloat(cblue_config_get_double(config, "bot", "missing", 0.5), ==, 0.5);
	langs = cblue_config_get_languages(config);
	g_assert_cmpuint(g_strv_length(langs), ==, 2);
	g_assert_cmpstr(langs[1], ==, "th");
	g_assert_true(cblue_config_is_secret_key("api_key"));
	g_assert_false(cblue_config_is_secret_key("port"));
}

static void
test_config_invalid_values(void)
{
	g_autoptr(CblueConfig) config = cblue_config_new();
	g_autoptr(GError) error = NULL;

	cblue_test_capture_warnings();
	cblue_config_load_data(config,
			       "[bot]\nanswer_threshold=0.4x\nclarify_margin=nan\nmax_message_length=12k\n"
			       "context=perhaps\nlimit= 3 \n",
			       &error);
	g_assert_no_error(error);

	/* each invalid value falls back to the default and is logged, once */
	g_assert_cmpfloat(cblue_config_get_double(config, "bot", "answer_threshold", 0.5), ==, 0.5);
	g_assert_cmpfloat(cblue_config_get_double(config, "bot", "answer_threshold", 0.25), ==, 0.25);
	g_assert_cmpuint(cblue_test_count_warnings("*answer_threshold*0.4x*not a finite number*"), ==, 1);
	g_assert_cmpfloat(cblue_config_get_double(config, "bot", "clarify_margin", 0.1), ==, 0.1);
	g_assert_cmpuint(cblue_test_count_warnings("*clarify_margin*nan*not a*number*"), ==, 1);
	g_assert_cmpint(cblue_config_get_int(config, "bot", "max_message_length", 4000), ==, 4000);
	g_assert_cmpuint(cblue_test_count_warnings("*max_message_length*12k*not an integer*"), ==, 1);
	g_assert_true(cblue_config_get_boolean(config, "bot", "context", TRUE));
	g_assert_cmpuint(cblue_test_count_warnings("*context*perhaps*not a boolean*"), ==, 1);

	/* a valid value, with spaces around it, logs nothing */
	g_assert_cmpint(cblue_config_get_int(config, "bot", "limit", 1), ==, 3);
	g_assert_cmpuint(cblue_test_count_warnings("*"), ==, 4);

	/* another invalid value of the same key is logged too */
	g_setenv("CBLUE_BOT_ANSWER_THRESHOLD", "high", TRUE);
	g_assert_cmpfloat(cblue_config_get_double(config, "bot", "answer_threshold", 0.5), ==, 0.5);
	g_unsetenv("CBLUE_BOT_ANSWER_THRESHOLD");
	g_assert_cmpuint(cblue_test_count_warnings("*answer_threshold*high*not a finite number*"), ==, 1);
	g_assert_cmpuint(cblue_test_count_warnings("*"), ==, 5);
}

static void
test_config_bad_file(void)
{
	g_autoptr(CblueConfig) config = cblue_config_new();
	g_autoptr(GError) error = NULL;
	g_assert_false(cblue_config_load_data(config, "not a key file", &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA);
	g_clear_error(&error);
	g_assert_false(cblue_config_load_file(config, "/nonexistent.conf", &error));
	g_assert_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND);
}

static void
test_error_mapping(void)
{
	g_autoptr(GError) error = g_error_new_literal(CBLUE_ERROR, CBLUE_ERROR_TOO_LARGE, "big \"one\"");
	g_autoptr(GError) io = g_error_new_literal(G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "slow");
	g_autoptr(GError) other = g_error_new_literal(G_SPAWN_ERROR, 1, "x");
	g_autofree gchar *json = cblue_error_to_json(error);

	g_assert_cmpuint(cblue_error_to_http_status(error), ==, 413);
	g_assert_cmpstr(cblue_error_to_string(error), ==, "too_large");
	g_assert_cmpstr(json, ==, "{\"error\":{\"code\":\"too_large\",\"message\":\"big \\\"one\\\"\"}}");
	cblue_error_convert(&io);
	g_assert_error(io, CBLUE_ERROR, CBLUE_ERROR_TIMED_OUT);
	g_assert_cmpuint(cblue_error_to_http_status(io), ==, 504);
	g_assert_cmpuint(cblue_error_to_http_status(other), ==, 500);
	cblue_error_convert(&other);
	g_assert_error(other, CBLUE_ERROR, CBLUE_ERROR_INTERNAL);
	for (gint code = 0; code < CBLUE_ERROR_LAST; code++) {
		g_autoptr(GError) e = g_error_new_literal(CBLUE_ERROR, code, "m");
		guint status = cblue_error_to_http_status(e);
		g_assert_cmpuint(status, >=, 400);
		g_assert_cmpuint(status, <, 600);
	}
}

int
main(int argc, char **argv)
{
	cblue_test_init(&argc, &argv);
	g_test_add_func("/cblue/config/env-override", test_config_env_override);
	g_test_add_func("/cblue/config/bad-file", test_config_bad_file);
	g_test_add_func("/cblue/config/invalid-values", test_config_invalid_values);
	g_test_add_func("/cblue/error/mapping", test_error_mapping);
	return g_test_run();
}
