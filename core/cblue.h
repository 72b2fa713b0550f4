/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#define CBLUE_INSIDE

#include "cblue-bot.h"
#include "cblue-channel.h"
#include "cblue-chat-reply.h"
#include "cblue-config.h"
#include "cblue-context.h"
#include "cblue-embedding.h"
#include "cblue-enums.h"
#include "cblue-error.h"
#include "cblue-hit.h"
#include "cblue-kb-entry.h"
#include "cblue-kb.h"
#include "cblue-language.h"
#include "cblue-log.h"
#include "cblue-message.h"
#include "cblue-model-provider.h"
#include "cblue-plugin-loader.h"
#include "cblue-plugin.h"
#include "cblue-queue.h"
#include "cblue-redaction-policy.h"
#include "cblue-redactor.h"
#include "cblue-retriever.h"
#include "cblue-server.h"
#include "cblue-store.h"
#include "cblue-tokenizer.h"
#include "cblue-version-macros.h"
#include "cblue-version.h"

#undef CBLUE_INSIDE
