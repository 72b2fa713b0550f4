/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

/*
 * openai-common: what every plugin that talks to an OpenAI-compatible endpoint
 * (OpenAI, Ollama, vLLM, llama.cpp server, LocalAI, …) shares. A static library, linked
 * into model-openai and retrieval-embedding; it is not part of libcblue's public API
 * (no GI, no exported symbols) but its API is kept stable for the plugins that link it.
 *
 * Two pieces:
 *
 * - CblueOpenaiConfig: the endpoint's settings, read from one key-file group of
 *   CblueConfig (with the environment applied by CblueConfig), validated once at setup.
 * - CblueOpenaiClient: an HTTP client for that endpoint: a small fixed pool of keep-alive
 *   SoupSessions (created with the client; since libsoup 3.2 messages may be sent from
 *   any thread that has a thread-default GMainContext, and Cblue's server answers on
 *   several listener threads: the I/O and the callbacks happen on the sending thread's
 *   context; several sessions because libsoup 3.2 searches a session's whole message
 *   queue on each I/O step, which a thousand concurrent streams make quadratic), TLS
 *   verification on, proxy from the environment, the bearer key on every request, and
 *   POST with retries.
 *
 * Configuration keys (group `[model]` for chat models; another group, e.g. `[embedding]`,
 * takes `url`, `api_key` and `api_key_file` from `[model]` when it does not set them):
 *
 *   url                 base URL, `http://` or `https://` only, e.g. `http://127.0.0.1:11434`
 *                       or `https://api.openai.com`; a trailing `/v1` or `/` is accepted
 *                       and dropped (paths are given as `/v1/…`). Env: CBLUE_LLM_URL.
 *   api_key             the bearer key (secret: never logged, never in an error). Env:
 *                       CBLUE_LLM_API_KEY.
 *   api_key_file        a file whose first line is the key (for systemd credentials or
 *                       Kubernetes secrets); used when api_key is not set.
 *   require_api_key     true to refuse to start without a key; default: true when the host
 *                       is api.openai.com (or a subdomain of openai.com), false otherwise
 *                       (a local Ollama needs none).
 *   model               the model name, e.g. `gpt-4o-mini`, `qwen2.5:7b`. Env: CBLUE_LLM_MODEL.
 *                       Required.
 *   temperature         0 … 2, default 0.2
 *   max_tokens          1 … 32768, default 512
 *   timeout             whole request, seconds, default 30
 *   connect_timeout     TCP/TLS connect, seconds, default 5
 *   first_token_timeout until the response headers (and, streaming, the first token),
 *                       seconds, default 15
 *   max_retries         extra attempts on 429, 5xx and connection failures, default 2
 *   retry_base_ms       first back-off, doubled each attempt, with full jitter; default 250
 *   direct_http         true (default) to talk to a plain http:// endpoint reached without a
 *                       proxy through Cblue's own HTTP/1.1 client (cblue-http-direct.h), which
 *                       reads a streamed answer straight from the socket; false for libsoup
 *                       (always used for https:// and proxies)
 *
 * Errors are CBLUE_ERROR: INVALID_DATA for bad settings (the message names the key and
 * the group but never contains the key's value), AUTH_FAILED (401/403), NOT_FOUND (404:
 * usually an unknown model), BUSY (429 after the retries), TIMED_OUT, NOT_REACHABLE
 * (connection failures and 5xx after the retries), INVALID_DATA (a reply that is not JSON).
 * Cancellation is G_IO_ERROR_CANCELLED, unchanged, so callers can tell it apart.
 */

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "cblue.h"

G_BEGIN_DECLS

/**
 * CblueOpenaiConfig:
 * @group: the key-file group it was read from
 * @base_url: the base URL without a trailing `/` or `/v1`
 * @api_key: (nullable): the bearer key; secret
 * @model: the model name
 * @temperature: sampling temperature
 * @max_tokens: the most tokens to generate
 * @timeout_ms: the whole request
 * @connect_timeout_ms: connecting (TCP and TLS)
 * @first_token_timeout_ms: until the response headers, and for a stream the first token
 * @max_retries: extra attempts after a retryable failure
 * @retry_base_ms: the first back-off
 * @direct_http: plain http:// without a proxy goes through cblue-http-direct.h
 *
 * The settings of an OpenAI-compatible endpoint. Plain data: read it, do not change it
 * once a client uses it.
 */
typedef struct {
	gchar *group;
	gchar *base_url;
	gchar *api_key;
	gchar *model;
	gdouble temperature;
	guint max_tokens;
	guint timeout_ms;
	guint connect_timeout_ms;
	guint first_token_timeout_ms;
	guint max_retries;
	guint retry_base_ms;
	gboolean direct_http;
} CblueOpenaiConfig;

