/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "cblue.h"
#include "cblue-pg-outbox.h"

/*
 * One file per process, `<data_dir>/postgres-outbox.jsonl` or, when another process of the
 * same data directory holds that one, `postgres-outbox-N.jsonl`: each is held with an
 * exclusive flock(2) for the life of the process. The file is append-only; every append
 * is fdatasync()ed before the records count as kept, and the file is emptied only after a
 * replay committed every line. A file left by a process that died (its lock is gone) is
 * adopted by the next process that opens the outbox of the directory: its lines are
 * appended to the new owner's file, which then replays them.
 */

#define CBLUE_PG_OUTBOX_MAX_FILES 64

struct _CbluePgOutbox {
	gchar *path; /* owned */
	gint fd;     /* owned, locked */
	guint64 length; /* lines in the file */
};

static gint
cblue_pg_outbox_error_code(gint errsv)
{
	if (errsv == EACCES || errsv == EPERM || errsv == EROFS)
		return CBLUE_ERROR_PERMISSION_DENIED;
	if (errsv == ENOSPC || errsv == EDQUOT)
		return CBLUE_ERROR_BUSY;
	return CBLUE_ERROR_INTERNAL;
}

static gboolean
cblue_pg_outbox_fail(const gchar *path, const gchar *what, GError **error)
{
	gint errsv = errno;
	g_set_error(error, CBLUE_ERROR, cblue_pg_outbox_error_code(errsv), "%s %s: %s", what, path,
		    g_strerror(errsv));
	return FALSE;
}

/* opens and locks @path; -1 without an error if another process holds it */
static gint
cblue_pg_outbox_open_locked(const gchar *path, GError **error)
{
	gint fd = g_open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);

	if (fd < 0) {
		cblue_pg_outbox_fail(path, _("Cannot open the outbox"), error);
		return -2;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		gint errsv = errno;
		g_close(fd, NULL);
		if (errsv == EWOULDBLOCK)
			return -1;
		errno = errsv;
		cblue_pg_outbox_fail(path, _("Cannot lock the outbox"), error);
		return -2;
	}
	return fd;
}

static gboolean
cblue_pg_outbox_read_fd(gint fd, const gchar *path, GPtrArray *lines, GError **error)
{
	g_autoptr(GString) data = g_string_new(NULL);
	gchar buf[65536];
	gssize n;
	g_auto(GStrv) split = NULL;

	if (lseek(fd, 0, SEEK_SET) < 0)
		return cblue_pg_outbox_fail(path, _("Cannot read the outbox"), error);
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return cblue_pg_outbox_fail(path, _("Cannot read the outbox"), error);
		}
		g_string_append_len(data, buf, n);
	}
	split = g_strsplit(data->str, "\n", -1);
	for (guint i = 0; split[i] != NULL; i++) {
		/* a line cut short by a crash during its append has no newline: it was never
		 * fdatasync()ed, so it was never reported as kept either */
		if (split[i + 1] == NULL || split[i][0] == '\0')
			continue;
		g_ptr_array_add(lines, g_strdup(split[i]));
	}
	return TRUE;
}

static gboolean
cblue_pg_outbox_write_all(gint fd, const gchar *path, const gchar *data, gsize len, GError **error)
{
	while (len > 0) {
		gssize n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return cblue_pg_outbox_fail(path, _("Cannot write the outbox"), error);
		}
		data += n;
		len -= (gsize)n;
	}
	if (fdatasync(fd) != 0)
		return cblue_pg_outbox_fail(path, _("Cannot write the outbox"), error);
	return TRUE;
}

/* ends a line cut short by a crash, so that the next append starts a line of its own (the
 * cut one is skipped when read back) */
static gboolean
cblue_pg_outbox_end_line(CbluePgOutbox *self, GError **error)
{
	off_t size = lseek(self->fd, 0, SEEK_END);
	gchar last = '\n';

	if (size < 0)
		return cblue_pg_outbox_fail(self->path, _("Cannot read the outbox"), error);
	if (size > 0 && pread(self->fd, &last, 1, size - 1) != 1)
		return cblue_pg_outbox_fail(self->path, _("Cannot read the outbox"), error);
	if (last == '\n')
		return TRUE;
	return cblue_pg_outbox_write_all(self->fd, self->path, "\n", 1, error);
}

