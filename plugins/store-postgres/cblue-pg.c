/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <time.h>

#include <glib/gi18n-lib.h>

#include "cblue-pg.h"
#include "cblue-store-postgres-resources.h"

#define CBLUE_PG_MIGRATIONS_PATH "/ai/cblue/store-postgres/sql/"

/* the key of the session-level advisory lock that serializes migrations between
 * processes: "cblue" in ASCII, so that it is recognizable in pg_locks */
#define CBLUE_PG_MIGRATION_LOCK "426870715749"

gboolean
cblue_pg_url_is_postgres(const gchar *url)
{
	return url != NULL && (g_str_has_prefix(url, "postgres://") || g_str_has_prefix(url, "postgresql://"));
}

/* checks the URL without connecting; the message never repeats the URL, which may hold
 * a password */
gboolean
cblue_pg_url_validate(const gchar *url, GError **error)
{
	PQconninfoOption *options;
	char *errmsg = NULL;

	if (!cblue_pg_url_is_postgres(url)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("[store] url must start with postgres:// or postgresql://"));
		return FALSE;
	}
	options = PQconninfoParse(url, &errmsg);
	if (options == NULL) {
		g_autofree gchar *msg = g_strstrip(g_strdup(errmsg != NULL ? errmsg : "out of memory"));
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("[store] url is invalid: %s"), msg);
		PQfreemem(errmsg);
		return FALSE;
	}
	PQconninfoFree(options);
	return TRUE;
}

/* the error code for a failed statement or connection, from its SQLSTATE */
static gint
cblue_pg_error_code(PGconn *conn, const PGresult *res)
{
	const gchar *state = res != NULL ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;

	if (conn == NULL || PQstatus(conn) != CONNECTION_OK || state == NULL)
		return CBLUE_ERROR_NOT_REACHABLE;
	/* connection exceptions, and the server shutting down or starting up */
	if (g_str_has_prefix(state, "08") || g_str_has_prefix(state, "57P"))
		return CBLUE_ERROR_NOT_REACHABLE;
	/* serialization failures, deadlocks, lock timeouts, out of resources: try again */
	if (g_str_has_prefix(state, "40") || g_str_has_prefix(state, "53") || g_strcmp0(state, "55P03") == 0 ||
	    g_strcmp0(state, "57014") == 0)
		return CBLUE_ERROR_BUSY;
	if (g_str_has_prefix(state, "22") || g_str_has_prefix(state, "23"))
		return CBLUE_ERROR_INVALID_DATA;
	if (g_str_has_prefix(state, "28"))
		return CBLUE_ERROR_AUTH_FAILED;
	if (g_strcmp0(state, "42501") == 0)
		return CBLUE_ERROR_PERMISSION_DENIED;
	if (g_strcmp0(state, "54000") == 0)
		return CBLUE_ERROR_TOO_LARGE;
	return CBLUE_ERROR_INTERNAL;
}

void
cblue_pg_set_error(GError **error, PGconn *conn, const PGresult *res, const gchar *what)
{
	const gchar *primary = res != NULL ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	g_autofree gchar *msg =
	    g_strstrip(g_strdup(primary != NULL ? primary : conn != NULL ? PQerrorMessage(conn) : "no connection"));

	g_set_error(error, CBLUE_ERROR, cblue_pg_error_code(conn, res), "%s: %s", what,
		    msg[0] != '\0' ? msg : "unknown error");
}

/* whether waiting (and reconnecting) may help */
gboolean
cblue_pg_error_is_transient(const GError *error)
{
	return g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE) ||
	       g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_BUSY);
}

/* server notices ("relation … already exists, skipping") are for debugging, not stderr */
static void
cblue_pg_notice(void *arg, const char *message)
{
	g_autofree gchar *msg = g_strstrip(g_strdup(message));
	g_debug("PostgreSQL: %s", msg);
}

