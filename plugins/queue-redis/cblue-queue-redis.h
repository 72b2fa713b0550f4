/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue.h"

G_BEGIN_DECLS

#define CBLUE_TYPE_QUEUE_REDIS (cblue_queue_redis_get_type())
G_DECLARE_FINAL_TYPE(CblueQueueRedis, cblue_queue_redis, CBLUE, QUEUE_REDIS, GObject)

CblueQueueRedis *cblue_queue_redis_new(CblueContext *context, GError **error) G_GNUC_WARN_UNUSED_RESULT;
void cblue_queue_redis_stop(CblueQueueRedis *self);

G_END_DECLS
