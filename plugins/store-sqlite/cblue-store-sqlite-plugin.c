/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "cblue-store-sqlite-admin.h"
#include "cblue-store-sqlite-analytics.h"
#include "cblue-store-sqlite-db.h"
#include "cblue-store-sqlite-embeddings.h"
#include "cblue-store-sqlite-plugin.h"
#include "cblue-store-sqlite-resources.h"
#include "cblue-store-queue.h"

/*
 * store-sqlite: the store of the embedded topology, one SQLite file in the data directory.
 *
 * Two connections, so that the chat path never waits for the disk:
 *
 * - the *read* connection serves load_kb, import_kb, check and count, synchronously, from
 *   whichever thread calls them; a mutex keeps it to one thread at a time;
 * - the *writer* connection belongs to a thread of our own, which opens the file, applies
 *   the migrations, then takes conversation records from a queue and commits them in
 *   batches. record_exchange only copies a few strings and pushes them.
 *
 * WAL mode lets the two connections (and other processes, e.g. `cblue kb import` next to
 * a running server) read while one writes.
 */

#define CBLUE_STORE_SQLITE_MIGRATIONS_PATH "/ai/cblue/store-sqlite/sql/"

/* records per transaction: big enough that a burst costs a few fsyncs, small enough that
 * a transaction never holds the write lock for long */
#define CBLUE_STORE_SQLITE_BATCH_MAX 512
/* the longest a record waits for others to share its transaction */
#define CBLUE_STORE_SQLITE_GROUP_COMMIT_USEC (20 * G_TIME_SPAN_MILLISECOND)

/* records waiting for the writer before new ones are refused: bounds the memory used
 * while the database is unavailable (each record is well under 1 KiB plus its text) */
#define CBLUE_STORE_SQLITE_MAX_PENDING 100000

/* retry back-off for a busy or full database */
#define CBLUE_STORE_SQLITE_RETRY_MIN_USEC (10 * 1000)
#define CBLUE_STORE_SQLITE_RETRY_MAX_USEC (1000 * 1000)
/* attempts after which a still-failing batch is reported once, as a warning */
#define CBLUE_STORE_SQLITE_RETRY_WARN 20
/* attempts still made once a shutdown has been requested, so that a database locked for
 * good cannot hold the process forever */
#define CBLUE_STORE_SQLITE_STOP_ATTEMPTS 3

#define CBLUE_STORE_SQLITE_BUSY_TIMEOUT_MS 5000

/* migrations */

typedef struct {
	guint64 version;
	gchar *name; /* owned: the resource file name, e.g. 0001-init.sql */
} CblueStoreSqliteMigration;

static void
cblue_store_sqlite_migration_free(gpointer data)
{
	CblueStoreSqliteMigration *migration = data;
	g_free(migration->name);
	g_free(migration);
}

static gint
cblue_store_sqlite_migration_cmp(gconstpointer a, gconstpointer b)
{
	const CblueStoreSqliteMigration *ma = *(const CblueStoreSqliteMigration *const *)a;
	const CblueStoreSqliteMigration *mb = *(const CblueStoreSqliteMigration *const *)b;
	if (ma->version == mb->version)
		return 0;
	return ma->version < mb->version ? -1 : 1;
}

/* the migrations compiled into the plugin, `NNNN-name.sql`, in version order */
static GPtrArray *
cblue_store_sqlite_list_migrations(GError **error)
{
	g_autoptr(GError) error_local = NULL;
	g_autoptr(GPtrArray) migrations =
	    g_ptr_array_new_with_free_func(cblue_store_sqlite_migration_free);
	GResource *resource =
	    cblue_store_compiled_resource(cblue_store_sqlite_sql_get_resource, CBLUE_STORE_SQLITE_MIGRATIONS_PATH);
	g_auto(GStrv) names = g_resource_enumerate_children(resource, CBLUE_STORE_SQLITE_MIGRATIONS_PATH,
	    G_RESOURCE_LOOKUP_FLAGS_NONE, &error_local);

	if (names == NULL) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, "no migrations: %s",
			    error_local->message);
		return NULL;
	}
	for (guint i = 0; names[i] != NULL; i++) {
		CblueStoreSqliteMigration *migration;
		gchar *end = NULL;
		guint64 version = g_ascii_strtoull(names[i], &end, 10);

		if (end == names[i] || *end != '-' || version == 0 ||
		    !g_str_has_suffix(names[i], ".sql")) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL,
				    "migration %s is not named NNNN-name.sql", names[i]);
			return NULL;
		}
		migration = g_new0(CblueStoreSqliteMigration, 1);
		migration->version = version;
		migration->name = g_strdup(names[i]);
		g_ptr_array_add(migrations, migration);
	}
	g_ptr_array_sort(migrations, cblue_store_sqlite_migration_cmp);
	for (guint i = 1; i < migrations->len; i++) {
		CblueStoreSqliteMigration *prev = g_ptr_array_index(migrations, i - 1);
		CblueStoreSqliteMigration *cur = g_ptr_array_index(migrations, i);
		if (prev->version == cur->version) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL,
				    "migrations %s and %s have the same version", prev->name,
				    cur->name);
			return NULL;
		}
	}
	if (migrations->len == 0) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, "no migrations");
		return NULL;
	}
	return g_steal_pointer(&migrations);
}

static gboolean
cblue_store_sqlite_migration_is_applied(CblueSqliteDb *db, guint64 version, gboolean *applied,
					GError **error)
{
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_db_prepare(
	    db, "SELECT 1 FROM schema_migrations WHERE version = ?1", error);


	return stmt != NULL && cblue_sqlite_bind_int64(db, stmt, 1, (gint64)version, error) &&
	       cblue_sqlite_db_step_maybe(db, stmt, "cannot read the schema version", applied, error);
}

