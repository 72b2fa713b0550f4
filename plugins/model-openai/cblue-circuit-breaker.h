/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A circuit breaker in front of the provider, shared by every listener thread.
 *
 * closed: requests go through; @failure_threshold failures in a row open it.
 * open: requests fail at once (the caller answers extractively) for @open_usec.
 * half-open: after that, one request (the probe) goes through; its success closes the
 * circuit, its failure opens it again for another @open_usec. Other requests keep
 * failing fast while the probe runs. */
typedef enum {
	CBLUE_CIRCUIT_CLOSED,
	CBLUE_CIRCUIT_OPEN,
	CBLUE_CIRCUIT_HALF_OPEN,
} CblueCircuitState;

typedef struct _CblueCircuitBreaker CblueCircuitBreaker;

CblueCircuitBreaker *cblue_circuit_breaker_new(guint failure_threshold, gint64 open_usec);
void cblue_circuit_breaker_free(CblueCircuitBreaker *self);
/* TRUE if a request may go; @now is monotonic µs. A TRUE in half-open makes the caller
 * the probe: it must report its outcome. */
gboolean cblue_circuit_breaker_allow(CblueCircuitBreaker *self, gint64 now);
void cblue_circuit_breaker_success(CblueCircuitBreaker *self);
void cblue_circuit_breaker_failure(CblueCircuitBreaker *self, gint64 now);
/* a request that ended without a verdict (cancelled by the client): frees the probe slot */
void cblue_circuit_breaker_abandon(CblueCircuitBreaker *self);
CblueCircuitState cblue_circuit_breaker_get_state(CblueCircuitBreaker *self, gint64 now);
const gchar *cblue_circuit_state_to_string(CblueCircuitState state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueCircuitBreaker, cblue_circuit_breaker_free)

G_END_DECLS
