/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cblue-error.h"
#include "cblue-redaction-policy.h"

/**
 * CblueRedactionPolicy:
 *
 * What replaces each type of personal data: its placeholder (`[PHONE]`, the default), a
 * mask that keeps the last four letters or digits, a keyed hash, or nothing.
 *
 * The hash mode writes `[TYPE:hhhhhhhhhhhh]`, the first 48 bits of an HMAC-SHA256 over the
 * scope (the conversation id), the type and the value in a canonical form (digits and
 * letters only, case-folded, full-width and Thai digits as ASCII, Thai and Chinese phone
 * numbers in their national form). An agent reading a conversation can therefore see that
 * two messages carry the same phone number, while the same number in another conversation
 * gets an unrelated hash, and nobody without the key can test a guess.
 *
 * [ctor@RedactionPolicy.new_from_config] reads the `[redact]` group:
 *
 * - `mode` — the mode of every type (`placeholder`, `mask`, `hash` or `drop`);
 * - `mode.TYPE` — the mode of one type, e.g. `mode.PHONE=mask` (environment:
 *   `CBLUE_REDACT_MODE_PHONE`);
 * - `hash_key` — the HMAC key, at least 16 characters (environment:
 *   `CBLUE_REDACT_HASH_KEY`); else `hash_key_file`; else `redact-hash.key` in the data
 *   directory, generated from the system's random source (mode 0600) the first time a
 *   hash mode is used. The key is never logged.
 *
 * A policy is configured before use and then only read, from any thread.
 *
 * Since: 1.0
 */
struct _CblueRedactionPolicy {
	GObject parent_instance;
	CblueRedactionMode default_mode;
	GHashTable *modes; /* owned: label → GINT_TO_POINTER(mode) */
	GBytes *hash_key; /* owned */
};

G_DEFINE_TYPE(CblueRedactionPolicy, cblue_redaction_policy, G_TYPE_OBJECT)

#define CBLUE_REDACTION_KEY_FILE     "redact-hash.key"
#define CBLUE_REDACTION_KEY_MIN_LEN  16
#define CBLUE_REDACTION_HASH_HEX_LEN 12

static void
cblue_redaction_policy_finalize(GObject *object)
{
	CblueRedactionPolicy *self = CBLUE_REDACTION_POLICY(object);
	g_hash_table_unref(self->modes);
	g_bytes_unref(self->hash_key);
	G_OBJECT_CLASS(cblue_redaction_policy_parent_class)->finalize(object);
}

static void
cblue_redaction_policy_class_init(CblueRedactionPolicyClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_redaction_policy_finalize;
}

