/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <glib.h>

#ifndef _CBLUE_EXTERN
#define _CBLUE_EXTERN __attribute__((visibility("default"))) extern
#endif

#define CBLUE_AVAILABLE_IN_ALL _CBLUE_EXTERN
#define CBLUE_AVAILABLE_IN_1_0 _CBLUE_EXTERN
