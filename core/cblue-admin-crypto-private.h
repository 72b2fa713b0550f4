/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The admin console's secrets, on libsodium. Compiled into both libcblue (the admin API)
 * and the `cblue` program (`cblue user`), so that neither exports it.
 */

/* an Argon2id PHC string (crypto_pwhash_str, interactive limits); NULL + error if the
 * hash cannot be computed (out of memory) */
gchar *cblue_admin_hash_password(const gchar *password, GError **error);
/* constant-time for a given hash; FALSE for a NULL or malformed hash */
gboolean cblue_admin_verify_password(const gchar *hash, const gchar *password);
/* burns the time of one verification, so that an unknown user name answers as slowly
 * as a wrong password */
void cblue_admin_verify_dummy(const gchar *password);
/* @prefix + 32 random bytes in URL-safe base64 without padding */
gchar *cblue_admin_random_token(const gchar *prefix);
/* the lower-case hex SHA-256 of @text: how session ids and API tokens (random, 256 bits)
 * are kept at rest */
gchar *cblue_admin_sha256_hex(const gchar *text);
/* compares two secrets in constant time (for equal lengths) */
gboolean cblue_admin_secret_equal(const gchar *a, const gchar *b);

G_END_DECLS

G_BEGIN_DECLS

/* console user names: 1 to 64 of A-Z a-z 0-9 . _ @ - */
gboolean cblue_admin_check_user_name(const gchar *name, GError **error);
/* at least 8 characters (not bytes), at most 1024 bytes, valid UTF-8 */
gboolean cblue_admin_check_password(const gchar *password, GError **error);

G_END_DECLS