static GBytes *
cblue_redaction_random_key(void)
{
	guint8 raw[32];
	gsize got = 0;
	while (got < sizeof(raw)) {
		gssize n = getrandom(raw + got, sizeof(raw) - got, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (gsize)n;
	}
	/* getrandom() cannot fail on Linux >= 3.17 once the pool is ready; never hash
	 * with a predictable key if it somehow does */
	for (gsize i = got; i < sizeof(raw); i++)
		raw[i] = (guint8)g_random_int();
	return g_bytes_new(raw, sizeof(raw));
}

static void
cblue_redaction_policy_init(CblueRedactionPolicy *self)
{
	self->modes = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	/* a process-lifetime key until one is configured: hashes are stable within the
	 * process only */
	self->hash_key = cblue_redaction_random_key();
}

/**
 * cblue_redaction_mode_to_string:
 * @mode: a #CblueRedactionMode
 *
 * Returns: the configuration name: `placeholder`, `mask`, `hash` or `drop`
 *
 * Since: 1.0
 */
const gchar *
cblue_redaction_mode_to_string(CblueRedactionMode mode)
{
	switch (mode) {
	case CBLUE_REDACTION_MODE_MASK:
		return "mask";
	case CBLUE_REDACTION_MODE_HASH:
		return "hash";
	case CBLUE_REDACTION_MODE_DROP:
		return "drop";
	case CBLUE_REDACTION_MODE_PLACEHOLDER:
	default:
		return "placeholder";
	}
}

/**
 * cblue_redaction_mode_from_string:
 * @text: a configuration name, e.g. `mask`
 * @mode: (out): the mode
 *
 * Parses a mode name, ignoring case and surrounding spaces.
 *
 * Returns: %TRUE if @text names a mode
 *
 * Since: 1.0
 */
gboolean
cblue_redaction_mode_from_string(const gchar *text, CblueRedactionMode *mode)
{
	const CblueRedactionMode all[] = {CBLUE_REDACTION_MODE_PLACEHOLDER, CBLUE_REDACTION_MODE_MASK,
					  CBLUE_REDACTION_MODE_HASH, CBLUE_REDACTION_MODE_DROP};
	g_autofree gchar *stripped = NULL;

	g_return_val_if_fail(mode != NULL, FALSE);
	if (text == NULL)
		return FALSE;
	stripped = g_strstrip(g_strdup(text));
	for (guint i = 0; i < G_N_ELEMENTS(all); i++) {
		if (g_ascii_strcasecmp(stripped, cblue_redaction_mode_to_string(all[i])) == 0) {
			*mode = all[i];
			return TRUE;
		}
	}
	return FALSE;
}

/**
 * cblue_redaction_label_is_valid:
 * @label: a type name
 *
 * Tells whether @label can name a type of personal data: an upper-case ASCII letter
 * followed by at most 31 upper-case letters, digits or underscores, e.g. `TH_ID`.
 *
 * Returns: %TRUE if valid
 *
 * Since: 1.0
 */
gboolean
cblue_redaction_label_is_valid(const gchar *label)
{
	gsize len;
	if (label == NULL || !g_ascii_isupper(label[0]))
		return FALSE;
	len = strlen(label);
	if (len > 32)
		return FALSE;
	for (gsize i = 1; i < len; i++) {
		if (!g_ascii_isupper(label[i]) && !g_ascii_isdigit(label[i]) && label[i] != '_')
			return FALSE;
	}
	return TRUE;
}

/**
 * cblue_redaction_policy_new:
 *
 * Creates a policy that writes placeholders for every type. Its hash key is random, so
 * hashes are stable within the process only until [method@RedactionPolicy.set_hash_key].
 *
 * Returns: (transfer full): a new #CblueRedactionPolicy
 *
 * Since: 1.0
 */
CblueRedactionPolicy *
cblue_redaction_policy_new(void)
{
	return g_object_new(CBLUE_TYPE_REDACTION_POLICY, NULL);
}

static gboolean
cblue_redaction_key_generate(const gchar *path, GError **error)
{
	g_autoptr(GBytes) key = cblue_redaction_random_key();
	g_autofree gchar *hex = NULL;
	g_autofree gchar *tmp = g_strdup_printf("%s.XXXXXX", path);
	gsize len = 0;
	const guint8 *raw = g_bytes_get_data(key, &len);
	GString *str = g_string_sized_new(len * 2 + 1);
	gssize written = 0;
	gint fd;

	for (gsize i = 0; i < len; i++)
		g_string_append_printf(str, "%02x", raw[i]);
	g_string_append_c(str, '\n');
	hex = g_string_free(str, FALSE);

	fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0600);
	if (fd < 0) {
		gint errsv = errno;
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_PERMISSION_DENIED, _("cannot create the hash key %s: %s"),
			    path, g_strerror(errsv));
		return FALSE;
	}
	while ((gsize)written < strlen(hex)) {
		gssize n = write(fd, hex + written, strlen(hex) - (gsize)written);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			gint errsv = errno;
			close(fd);
			g_unlink(tmp);
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_PERMISSION_DENIED,
				    _("cannot write the hash key %s: %s"), path, g_strerror(errsv));
			return FALSE;
		}
		written += n;
	}
	fsync(fd);
	close(fd);
	/* link() fails if the file exists: when two processes start at once, exactly one
	 * key wins and both use it */
	if (link(tmp, path) != 0) {
		gint errsv = errno;
		g_unlink(tmp);
		if (errsv == EEXIST)
			return TRUE;
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_PERMISSION_DENIED, _("cannot create the hash key %s: %s"),
			    path, g_strerror(errsv));
		return FALSE;
	}
	g_unlink(tmp);
	return TRUE;
}

static GBytes *
cblue_redaction_key_from_string(const gchar *text, const gchar *origin, GError **error)
{
	g_autofree gchar *stripped = g_strstrip(g_strdup(text));
	gsize len = strlen(stripped);
	if (len < CBLUE_REDACTION_KEY_MIN_LEN) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("%s: the hash key must have at least %d characters"), origin,
			    CBLUE_REDACTION_KEY_MIN_LEN);
		return NULL;
	}
	return g_bytes_new_take(g_steal_pointer(&stripped), len);
}