/* the body of one migration's transaction */
static gboolean
cblue_store_sqlite_migration_run(CblueSqliteDb *db, CblueStoreSqliteMigration *migration,
				 GError **error)
{
	g_autofree gchar *path =
	    g_strconcat(CBLUE_STORE_SQLITE_MIGRATIONS_PATH, migration->name, NULL);
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());
	g_autoptr(GBytes) bytes = NULL;
	g_autofree gchar *sql = NULL;
	gchar *errmsg = NULL;
	gboolean applied = FALSE;
	gconstpointer data;
	gsize len = 0;
	gint rc;

	/* checked again under the write lock: another process may have migrated meanwhile */
	if (!cblue_store_sqlite_migration_is_applied(db, migration->version, &applied, error))
		return FALSE;
	if (applied)
		return TRUE;
	bytes = g_resource_lookup_data(cblue_store_compiled_resource(cblue_store_sqlite_sql_get_resource,
								     CBLUE_STORE_SQLITE_MIGRATIONS_PATH),
				       path,
				       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
	if (bytes == NULL) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, "migration %s is missing",
			    migration->name);
		return FALSE;
	}
	/* the script is a trusted constant compiled into the plugin, with several
	 * statements and no parameters: the one place where sqlite3_exec() fits */
	data = g_bytes_get_data(bytes, &len);
	sql = g_strndup(data, len);
	rc = sqlite3_exec(db->db, sql, NULL, NULL, &errmsg);
	if (rc != SQLITE_OK) {
		g_set_error(error, CBLUE_ERROR, cblue_sqlite_error_code(rc),
			    "migration %s failed: %s", migration->name,
			    errmsg != NULL ? errmsg : sqlite3_errstr(rc));
		sqlite3_free(errmsg);
		return FALSE;
	}
	if (!cblue_sqlite_db_exec(db, "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)",
				  "cannot record the migration", error, "it", (gint64)migration->version, now))
		return FALSE;
	g_debug("applied migration %s", migration->name);
	return TRUE;
}

static gboolean
cblue_store_sqlite_migration_apply(CblueSqliteDb *db, CblueStoreSqliteMigration *migration,
				   GError **error)
{
	if (!cblue_sqlite_db_begin(db, error))
		return FALSE;
	return cblue_sqlite_db_end(db, cblue_store_sqlite_migration_run(db, migration, error), error);
}

static gboolean
cblue_store_sqlite_migrate(CblueSqliteDb *db, GError **error)
{
	g_autoptr(GPtrArray) migrations = cblue_store_sqlite_list_migrations(error);
	g_autoptr(CblueSqliteStmt) stmt = NULL;
	CblueStoreSqliteMigration *latest;
	gint64 current;

	if (migrations == NULL)
		return FALSE;
	latest = g_ptr_array_index(migrations, migrations->len - 1);
	if (!cblue_sqlite_db_run(db,
				 "CREATE TABLE IF NOT EXISTS schema_migrations ("
				 "version INTEGER PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL)",
				 "cannot create schema_migrations", error))
		return FALSE;

	stmt = cblue_sqlite_db_prepare(
	    db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", error);
	if (stmt == NULL ||
	    !cblue_sqlite_db_step_row(db, stmt, "cannot read the schema version", error))
		return FALSE;
	current = sqlite3_column_int64(stmt, 0);
	g_clear_pointer(&stmt, cblue_sqlite_stmt_release);
	/* an older plugin must not write into a schema it does not know */
	if (current > (gint64)latest->version) {
		/* %u inside _(): xgettext cannot see through G_GINT64_FORMAT */
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_NOT_SUPPORTED,
			    _("The database schema is at version %u, newer than this version of "
			      "Cblue knows (%u); upgrade Cblue or restore a backup"),
			    (guint)MIN(current, G_MAXUINT), (guint)latest->version);
		return FALSE;
	}
	for (guint i = 0; i < migrations->len; i++) {
		CblueStoreSqliteMigration *migration = g_ptr_array_index(migrations, i);
		gboolean applied = FALSE;

		/* a cheap check without the write lock, so that a normal start (nothing to do)
		 * does not wait for, nor block, another writer */
		if (!cblue_store_sqlite_migration_is_applied(db, migration->version, &applied,
							     error))
			return FALSE;
		if (applied)
			continue;
		if (!cblue_store_sqlite_migration_apply(db, migration, error))
			return FALSE;
	}
	return TRUE;
}

/*
 * State shared by the store and its writer thread. The store owns it and frees it only
 * after joining the thread, so the thread may use it without a reference; the thread never
 * holds a reference to the store object itself, so that the store can be finalized (and
 * join the thread) whatever the thread is doing.
 */
typedef struct {
	gchar *path; /* owned */
	gint busy_timeout_ms;
	CblueStoreQueue *queue; /* owned: records, flush and stop markers */
	/* used by the thread only (or after it was joined) */
	GTask *open_task;  /* owned, nullable: handed back once the database is open */
	CblueSqliteDb *db; /* owned, nullable */
} CblueStoreSqliteWriter;

static void
cblue_store_sqlite_writer_free(CblueStoreSqliteWriter *writer)
{
	g_free(writer->path);
	cblue_store_queue_free(writer->queue);
	g_clear_object(&writer->open_task);
	g_clear_pointer(&writer->db, cblue_sqlite_db_free);
	g_free(writer);
}

/*
 * Completing a GTask from the writer thread: the task (and, through it, the store and the
 * plugin) must be released in the task's own context, never in the writer thread: a last
 * reference dropped there would finalize the store, which joins the writer thread, from
 * the writer thread. @db is the read connection, for an open.
 */
static void
cblue_store_sqlite_complete(GTask *task, CblueSqliteDb *db, GError *error)
{
	cblue_store_complete(task, db, (GDestroyNotify)cblue_sqlite_db_free, error,
			     "[cblue-store-sqlite] completion");
}

/* a STOP marker: the task gets the losses since the last flush */
static void
cblue_store_sqlite_writer_answer_stop(gpointer item_data, gpointer writer_data)
{
	CblueStoreItem *item = item_data;
	CblueStoreSqliteWriter *writer = writer_data;
	GError *error = NULL;

	cblue_store_queue_take_losses(writer->queue, 0, &error);
	if (item->task != NULL)
		cblue_store_sqlite_complete(g_steal_pointer(&item->task), NULL, error);
	else
		g_clear_error(&error);
}

/* one record: the conversation, both messages, the analytics event and, when the bot did
 * not know, the unanswered question */
