/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <cblue.h>

CblueKb *cblue_test_make_mixed_kb(guint copies, gboolean changed);

/* asserts that @retriever's search without objects (cblue-retriever-private.h) hands over
 * the hits of its public search, to the last bit, before it indexes anything and after it
 * indexed the mixed KB, for short questions and a long one in every script */
void cblue_test_check_search_each(CblueRetriever *retriever);
