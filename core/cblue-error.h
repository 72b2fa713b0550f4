/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <glib.h>

#include "cblue-version-macros.h"

G_BEGIN_DECLS

#define CBLUE_ERROR (cblue_error_quark())

/**
 * CblueError:
 * @CBLUE_ERROR_INTERNAL: an internal error, a bug
 * @CBLUE_ERROR_NOT_SUPPORTED: the operation is not supported
 * @CBLUE_ERROR_NOT_FOUND: the object was not found
 * @CBLUE_ERROR_INVALID_DATA: the input is malformed or fails validation
 * @CBLUE_ERROR_PERMISSION_DENIED: authenticated, but not allowed
 * @CBLUE_ERROR_AUTH_FAILED: authentication is missing or wrong
 * @CBLUE_ERROR_TIMED_OUT: the operation took too long
 * @CBLUE_ERROR_BUSY: a resource is exhausted, try again later
 * @CBLUE_ERROR_NOT_REACHABLE: a backend (database, queue, provider) cannot be reached
 * @CBLUE_ERROR_TOO_LARGE: the input is larger than the configured limit
 * @CBLUE_ERROR_UNSUPPORTED_MEDIA_TYPE: the input has a content type that is not accepted
 * @CBLUE_ERROR_CONFLICT: the object exists already, or changed since the caller read it
 *
 * The error codes of the single Cblue error domain. Each maps to one HTTP status and
 * one stable machine-readable string, see [func@Error.to_http_status] and
 * [func@Error.to_string].
 *
 * Since: 1.0
 */
typedef enum {
	CBLUE_ERROR_INTERNAL,
	CBLUE_ERROR_NOT_SUPPORTED,
	CBLUE_ERROR_NOT_FOUND,
	CBLUE_ERROR_INVALID_DATA,
	CBLUE_ERROR_PERMISSION_DENIED,
	CBLUE_ERROR_AUTH_FAILED,
	CBLUE_ERROR_TIMED_OUT,
	CBLUE_ERROR_BUSY,
	CBLUE_ERROR_NOT_REACHABLE,
	CBLUE_ERROR_TOO_LARGE,
	CBLUE_ERROR_UNSUPPORTED_MEDIA_TYPE,
	CBLUE_ERROR_CONFLICT,
	/*< private >*/
	CBLUE_ERROR_LAST
} CblueError;

CBLUE_AVAILABLE_IN_1_0
GQuark cblue_error_quark(void);
CBLUE_AVAILABLE_IN_1_0
guint cblue_error_to_http_status(const GError *error);
CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_error_to_string(const GError *error);
CBLUE_AVAILABLE_IN_1_0
gchar *cblue_error_to_json(const GError *error);
CBLUE_AVAILABLE_IN_1_0
void cblue_error_convert(GError **perror);

G_END_DECLS