PGconn *
cblue_pg_connect(const gchar *url, guint connect_timeout_s, GError **error)
{
	g_autofree gchar *timeout = g_strdup_printf("%u", MAX(connect_timeout_s, 2));
	/* defaults first: what the URL says is processed later and wins; keepalives notice a
	 * server that went away without closing the connection */
	const gchar *keywords[] = {"connect_timeout",	   "fallback_application_name", "keepalives_idle",
				   "keepalives_interval", "keepalives_count",		"dbname",
				   NULL};
	const gchar *values[] = {timeout, "cblue", "10", "5", "3", url, NULL};
	g_autoptr(PGconn) conn = PQconnectdbParams(keywords, values, 1);

	if (conn == NULL) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_BUSY, "cannot allocate a PostgreSQL connection");
		return NULL;
	}
	if (PQstatus(conn) != CONNECTION_OK) {
		g_autofree gchar *msg = g_strstrip(g_strdup(PQerrorMessage(conn)));
		/* a wrong password is not cured by waiting */
		gboolean auth = strstr(msg, "password") != NULL || strstr(msg, "authentication") != NULL;
		g_set_error(error, CBLUE_ERROR, auth ? CBLUE_ERROR_AUTH_FAILED : CBLUE_ERROR_NOT_REACHABLE,
			    _("Cannot connect to PostgreSQL: %s"), msg);
		return NULL;
	}
	PQsetNoticeProcessor(conn, cblue_pg_notice, NULL);
	/* the plugin writes UTC timestamps and reads them back as text */
	if (!cblue_pg_run(conn, "SET TIME ZONE 'UTC'", "cannot set the time zone", error))
		return NULL;
	return g_steal_pointer(&conn);
}

/* runs one statement, every value a text parameter (NULL is SQL NULL); returns the result
 * of a successful statement */
PGresult *
cblue_pg_exec(PGconn *conn, const gchar *sql, gint n_params, const gchar *const *values, const gchar *what,
	      GError **error)
{
	g_autoptr(PGresult) res = PQexecParams(conn, sql, n_params, NULL, values, NULL, NULL, 0);
	ExecStatusType status = res != NULL ? PQresultStatus(res) : PGRES_FATAL_ERROR;

	if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
		cblue_pg_set_error(error, conn, res, what);
		return NULL;
	}
	return g_steal_pointer(&res);
}

/* a constant statement without parameters or rows */
gboolean
cblue_pg_run(PGconn *conn, const gchar *sql, const gchar *what, GError **error)
{
	g_autoptr(PGresult) res = cblue_pg_exec(conn, sql, 0, NULL, what, error);
	return res != NULL;
}

gboolean
cblue_pg_begin(PGconn *conn, GError **error)
{
	return cblue_pg_run(conn, "BEGIN", "cannot start a transaction", error);
}

gboolean
cblue_pg_commit(PGconn *conn, GError **error)
{
	return cblue_pg_run(conn, "COMMIT", "cannot commit", error);
}

/* rolls back the open transaction, if any; the error that led here is the one reported */
void
cblue_pg_rollback(PGconn *conn)
{
	g_autoptr(GError) error = NULL;

	if (PQstatus(conn) != CONNECTION_OK || PQtransactionStatus(conn) == PQTRANS_IDLE)
		return;
	if (!cblue_pg_run(conn, "ROLLBACK", "cannot roll back", &error))
		g_debug("%s", error->message);
}

/* the JSON of the first column of the first row */
JsonNode *
cblue_pg_result_json(PGresult *res, GError **error)
{
	if (PQntuples(res) < 1 || PQnfields(res) < 1 || PQgetisnull(res, 0, 0)) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, "no result");
		return NULL;
	}
	return json_from_string(PQgetvalue(res, 0, 0), error);
}

GString *
cblue_pg_array_new(void)
{
	return g_string_new("{");
}

/* every element is quoted, so that no value (`NULL`, `{`, a comma, a quote) is read as
 * syntax; NULL is the SQL NULL */
