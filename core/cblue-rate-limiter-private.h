/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* a token bucket per key (a client address), shared by every listener thread */
typedef struct _CblueRateLimiter CblueRateLimiter;

CblueRateLimiter *cblue_rate_limiter_new(gdouble rate, gdouble burst);
void cblue_rate_limiter_free(CblueRateLimiter *self);
gboolean cblue_rate_limiter_take(CblueRateLimiter *self, const gchar *key, gint64 now_usec, guint *retry_after);
guint cblue_rate_limiter_get_size(CblueRateLimiter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(CblueRateLimiter, cblue_rate_limiter_free)

G_END_DECLS