static gboolean
cblue_store_sqlite_writer_write_record(CblueStoreSqliteWriter *writer, CblueStoreItem *item,
				       GError **error)
{
	CblueSqliteDb *db = writer->db;
	g_autofree gchar *received = cblue_store_timestamp(item->received_usec);
	g_autofree gchar *replied = cblue_store_timestamp(item->replied_usec);
	const gchar *outcome = cblue_outcome_to_string(item->outcome);

	/* the user message first, with the types of personal data redacted from it (never the
	 * values), e.g. `EMAIL,PHONE`. A message recorded twice (a re-delivered job) is
	 * written once: when its row is there already, nothing else of the record is written
	 * (one insertion that may do nothing instead of a look-up and an insertion) */
	if (!cblue_sqlite_db_exec(db,
				  "INSERT INTO messages (id, conversation_id, role, text, language, pii_types, "
				  "created_at) VALUES (?1, ?2, 'user', ?3, ?4, ?5, ?6) ON CONFLICT (id) DO NOTHING",
				  "cannot write the message", error, "tttttt", item->message_id,
				  item->conversation_id, item->text, item->language, item->pii_types, received))
		return FALSE;
	if (sqlite3_changes(db->db) == 0) {
		g_debug("message %s is already recorded", item->message_id);
		return TRUE;
	}

	/* created with the first message; later ones bump the count (two rows per exchange)
	 * and follow the language the customer last wrote in */
	if (!cblue_sqlite_db_exec(db,
				  "INSERT INTO conversations "
				  "(id, channel, language, created_at, updated_at, message_count) "
				  "VALUES (?1, ?2, ?3, ?4, ?5, 2) "
				  "ON CONFLICT (id) DO UPDATE SET "
				  "updated_at = excluded.updated_at, "
				  "language = COALESCE(excluded.language, conversations.language), "
				  "message_count = conversations.message_count + 2",
				  "cannot write the conversation", error, "ttttt", item->conversation_id,
				  item->channel, item->language, received, replied))
		return FALSE;

	if (!cblue_sqlite_db_exec(db,
				  "INSERT INTO messages (id, conversation_id, role, text, language, topic_id, "
				  "outcome, confidence, duration_us, created_at) "
				  "VALUES (?1, ?2, 'bot', ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
				  "cannot write the reply", error, "ttttttdit", item->reply_id,
				  item->conversation_id, item->reply_text, item->reply_language, item->topic_id,
				  outcome, item->confidence, item->duration_usec, replied))
		return FALSE;

	if (!cblue_sqlite_db_exec(db,
				  "INSERT INTO analytics_events (type, conversation_id, message_id, language, "
				  "topic_id, outcome, duration_us, created_at) "
				  "VALUES ('message', ?1, ?2, ?3, ?4, ?5, ?6, ?7)",
				  "cannot write the analytics event", error, "tttttit", item->conversation_id,
				  item->message_id, item->reply_language, item->topic_id, outcome,
				  item->duration_usec, replied))
		return FALSE;

	if (item->outcome != CBLUE_OUTCOME_UNANSWERED || item->small_talk)
		return TRUE;
	return cblue_sqlite_db_exec(db,
				    "INSERT INTO unanswered (conversation_id, message_id, language, text, "
				    "created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
				    "cannot write the unanswered question", error, "ttttt", item->conversation_id,
				    item->message_id, item->language, item->text, received);
}

/* records [start, end) of @batch in one transaction */
static gboolean
cblue_store_sqlite_writer_write_range(CblueStoreSqliteWriter *writer, GPtrArray *batch, guint start,
				      guint end, GError **error)
{
	gboolean ok = TRUE;

	if (!cblue_sqlite_db_begin(writer->db, error))
		return FALSE;
	for (guint i = start; i < end && ok; i++)
		ok = cblue_store_sqlite_writer_write_record(writer, g_ptr_array_index(batch, i), error);
	return cblue_sqlite_db_end(writer->db, ok, error);
}

/*
 * Writes with retries: a busy (or full) database is waited out with an exponential
 * back-off rather than the records being dropped, for as long as the process runs; once
 * a stop has been requested only a few attempts are left, so that shutdown ends.
 */
static gboolean
cblue_store_sqlite_writer_write_retry(CblueStoreSqliteWriter *writer, GPtrArray *batch, guint start,
				      guint end, GError **error)
{
	gulong delay = CBLUE_STORE_SQLITE_RETRY_MIN_USEC;
	guint attempts_stopping = 0;

	for (guint attempt = 1;; attempt++) {
		g_autoptr(GError) error_local = NULL;

		if (cblue_store_sqlite_writer_write_range(writer, batch, start, end,
							  &error_local)) {
			if (attempt > 1)
				g_debug("%u exchange(s) recorded after %u attempts", end - start,
					attempt);
			return TRUE;
		}
		if (!g_error_matches(error_local, CBLUE_ERROR, CBLUE_ERROR_BUSY) ||
		    (cblue_store_queue_is_stopping(writer->queue) &&
		     ++attempts_stopping > CBLUE_STORE_SQLITE_STOP_ATTEMPTS)) {
			g_propagate_error(error, g_steal_pointer(&error_local));
			return FALSE;
		}
		if (attempt == CBLUE_STORE_SQLITE_RETRY_WARN)
			g_warning("still retrying to record %u exchange(s): %s", end - start,
				  error_local->message);
		else
			g_debug("retrying to record %u exchange(s): %s", end - start,
				error_local->message);
		g_usleep(delay);
		delay = MIN(delay * 2, CBLUE_STORE_SQLITE_RETRY_MAX_USEC);
	}
}

static void
cblue_store_sqlite_writer_write(CblueStoreSqliteWriter *writer, GPtrArray *batch)
{
	g_autoptr(GError) error = NULL;

	if (cblue_store_sqlite_writer_write_retry(writer, batch, 0, batch->len, &error))
		return;
	if (g_error_matches(error, CBLUE_ERROR, CBLUE_ERROR_BUSY) || batch->len == 1) {
		cblue_store_queue_lose(writer->queue, batch->len, error);
		return;
	}
	/* not a matter of waiting: one bad record must not take the others with it */
	g_debug("batch of %u failed (%s), writing its records one by one", batch->len,
		error->message);
	for (guint i = 0; i < batch->len; i++) {
		g_autoptr(GError) error_one = NULL;
		if (!cblue_store_sqlite_writer_write_retry(writer, batch, i, i + 1, &error_one))
			cblue_store_queue_lose(writer->queue, 1, error_one);
	}
}

