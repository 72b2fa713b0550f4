/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cblue-config.h"
#include "cblue-error.h"

/**
 * CblueConfig:
 *
 * The configuration of a Cblue process: a [struct@GLib.KeyFile] (`/etc/cblue/cblue.conf` or
 * `--config`) where every key can be overridden from the environment.
 *
 * The environment variable for `[group] key` is `CBLUE_GROUP_KEY` (upper case, `-` and `.`
 * become `_`), e.g. `CBLUE_BOT_MAX_MESSAGE_LENGTH` for `[bot] max_message_length`. The
 * well-known short names of the design (`CBLUE_DATABASE_URL`, `CBLUE_REDIS_URL`,
 * `CBLUE_LLM_URL`, `CBLUE_LLM_API_KEY`, `CBLUE_LLM_MODEL`, `CBLUE_DATA_DIR`) are aliases.
 *
 * The object is immutable after loading, apart from [method@Config.set_string], and may
 * be read from several threads.
 *
 * Since: 1.0
 */
struct _CblueConfig {
	GObject parent_instance;
	GKeyFile *keyfile; /* owned */
	GHashTable *warned; /* owned: "group\nkey\nvalue" of invalid values already logged */
	GMutex mutex;
};

G_DEFINE_TYPE(CblueConfig, cblue_config, G_TYPE_OBJECT)

typedef struct {
	const gchar *env;
	const gchar *group;
	const gchar *key;
} CblueConfigAlias;

static const CblueConfigAlias config_aliases[] = {
    {"CBLUE_DATABASE_URL", "store", "url"},
    {"CBLUE_REDIS_URL", "queue", "url"},
    {"CBLUE_LLM_URL", "model", "url"},
    {"CBLUE_LLM_API_KEY", "model", "api_key"},
    {"CBLUE_LLM_MODEL", "model", "model"},
    {"CBLUE_DATA_DIR", "core", "data_dir"},
};

static void
cblue_config_finalize(GObject *object)
{
	CblueConfig *self = CBLUE_CONFIG(object);
	g_key_file_unref(self->keyfile);
	g_hash_table_unref(self->warned);
	g_mutex_clear(&self->mutex);
	G_OBJECT_CLASS(cblue_config_parent_class)->finalize(object);
}

static void
cblue_config_class_init(CblueConfigClass *klass)
{
	GObjectClass *object_class = G_OBJECT_CLASS(klass);
	object_class->finalize = cblue_config_finalize;
}

static void
cblue_config_init(CblueConfig *self)
{
	self->keyfile = g_key_file_new();
	self->warned = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	g_mutex_init(&self->mutex);
}

/**
 * cblue_config_new:
 *
 * Creates an empty configuration: every lookup falls back to the environment and then to
 * the caller's default.
 *
 * Returns: (transfer full): a new #CblueConfig
 *
 * Since: 1.0
 */
CblueConfig *
cblue_config_new(void)
{
	return g_object_new(CBLUE_TYPE_CONFIG, NULL);
}

/**
 * cblue_config_load_file:
 * @self: a #CblueConfig
 * @filename: (type filename): a key file
 * @error: return location for a #GError
 *
 * Loads a key file; keys already set are replaced.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_config_load_file(CblueConfig *self, const gchar *filename, GError **error)
{
	g_autofree gchar *data = NULL;
	g_return_val_if_fail(CBLUE_IS_CONFIG(self), FALSE);
	g_return_val_if_fail(filename != NULL, FALSE);

	if (!g_file_get_contents(filename, &data, NULL, error)) {
		cblue_error_convert(error);
		return FALSE;
	}
	if (!cblue_config_load_data(self, data, error)) {
		g_prefix_error(error, "%s: ", filename);
		return FALSE;
	}
	return TRUE;
}

/**
 * cblue_config_load_data:
 * @self: a #CblueConfig
 * @data: key-file text
 * @error: return location for a #GError
 *
 * Loads key-file text; keys already set are replaced.
 *
 * Returns: %TRUE for success
 *
 * Since: 1.0
 */
