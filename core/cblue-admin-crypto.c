/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sodium.h>
#include <string.h>

#include "cblue-admin-crypto-private.h"
#include "cblue.h"

static gboolean
cblue_admin_sodium_init(void)
{
	/* idempotent and thread-safe: 0 the first time, 1 afterwards */
	return sodium_init() >= 0;
}

gchar *
cblue_admin_hash_password(const gchar *password, GError **error)
{
	gchar hash[crypto_pwhash_STRBYTES];

	if (!cblue_admin_sodium_init() ||
	    crypto_pwhash_str(hash, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_BUSY, _("Not enough memory to hash the password."));
		return NULL;
	}
	return g_strdup(hash);
}

gboolean
cblue_admin_verify_password(const gchar *hash, const gchar *password)
{
	/* the API takes a buffer of crypto_pwhash_STRBYTES: the hash is copied into one */
	gchar buffer[crypto_pwhash_STRBYTES] = {0};

	if (hash == NULL || password == NULL || !cblue_admin_sodium_init())
		return FALSE;
	if (strlen(hash) >= crypto_pwhash_STRBYTES)
		return FALSE;
	memcpy(buffer, hash, strlen(hash));
	return crypto_pwhash_str_verify(buffer, password, strlen(password)) == 0;
}

void
cblue_admin_verify_dummy(const gchar *password)
{
	/* the hash of a random password nobody knows, with the limits of
	 * cblue_admin_hash_password(): verifying against it costs what a real check costs */
	static const gchar dummy[] =
	    "$argon2id$v=19$m=65536,t=2,p=1$An5P1JDmKPyBJGeI2cgZDg$Ku6S6ntclEE9BvnDZg6avwpf2GgwW5grKXEsuj+bF7A";

	(void)cblue_admin_verify_password(dummy, password != NULL ? password : "");
}

gchar *
cblue_admin_random_token(const gchar *prefix)
{
	guchar bytes[32];
	gchar text[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];

	g_assert(cblue_admin_sodium_init());
	randombytes_buf(bytes, sizeof(bytes));
	sodium_bin2base64(text, sizeof(text), bytes, sizeof(bytes), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(bytes, sizeof(bytes));
	return g_strconcat(prefix != NULL ? prefix : "", text, NULL);
}

gchar *
cblue_admin_sha256_hex(const gchar *text)
{
	return g_compute_checksum_for_string(G_CHECKSUM_SHA256, text, -1);
}

gboolean
cblue_admin_secret_equal(const gchar *a, const gchar *b)
{
	gsize len;

	if (a == NULL || b == NULL)
		return FALSE;
	len = strlen(a);
	if (len != strlen(b) || len == 0)
		return FALSE;
	return sodium_memcmp(a, b, len) == 0;
}

gboolean
cblue_admin_check_user_name(const gchar *name, GError **error)
{
	gsize len = name != NULL ? strlen(name) : 0;

	if (len == 0 || len > 64) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("A user name has 1 to 64 characters."));
		return FALSE;
	}
	for (gsize i = 0; i < len; i++) {
		if (!g_ascii_isalnum(name[i]) && strchr("._@-", name[i]) == NULL) {
			g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
					    _("A user name may only contain letters, digits and . _ @ -"));
			return FALSE;
		}
	}
	return TRUE;
}

gboolean
cblue_admin_check_password(const gchar *password, GError **error)
{
	if (password == NULL || !g_utf8_validate(password, -1, NULL) || strlen(password) > 1024 ||
	    g_utf8_strlen(password, -1) < 8) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("A password has at least 8 characters (and at most 1024 bytes)."));
		return FALSE;
	}
	return TRUE;
}
