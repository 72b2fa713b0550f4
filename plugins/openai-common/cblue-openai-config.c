/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cblue-openai-common.h"

/* the endpoint settings of openai-common; see cblue-openai-common.h for the keys */

#define CBLUE_OPENAI_DEFAULT_TEMPERATURE	 0.2
#define CBLUE_OPENAI_DEFAULT_MAX_TOKENS		 512
#define CBLUE_OPENAI_DEFAULT_TIMEOUT_S		 30.0
#define CBLUE_OPENAI_DEFAULT_CONNECT_TIMEOUT_S	 5.0
#define CBLUE_OPENAI_DEFAULT_FIRST_TOKEN_TIMEOUT_S 15.0
#define CBLUE_OPENAI_DEFAULT_MAX_RETRIES	 2
#define CBLUE_OPENAI_DEFAULT_RETRY_BASE_MS	 250

/* a key of @group, else of [model] for the connection keys another group shares */
static gchar *
cblue_openai_config_get_shared(CblueConfig *config, const gchar *group, const gchar *key)
{
	gchar *value = cblue_config_get_string(config, group, key);
	if (value != NULL && value[0] != '\0')
		return value;
	g_free(value);
	if (g_strcmp0(group, "model") == 0)
		return NULL;
	value = cblue_config_get_string(config, "model", key);
	if (value != NULL && value[0] != '\0')
		return value;
	g_free(value);
	return NULL;
}

gboolean
cblue_openai_config_is_configured(CblueConfig *config, const gchar *group)
{
	g_autofree gchar *url = NULL;
	g_return_val_if_fail(CBLUE_IS_CONFIG(config), FALSE);
	url = cblue_openai_config_get_shared(config, group, "url");
	return url != NULL;
}

gboolean
cblue_openai_config_validate_url(const gchar *url, GError **error)
{
	g_autoptr(GUri) uri = NULL;
	const gchar *scheme;

	if (url == NULL || url[0] == '\0') {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The provider URL is empty."));
		return FALSE;
	}
	uri = g_uri_parse(url, G_URI_FLAGS_NONE, NULL);
	if (uri == NULL) {
		/* the URL may hold a password: not echoed */
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("The provider URL is not a valid URL."));
		return FALSE;
	}
	scheme = g_uri_get_scheme(uri);
	if (g_ascii_strcasecmp(scheme, "http") != 0 && g_ascii_strcasecmp(scheme, "https") != 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("The provider URL must start with http:// or https://, not “%s:”."), scheme);
		return FALSE;
	}
	if (g_uri_get_host(uri) == NULL || g_uri_get_host(uri)[0] == '\0') {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The provider URL has no host."));
		return FALSE;
	}
	if (g_uri_get_query(uri) != NULL || g_uri_get_fragment(uri) != NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("The provider URL must not have a query or a fragment."));
		return FALSE;
	}
	return TRUE;
}

/* scheme://host[:port][/path] with no user-info, no trailing `/` nor `/v1` */
static gchar *
cblue_openai_config_normalize_url(const gchar *url)
{
	g_autoptr(GUri) uri = g_uri_parse(url, G_URI_FLAGS_NONE, NULL);
	g_autoptr(GUri) clean = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *scheme = NULL;

	path = g_strdup(g_uri_get_path(uri));
	while (g_str_has_suffix(path, "/"))
		path[strlen(path) - 1] = '\0';
	if (g_str_has_suffix(path, "/v1"))
		path[strlen(path) - 3] = '\0';
	scheme = g_ascii_strdown(g_uri_get_scheme(uri), -1);
	clean = g_uri_build(G_URI_FLAGS_NONE, scheme, NULL, g_uri_get_host(uri), g_uri_get_port(uri), path, NULL,
			    NULL);
	return g_uri_to_string(clean);
}