gboolean
cblue_config_load_data(CblueConfig *self, const gchar *data, GError **error)
{
	g_autoptr(GKeyFile) kf = g_key_file_new();
	g_auto(GStrv) groups = NULL;
	g_autoptr(GMutexLocker) locker = NULL;

	g_return_val_if_fail(CBLUE_IS_CONFIG(self), FALSE);
	g_return_val_if_fail(data != NULL, FALSE);

	if (!g_key_file_load_from_data(kf, data, -1, G_KEY_FILE_NONE, error)) {
		cblue_error_convert(error);
		return FALSE;
	}
	locker = g_mutex_locker_new(&self->mutex);
	groups = g_key_file_get_groups(kf, NULL);
	for (guint i = 0; groups[i] != NULL; i++) {
		g_auto(GStrv) keys = g_key_file_get_keys(kf, groups[i], NULL, NULL);
		for (guint j = 0; keys != NULL && keys[j] != NULL; j++) {
			g_autofree gchar *value = g_key_file_get_value(kf, groups[i], keys[j], NULL);
			g_key_file_set_value(self->keyfile, groups[i], keys[j], value);
		}
	}
	return TRUE;
}

static gchar *
cblue_config_env_name(const gchar *group, const gchar *key)
{
	g_autofree gchar *name = g_strdup_printf("CBLUE_%s_%s", group, key);
	for (gchar *p = name; *p != '\0'; p++) {
		if (*p == '-' || *p == '.' || *p == ' ')
			*p = '_';
		else
			*p = g_ascii_toupper(*p);
	}
	return g_steal_pointer(&name);
}

static const gchar *
cblue_config_lookup_env(const gchar *group, const gchar *key)
{
	g_autofree gchar *env_name = cblue_config_env_name(group, key);
	const gchar *value = g_getenv(env_name);
	if (value != NULL)
		return value;
	for (guint i = 0; i < G_N_ELEMENTS(config_aliases); i++) {
		if (g_strcmp0(config_aliases[i].group, group) == 0 &&
		    g_strcmp0(config_aliases[i].key, key) == 0)
			return g_getenv(config_aliases[i].env);
	}
	return NULL;
}

/**
 * cblue_config_get_string:
 * @self: a #CblueConfig
 * @group: the key-file group, e.g. `store`
 * @key: the key, e.g. `url`
 *
 * Looks up a value: the environment first, then the key file.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL if unset
 *
 * Since: 1.0
 */
gchar *
cblue_config_get_string(CblueConfig *self, const gchar *group, const gchar *key)
{
	const gchar *env_value;
	g_autoptr(GMutexLocker) locker = NULL;

	g_return_val_if_fail(CBLUE_IS_CONFIG(self), NULL);
	g_return_val_if_fail(group != NULL && key != NULL, NULL);

	env_value = cblue_config_lookup_env(group, key);
	if (env_value != NULL)
		return g_strdup(env_value);
	locker = g_mutex_locker_new(&self->mutex);
	return g_key_file_get_string(self->keyfile, group, key, NULL);
}

/* A value that is set but cannot be read as its type falls back to the default, which
 * an operator would never notice; say so in the log, once per key and value, since
 * some keys are read again for every publish or connection. */
static void
cblue_config_warn_invalid(CblueConfig *self, const gchar *group, const gchar *key, const gchar *value,
			  const gchar *expected)
{
	g_autofree gchar *id = g_strdup_printf("%s\n%s\n%s", group, key, value);
	gboolean first;

	g_mutex_lock(&self->mutex);
	first = g_hash_table_add(self->warned, g_steal_pointer(&id));
	g_mutex_unlock(&self->mutex);
	if (first)
		g_warning("[%s] %s: “%s” is not %s; using the default", group, key, value, expected);
}

/**
 * cblue_config_get_int:
 * @self: a #CblueConfig
 * @group: the key-file group
 * @key: the key
 * @default_value: returned when the key is unset or not an integer (logged once as a warning)
 *
 * Looks up an integer value.
 *
 * Returns: the value
 *
 * Since: 1.0
 */
gint64
cblue_config_get_int(CblueConfig *self, const gchar *group, const gchar *key, gint64 default_value)
{
	g_autofree gchar *str = cblue_config_get_string(self, group, key);
	gint64 value = 0;
	if (str == NULL)
		return default_value;
	if (!g_ascii_string_to_signed(g_strstrip(str), 10, G_MININT64, G_MAXINT64, &value, NULL)) {
		cblue_config_warn_invalid(self, group, key, str, "an integer");
		return default_value;
	}
	return value;
}

