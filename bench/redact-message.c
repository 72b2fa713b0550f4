/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "cblue.h"

/*
 * The time to redact one chat message of about 200 bytes, as the bot does it for every
 * message (cblue_redact_text_full() with the redact-builtin plugin loaded from
 * CBLUE_PLUGIN_PATH): median and 99th percentile of batches of 1,000 calls, on the
 * calling thread. A figure, not a pass/fail test.
 *
 *   CBLUE_PLUGIN_PATH=build/plugins bench/redact-message
 */

#define BATCH	1000
#define BATCHES 301

static gint
compare_double(gconstpointer a, gconstpointer b)
{
	gdouble da = *(const gdouble *)a, db = *(const gdouble *)b;
	return da < db ? -1 : (da > db ? 1 : 0);
}

static void
measure(GPtrArray *redactors, CblueRedactionPolicy *policy, const gchar *name, const gchar *text)
{
	gdouble per_call[BATCHES];
	g_autofree gchar *once = cblue_redact_text_full(redactors, text, policy, "bench", NULL);

	for (guint b = 0; b < BATCHES; b++) {
		gint64 start = g_get_monotonic_time();
		for (guint i = 0; i < BATCH; i++) {
			gchar *out = cblue_redact_text_full(redactors, text, policy, "bench", NULL);
			g_free(out);
		}
		per_call[b] = (gdouble)(g_get_monotonic_time() - start) / BATCH;
	}
	qsort(per_call, BATCHES, sizeof(gdouble), (GCompareFunc)compare_double);
	printf("per message: %-34s %3zu bytes  median %.2f µs  p99 %.2f µs\n", name, strlen(text),
	       per_call[BATCHES / 2], per_call[BATCHES * 99 / 100]);
	printf("    %s\n    → %s\n", text, once);
}

int
main(int argc, char **argv)
{
	g_autoptr(CblueConfig) config = cblue_config_new();
	g_autoptr(CblueContext) context = NULL;
	g_autoptr(CbluePluginLoader) loader = NULL;
	g_autoptr(GPtrArray) redactors = NULL;
	g_autoptr(CblueRedactionPolicy) policy = NULL;
	g_autoptr(GError) error = NULL;
	g_autofree gchar *dir = g_dir_make_tmp("cblue-bench-XXXXXX", NULL);

	setlocale(LC_ALL, "");
	cblue_config_load_data(config, "[plugins]\nenabled=redact-builtin\n", NULL);
	cblue_config_set_string(config, "core", "data_dir", dir);
	context = cblue_context_new(config);
	loader = cblue_plugin_loader_new(context);
	if (!cblue_plugin_loader_load(loader, &error) || !cblue_plugin_loader_setup_sync(loader, NULL, &error)) {
		fprintf(stderr, "%s\n", error->message);
		return 1;
	}
	redactors = cblue_context_get_extensions(context, CBLUE_TYPE_REDACTOR);
	if (redactors->len == 0) {
		fprintf(stderr, "no redactor: set CBLUE_PLUGIN_PATH to the build's plugins folder\n");
		return 1;
	}
	policy = cblue_context_get_redaction_policy(context);

	/* about 200 bytes each: Thai with a phone and an e-mail, Chinese with a phone and an ID,
	 * English with a card, and Thai without any personal data */
	measure(redactors, policy, "Thai, phone + e-mail",
		"สวัสดีค่ะ สนใจติดโซลาร์ 5kW บนหลังคาบ้าน โทร 081-234-5678 หรือ somchai@example.com ได้เลยค่ะ");
	measure(redactors, policy, "Chinese, phone + ID",
		"你好，我想在屋顶装10千瓦的太阳能板，预算大概八万元，电话13812345678，身份证11010519491231002X，周末都在家，麻烦尽快联系，谢谢");
	measure(redactors, policy, "English, card + price + date",
		"Hi, please charge my card 4111 1111 1111 1111 for the 10 kWh home battery (฿159,000) and book "
		"the installation on 2026-11-25 at 10:30; the gate code is 4471. Thanks a lot!");
	measure(redactors, policy, "Thai, no personal data",
		"ติดโซลาร์เซลล์บนหลังคาราคาเท่าไหร่คะ บ้านใช้ไฟเดือนละ 600 หน่วย ค่าไฟ 3,200 บาท ควรติดกี่แผง");
	cblue_plugin_loader_shutdown_sync(loader, NULL, NULL);
	g_rmdir(dir);
	return 0;
}