static GBytes *
cblue_redaction_key_load(CblueConfig *config, GError **error)
{
	g_autofree gchar *key = cblue_config_get_string(config, "redact", "hash_key");
	g_autofree gchar *path = cblue_config_get_string(config, "redact", "hash_key_file");
	g_autofree gchar *contents = NULL;
	g_autoptr(GError) error_local = NULL;
	GStatBuf st;

	if (key != NULL)
		return cblue_redaction_key_from_string(key, "[redact] hash_key", error);
	if (path == NULL) {
		g_autofree gchar *data_dir = cblue_config_get_data_dir(config);
		if (g_mkdir_with_parents(data_dir, 0700) != 0) {
			gint errsv = errno;
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_PERMISSION_DENIED, "%s: %s", data_dir,
				    g_strerror(errsv));
			return NULL;
		}
		path = g_build_filename(data_dir, CBLUE_REDACTION_KEY_FILE, NULL);
		if (!g_file_test(path, G_FILE_TEST_EXISTS) && !cblue_redaction_key_generate(path, error))
			return NULL;
	}
	if (!g_file_get_contents(path, &contents, NULL, &error_local)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND, _("cannot read the hash key: %s"),
			    error_local->message);
		return NULL;
	}
	if (g_stat(path, &st) == 0 && (st.st_mode & 0077) != 0)
		g_warning("the redaction hash key %s is readable by other users; make it mode 0600", path);
	return cblue_redaction_key_from_string(contents, path, error);
}

static gboolean
cblue_redaction_policy_set_mode_from_string(CblueRedactionPolicy *self, const gchar *label, const gchar *value,
					    const gchar *origin, GError **error)
{
	CblueRedactionMode mode;
	if (!cblue_redaction_mode_from_string(value, &mode)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("%s: unknown redaction mode “%s”: use placeholder, mask, hash or drop"), origin, value);
		return FALSE;
	}
	if (label == NULL) {
		self->default_mode = mode;
		return TRUE;
	}
	if (!cblue_redaction_label_is_valid(label)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("%s: “%s” is not a type name (upper-case letters, digits and _)"), origin, label);
		return FALSE;
	}
	cblue_redaction_policy_set_mode(self, label, mode);
	return TRUE;
}

static gboolean
cblue_redaction_policy_uses_hash(CblueRedactionPolicy *self)
{
	GHashTableIter iter;
	gpointer value;
	if (self->default_mode == CBLUE_REDACTION_MODE_HASH)
		return TRUE;
	g_hash_table_iter_init(&iter, self->modes);
	while (g_hash_table_iter_next(&iter, NULL, &value)) {
		if (GPOINTER_TO_INT(value) == CBLUE_REDACTION_MODE_HASH)
			return TRUE;
	}
	return FALSE;
}

/**
 * cblue_redaction_policy_new_from_config:
 * @config: the configuration
 * @error: return location for a #GError
 *
 * Creates the policy that the `[redact]` group describes (see [class@RedactionPolicy]).
 * When a type uses the hash mode, the key is read, or generated into the data
 * directory.
 *
 * Returns: (transfer full): a new #CblueRedactionPolicy, or %NULL if the configuration
 *   is invalid or the key cannot be read
 *
 * Since: 1.0
 */
CblueRedactionPolicy *
cblue_redaction_policy_new_from_config(CblueConfig *config, GError **error)
{
	g_autoptr(CblueRedactionPolicy) self = cblue_redaction_policy_new();
	g_autofree gchar *mode = NULL;
	g_auto(GStrv) keys = NULL;
	g_auto(GStrv) env = g_get_environ();
	const gchar *env_prefix = "CBLUE_REDACT_MODE_";

	g_return_val_if_fail(CBLUE_IS_CONFIG(config), NULL);

	mode = cblue_config_get_string(config, "redact", "mode");
	if (mode != NULL && !cblue_redaction_policy_set_mode_from_string(self, NULL, mode, "[redact] mode", error))
		return NULL;
	keys = cblue_config_get_keys(config, "redact");
	for (guint i = 0; keys != NULL && keys[i] != NULL; i++) {
		g_autofree gchar *value = NULL;
		g_autofree gchar *origin = NULL;
		if (!g_str_has_prefix(keys[i], "mode."))
			continue;
		value = cblue_config_get_string(config, "redact", keys[i]);
		origin = g_strdup_printf("[redact] %s", keys[i]);
		if (!cblue_redaction_policy_set_mode_from_string(self, keys[i] + strlen("mode."), value, origin,
								 error))
			return NULL;
	}
	/* the environment wins, as for every key */
	for (guint i = 0; env[i] != NULL; i++) {
		g_auto(GStrv) kv = NULL;
		if (!g_str_has_prefix(env[i], env_prefix))
			continue;
		kv = g_strsplit(env[i] + strlen(env_prefix), "=", 2);
		if (kv[0] == NULL || kv[1] == NULL)
			continue;
		if (!cblue_redaction_policy_set_mode_from_string(self, kv[0], kv[1], env_prefix, error))
			return NULL;
	}
	if (cblue_redaction_policy_uses_hash(self)) {
		g_autoptr(GBytes) key = cblue_redaction_key_load(config, error);
		if (key == NULL)
			return NULL;
		cblue_redaction_policy_set_hash_key(self, key);
	}
	return g_steal_pointer(&self);
}