/*
 * The writer connection writes only what cblue_store_sqlite_writer_write_record() writes,
 * once the schema is in place. Its values pass the schema's CHECK constraints by
 * construction: the roles are literals, the outcome comes from cblue_outcome_to_string(),
 * the message count only grows by two, the durations are clamped to 0 or more. SQLite
 * would still evaluate `outcome IN ('answered', 'clarify', 'unanswered')` by building a
 * temporary B-tree for every row written (three per exchange): 45% of the writer's
 * instructions. The checks are therefore skipped on this connection only (NOT NULL,
 * uniqueness and triggers still apply; every other connection, the console's and KB
 * imports' included, checks everything). Its foreign keys hold by construction too: a
 * record writes its conversation's row in the same transaction as the two messages that
 * refer to it, and this connection deletes nothing. So they are not checked here either,
 * which saves a look-up of the conversation per message, and lets the user message go
 * first (it tells whether the record is there already).
 */
static gboolean
cblue_store_sqlite_writer_tune(CblueSqliteDb *db, GError **error)
{
	return cblue_sqlite_db_run(db, "PRAGMA ignore_check_constraints = ON", "cannot tune the writer", error) &&
	       cblue_sqlite_db_run(db, "PRAGMA foreign_keys = OFF", "cannot tune the writer", error);
}

static gpointer
cblue_store_sqlite_writer_thread(gpointer data)
{
	CblueStoreSqliteWriter *writer = data;
	GTask *open_task = g_steal_pointer(&writer->open_task);
	g_autoptr(CblueSqliteDb) read_db = NULL;
	g_autoptr(GError) error = NULL;
	gboolean running = TRUE;

	/* opening and migrating happen here too, so that the main context never waits for
	 * the disk; the read connection is opened once the schema is in place */
	writer->db = cblue_sqlite_db_open(writer->path, writer->busy_timeout_ms, &error);
	if (writer->db != NULL && cblue_store_sqlite_migrate(writer->db, &error) &&
	    cblue_store_sqlite_writer_tune(writer->db, &error))
		read_db = cblue_sqlite_db_open(writer->path, writer->busy_timeout_ms, &error);
	if (read_db == NULL) {
		g_clear_pointer(&writer->db, cblue_sqlite_db_free);
		/* after a failed open: refuse everything, and answer what was already queued */
		cblue_store_queue_drain(writer->queue, error, cblue_store_sqlite_writer_answer_stop, writer);
		cblue_store_sqlite_complete(open_task, NULL, g_steal_pointer(&error));
		return NULL;
	}
	cblue_store_sqlite_complete(open_task, g_steal_pointer(&read_db), NULL);

	while (running) {
		CblueStoreItem *marker = NULL;
		g_autoptr(GPtrArray) batch = cblue_store_queue_next_batch(writer->queue, -1, &marker);
		g_autoptr(CblueStoreItem) owned = marker;

		if (batch->len > 0)
			cblue_store_sqlite_writer_write(writer, batch);
		if (owned == NULL)
			continue;
		if (owned->kind == CBLUE_STORE_ITEM_FLUSH) {
			cblue_store_queue_answer_flush(writer->queue, owned, NULL);
			continue;
		}
		/* STOP: nothing can follow it in the queue, see cblue_store_queue_stop() */
		g_clear_pointer(&writer->db, cblue_sqlite_db_free);
		cblue_store_sqlite_writer_answer_stop(owned, writer);
		running = FALSE;
	}
	return NULL;
}

/* the store */

#define CBLUE_TYPE_STORE_SQLITE (cblue_store_sqlite_get_type())
G_DECLARE_FINAL_TYPE(CblueStoreSqlite, cblue_store_sqlite, CBLUE, STORE_SQLITE, GObject)

struct _CblueStoreSqlite {
	GObject parent_instance;
	CblueStoreSqliteWriter *writer; /* owned */
	GThread *thread; /* owned, nullable: the writer thread until joined; under thread_mutex */
	GMutex thread_mutex;
	CblueSqliteDb *read_db; /* owned, nullable until opened; under read_mutex */
	GMutex read_mutex;
};

static void cblue_store_sqlite_iface_init(CblueStoreInterface *iface);

G_DEFINE_TYPE_WITH_CODE(CblueStoreSqlite, cblue_store_sqlite, G_TYPE_OBJECT,
			G_IMPLEMENT_INTERFACE(CBLUE_TYPE_STORE, cblue_store_sqlite_iface_init))

/* closes the queue and asks the writer to stop after what is queued; %FALSE if it was
 * closed already */
static gboolean
cblue_store_sqlite_stop(CblueStoreSqlite *self, GTask *task)
{
	return cblue_store_queue_stop(self->writer->queue, task);
}

/* waits for the writer thread to end; it must have been told to (stop or failed open) */
static void
cblue_store_sqlite_join(CblueStoreSqlite *self)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->thread_mutex);
	g_clear_pointer(&self->thread, g_thread_join);
}

static void
cblue_store_sqlite_finalize(GObject *object)
{
	CblueStoreSqlite *self = CBLUE_STORE_SQLITE(object);

	/* without a shutdown (a failed setup, a test): finish the queued writes here rather
	 * than leak the thread */
	if (self->thread != NULL)
		cblue_store_sqlite_stop(self, NULL);
	cblue_store_sqlite_join(self);
	cblue_store_sqlite_writer_free(self->writer);
	g_clear_pointer(&self->read_db, cblue_sqlite_db_free);
	g_mutex_clear(&self->thread_mutex);
	g_mutex_clear(&self->read_mutex);
	G_OBJECT_CLASS(cblue_store_sqlite_parent_class)->finalize(object);
}

static void
cblue_store_sqlite_class_init(CblueStoreSqliteClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_store_sqlite_finalize;
}

static void
cblue_store_sqlite_init(CblueStoreSqlite *self)
{
	static const CblueStoreQueueConfig config = {
	    .batch_max = CBLUE_STORE_SQLITE_BATCH_MAX,
	    .group_commit_usec = CBLUE_STORE_SQLITE_GROUP_COMMIT_USEC,
	    .max_pending = CBLUE_STORE_SQLITE_MAX_PENDING,
	};

	self->writer = g_new0(CblueStoreSqliteWriter, 1);
	self->writer->queue = cblue_store_queue_new(&config);
	g_mutex_init(&self->thread_mutex);
	g_mutex_init(&self->read_mutex);
}

/*
 * Opens (creating and migrating) the database at @path on a new writer thread; the store
 * exists only once that worked, so that no caller can use a store without its thread.
 */
