/* SPDX-License-Identifier: LGPL-2.1-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Validators of the redaction rules: pure functions of ASCII digits (the redactors see
 * folded text, see CblueRedactor). */

gboolean cblue_redact_luhn_valid(const gchar *digits, gsize n_digits);
gboolean cblue_redact_th_id_valid(const gchar *digits, gsize n_digits);
gboolean cblue_redact_cn_id_valid(const gchar *id, gsize length);
gboolean cblue_redact_birth_date_valid(guint year, guint month, guint day);
guint cblue_redact_iban_length(const gchar *country);
gboolean cblue_redact_iban_valid(const gchar *iban, gsize length);
gboolean cblue_redact_ipv4_valid(const gchar *text, gsize length);
gboolean cblue_redact_ipv6_valid(const gchar *text, gsize length);

/**
 * CblueRedactPhoneKind:
 *
 * What a run of digits is as a phone number, if anything.
 */
typedef enum {
	CBLUE_REDACT_PHONE_NONE,
	CBLUE_REDACT_PHONE_TH_MOBILE,
	CBLUE_REDACT_PHONE_TH_LANDLINE,
	CBLUE_REDACT_PHONE_CN_MOBILE,
	CBLUE_REDACT_PHONE_CN_LANDLINE,
	CBLUE_REDACT_PHONE_INTERNATIONAL,
	CBLUE_REDACT_PHONE_OTHER_NATIONAL, /* ten digits that no Thai number has (0[1-57]…), or nine (0[189]…) */
} CblueRedactPhoneKind;

CblueRedactPhoneKind cblue_redact_phone_classify(const gchar *digits, gsize n_digits, gboolean plus);

/* a run of digits split by separators: `081-234-5678`, `(02) 123 4567`, `+66 81 …` */
#define CBLUE_REDACT_MAX_GROUPS 48

typedef struct {
	gsize start; /* byte offset of the first digit */
	gsize end; /* byte offset after the last digit */
	gsize sep_start; /* where the separator before it starts (== start for the first) */
	guint8 n_digits;
	gchar sep; /* the separator before it: 0 (none), ' ', '-', '.', '(', ')' or '/' (mixed: ' ', or '/') */
	gboolean sep_space; /* the separator contains a space or a slash: a value may start here */
	guint8 n_marks; /* the characters of the separator that are not spaces */
} CblueRedactGroup;

typedef struct {
	CblueRedactGroup groups[CBLUE_REDACT_MAX_GROUPS];
	guint n_groups;
	gboolean plus; /* a leading `+` */
	gsize prefix_start; /* the offset of the leading `+` or `(`, or of the first digit */
} CblueRedactGroups;

gboolean cblue_redact_groups_parse(CblueRedactGroups *groups, const gchar *text, gsize start, gsize end);
guint cblue_redact_groups_digits(const CblueRedactGroups *groups, const gchar *text, guint first, guint last,
				 gchar *out, gsize out_size);
gboolean cblue_redact_groups_sizes_are(const CblueRedactGroups *groups, guint first, guint last,
				       const guint8 *sizes, guint n_sizes);
gboolean cblue_redact_groups_same_sep(const CblueRedactGroups *groups, guint first, guint last,
				      const gchar *allowed);
gboolean cblue_redact_groups_seps_in(const CblueRedactGroups *groups, guint first, guint last,
				     const gchar *allowed);

G_END_DECLS