/**
 * cblue_config_get_double:
 * @self: a #CblueConfig
 * @group: the key-file group
 * @key: the key
 * @default_value: returned when the key is unset or not a finite number (logged once as a warning)
 *
 * Looks up a floating-point value (always with a `.` decimal point).
 *
 * Returns: the value
 *
 * Since: 1.0
 */
gdouble
cblue_config_get_double(CblueConfig *self, const gchar *group, const gchar *key, gdouble default_value)
{
	g_autofree gchar *str = cblue_config_get_string(self, group, key);
	gchar *end = NULL;
	gdouble value;
	if (str == NULL)
		return default_value;
	value = g_ascii_strtod(g_strstrip(str), &end);
	if (end == str || *end != '\0' || !isfinite(value)) {
		cblue_config_warn_invalid(self, group, key, str, "a finite number");
		return default_value;
	}
	return value;
}

/**
 * cblue_config_get_boolean:
 * @self: a #CblueConfig
 * @group: the key-file group
 * @key: the key
 * @default_value: returned when the key is unset or not a boolean (logged once as a warning)
 *
 * Looks up a boolean value (`true`/`false`, `yes`/`no`, `1`/`0`).
 *
 * Returns: the value
 *
 * Since: 1.0
 */
gboolean
cblue_config_get_boolean(CblueConfig *self, const gchar *group, const gchar *key, gboolean default_value)
{
	g_autofree gchar *str = cblue_config_get_string(self, group, key);
	if (str == NULL)
		return default_value;
	g_strstrip(str);
	if (g_ascii_strcasecmp(str, "true") == 0 || g_ascii_strcasecmp(str, "yes") == 0 ||
	    g_strcmp0(str, "1") == 0)
		return TRUE;
	if (g_ascii_strcasecmp(str, "false") == 0 || g_ascii_strcasecmp(str, "no") == 0 ||
	    g_strcmp0(str, "0") == 0)
		return FALSE;
	cblue_config_warn_invalid(self, group, key, str, "a boolean (true or false)");
	return default_value;
}

/**
 * cblue_config_get_strv:
 * @self: a #CblueConfig
 * @group: the key-file group
 * @key: the key
 *
 * Looks up a list value, separated by `;` or `,`, with empty items removed.
 *
 * Returns: (transfer full) (nullable): the values, or %NULL if unset
 *
 * Since: 1.0
 */
gchar **
cblue_config_get_strv(CblueConfig *self, const gchar *group, const gchar *key)
{
	g_autofree gchar *str = cblue_config_get_string(self, group, key);
	g_auto(GStrv) split = NULL;
	g_autoptr(GPtrArray) items = NULL;

	if (str == NULL)
		return NULL;
	split = g_strsplit_set(str, ";,", -1);
	items = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 0; split[i] != NULL; i++) {
		g_strstrip(split[i]);
		if (split[i][0] != '\0')
			g_ptr_array_add(items, g_strdup(split[i]));
	}
	g_ptr_array_add(items, NULL);
	return (gchar **)g_ptr_array_free(g_steal_pointer(&items), FALSE);
}

/**
 * cblue_config_get_value:
 * @self: a #CblueConfig
 * @group: the key-file group
 * @key: the key
 *
 * Looks up a value as written, without the key-file escapes (`\s`, `\n`…) being
 * interpreted, e.g. a regular expression: the environment first, then the key file.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL if unset
 *
 * Since: 1.0
 */
gchar *
cblue_config_get_value(CblueConfig *self, const gchar *group, const gchar *key)
{
	const gchar *env_value;
	g_autoptr(GMutexLocker) locker = NULL;

	g_return_val_if_fail(CBLUE_IS_CONFIG(self), NULL);
	g_return_val_if_fail(group != NULL && key != NULL, NULL);

	env_value = cblue_config_lookup_env(group, key);
	if (env_value != NULL)
		return g_strdup(env_value);
	locker = g_mutex_locker_new(&self->mutex);
	return g_key_file_get_value(self->keyfile, group, key, NULL);
}