static void
cblue_store_sqlite_new_async(const gchar *path, gint busy_timeout_ms, GCancellable *cancellable,
			     GAsyncReadyCallback callback, gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(NULL, cancellable, callback, user_data);
	g_autoptr(CblueStoreSqlite) self = g_object_new(CBLUE_TYPE_STORE_SQLITE, NULL);
	g_autoptr(GError) error = NULL;

	g_task_set_source_tag(task, cblue_store_sqlite_new_async);
	if (g_task_return_error_if_cancelled(task))
		return;
	self->writer->path = g_strdup(path);
	self->writer->busy_timeout_ms = busy_timeout_ms;
	self->writer->open_task = g_object_ref(task);
	g_task_set_task_data(task, g_object_ref(self), g_object_unref);
	self->thread = g_thread_try_new("cblue-sqlite", cblue_store_sqlite_writer_thread,
					self->writer, &error);
	if (self->thread == NULL) {
		g_clear_object(&self->writer->open_task);
		g_task_return_new_error(task, CBLUE_ERROR, CBLUE_ERROR_BUSY,
					"cannot start the writer thread: %s", error->message);
	}
}

static CblueStoreSqlite *
cblue_store_sqlite_new_finish(GAsyncResult *result, GError **error)
{
	CblueStoreSqlite *self;
	CblueSqliteDb *db;

	g_return_val_if_fail(g_task_is_valid(result, NULL), NULL);
	self = g_task_get_task_data(G_TASK(result));
	db = g_task_propagate_pointer(G_TASK(result), error);
	if (db == NULL) {
		/* the thread has ended, or is about to */
		cblue_store_sqlite_join(self);
		return NULL;
	}
	g_mutex_lock(&self->read_mutex);
	self->read_db = db;
	g_mutex_unlock(&self->read_mutex);
	return g_object_ref(self);
}

/* writes what is queued, then stops the writer thread */
static void
cblue_store_sqlite_close_async(CblueStoreSqlite *self, GCancellable *cancellable,
			       GAsyncReadyCallback callback, gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(self, cancellable, callback, user_data);

	g_task_set_source_tag(task, cblue_store_sqlite_close_async);
	/* cancellation is ignored on purpose: the queued records are written regardless */
	if (!cblue_store_sqlite_stop(self, task))
		g_task_return_boolean(task, TRUE);
}

static gboolean
cblue_store_sqlite_close_finish(CblueStoreSqlite *self, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, self), FALSE);
	cblue_store_sqlite_join(self);
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_store_sqlite_record_exchange(CblueStore *store, CblueMessage *message, CblueChatReply *reply)
{
	cblue_store_queue_record(CBLUE_STORE_SQLITE(store)->writer->queue, message, reply);
}

static void
cblue_store_sqlite_join_cb(gpointer data, gpointer user_data G_GNUC_UNUSED)
{
	cblue_store_sqlite_join(data);
}

/* the writer answers once everything queued before the marker is committed */
static gboolean
cblue_store_sqlite_flush(CblueStore *store, GError **error)
{
	CblueStoreSqlite *self = CBLUE_STORE_SQLITE(store);

	return cblue_store_queue_flush(self->writer->queue, 0, cblue_store_sqlite_join_cb, self, error);
}

static CblueKb *
cblue_store_sqlite_load_kb_locked(CblueSqliteDb *db, GError **error)
{
	g_autoptr(CblueKb) kb = cblue_kb_new();
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_db_prepare(
	    db, "SELECT topic_id, data FROM kb_entries ORDER BY topic_id", error);
	gint rc;

	if (stmt == NULL)
		return NULL;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const gchar *topic_id = cblue_sqlite_column_text(stmt, 0);
		const gchar *data = cblue_sqlite_column_text(stmt, 1);
		g_autoptr(GError) error_local = NULL;
		g_autoptr(JsonNode) node = json_from_string(data != NULL ? data : "", &error_local);
		g_autoptr(CblueKbEntry) entry = NULL;

		/* every language is accepted: what was imported is served, and the bot
		 * decides which languages it answers in */
		if (node != NULL)
			entry = cblue_kb_entry_new_from_json(node, NULL, &error_local);
		if (entry == NULL) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("Stored topic “%s” is invalid: %s"), topic_id,
				    error_local != NULL ? error_local->message : "no data");
			return NULL;
		}
		cblue_kb_add(kb, entry);
	}
	if (!cblue_sqlite_db_check_done(db, rc, "cannot read the KB", error))
		return NULL;
	return g_steal_pointer(&kb);
}

/* for cblue-store-sqlite-admin.c: the read connection, under its mutex; %NULL (and not
 * locked) if the database is not open. Pair with cblue_store_sqlite_unlock_db(). */
CblueSqliteDb *
cblue_store_sqlite_lock_db(CblueStore *store, GError **error)
{
	CblueStoreSqlite *self = CBLUE_STORE_SQLITE(store);

	g_mutex_lock(&self->read_mutex);
	if (self->read_db == NULL) {
		g_mutex_unlock(&self->read_mutex);
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_REACHABLE,
				    _("The database is not open."));
		return NULL;
	}
	return self->read_db;
}

void
cblue_store_sqlite_unlock_db(CblueStore *store)
{
	g_mutex_unlock(&CBLUE_STORE_SQLITE(store)->read_mutex);
}

/* a store whose read connection is locked: g_autoptr() unlocks it at the end of the scope
 * (declare it before the statements, so that they are reset while still locked) */
typedef CblueStore CblueStoreSqliteReadLock;
G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueStoreSqliteReadLock, cblue_store_sqlite_unlock_db)

static CblueSqliteDb *
cblue_store_sqlite_lock_read(CblueStore *store, CblueStoreSqliteReadLock **lock, GError **error)
{
	CblueSqliteDb *db = cblue_store_sqlite_lock_db(store, error);

	if (db != NULL)
		*lock = store;
	return db;
}

static CblueKb *
cblue_store_sqlite_load_kb(CblueStore *store, GError **error)
{
	g_autoptr(CblueStoreSqliteReadLock) lock = NULL;
	CblueSqliteDb *db = cblue_store_sqlite_lock_read(store, &lock, error);

	return db != NULL ? cblue_store_sqlite_load_kb_locked(db, error) : NULL;
}