void
cblue_pg_array_add(GString *array, const gchar *value)
{
	if (array->len > 1)
		g_string_append_c(array, ',');
	if (value == NULL) {
		g_string_append(array, "NULL");
		return;
	}
	g_string_append_c(array, '"');
	for (const gchar *p = value; *p != '\0'; p++) {
		if (*p == '"' || *p == '\\')
			g_string_append_c(array, '\\');
		g_string_append_c(array, *p);
	}
	g_string_append_c(array, '"');
}

gchar *
cblue_pg_array_free(GString *array)
{
	g_string_append_c(array, '}');
	return g_string_free(array, FALSE);
}

/* migrations */

static gint
cblue_pg_migration_cmp(gconstpointer a, gconstpointer b)
{
	return g_strcmp0(*(const gchar *const *)a, *(const gchar *const *)b);
}

static guint64
cblue_pg_migration_version(const gchar *name)
{
	gchar *end = NULL;
	guint64 version = g_ascii_strtoull(name, &end, 10);

	if (end == name || *end != '-' || !g_str_has_suffix(name, ".sql"))
		return 0;
	return version;
}

/* the migrations compiled into the plugin, `NNNN-name.sql`, in version order */
static GPtrArray *
cblue_pg_list_migrations(GError **error)
{
	g_autoptr(GError) error_local = NULL;
	g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
	GResource *resource = cblue_store_compiled_resource(cblue_store_postgres_sql_get_resource, CBLUE_PG_MIGRATIONS_PATH);
	g_auto(GStrv) children = g_resource_enumerate_children(resource,
							       CBLUE_PG_MIGRATIONS_PATH,
							       G_RESOURCE_LOOKUP_FLAGS_NONE, &error_local);

	if (children == NULL) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, "no migrations: %s", error_local->message);
		return NULL;
	}
	for (guint i = 0; children[i] != NULL; i++) {
		if (cblue_pg_migration_version(children[i]) == 0) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, "migration %s is not named NNNN-name.sql",
				    children[i]);
			return NULL;
		}
		g_ptr_array_add(names, g_strdup(children[i]));
	}
	/* fixed-width numbers: name order is version order */
	g_ptr_array_sort(names, cblue_pg_migration_cmp);
	for (guint i = 1; i < names->len; i++) {
		if (cblue_pg_migration_version(g_ptr_array_index(names, i - 1)) ==
		    cblue_pg_migration_version(g_ptr_array_index(names, i))) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, "migrations %s and %s have the same version",
				    (gchar *)g_ptr_array_index(names, i - 1), (gchar *)g_ptr_array_index(names, i));
			return NULL;
		}
	}
	if (names->len == 0) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, "no migrations");
		return NULL;
	}
	return g_steal_pointer(&names);
}

/* one migration and its schema_migrations row, in one transaction */
static gboolean
cblue_pg_migration_apply(PGconn *conn, const gchar *name, GError **error)
{
	g_autofree gchar *path = g_strconcat(CBLUE_PG_MIGRATIONS_PATH, name, NULL);
	g_autofree gchar *version = g_strdup_printf("%" G_GUINT64_FORMAT, cblue_pg_migration_version(name));
	g_autoptr(GBytes) bytes = NULL;
	g_autoptr(PGresult) script = NULL;
	g_autoptr(PGresult) row = NULL;
	g_autofree gchar *sql = NULL;
	const gchar *values[1] = {version};
	gsize len = 0;
	gconstpointer data;

	bytes = g_resource_lookup_data(cblue_store_compiled_resource(cblue_store_postgres_sql_get_resource,
								     CBLUE_PG_MIGRATIONS_PATH),
				       path, G_RESOURCE_LOOKUP_FLAGS_NONE,
				       NULL);
	if (bytes == NULL) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, "migration %s is missing", name);
		return FALSE;
	}
	data = g_bytes_get_data(bytes, &len);
	sql = g_strndup(data, len);
	if (!cblue_pg_begin(conn, error))
		return FALSE;
	/* the script is a trusted constant compiled into the plugin, with several statements
	 * and no parameters: the one place where PQexec() fits */
	script = PQexec(conn, sql);
	if (script == NULL || PQresultStatus(script) != PGRES_COMMAND_OK) {
		g_autofree gchar *what = g_strdup_printf("migration %s failed", name);
		cblue_pg_set_error(error, conn, script, what);
		cblue_pg_rollback(conn);
		return FALSE;
	}
	row = cblue_pg_exec(conn, "INSERT INTO schema_migrations (version, applied_at) VALUES ($1::bigint, now())", 1,
			    values, "cannot record the migration", error);
	if (row == NULL || !cblue_pg_commit(conn, error)) {
		cblue_pg_rollback(conn);
		return FALSE;
	}
	g_debug("applied migration %s", name);
	return TRUE;
}

