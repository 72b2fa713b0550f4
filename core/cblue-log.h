/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <glib.h>

#include "cblue-context.h"
#include "cblue-version-macros.h"

G_BEGIN_DECLS

/**
 * CblueLogFormat:
 * @CBLUE_LOG_FORMAT_CONSOLE: human-readable lines on stderr
 * @CBLUE_LOG_FORMAT_JSON: one JSON object per line on stderr
 *
 * The formats of the structured log writer.
 *
 * Since: 1.0
 */
typedef enum {
	CBLUE_LOG_FORMAT_CONSOLE,
	CBLUE_LOG_FORMAT_JSON,
} CblueLogFormat;

CBLUE_AVAILABLE_IN_1_0
void cblue_log_install_writer(CblueLogFormat format, CblueContext *context);
CBLUE_AVAILABLE_IN_1_0
void cblue_log_set_request_id(const gchar *request_id);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_log_get_request_id(void);
CBLUE_AVAILABLE_IN_1_0
gchar *cblue_log_format_fields(CblueLogFormat format, GLogLevelFlags log_level, const GLogField *fields,
			       gsize n_fields, CblueContext *context);

G_END_DECLS