/* the version the import creates: one more than the last */
static gboolean
cblue_store_sqlite_next_kb_version(CblueSqliteDb *db, gint64 *version, GError **error)
{
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_db_prepare(
	    db, "SELECT COALESCE(MAX(version), 0) + 1 FROM kb_versions", error);
	if (stmt == NULL ||
	    !cblue_sqlite_db_step_row(db, stmt, "cannot read the KB version", error))
		return FALSE;
	*version = sqlite3_column_int64(stmt, 0);
	return TRUE;
}

/*
 * Inserts or updates one entry. An entry whose JSON did not change keeps its row as it
 * was, `version` included, so that `version` tells which import last changed a topic.
 */
static gboolean
cblue_store_sqlite_upsert_entry(CblueSqliteDb *db, CblueKbEntry *entry, gint64 version,
				const gchar *now, GError **error)
{
	g_autoptr(JsonNode) node = cblue_kb_entry_to_json(entry);
	g_autofree gchar *data = json_to_string(node, FALSE);
	g_autoptr(CblueSqliteStmt) stmt = cblue_sqlite_db_prepare(
	    db,
	    "INSERT INTO kb_entries (topic_id, category, status, data, version, updated_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
	    "ON CONFLICT (topic_id) DO UPDATE SET "
	    "category = excluded.category, status = excluded.status, data = excluded.data, "
	    "version = excluded.version, updated_at = excluded.updated_at "
	    "WHERE kb_entries.data IS NOT excluded.data",
	    error);

	if (stmt == NULL ||
	    !cblue_sqlite_db_bind(db, stmt, error, "ttttit", cblue_kb_entry_get_topic_id(entry),
				  cblue_kb_entry_get_category(entry), cblue_kb_entry_get_status(entry), data,
				  version, now))
		return FALSE;
	if (!cblue_sqlite_db_step_done(db, stmt, "cannot write the KB entry", error)) {
		g_prefix_error(error, "%s: ", cblue_kb_entry_get_topic_id(entry));
		return FALSE;
	}
	return TRUE;
}

/* deletes every entry not in @entries; the kept topic ids are bound as one JSON array,
 * so that the statement stays constant whatever their number */
static gboolean
cblue_store_sqlite_delete_others(CblueSqliteDb *db, GPtrArray *entries, gint *removed,
				 GError **error)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(JsonNode) root = NULL;
	g_autofree gchar *ids = NULL;

	json_builder_begin_array(builder);
	for (guint i = 0; i < entries->len; i++)
		json_builder_add_string_value(
		    builder, cblue_kb_entry_get_topic_id(g_ptr_array_index(entries, i)));
	json_builder_end_array(builder);
	root = json_builder_get_root(builder);
	ids = json_to_string(root, FALSE);

	if (!cblue_sqlite_db_exec(
		db, "DELETE FROM kb_entries WHERE topic_id NOT IN (SELECT value FROM json_each(?1))",
		"cannot delete KB entries", error, "t", ids))
		return FALSE;
	*removed = sqlite3_changes(db->db);
	return TRUE;
}

/* the kb_versions row: a JSON array of every entry as the import left them */
static gboolean
cblue_store_sqlite_write_kb_version(CblueSqliteDb *db, gint64 version, const gchar *now,
				    const gchar *note, GError **error)
{
	g_autoptr(GString) snapshot = g_string_new("[");
	g_autoptr(CblueSqliteStmt) stmt =
	    cblue_sqlite_db_prepare(db, "SELECT data FROM kb_entries ORDER BY topic_id", error);
	gint rc;

	if (stmt == NULL)
		return FALSE;
	/* each `data` is a JSON object already (checked by the schema) */
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (snapshot->len > 1)
			g_string_append_c(snapshot, ',');
		g_string_append(snapshot, cblue_sqlite_column_text(stmt, 0));
	}
	if (!cblue_sqlite_db_check_done(db, rc, "cannot read the KB", error))
		return FALSE;
	g_string_append_c(snapshot, ']');
	return cblue_sqlite_db_exec(db,
				    "INSERT INTO kb_versions (version, created_at, note, snapshot) "
				    "VALUES (?1, ?2, ?3, ?4)",
				    "cannot write the KB version", error, "ittt", version, now, note,
				    snapshot->str);
}

/* the body of the import transaction */
static gboolean
cblue_store_sqlite_import_locked(CblueSqliteDb *db, GPtrArray *entries, gboolean replace_all,
				 GError **error)
{
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());
	g_autofree gchar *note = NULL;
	gint64 version = 0;
	gint changed = 0;
	gint removed = 0;

	if (!cblue_store_sqlite_next_kb_version(db, &version, error))
		return FALSE;
	for (guint i = 0; i < entries->len; i++) {
		if (!cblue_store_sqlite_upsert_entry(db, g_ptr_array_index(entries, i), version,
						     now, error))
			return FALSE;
		changed += sqlite3_changes(db->db);
	}
	if (replace_all && !cblue_store_sqlite_delete_others(db, entries, &removed, error))
		return FALSE;
	note = g_strdup_printf("%s: %u entries, %d added or changed, %d removed",
			       replace_all ? "replace" : "merge", entries->len, changed, removed);
	if (!cblue_store_sqlite_write_kb_version(db, version, now, note, error))
		return FALSE;
	g_debug("KB version %" G_GINT64_FORMAT ": %s", version, note);
	return TRUE;
}

static gboolean
cblue_store_sqlite_import_kb(CblueStore *store, GPtrArray *entries, gboolean replace_all,
			     GError **error)
{
	g_autoptr(CblueStoreSqliteReadLock) lock = NULL;
	CblueSqliteDb *db = cblue_store_sqlite_lock_read(store, &lock, error);

	return db != NULL && cblue_sqlite_db_begin(db, error) &&
	       cblue_sqlite_db_end(db, cblue_store_sqlite_import_locked(db, entries, replace_all, error), error);
}

static gboolean
cblue_store_sqlite_check(CblueStore *store, GError **error)
{
	g_autoptr(CblueStoreSqliteReadLock) lock = NULL;
	g_autoptr(CblueSqliteStmt) stmt = NULL;
	CblueSqliteDb *db = cblue_store_sqlite_lock_read(store, &lock, error);

	if (db == NULL || (stmt = cblue_sqlite_db_prepare(db, "SELECT 1", error)) == NULL)
		return FALSE;
	return cblue_sqlite_db_step_row(db, stmt, "database check failed", error);
}

/* table names cannot be bound as parameters, so count only knows these, each with its
 * constant statement */