static gboolean
cblue_openai_host_needs_key(const gchar *base_url)
{
	g_autoptr(GUri) uri = g_uri_parse(base_url, G_URI_FLAGS_NONE, NULL);
	const gchar *host = uri != NULL ? g_uri_get_host(uri) : NULL;
	return host != NULL && (g_ascii_strcasecmp(host, "openai.com") == 0 || g_str_has_suffix(host, ".openai.com"));
}

/* the key from api_key, else the first line of api_key_file */
static gboolean
cblue_openai_config_load_key(CblueConfig *config, CblueOpenaiConfig *self, GError **error)
{
	g_autofree gchar *key = cblue_openai_config_get_shared(config, self->group, "api_key");
	g_autofree gchar *key_file = NULL;
	g_autofree gchar *contents = NULL;
	g_autoptr(GError) error_local = NULL;
	gchar *newline;

	if (key != NULL) {
		self->api_key = g_strstrip(g_steal_pointer(&key));
		return TRUE;
	}
	key_file = cblue_openai_config_get_shared(config, self->group, "api_key_file");
	if (key_file == NULL)
		return TRUE;
	if (!g_file_get_contents(key_file, &contents, NULL, &error_local)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("[%s] api_key_file: %s"), self->group,
			    error_local->message);
		return FALSE;
	}
	newline = strpbrk(contents, "\r\n");
	if (newline != NULL)
		*newline = '\0';
	g_strstrip(contents);
	if (contents[0] == '\0') {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("[%s] api_key_file: the file is empty"),
			    self->group);
		return FALSE;
	}
	self->api_key = g_steal_pointer(&contents);
	return TRUE;
}

/* a key in seconds (fractions allowed), as milliseconds within [min_s, max_s] */
static gboolean
cblue_openai_config_get_seconds(CblueConfig *config, const gchar *group, const gchar *key, gdouble default_s,
				guint *out_ms, GError **error)
{
	gdouble value = cblue_config_get_double(config, group, key, default_s);
	if (!(value > 0 && value <= 3600)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("[%s] %s must be a number of seconds between 0 and 3600."), group, key);
		return FALSE;
	}
	*out_ms = (guint)(value * 1000.0);
	if (*out_ms == 0)
		*out_ms = 1;
	return TRUE;
}

static gboolean
cblue_openai_config_load_numbers(CblueConfig *config, CblueOpenaiConfig *self, GError **error)
{
	const gchar *group = self->group;
	gint64 max_tokens = cblue_config_get_int(config, group, "max_tokens", CBLUE_OPENAI_DEFAULT_MAX_TOKENS);
	gint64 max_retries = cblue_config_get_int(config, group, "max_retries", CBLUE_OPENAI_DEFAULT_MAX_RETRIES);
	gint64 retry_base = cblue_config_get_int(config, group, "retry_base_ms", CBLUE_OPENAI_DEFAULT_RETRY_BASE_MS);

	self->temperature = cblue_config_get_double(config, group, "temperature", CBLUE_OPENAI_DEFAULT_TEMPERATURE);
	if (!(self->temperature >= 0 && self->temperature <= 2)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("[%s] temperature must be between 0 and 2."), group);
		return FALSE;
	}
	if (max_tokens < 1 || max_tokens > 32768) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("[%s] max_tokens must be between 1 and 32768."), group);
		return FALSE;
	}
	self->max_tokens = (guint)max_tokens;
	if (max_retries < 0 || max_retries > 10) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("[%s] max_retries must be between 0 and 10."), group);
		return FALSE;
	}
	self->max_retries = (guint)max_retries;
	self->retry_base_ms = (guint)CLAMP(retry_base, 1, 60000);
	self->direct_http = cblue_config_get_boolean(config, group, "direct_http", TRUE);
	if (!cblue_openai_config_get_seconds(config, group, "timeout", CBLUE_OPENAI_DEFAULT_TIMEOUT_S,
					     &self->timeout_ms, error) ||
	    !cblue_openai_config_get_seconds(config, group, "connect_timeout", CBLUE_OPENAI_DEFAULT_CONNECT_TIMEOUT_S,
					     &self->connect_timeout_ms, error) ||
	    !cblue_openai_config_get_seconds(config, group, "first_token_timeout",
					     CBLUE_OPENAI_DEFAULT_FIRST_TOKEN_TIMEOUT_S, &self->first_token_timeout_ms,
					     error))
		return FALSE;
	/* the parts never outlast the whole */
	self->connect_timeout_ms = MIN(self->connect_timeout_ms, self->timeout_ms);
	self->first_token_timeout_ms = MIN(self->first_token_timeout_ms, self->timeout_ms);
	return TRUE;
}

