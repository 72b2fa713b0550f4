/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include "cblue-queue.h"

G_BEGIN_DECLS

/*
 * A queue that can answer a message in place, PRIVATE and UNSTABLE: exported for the
 * plugins of this source tree only (queue-local, whose bot answers in this process), it may
 * change in any release. See cblue_bot_ask_in_place().
 */

/* exported for the plugins of this tree; not a public API */
#define CBLUE_QUEUE_PRIVATE_EXTERN _CBLUE_EXTERN

/* %TRUE with @reply or @error set if the message was answered in place; %FALSE, having done
 * nothing, if it must go through submit_async */
typedef gboolean (*CblueQueueSubmitInPlaceFunc)(CblueQueue *self, CblueMessage *message, CblueChatReply **reply,
						GError **error);

/* called from the implementation's interface init (@iface is the one being initialized) */
CBLUE_QUEUE_PRIVATE_EXTERN
void cblue_queue_implement_submit_in_place(CblueQueueInterface *iface, CblueQueueSubmitInPlaceFunc submit_in_place);

/* the implementation's, if it has one; %FALSE (nothing done) if not, or if it cannot now */
gboolean cblue_queue_submit_in_place(CblueQueue *self, CblueMessage *message, CblueChatReply **reply,
				     GError **error);

G_END_DECLS
