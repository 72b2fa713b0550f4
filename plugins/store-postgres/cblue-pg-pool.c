/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-pg-pool.h"

/*
 * Up to `size` connections, opened when first needed and kept while they work. A caller
 * takes one, runs its operation on it (a statement, or a transaction) and gives it back;
 * when all are taken it waits, for a while, for one to come back. After a server restart
 * the idle connections are dead without knowing it: the first operation to fail that way
 * closes every idle connection and runs once more on a new one. An operation is one
 * transaction (or one read), so running it again after a failure is safe.
 */

/* how long a caller waits for a free connection before it is told the store is busy */
#define CBLUE_PG_POOL_WAIT_USEC (10 * G_USEC_PER_SEC)

struct _CbluePgPool {
	gchar *url; /* owned */
	guint size;
	guint connect_timeout_s;
	GMutex mutex;
	GCond cond;
	GQueue idle;	/* under mutex, of owned PGconn */
	guint n_open; /* under mutex: idle and taken */
};

CbluePgPool *
cblue_pg_pool_new(const gchar *url, guint size, guint connect_timeout_s)
{
	CbluePgPool *self = g_new0(CbluePgPool, 1);

	self->url = g_strdup(url);
	self->size = MAX(size, 1);
	self->connect_timeout_s = connect_timeout_s;
	g_mutex_init(&self->mutex);
	g_cond_init(&self->cond);
	g_queue_init(&self->idle);
	return self;
}

/* every connection must have been given back */
void
cblue_pg_pool_free(CbluePgPool *self)
{
	g_queue_clear_full(&self->idle, (GDestroyNotify)PQfinish);
	g_mutex_clear(&self->mutex);
	g_cond_clear(&self->cond);
	g_free(self->url);
	g_free(self);
}

static PGconn *
cblue_pg_pool_take(CbluePgPool *self, gboolean *reused, GError **error)
{
	gint64 deadline = g_get_monotonic_time() + CBLUE_PG_POOL_WAIT_USEC;
	PGconn *conn;

	g_mutex_lock(&self->mutex);
	while (g_queue_is_empty(&self->idle) && self->n_open >= self->size) {
		if (!g_cond_wait_until(&self->cond, &self->mutex, deadline)) {
			g_mutex_unlock(&self->mutex);
			g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_BUSY,
					    "every PostgreSQL connection of the pool is in use");
			return NULL;
		}
	}
	conn = g_queue_pop_head(&self->idle);
	if (conn != NULL) {
		g_mutex_unlock(&self->mutex);
		*reused = TRUE;
		return conn;
	}
	self->n_open++;
	g_mutex_unlock(&self->mutex);

	/* connect outside the lock: the others keep using theirs meanwhile */
	*reused = FALSE;
	conn = cblue_pg_connect(self->url, self->connect_timeout_s, error);
	if (conn == NULL) {
		g_mutex_lock(&self->mutex);
		self->n_open--;
		g_cond_signal(&self->cond);
		g_mutex_unlock(&self->mutex);
	}
	return conn;
}

static void
cblue_pg_pool_give_back(CbluePgPool *self, PGconn *conn)
{
	gboolean broken = PQstatus(conn) != CONNECTION_OK || PQtransactionStatus(conn) != PQTRANS_IDLE;

	if (broken)
		PQfinish(conn);
	g_mutex_lock(&self->mutex);
	if (broken)
		self->n_open--;
	else
		g_queue_push_head(&self->idle, conn);
	g_cond_signal(&self->cond);
	g_mutex_unlock(&self->mutex);
}

/* closes the idle connections: after one was found dead, the others are too */
static void
cblue_pg_pool_drop_idle(CbluePgPool *self)
{
	GQueue idle = G_QUEUE_INIT;

	g_mutex_lock(&self->mutex);
	idle = self->idle;
	g_queue_init(&self->idle);
	self->n_open -= idle.length;
	g_cond_broadcast(&self->cond);
	g_mutex_unlock(&self->mutex);
	g_queue_clear_full(&idle, (GDestroyNotify)PQfinish);
}

/* runs @func on a connection of the pool; see the comment at the top */
gboolean
cblue_pg_pool_run(CbluePgPool *self, CbluePgPoolFunc func, gpointer user_data, GError **error)
{
	for (guint attempt = 0;; attempt++) {
		g_autoptr(GError) error_local = NULL;
		gboolean reused = FALSE;
		PGconn *conn = cblue_pg_pool_take(self, &reused, error);
		gboolean ok;

		if (conn == NULL)
			return FALSE;
		ok = func(conn, user_data, &error_local);
		if (!ok)
			cblue_pg_rollback(conn);
		cblue_pg_pool_give_back(self, conn);
		if (ok)
			return TRUE;
		if (attempt == 0 && reused && g_error_matches(error_local, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE)) {
			g_debug("a pooled connection was lost (%s); trying a new one", error_local->message);
			cblue_pg_pool_drop_idle(self);
			continue;
		}
		g_propagate_error(error, g_steal_pointer(&error_local));
		return FALSE;
	}
}

/* one statement on a connection of the pool */

typedef struct {
	const gchar *sql;
	gint n_values;
	const gchar *const *values;
	PGresult *res; /* owned, out */
} CbluePgPoolQuery;

static gboolean
cblue_pg_pool_query_op(PGconn *conn, gpointer user_data, GError **error)
{
	CbluePgPoolQuery *query = user_data;
	g_clear_pointer(&query->res, PQclear);
	query->res = cblue_pg_exec(conn, query->sql, query->n_values, query->values, "query failed", error);
	return query->res != NULL;
}

/* runs one parameterized statement; its result */
PGresult *
cblue_pg_query(CbluePgPool *self, const gchar *sql, gint n_values, const gchar *const *values, GError **error)
{
	CbluePgPoolQuery query = {sql, n_values, values, NULL};
	if (!cblue_pg_pool_run(self, cblue_pg_pool_query_op, &query, error))
		return NULL;
	return query.res;
}

/* runs one parameterized statement that returns one JSON document */
JsonNode *
cblue_pg_query_json(CbluePgPool *self, const gchar *sql, gint n_values, const gchar *const *values, GError **error)
{
	g_autoptr(PGresult) res = cblue_pg_query(self, sql, n_values, values, error);
	if (res == NULL)
		return NULL;
	return cblue_pg_result_json(res, error);
}