static gboolean
cblue_pg_migrate_locked(PGconn *conn, guint *applied, GError **error)
{
	g_autoptr(GPtrArray) names = cblue_pg_list_migrations(error);
	g_autoptr(PGresult) res = NULL;
	g_autoptr(GHashTable) done = g_hash_table_new(g_int64_hash, g_int64_equal);
	g_autoptr(GArray) versions = g_array_new(FALSE, FALSE, sizeof(gint64));
	guint64 latest;
	gint64 current = 0;

	if (names == NULL)
		return FALSE;
	latest = cblue_pg_migration_version(g_ptr_array_index(names, names->len - 1));
	if (!cblue_pg_run(conn,
			  "CREATE TABLE IF NOT EXISTS schema_migrations ("
			  "version bigint PRIMARY KEY, applied_at timestamptz NOT NULL)",
			  "cannot create schema_migrations", error))
		return FALSE;
	res = cblue_pg_exec(conn, "SELECT version FROM schema_migrations", 0, NULL, "cannot read the schema version",
			    error);
	if (res == NULL)
		return FALSE;
	g_array_set_size(versions, (guint)PQntuples(res));
	for (gint i = 0; i < PQntuples(res); i++) {
		gint64 *v = &g_array_index(versions, gint64, i);
		*v = g_ascii_strtoll(PQgetvalue(res, i, 0), NULL, 10);
		current = MAX(current, *v);
		g_hash_table_add(done, v);
	}
	/* an older plugin must not write into a schema it does not know */
	if (current > (gint64)latest) {
		/* %u inside _(): xgettext cannot see through G_GINT64_FORMAT */
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED,
			    _("The database schema is at version %u, newer than this version of Cblue knows (%u); "
			      "upgrade Cblue or restore a backup"),
			    (guint)MIN(current, G_MAXUINT), (guint)latest);
		return FALSE;
	}
	for (guint i = 0; i < names->len; i++) {
		const gchar *name = g_ptr_array_index(names, i);
		gint64 version = (gint64)cblue_pg_migration_version(name);
		if (g_hash_table_contains(done, &version))
			continue;
		if (!cblue_pg_migration_apply(conn, name, error))
			return FALSE;
		(*applied)++;
	}
	return TRUE;
}

/*
 * Applies the migrations not applied yet, in order, each in its own transaction. A
 * session-level advisory lock makes two processes (two API processes starting together,
 * `cblue migrate` next to a running server) take turns: the second waits, then finds
 * nothing left to do. The lock goes with the session if the process dies.
 */
gboolean
cblue_pg_migrate(PGconn *conn, guint *applied, GError **error)
{
	gboolean ok;

	*applied = 0;
	if (!cblue_pg_run(conn, "SELECT pg_advisory_lock(" CBLUE_PG_MIGRATION_LOCK ")", "cannot lock the schema",
			  error))
		return FALSE;
	ok = cblue_pg_migrate_locked(conn, applied, error);
	if (PQstatus(conn) == CONNECTION_OK) {
		g_autoptr(GError) error_unlock = NULL;
		if (!cblue_pg_run(conn, "SELECT pg_advisory_unlock(" CBLUE_PG_MIGRATION_LOCK ")",
				  "cannot unlock the schema", &error_unlock))
			g_debug("%s", error_unlock->message);
	}
	return ok;
}
