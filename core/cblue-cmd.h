/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"

G_BEGIN_DECLS

/* what every subcommand of the `cblue` program shares: options, config, plugins, bot */
typedef struct {
	gchar *config_file; /* owned, nullable: --config */
	gchar *data_dir; /* owned, nullable: --data-dir */
	gchar *log_format; /* owned, nullable: --log-format */
	gboolean verbose;
	CblueConfig *config; /* owned */
	CblueContext *context; /* owned */
	CbluePluginLoader *loader; /* owned */
	CblueBot *bot; /* owned, nullable until opened */
} CblueApp;

typedef int (*CblueCmdFunc)(CblueApp *app, int argc, char **argv);

CblueApp *cblue_app_new(void);
void cblue_app_free(CblueApp *app);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueApp, cblue_app_free)

GOptionContext *cblue_app_option_context_new(CblueApp *app, const gchar *parameter_string, const gchar *summary,
					      const GOptionEntry *entries);
gboolean cblue_app_parse(CblueApp *app, GOptionContext *ctx, int *argc, char ***argv);
gboolean cblue_app_load_config(CblueApp *app, GError **error);
gboolean cblue_app_load_plugins(CblueApp *app, GError **error);
gboolean cblue_app_open_bot(CblueApp *app, gboolean seed_if_empty, GError **error);
void cblue_app_shutdown(CblueApp *app);
int cblue_app_fail(const gchar *prefix, const GError *error);

int cblue_cmd_serve(CblueApp *app, int argc, char **argv);
int cblue_cmd_worker(CblueApp *app, int argc, char **argv);
int cblue_cmd_kb(CblueApp *app, int argc, char **argv);
int cblue_cmd_ask(CblueApp *app, int argc, char **argv);
int cblue_cmd_eval(CblueApp *app, int argc, char **argv);
int cblue_cmd_plugins(CblueApp *app, int argc, char **argv);
int cblue_cmd_migrate(CblueApp *app, int argc, char **argv);
int cblue_cmd_redact(CblueApp *app, int argc, char **argv);
int cblue_cmd_user(CblueApp *app, int argc, char **argv);

G_END_DECLS
