/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "cblue-error.h"

G_DEFINE_QUARK(cblue-error-quark, cblue_error)

typedef struct {
	CblueError code;
	guint http_status;
	const gchar *name;
} CblueErrorInfo;

/* the strings are part of the HTTP contract: never rename one */
static const CblueErrorInfo error_infos[] = {
    {CBLUE_ERROR_INTERNAL, 500, "internal"},
    {CBLUE_ERROR_NOT_SUPPORTED, 501, "not_supported"},
    {CBLUE_ERROR_NOT_FOUND, 404, "not_found"},
    {CBLUE_ERROR_INVALID_DATA, 400, "invalid_data"},
    {CBLUE_ERROR_PERMISSION_DENIED, 403, "permission_denied"},
    {CBLUE_ERROR_AUTH_FAILED, 401, "auth_failed"},
    {CBLUE_ERROR_TIMED_OUT, 504, "timed_out"},
    {CBLUE_ERROR_BUSY, 429, "busy"},
    {CBLUE_ERROR_NOT_REACHABLE, 503, "not_reachable"},
    {CBLUE_ERROR_TOO_LARGE, 413, "too_large"},
    {CBLUE_ERROR_UNSUPPORTED_MEDIA_TYPE, 415, "unsupported_media_type"},
    {CBLUE_ERROR_CONFLICT, 409, "conflict"},
};

static const CblueErrorInfo *
cblue_error_lookup(const GError *error)
{
	if (error == NULL || error->domain != CBLUE_ERROR)
		return &error_infos[CBLUE_ERROR_INTERNAL];
	for (guint i = 0; i < G_N_ELEMENTS(error_infos); i++) {
		if (error_infos[i].code == (CblueError)error->code)
			return &error_infos[i];
	}
	return &error_infos[CBLUE_ERROR_INTERNAL];
}

/**
 * cblue_error_to_http_status:
 * @error: (nullable): a #GError
 *
 * Maps an error to the HTTP status code that the server answers with. Errors from
 * other domains are internal errors (500).
 *
 * Returns: an HTTP status code
 *
 * Since: 1.0
 */
guint
cblue_error_to_http_status(const GError *error)
{
	return cblue_error_lookup(error)->http_status;
}

/**
 * cblue_error_to_string:
 * @error: (nullable): a #GError
 *
 * Maps an error to its stable machine-readable code, as used in the `code` member of
 * the JSON error object, e.g. `invalid_data`.
 *
 * Returns: a static string
 *
 * Since: 1.0
 */
const gchar *
cblue_error_to_string(const GError *error)
{
	return cblue_error_lookup(error)->name;
}

/**
 * cblue_error_to_json:
 * @error: a #GError
 *
 * Serializes an error as the JSON error object of the HTTP contract:
 * `{"error":{"code":"…","message":"…"}}`.
 *
 * Returns: (transfer full): a JSON string
 *
 * Since: 1.0
 */
gchar *
cblue_error_to_json(const GError *error)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) root = NULL;

	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "error");
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "code");
	json_builder_add_string_value(builder, cblue_error_to_string(error));
	json_builder_set_member_name(builder, "message");
	json_builder_add_string_value(builder, error != NULL ? error->message : "");
	json_builder_end_object(builder);
	json_builder_end_object(builder);
	root = json_builder_get_root(builder);
	return json_to_string(root, FALSE);
}

static CblueError
cblue_error_code_from_io(gint code)
{
	switch (code) {
	case G_IO_ERROR_NOT_FOUND:
		return CBLUE_ERROR_NOT_FOUND;
	case G_IO_ERROR_PERMISSION_DENIED:
		return CBLUE_ERROR_PERMISSION_DENIED;
	case G_IO_ERROR_TIMED_OUT:
		return CBLUE_ERROR_TIMED_OUT;
	case G_IO_ERROR_BUSY:
	case G_IO_ERROR_WOULD_BLOCK:
		return CBLUE_ERROR_BUSY;
	case G_IO_ERROR_NOT_SUPPORTED:
		return CBLUE_ERROR_NOT_SUPPORTED;
	case G_IO_ERROR_INVALID_DATA:
	case G_IO_ERROR_INVALID_ARGUMENT:
	case G_IO_ERROR_INVALID_FILENAME:
	case G_IO_ERROR_PARTIAL_INPUT:
		return CBLUE_ERROR_INVALID_DATA;
	case G_IO_ERROR_CONNECTION_REFUSED:
	case G_IO_ERROR_HOST_NOT_FOUND:
	case G_IO_ERROR_HOST_UNREACHABLE:
	case G_IO_ERROR_NETWORK_UNREACHABLE:
	case G_IO_ERROR_CONNECTION_CLOSED:
		return CBLUE_ERROR_NOT_REACHABLE;
	default:
		return CBLUE_ERROR_INTERNAL;
	}
}

/**
 * cblue_error_convert:
 * @perror: (inout) (nullable) (optional): a #GError, or %NULL
 *
 * Converts an error of a foreign domain (GIO, GLib file and key-file errors,
 * JSON parser errors, character-set conversion errors) into the %CBLUE_ERROR domain,
 * keeping its message. Errors already in the Cblue domain are left alone.
 *
 * Since: 1.0
 */
void
cblue_error_convert(GError **perror)
{
	GError *error = (perror != NULL) ? *perror : NULL;

	if (error == NULL || error->domain == CBLUE_ERROR)
		return;
	if (error->domain == G_IO_ERROR) {
		error->code = cblue_error_code_from_io(error->code);
	} else if (error->domain == G_FILE_ERROR) {
		error->code = error->code == G_FILE_ERROR_NOENT	  ? CBLUE_ERROR_NOT_FOUND
			      : error->code == G_FILE_ERROR_ACCES ? CBLUE_ERROR_PERMISSION_DENIED
								  : CBLUE_ERROR_INTERNAL;
	} else if (error->domain == JSON_PARSER_ERROR || error->domain == G_KEY_FILE_ERROR ||
		   error->domain == G_CONVERT_ERROR || error->domain == G_MARKUP_ERROR) {
		error->code = CBLUE_ERROR_INVALID_DATA;
	} else {
		error->code = CBLUE_ERROR_INTERNAL;
	}
	error->domain = CBLUE_ERROR;
}
