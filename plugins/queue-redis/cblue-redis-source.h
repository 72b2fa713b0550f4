/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>
#include <hiredis/async.h>

G_BEGIN_DECLS

GSource *cblue_redis_source_new(redisAsyncContext *ac);

G_END_DECLS
