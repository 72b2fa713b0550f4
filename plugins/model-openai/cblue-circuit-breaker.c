/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-circuit-breaker.h"

struct _CblueCircuitBreaker {
	GMutex mutex; /* protects everything below */
	guint failure_threshold;
	gint64 open_usec;
	guint failures; /* in a row */
	gint64 opened_at;
	gboolean open;
	gboolean probing; /* a half-open probe is under way */
};

CblueCircuitBreaker *
cblue_circuit_breaker_new(guint failure_threshold, gint64 open_usec)
{
	CblueCircuitBreaker *self = g_new0(CblueCircuitBreaker, 1);
	g_mutex_init(&self->mutex);
	self->failure_threshold = MAX(failure_threshold, 1);
	self->open_usec = MAX(open_usec, 0);
	return self;
}

void
cblue_circuit_breaker_free(CblueCircuitBreaker *self)
{
	if (self == NULL)
		return;
	g_mutex_clear(&self->mutex);
	g_free(self);
}

static CblueCircuitState
cblue_circuit_breaker_state_locked(CblueCircuitBreaker *self, gint64 now)
{
	if (!self->open)
		return CBLUE_CIRCUIT_CLOSED;
	if (self->probing || now - self->opened_at >= self->open_usec)
		return CBLUE_CIRCUIT_HALF_OPEN;
	return CBLUE_CIRCUIT_OPEN;
}

gboolean
cblue_circuit_breaker_allow(CblueCircuitBreaker *self, gint64 now)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->mutex);
	switch (cblue_circuit_breaker_state_locked(self, now)) {
	case CBLUE_CIRCUIT_CLOSED:
		return TRUE;
	case CBLUE_CIRCUIT_HALF_OPEN:
		if (self->probing)
			return FALSE;
		self->probing = TRUE;
		return TRUE;
	case CBLUE_CIRCUIT_OPEN:
	default:
		return FALSE;
	}
}

void
cblue_circuit_breaker_success(CblueCircuitBreaker *self)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->mutex);
	self->failures = 0;
	self->open = FALSE;
	self->probing = FALSE;
}

void
cblue_circuit_breaker_failure(CblueCircuitBreaker *self, gint64 now)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->mutex);
	self->failures++;
	if (self->probing || self->failures >= self->failure_threshold) {
		if (!self->open || self->probing)
			self->opened_at = now;
		self->open = TRUE;
	}
	self->probing = FALSE;
}

void
cblue_circuit_breaker_abandon(CblueCircuitBreaker *self)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->mutex);
	self->probing = FALSE;
}

CblueCircuitState
cblue_circuit_breaker_get_state(CblueCircuitBreaker *self, gint64 now)
{
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&self->mutex);
	return cblue_circuit_breaker_state_locked(self, now);
}

const gchar *
cblue_circuit_state_to_string(CblueCircuitState state)
{
	switch (state) {
	case CBLUE_CIRCUIT_CLOSED:
		return "closed";
	case CBLUE_CIRCUIT_OPEN:
		return "open";
	case CBLUE_CIRCUIT_HALF_OPEN:
		return "half-open";
	default:
		return "unknown";
	}
}