/* takes over the outbox files of the directory that no live process holds */
static gboolean
cblue_pg_outbox_adopt(CbluePgOutbox *self, const gchar *dir, GError **error)
{
	g_autoptr(GDir) d = g_dir_open(dir, 0, error);
	const gchar *name;

	if (d == NULL)
		return FALSE;
	while ((name = g_dir_read_name(d)) != NULL) {
		g_autofree gchar *path = NULL;
		g_autoptr(GPtrArray) lines = NULL;
		gint fd;

		if (!g_str_has_prefix(name, "postgres-outbox") || !g_str_has_suffix(name, ".jsonl"))
			continue;
		path = g_build_filename(dir, name, NULL);
		if (g_strcmp0(path, self->path) == 0)
			continue;
		fd = cblue_pg_outbox_open_locked(path, NULL);
		if (fd < 0)
			continue; /* alive, or not ours to take */
		lines = g_ptr_array_new_with_free_func(g_free);
		if (!cblue_pg_outbox_read_fd(fd, path, lines, error)) {
			g_close(fd, NULL);
			return FALSE;
		}
		if (lines->len > 0) {
			g_message("taking over %u record(s) from %s", lines->len, path);
			if (!cblue_pg_outbox_append(self, lines, error)) {
				g_close(fd, NULL);
				return FALSE;
			}
		}
		/* removed while still locked, so that nobody else adopts it as well */
		g_unlink(path);
		g_close(fd, NULL);
	}
	return TRUE;
}

/* opens (creating) this process's outbox in @dir, and adopts the orphaned ones */
CbluePgOutbox *
cblue_pg_outbox_open(const gchar *dir, GError **error)
{
	g_autoptr(CbluePgOutbox) self = g_new0(CbluePgOutbox, 1);
	g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func(g_free);

	self->fd = -1;
	if (g_mkdir_with_parents(dir, 0700) != 0) {
		cblue_pg_outbox_fail(dir, _("Cannot create"), error);
		return NULL;
	}
	for (guint i = 0; i < CBLUE_PG_OUTBOX_MAX_FILES && self->fd < 0; i++) {
		g_autofree gchar *name =
		    i == 0 ? g_strdup("postgres-outbox.jsonl") : g_strdup_printf("postgres-outbox-%u.jsonl", i);
		g_free(self->path);
		self->path = g_build_filename(dir, name, NULL);
		self->fd = cblue_pg_outbox_open_locked(self->path, error);
		if (self->fd == -2)
			return NULL;
	}
	if (self->fd < 0) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_BUSY,
			    _("Every outbox file of %s is in use by another process"), dir);
		return NULL;
	}
	if (!cblue_pg_outbox_read_fd(self->fd, self->path, lines, error))
		return NULL;
	self->length = lines->len;
	if (!cblue_pg_outbox_end_line(self, error))
		return NULL;
	if (!cblue_pg_outbox_adopt(self, dir, error))
		return NULL;
	return g_steal_pointer(&self);
}

void
cblue_pg_outbox_free(CbluePgOutbox *self)
{
	if (self->fd >= 0)
		g_close(self->fd, NULL);
	g_free(self->path);
	g_free(self);
}

const gchar *
cblue_pg_outbox_get_path(CbluePgOutbox *self)
{
	return self->path;
}

guint64
cblue_pg_outbox_get_length(CbluePgOutbox *self)
{
	return self->length;
}

/* appends @lines (each without a newline) and waits until they are on disk */
gboolean
cblue_pg_outbox_append(CbluePgOutbox *self, GPtrArray *lines, GError **error)
{
	g_autoptr(GString) data = g_string_new(NULL);

	for (guint i = 0; i < lines->len; i++) {
		g_string_append(data, g_ptr_array_index(lines, i));
		g_string_append_c(data, '\n');
	}
	if (!cblue_pg_outbox_write_all(self->fd, self->path, data->str, data->len, error))
		return FALSE;
	self->length += lines->len;
	return TRUE;
}

/* every line, oldest first */
GPtrArray *
cblue_pg_outbox_read(CbluePgOutbox *self, GError **error)
{
	g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func(g_free);

	if (!cblue_pg_outbox_read_fd(self->fd, self->path, lines, error))
		return NULL;
	return g_steal_pointer(&lines);
}

/* empties the file, once every line was replayed */
gboolean
cblue_pg_outbox_clear(CbluePgOutbox *self, GError **error)
{
	if (ftruncate(self->fd, 0) != 0 || fdatasync(self->fd) != 0)
		return cblue_pg_outbox_fail(self->path, _("Cannot empty the outbox"), error);
	self->length = 0;
	return TRUE;
}