/**
 * cblue_redaction_policy_get_default_mode:
 * @self: a #CblueRedactionPolicy
 *
 * Returns: the mode of the types without a mode of their own
 *
 * Since: 1.0
 */
CblueRedactionMode
cblue_redaction_policy_get_default_mode(CblueRedactionPolicy *self)
{
	g_return_val_if_fail(CBLUE_IS_REDACTION_POLICY(self), CBLUE_REDACTION_MODE_PLACEHOLDER);
	return self->default_mode;
}

/**
 * cblue_redaction_policy_set_default_mode:
 * @self: a #CblueRedactionPolicy
 * @mode: the mode
 *
 * Sets the mode of the types without a mode of their own.
 *
 * Since: 1.0
 */
void
cblue_redaction_policy_set_default_mode(CblueRedactionPolicy *self, CblueRedactionMode mode)
{
	g_return_if_fail(CBLUE_IS_REDACTION_POLICY(self));
	self->default_mode = mode;
}

/**
 * cblue_redaction_policy_get_mode:
 * @self: a #CblueRedactionPolicy
 * @label: a type, e.g. `PHONE`
 *
 * Returns: the mode used for @label
 *
 * Since: 1.0
 */
CblueRedactionMode
cblue_redaction_policy_get_mode(CblueRedactionPolicy *self, const gchar *label)
{
	gpointer value;
	g_return_val_if_fail(CBLUE_IS_REDACTION_POLICY(self), CBLUE_REDACTION_MODE_PLACEHOLDER);
	g_return_val_if_fail(label != NULL, CBLUE_REDACTION_MODE_PLACEHOLDER);
	if (g_hash_table_lookup_extended(self->modes, label, NULL, &value))
		return (CblueRedactionMode)GPOINTER_TO_INT(value);
	return self->default_mode;
}

/**
 * cblue_redaction_policy_set_mode:
 * @self: a #CblueRedactionPolicy
 * @label: a type, e.g. `PHONE`
 * @mode: the mode
 *
 * Sets the mode of one type.
 *
 * Since: 1.0
 */
void
cblue_redaction_policy_set_mode(CblueRedactionPolicy *self, const gchar *label, CblueRedactionMode mode)
{
	g_return_if_fail(CBLUE_IS_REDACTION_POLICY(self));
	g_return_if_fail(label != NULL);
	g_hash_table_insert(self->modes, g_strdup(label), GINT_TO_POINTER(mode));
}

/**
 * cblue_redaction_policy_set_hash_key:
 * @self: a #CblueRedactionPolicy
 * @key: the HMAC key; keep it secret
 *
 * Sets the key of the hash mode.
 *
 * Since: 1.0
 */
void
cblue_redaction_policy_set_hash_key(CblueRedactionPolicy *self, GBytes *key)
{
	g_return_if_fail(CBLUE_IS_REDACTION_POLICY(self));
	g_return_if_fail(key != NULL && g_bytes_get_size(key) > 0);
	g_bytes_unref(self->hash_key);
	self->hash_key = g_bytes_ref(key);
}

/* full-width forms, Thai and other decimal digits and ideographic full stops as ASCII */
static gunichar
cblue_redaction_fold_char(gunichar ch)
{
	gint digit = g_unichar_digit_value(ch);
	if (digit >= 0)
		return '0' + digit;
	if (ch >= 0xFF01 && ch <= 0xFF5E)
		return ch - 0xFEE0;
	if (ch == 0x3002)
		return '.';
	return ch;
}

