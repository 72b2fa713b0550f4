/* SPDX-License-Identifier: LGPL-2.1-or-later */

#pragma once

#include <cblue.h>

CblueKb *cblue_test_make_mixed_kb(guint copies, gboolean changed);