static const struct {
	const gchar *table;
	const gchar *sql;
} cblue_store_sqlite_count_sql[] = {
    {"kb_entries", "SELECT count(*) FROM kb_entries"},
    {"kb_versions", "SELECT count(*) FROM kb_versions"},
    {"conversations", "SELECT count(*) FROM conversations"},
    {"messages", "SELECT count(*) FROM messages"},
    {"analytics_events", "SELECT count(*) FROM analytics_events"},
    {"unanswered", "SELECT count(*) FROM unanswered"},
    {"feedback", "SELECT count(*) FROM feedback"},
    {"users", "SELECT count(*) FROM users"},
    {"api_tokens", "SELECT count(*) FROM api_tokens"},
    {"audit_log", "SELECT count(*) FROM audit_log"},
};

static gint64
cblue_store_sqlite_count(CblueStore *store, const gchar *table, GError **error)
{
	g_autoptr(CblueStoreSqliteReadLock) lock = NULL;
	g_autoptr(CblueSqliteStmt) stmt = NULL;
	CblueSqliteDb *db;
	const gchar *sql = NULL;

	for (guint i = 0; i < G_N_ELEMENTS(cblue_store_sqlite_count_sql); i++) {
		if (g_strcmp0(table, cblue_store_sqlite_count_sql[i].table) == 0)
			sql = cblue_store_sqlite_count_sql[i].sql;
	}
	if (sql == NULL) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("Unknown table “%s”"),
			    table != NULL ? table : "");
		return -1;
	}
	db = cblue_store_sqlite_lock_read(store, &lock, error);
	if (db == NULL || (stmt = cblue_sqlite_db_prepare(db, sql, error)) == NULL ||
	    !cblue_sqlite_db_step_row(db, stmt, "cannot count rows", error))
		return -1;
	return sqlite3_column_int64(stmt, 0);
}

/* a conversation's messages, the most recent @max_messages (0: all), oldest first; a bot
 * row follows the user row it answers, and takes its id as `message_id` */
static JsonNode *
cblue_store_sqlite_get_conversation(CblueStore *store, const gchar *conversation_id, guint max_messages,
				    GError **error)
{
	g_autoptr(CblueStoreSqliteReadLock) lock = NULL;
	g_autoptr(CblueSqliteStmt) stmt = NULL;
	CblueSqliteDb *db = cblue_store_sqlite_lock_read(store, &lock, error);
	g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func((GDestroyNotify)json_object_unref);
	g_autoptr(JsonArray) array = json_array_new();
	g_autoptr(JsonNode) node = NULL;
	const gchar *names[] = {"message_id", "role", "text", "language",
				"topic_id", "outcome", "created_at", NULL};
	const gchar *last_user_id = NULL;
	gint rc;

	if (db == NULL)
		return NULL;
	stmt = cblue_sqlite_db_prepare(
	    db,
	    "SELECT id, role, text, language, topic_id, outcome, created_at FROM messages "
	    "WHERE conversation_id = ?1 ORDER BY rowid DESC LIMIT ?2",
	    error);
	if (stmt == NULL || !cblue_sqlite_db_bind(db, stmt, error, "ti", conversation_id,
						  max_messages > 0 ? (gint64)max_messages : (gint64)-1))
		return NULL;
	/* every column is text */
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		g_ptr_array_add(rows, cblue_sqlite_row_object(stmt, names));
	if (!cblue_sqlite_db_check_done(db, rc, "cannot read the conversation", error))
		return NULL;
	if (rows->len == 0) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_NOT_FOUND,
				    _("No such conversation."));
		return NULL;
	}
	for (guint i = rows->len; i > 0; i--) {
		JsonObject *obj = g_ptr_array_index(rows, i - 1);
		if (g_strcmp0(json_object_get_string_member(obj, "role"), "user") == 0)
			last_user_id = json_object_get_string_member(obj, "message_id");
		else if (last_user_id != NULL)
			json_object_set_string_member(obj, "message_id", last_user_id);
		json_array_add_object_element(array, json_object_ref(obj));
	}
	node = json_node_new(JSON_NODE_ARRAY);
	json_node_set_array(node, array);
	return g_steal_pointer(&node);
}

static gboolean
cblue_store_sqlite_feedback_locked(CblueSqliteDb *db, const gchar *conversation_id,
				   const gchar *message_id, const gchar *rating, GError **error)
{
	g_autofree gchar *now = cblue_store_timestamp(g_get_real_time());

	return cblue_sqlite_db_exec(db, "DELETE FROM feedback WHERE conversation_id = ?1 AND message_id = ?2",
				    "cannot replace the feedback", error, "tt", conversation_id, message_id) &&
	       cblue_sqlite_db_exec(db,
				    "INSERT INTO feedback (conversation_id, message_id, rating, created_at) "
				    "VALUES (?1, ?2, ?3, ?4)",
				    "cannot write the feedback", error, "tttt", conversation_id, message_id, rating,
				    now);
}

static gboolean
cblue_store_sqlite_record_feedback(CblueStore *store, const gchar *conversation_id,
				   const gchar *message_id, const gchar *rating, GError **error)
{
	g_autoptr(CblueStoreSqliteReadLock) lock = NULL;
	CblueSqliteDb *db = cblue_store_sqlite_lock_read(store, &lock, error);

	return db != NULL && cblue_sqlite_db_begin(db, error) &&
	       cblue_sqlite_db_end(
		   db, cblue_store_sqlite_feedback_locked(db, conversation_id, message_id, rating, error),
		   error);
}

static void
cblue_store_sqlite_iface_init(CblueStoreInterface *iface)
{
	iface->load_kb = cblue_store_sqlite_load_kb;
	iface->import_kb = cblue_store_sqlite_import_kb;
	iface->record_exchange = cblue_store_sqlite_record_exchange;
	iface->flush = cblue_store_sqlite_flush;
	iface->check = cblue_store_sqlite_check;
	iface->count = cblue_store_sqlite_count;
	iface->get_conversation = cblue_store_sqlite_get_conversation;
	iface->record_feedback = cblue_store_sqlite_record_feedback;
	cblue_store_sqlite_admin_iface_init(iface);
	cblue_store_sqlite_embeddings_iface_init(iface);
	cblue_store_sqlite_analytics_iface_init(iface);
}

/* the plugin */