/* the value as hashed: letters and digits only (plus @ for addresses), case-folded, so
 * that 081-234-5678, 0812345678 and +66 81 234 5678 are one number */
static gchar *
cblue_redaction_canonical(const gchar *label, const gchar *value, gsize length)
{
	GString *out = g_string_sized_new(length);
	const gchar *end = value + length;

	for (const gchar *p = value; p < end; p = g_utf8_next_char(p)) {
		gunichar ch = cblue_redaction_fold_char(g_utf8_get_char(p));
		if (ch == '@' || g_unichar_isalnum(ch))
			g_string_append_unichar(out, g_unichar_tolower(ch));
	}
	if (g_strcmp0(label, "PHONE") == 0) {
		if (g_str_has_prefix(out->str, "00"))
			g_string_erase(out, 0, 2);
		if (out->len == 11 && g_str_has_prefix(out->str, "66"))
			g_string_overwrite_len(g_string_erase(out, 0, 1), 0, "0", 1);
		else if (out->len == 13 && g_str_has_prefix(out->str, "86"))
			g_string_erase(out, 0, 2);
	}
	return g_string_free(out, FALSE);
}

static void
cblue_redaction_append_mask(GString *out, const gchar *value, gsize length)
{
	const gchar *end = value + length;
	guint n_alnum = 0, keep, seen = 0;

	for (const gchar *p = value; p < end; p = g_utf8_next_char(p)) {
		if (g_unichar_isalnum(g_utf8_get_char(p)))
			n_alnum++;
	}
	/* the last four, but never more than half of a short value */
	keep = MIN(4u, n_alnum / 2);
	for (const gchar *p = value; p < end; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);
		if (g_unichar_isalnum(ch) && seen++ < n_alnum - keep)
			g_string_append_c(out, '*');
		else
			g_string_append_len(out, p, g_utf8_next_char(p) - p);
	}
}

/**
 * cblue_redaction_policy_format:
 * @self: a #CblueRedactionPolicy
 * @label: the type of the value, e.g. `PHONE`
 * @value: the value, UTF-8
 * @length: the length of @value in bytes, or -1 if it is nul-terminated
 * @scope: (nullable): what hashes are stable within, usually the conversation id
 *
 * Formats what replaces @value under the mode of @label.
 *
 * Returns: (transfer full): the replacement, possibly empty
 *
 * Since: 1.0
 */
gchar *
cblue_redaction_policy_format(CblueRedactionPolicy *self, const gchar *label, const gchar *value, gssize length,
			      const gchar *scope)
{
	GString *out;
	gsize len;

	g_return_val_if_fail(CBLUE_IS_REDACTION_POLICY(self), NULL);
	g_return_val_if_fail(label != NULL, NULL);
	g_return_val_if_fail(value != NULL, NULL);

	len = length < 0 ? strlen(value) : (gsize)length;
	out = g_string_sized_new(len + 24);
	switch (cblue_redaction_policy_get_mode(self, label)) {
	case CBLUE_REDACTION_MODE_DROP:
		break;
	case CBLUE_REDACTION_MODE_MASK:
		cblue_redaction_append_mask(out, value, len);
		break;
	case CBLUE_REDACTION_MODE_HASH: {
		gsize key_len = 0;
		const guint8 *key = g_bytes_get_data(self->hash_key, &key_len);
		g_autoptr(GHmac) hmac = g_hmac_new(G_CHECKSUM_SHA256, key, key_len);
		g_autofree gchar *canonical = cblue_redaction_canonical(label, value, len);
		const gchar *digest;
		g_hmac_update(hmac, (const guchar *)(scope != NULL ? scope : ""), -1);
		g_hmac_update(hmac, (const guchar *)"\x1f", 1);
		g_hmac_update(hmac, (const guchar *)label, -1);
		g_hmac_update(hmac, (const guchar *)"\x1f", 1);
		g_hmac_update(hmac, (const guchar *)canonical, -1);
		digest = g_hmac_get_string(hmac);
		g_string_append_printf(out, "[%s:%.*s]", label, CBLUE_REDACTION_HASH_HEX_LEN, digest);
		break;
	}
	case CBLUE_REDACTION_MODE_PLACEHOLDER:
	default:
		g_string_append_printf(out, "[%s]", label);
		break;
	}
	return g_string_free(out, FALSE);
}