CblueOpenaiConfig *
cblue_openai_config_load(CblueConfig *config, const gchar *group, GError **error)
{
	g_autoptr(CblueOpenaiConfig) self = g_new0(CblueOpenaiConfig, 1);
	g_autofree gchar *url = NULL;
	g_autofree gchar *require = NULL;
	gboolean require_key;

	g_return_val_if_fail(CBLUE_IS_CONFIG(config), NULL);
	g_return_val_if_fail(group != NULL, NULL);

	self->group = g_strdup(group);
	url = cblue_openai_config_get_shared(config, group, "url");
	if (url == NULL) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND,
			    _("[%s] url is not set (or CBLUE_LLM_URL): no provider is configured."), group);
		return NULL;
	}
	if (!cblue_openai_config_validate_url(url, error)) {
		g_prefix_error(error, "[%s] url: ", group);
		return NULL;
	}
	self->base_url = cblue_openai_config_normalize_url(url);
	self->model = cblue_config_get_string(config, group, "model");
	if (self->model != NULL)
		g_strstrip(self->model);
	if (self->model == NULL || self->model[0] == '\0') {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("[%s] model is not set (or CBLUE_LLM_MODEL): name the provider's model."), group);
		return NULL;
	}
	if (!cblue_openai_config_load_key(config, self, error))
		return NULL;
	require = cblue_config_get_string(config, group, "require_api_key");
	require_key = require != NULL ? cblue_config_get_boolean(config, group, "require_api_key", FALSE)
				      : cblue_openai_host_needs_key(self->base_url);
	if (require_key && (self->api_key == NULL || self->api_key[0] == '\0')) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("[%s] api_key is not set (or CBLUE_LLM_API_KEY, or api_key_file): this provider "
			      "needs a key."),
			    group);
		return NULL;
	}
	if (self->api_key != NULL && strpbrk(self->api_key, "\r\n\t ") != NULL) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
			    _("[%s] api_key contains white space or a line break."), group);
		return NULL;
	}
	if (!cblue_openai_config_load_numbers(config, self, error))
		return NULL;
	return g_steal_pointer(&self);
}

CblueOpenaiConfig *
cblue_openai_config_copy(const CblueOpenaiConfig *self)
{
	CblueOpenaiConfig *copy = g_new0(CblueOpenaiConfig, 1);
	*copy = *self;
	copy->group = g_strdup(self->group);
	copy->base_url = g_strdup(self->base_url);
	copy->api_key = g_strdup(self->api_key);
	copy->model = g_strdup(self->model);
	return copy;
}

void
cblue_openai_config_free(CblueOpenaiConfig *self)
{
	if (self == NULL)
		return;
	g_free(self->group);
	g_free(self->base_url);
	if (self->api_key != NULL) {
		/* do not leave the secret in freed memory */
		memset(self->api_key, 0, strlen(self->api_key));
		g_free(self->api_key);
	}
	g_free(self->model);
	g_free(self);
}

gchar *
cblue_openai_config_build_url(const CblueOpenaiConfig *self, const gchar *path)
{
	g_return_val_if_fail(path != NULL && path[0] == '/', NULL);
	return g_strconcat(self->base_url, path, NULL);
}

gchar *
cblue_openai_config_describe(const CblueOpenaiConfig *self)
{
	/* base_url was rebuilt without user-info when loaded */
	return g_strdup_printf("%s (model %s)", self->base_url, self->model);
}