/* Reads and validates @group of @config (see above). Returns NULL with a CBLUE_ERROR
 * (INVALID_DATA; NOT_FOUND if the group has no `url` at all, i.e. the endpoint is simply
 * not configured) whose message is safe to log. */
CblueOpenaiConfig *cblue_openai_config_load(CblueConfig *config, const gchar *group, GError **error);
/* TRUE if @group (or [model] for another group) sets a url: whether to try at all */
gboolean cblue_openai_config_is_configured(CblueConfig *config, const gchar *group);
/* http(s) only, with a host; the message never echoes the URL's user-info (it may hold a
 * password) */
gboolean cblue_openai_config_validate_url(const gchar *url, GError **error);
CblueOpenaiConfig *cblue_openai_config_copy(const CblueOpenaiConfig *self);
void cblue_openai_config_free(CblueOpenaiConfig *self);
/* @path starts with `/`, e.g. `/v1/chat/completions`; returns the full URL */
gchar *cblue_openai_config_build_url(const CblueOpenaiConfig *self, const gchar *path);
/* the URL with any user-info removed, for log lines */
gchar *cblue_openai_config_describe(const CblueOpenaiConfig *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueOpenaiConfig, cblue_openai_config_free)

#define CBLUE_TYPE_OPENAI_CLIENT (cblue_openai_client_get_type())
G_DECLARE_FINAL_TYPE(CblueOpenaiClient, cblue_openai_client, CBLUE, OPENAI_CLIENT, GObject)

/* the client copies @config; create it on the thread that configures it (a plugin's
 * setup); then send from any thread with a thread-default GMainContext, the callbacks
 * run on that context */
CblueOpenaiClient *cblue_openai_client_new(const CblueOpenaiConfig *config) G_GNUC_WARN_UNUSED_RESULT;
const CblueOpenaiConfig *cblue_openai_client_get_config(CblueOpenaiClient *self);
/* the keep-alive session for the next request, taken in turn from the pool (TLS
 * verification on, proxy resolver from the environment, enough connections per host for
 * many concurrent streams); only its send methods may be called from other threads;
 * (transfer none) */
SoupSession *cblue_openai_client_get_session(CblueOpenaiClient *self);
/* TRUE if requests go through cblue-http-direct.h rather than libsoup (plain http://,
 * no proxy, direct_http on) */
gboolean cblue_openai_client_is_direct(CblueOpenaiClient *self);

/* Sends @body (serialized JSON text, ref taken) to @path and returns the response body as a stream once a 2xx status
 * arrived (used for server-sent events). Retries, with exponential back-off and full
 * jitter, on connection failures, 429 and 5xx, honouring Retry-After (seconds or an HTTP
 * date) when it fits within the total timeout; other statuses fail at once. The wait for
 * the response headers is bounded by first_token_timeout_ms, and the whole call
 * (including retries) by timeout_ms. @cancellable cancels the HTTP request and any
 * back-off wait. The stream is read by the caller, who bounds the rest of the time. */
void cblue_openai_client_send_bytes_async(CblueOpenaiClient *self, const gchar *path, GBytes *body,
					  GCancellable *cancellable, GAsyncReadyCallback callback,
					  gpointer user_data);
/* Returns: (transfer full): the response body, or NULL with an error. @out_status: the
 * last HTTP status seen (0 if none); @out_attempts: how many requests were made */
GInputStream *cblue_openai_client_send_finish(CblueOpenaiClient *self, GAsyncResult *result, guint *out_status,
					      guint *out_attempts, GError **error);

/* The same, reading the whole body (bounded to 8 MiB) and parsing it as JSON. */
void cblue_openai_client_post_json_async(CblueOpenaiClient *self, const gchar *path, JsonNode *body,
					 GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data);
/* The same with @body already serialized (JSON text, ref taken). */
void cblue_openai_client_post_json_bytes_async(CblueOpenaiClient *self, const gchar *path, GBytes *body,
					       GCancellable *cancellable, GAsyncReadyCallback callback,
					       gpointer user_data);
/* Returns: (transfer full): the parsed reply (an object), or NULL with an error */
JsonNode *cblue_openai_client_post_json_finish(CblueOpenaiClient *self, GAsyncResult *result, guint *out_status,
					       guint *out_attempts, GError **error);

/* @node as compact JSON text, like json_to_string() but faster for long strings;
 * exported for tests. Returns: (transfer full) */
gchar *cblue_openai_json_serialize(JsonNode *node);

/* the back-off before attempt @attempt (1-based) given the base and an optional
 * Retry-After header value; exported for tests. Returns milliseconds. */
guint cblue_openai_retry_delay_ms(guint retry_base_ms, guint attempt, const gchar *retry_after);

G_END_DECLS