struct _CblueStoreSqlitePlugin {
	CbluePlugin parent_instance;
	CblueStoreSqlite *store; /* owned, nullable until set up */
};

G_DEFINE_TYPE(CblueStoreSqlitePlugin, cblue_store_sqlite_plugin, CBLUE_TYPE_PLUGIN)

/* `[store] sqlite_path`, relative to the data directory, or `<data_dir>/cblue.db` */
static gchar *
cblue_store_sqlite_plugin_get_path(CbluePlugin *plugin, GError **error)
{
	CblueContext *ctx = cblue_plugin_get_context(plugin);
	g_autofree gchar *path =
	    cblue_config_get_string(cblue_context_get_config(ctx), "store", "sqlite_path");

	if (path == NULL || path[0] == '\0')
		return g_build_filename(cblue_context_get_data_dir(ctx), "cblue.db", NULL);
	/* each connection would get a database of its own */
	if (g_strcmp0(path, ":memory:") == 0) {
		g_set_error_literal(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("[store] sqlite_path must name a file, not :memory:"));
		return NULL;
	}
	if (!g_path_is_absolute(path))
		return g_build_filename(cblue_context_get_data_dir(ctx), path, NULL);
	return g_steal_pointer(&path);
}

static void
cblue_store_sqlite_plugin_open_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	CblueStoreSqlitePlugin *self = g_task_get_source_object(task);
	g_autoptr(GError) error = NULL;
	g_autoptr(CblueStoreSqlite) store = cblue_store_sqlite_new_finish(res, &error);

	if (store == NULL) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	g_set_object(&self->store, store);
	/* priority 0: the default store; a networked store, when configured, ranks higher */
	cblue_plugin_add_extension(CBLUE_PLUGIN(self), CBLUE_TYPE_STORE, store, 0);
	g_task_return_boolean(task, TRUE);
}

static void
cblue_store_sqlite_plugin_setup_async(CbluePlugin *plugin, GCancellable *cancellable,
				      GAsyncReadyCallback callback, gpointer user_data)
{
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);
	CblueConfig *config = cblue_context_get_config(cblue_plugin_get_context(plugin));
	g_autoptr(GError) error = NULL;
	g_autofree gchar *path = NULL;
	g_autofree gchar *url = cblue_config_get_string(config, "store", "url");
	gint busy_timeout_ms;

	g_task_set_source_tag(task, cblue_store_sqlite_plugin_setup_async);
	/* `[store] url` (CBLUE_DATABASE_URL) names the database of a networked store
	 * (store-postgres): then no SQLite file is opened, so that nothing is ever written to
	 * a local database by mistake */
	if (url != NULL && url[0] != '\0') {
		g_debug("[store] url is set: the SQLite store is not used");
		g_task_return_boolean(task, TRUE);
		return;
	}
	path = cblue_store_sqlite_plugin_get_path(plugin, &error);
	if (path == NULL) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	busy_timeout_ms =
	    (gint)CLAMP(cblue_config_get_int(config, "store", "sqlite_busy_timeout_ms",
					     CBLUE_STORE_SQLITE_BUSY_TIMEOUT_MS),
			0, 10 * 60 * 1000);
	g_debug("database %s", path);
	cblue_store_sqlite_new_async(path, busy_timeout_ms, cancellable,
				     cblue_store_sqlite_plugin_open_cb, g_steal_pointer(&task));
}

static gboolean
cblue_store_sqlite_plugin_setup_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, plugin), FALSE);
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_store_sqlite_plugin_close_cb(GObject *source, GAsyncResult *res, gpointer user_data)
{
	g_autoptr(GTask) task = G_TASK(user_data);
	g_autoptr(GError) error = NULL;

	if (!cblue_store_sqlite_close_finish(CBLUE_STORE_SQLITE(source), res, &error)) {
		g_task_return_error(task, g_steal_pointer(&error));
		return;
	}
	g_task_return_boolean(task, TRUE);
}

static void
cblue_store_sqlite_plugin_shutdown_async(CbluePlugin *plugin, GCancellable *cancellable,
					 GAsyncReadyCallback callback, gpointer user_data)
{
	CblueStoreSqlitePlugin *self = CBLUE_STORE_SQLITE_PLUGIN(plugin);
	g_autoptr(GTask) task = g_task_new(plugin, cancellable, callback, user_data);

	g_task_set_source_tag(task, cblue_store_sqlite_plugin_shutdown_async);
	if (self->store == NULL) {
		g_task_return_boolean(task, TRUE);
		return;
	}
	cblue_store_sqlite_close_async(self->store, cancellable, cblue_store_sqlite_plugin_close_cb,
				       g_steal_pointer(&task));
}

static gboolean
cblue_store_sqlite_plugin_shutdown_finish(CbluePlugin *plugin, GAsyncResult *result, GError **error)
{
	g_return_val_if_fail(g_task_is_valid(result, plugin), FALSE);
	return g_task_propagate_boolean(G_TASK(result), error);
}

static void
cblue_store_sqlite_plugin_dispose(GObject *object)
{
	CblueStoreSqlitePlugin *self = CBLUE_STORE_SQLITE_PLUGIN(object);
	g_clear_object(&self->store);
	G_OBJECT_CLASS(cblue_store_sqlite_plugin_parent_class)->dispose(object);
}

static void
cblue_store_sqlite_plugin_class_init(CblueStoreSqlitePluginClass *klass)
{
	CbluePluginClass *plugin_class = CBLUE_PLUGIN_CLASS(klass);
	G_OBJECT_CLASS(klass)->dispose = cblue_store_sqlite_plugin_dispose;
	plugin_class->setup_async = cblue_store_sqlite_plugin_setup_async;
	plugin_class->setup_finish = cblue_store_sqlite_plugin_setup_finish;
	plugin_class->shutdown_async = cblue_store_sqlite_plugin_shutdown_async;
	plugin_class->shutdown_finish = cblue_store_sqlite_plugin_shutdown_finish;
}

static void
cblue_store_sqlite_plugin_init(CblueStoreSqlitePlugin *self)
{
	cblue_plugin_set_description(CBLUE_PLUGIN(self), "SQLite store (embedded topology)");
	cblue_plugin_set_version(CBLUE_PLUGIN(self), CBLUE_VERSION_STRING);
}

CBLUE_PLUGIN_DEFINE(cblue_store_sqlite_plugin_get_type)