/**
 * cblue_config_get_groups:
 * @self: a #CblueConfig
 *
 * Lists the groups of the loaded key files, e.g. to find every `[redact.rule NAME]`
 * group. Groups set only in the environment are not listed.
 *
 * Returns: (transfer full): the group names, in file order
 *
 * Since: 1.0
 */
gchar **
cblue_config_get_groups(CblueConfig *self)
{
	g_autoptr(GMutexLocker) locker = NULL;
	g_return_val_if_fail(CBLUE_IS_CONFIG(self), NULL);
	locker = g_mutex_locker_new(&self->mutex);
	return g_key_file_get_groups(self->keyfile, NULL);
}

/**
 * cblue_config_get_keys:
 * @self: a #CblueConfig
 * @group: the key-file group
 *
 * Lists the keys of a group of the loaded key files; read their values with
 * [method@Config.get_string], which applies the environment.
 *
 * Returns: (transfer full): the keys, in file order; empty if the group is absent
 *
 * Since: 1.0
 */
gchar **
cblue_config_get_keys(CblueConfig *self, const gchar *group)
{
	g_autoptr(GMutexLocker) locker = NULL;
	gchar **keys;
	g_return_val_if_fail(CBLUE_IS_CONFIG(self), NULL);
	g_return_val_if_fail(group != NULL, NULL);
	locker = g_mutex_locker_new(&self->mutex);
	keys = g_key_file_get_keys(self->keyfile, group, NULL, NULL);
	return keys != NULL ? keys : g_new0(gchar *, 1);
}

/**
 * cblue_config_set_string:
 * @self: a #CblueConfig
 * @group: the key-file group
 * @key: the key
 * @value: (nullable): the value, or %NULL to remove the key
 *
 * Sets a value in the key file; the environment still takes precedence.
 *
 * Since: 1.0
 */
void
cblue_config_set_string(CblueConfig *self, const gchar *group, const gchar *key, const gchar *value)
{
	g_autoptr(GMutexLocker) locker = NULL;
	g_return_if_fail(CBLUE_IS_CONFIG(self));
	locker = g_mutex_locker_new(&self->mutex);
	if (value == NULL)
		g_key_file_remove_key(self->keyfile, group, key, NULL);
	else
		g_key_file_set_string(self->keyfile, group, key, value);
}

/**
 * cblue_config_get_data_dir:
 * @self: a #CblueConfig
 *
 * Gets the data directory: `[core] data_dir`, or `$XDG_DATA_HOME/cblue` when unset.
 *
 * Returns: (transfer full) (type filename): a path
 *
 * Since: 1.0
 */
gchar *
cblue_config_get_data_dir(CblueConfig *self)
{
	gchar *dir = cblue_config_get_string(self, "core", "data_dir");
	if (dir != NULL && dir[0] != '\0')
		return dir;
	g_free(dir);
	return g_build_filename(g_get_user_data_dir(), "cblue", NULL);
}

/**
 * cblue_config_get_languages:
 * @self: a #CblueConfig
 *
 * Gets the enabled languages, `[core] languages`, by default `en`, `th` and `zh`.
 *
 * Returns: (transfer full): language codes
 *
 * Since: 1.0
 */
gchar **
cblue_config_get_languages(CblueConfig *self)
{
	gchar **langs = cblue_config_get_strv(self, "core", "languages");
	if (langs != NULL && langs[0] != NULL)
		return langs;
	g_strfreev(langs);
	return g_strsplit("en,th,zh", ",", -1);
}

/**
 * cblue_config_is_secret_key:
 * @key: a configuration key
 *
 * Tells whether a key holds a secret (API keys, passwords, URLs with credentials), whose
 * value must never be logged or shown.
 *
 * Returns: %TRUE if the value is secret
 *
 * Since: 1.0
 */
gboolean
cblue_config_is_secret_key(const gchar *key)
{
	g_return_val_if_fail(key != NULL, FALSE);
	return strstr(key, "key") != NULL || strstr(key, "password") != NULL ||
	       strstr(key, "secret") != NULL || strstr(key, "token") != NULL ||
	       g_strcmp0(key, "url") == 0;
}
