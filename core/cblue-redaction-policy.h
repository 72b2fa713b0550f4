/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#if !defined(CBLUE_INSIDE) && !defined(CBLUE_COMPILATION)
#error "Only <cblue.h> can be included directly."
#endif

#include <glib-object.h>

#include "cblue-config.h"
#include "cblue-version-macros.h"

G_BEGIN_DECLS

/**
 * CblueRedactionMode:
 * @CBLUE_REDACTION_MODE_PLACEHOLDER: the value becomes its typed placeholder, e.g. `[PHONE]`
 * @CBLUE_REDACTION_MODE_MASK: every letter and digit but the last four becomes `*`,
 *   separators are kept, e.g. `***-***-5678`
 * @CBLUE_REDACTION_MODE_HASH: the value becomes its type and a keyed HMAC-SHA256 of the
 *   value, stable within one scope (a conversation), e.g. `[PHONE:3f9a1c2b7d10]`
 * @CBLUE_REDACTION_MODE_DROP: the value is removed
 *
 * What replaces a piece of personal data.
 *
 * Since: 1.0
 */
typedef enum {
	CBLUE_REDACTION_MODE_PLACEHOLDER,
	CBLUE_REDACTION_MODE_MASK,
	CBLUE_REDACTION_MODE_HASH,
	CBLUE_REDACTION_MODE_DROP,
} CblueRedactionMode;

CBLUE_AVAILABLE_IN_1_0
const gchar *cblue_redaction_mode_to_string(CblueRedactionMode mode);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_redaction_mode_from_string(const gchar *text, CblueRedactionMode *mode);

#define CBLUE_TYPE_REDACTION_POLICY (cblue_redaction_policy_get_type())
CBLUE_AVAILABLE_IN_1_0
G_DECLARE_FINAL_TYPE(CblueRedactionPolicy, cblue_redaction_policy, CBLUE, REDACTION_POLICY, GObject)

CBLUE_AVAILABLE_IN_1_0
CblueRedactionPolicy *cblue_redaction_policy_new(void) G_GNUC_WARN_UNUSED_RESULT;
CBLUE_AVAILABLE_IN_1_0
CblueRedactionPolicy *cblue_redaction_policy_new_from_config(CblueConfig *config,
							     GError **error) G_GNUC_WARN_UNUSED_RESULT;
CBLUE_AVAILABLE_IN_1_0
CblueRedactionMode cblue_redaction_policy_get_default_mode(CblueRedactionPolicy *self);
CBLUE_AVAILABLE_IN_1_0
void cblue_redaction_policy_set_default_mode(CblueRedactionPolicy *self, CblueRedactionMode mode);
CBLUE_AVAILABLE_IN_1_0
CblueRedactionMode cblue_redaction_policy_get_mode(CblueRedactionPolicy *self, const gchar *label);
CBLUE_AVAILABLE_IN_1_0
void cblue_redaction_policy_set_mode(CblueRedactionPolicy *self, const gchar *label, CblueRedactionMode mode);
CBLUE_AVAILABLE_IN_1_0
void cblue_redaction_policy_set_hash_key(CblueRedactionPolicy *self, GBytes *key);
CBLUE_AVAILABLE_IN_1_0
gchar *cblue_redaction_policy_format(CblueRedactionPolicy *self, const gchar *label, const gchar *value,
				     gssize length, const gchar *scope);
CBLUE_AVAILABLE_IN_1_0
gboolean cblue_redaction_label_is_valid(const gchar *label);

G_END_DECLS
