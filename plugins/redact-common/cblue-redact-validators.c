/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <arpa/inet.h>
#include <string.h>

#include "cblue-redact-validators.h"

/* Luhn (ISO/IEC 7812-1): payment cards */
gboolean
cblue_redact_luhn_valid(const gchar *digits, gsize n_digits)
{
	guint sum = 0;
	gboolean twice = FALSE;

	if (n_digits < 2)
		return FALSE;
	for (gsize i = n_digits; i-- > 0;) {
		guint d;
		if (!g_ascii_isdigit(digits[i]))
			return FALSE;
		d = (guint)(digits[i] - '0');
		if (twice) {
			d *= 2;
			if (d > 9)
				d -= 9;
		}
		sum += d;
		twice = !twice;
	}
	return sum % 10 == 0;
}

/*
 * Thai national ID: 13 digits, the first the person type (1–8), the next two a province
 * code (10–96), the last a check digit: (11 − Σ dᵢ·(13 − i) mod 11) mod 10 over the first
 * twelve.
 */
gboolean
cblue_redact_th_id_valid(const gchar *digits, gsize n_digits)
{
	guint sum = 0;

	if (n_digits != 13)
		return FALSE;
	for (gsize i = 0; i < 13; i++) {
		if (!g_ascii_isdigit(digits[i]))
			return FALSE;
	}
	if (digits[0] < '1' || digits[0] > '8' || digits[1] == '0')
		return FALSE;
	for (gsize i = 0; i < 12; i++)
		sum += (guint)(digits[i] - '0') * (guint)(13 - i);
	return (11 - sum % 11) % 10 == (guint)(digits[12] - '0');
}

gboolean
cblue_redact_birth_date_valid(guint year, guint month, guint day)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_utc();
	guint this_year = (guint)g_date_time_get_year(now);

	if (year < 1900 || year > this_year || month < 1 || month > 12 || day < 1 || day > 31)
		return FALSE;
	if (!g_date_valid_dmy((GDateDay)day, (GDateMonth)month, (GDateYear)year))
		return FALSE;
	if (year == this_year) {
		guint this_month = (guint)g_date_time_get_month(now);
		if (month > this_month || (month == this_month && day > (guint)g_date_time_get_day_of_month(now)))
			return FALSE;
	}
	return TRUE;
}

/*
 * Chinese resident ID (GB 11643-1999): a 6-digit region (first digit 1–8), the date of
 * birth YYYYMMDD, a 3-digit sequence and an ISO 7064 MOD 11-2 check character, 0–9 or X.
 */
gboolean
cblue_redact_cn_id_valid(const gchar *id, gsize length)
{
	static const guint weights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	static const gchar check_chars[] = "10X98765432";
	guint sum = 0;
	guint year, month, day;

	if (length != 18)
		return FALSE;
	for (gsize i = 0; i < 17; i++) {
		if (!g_ascii_isdigit(id[i]))
			return FALSE;
		sum += (guint)(id[i] - '0') * weights[i];
	}
	if (id[0] < '1' || id[0] > '8')
		return FALSE;
	year = (guint)((id[6] - '0') * 1000 + (id[7] - '0') * 100 + (id[8] - '0') * 10 + (id[9] - '0'));
	month = (guint)((id[10] - '0') * 10 + (id[11] - '0'));
	day = (guint)((id[12] - '0') * 10 + (id[13] - '0'));
	if (!cblue_redact_birth_date_valid(year, month, day))
		return FALSE;
	return g_ascii_toupper(id[17]) == check_chars[sum % 11];
}

/* the length of the IBANs of a country (two upper-case letters), or 0 */
guint
cblue_redact_iban_length(const gchar *country)
{
	static const gchar lengths[] = "AD24AE23AL28AT20AZ28BA20BE16BG22BH22BR29CH21CR22CY28CZ24DE22DK18DO28EE20"
				       "EG29ES24FI18FO18FR27GB22GE22GI23GL18GR27GT28HR21HU28IE22IL23IQ23IS26"
				       "IT27JO30KW30KZ20LB28LC32LI21LT20LU20LV21MC27MD24ME22MK19MR27MT31MU30"
				       "NL18NO15PK24PL28PS29PT25QA29RO24RS22SA24SC31SE24SI19SK24SM27TL23TN24"
				       "TR26UA29VA22VG24XK20";
	for (gsize i = 0; i + 4 <= sizeof(lengths) - 1; i += 4) {
		if (lengths[i] == country[0] && lengths[i + 1] == country[1])
			return (guint)((lengths[i + 2] - '0') * 10 + (lengths[i + 3] - '0'));
	}
	return 0;
}

/* an IBAN (letters and digits, upper case): the length of its country's accounts and the
 * ISO 7064 MOD 97-10 check of ISO 13616 */
gboolean
cblue_redact_iban_valid(const gchar *iban, gsize length)
{
	guint rem = 0;

	if (length < 15 || length > 34 || cblue_redact_iban_length(iban) != length)
		return FALSE;
	/* the country and check digits go to the end; a letter counts as 10..35 */
	for (gsize k = 0; k < length; k++) {
		gchar c = iban[(k + 4) % length];
		if (g_ascii_isdigit(c))
			rem = (rem * 10 + (guint)(c - '0')) % 97;
		else if (c >= 'A' && c <= 'Z')
			rem = (rem * 100 + (guint)(c - 'A' + 10)) % 97;
		else
			return FALSE;
	}
	return rem == 1;
}

/* four decimal octets without leading zeros, not 0.0.0.0 */
gboolean
cblue_redact_ipv4_valid(const gchar *text, gsize length)
{
	guint octets = 0, digits = 0, value = 0;
	gboolean all_zero = TRUE;

	for (gsize i = 0; i <= length; i++) {
		gchar c = i < length ? text[i] : '.';
		if (g_ascii_isdigit(c)) {
			if (digits > 0 && value == 0)
				return FALSE; /* a leading zero: 01 */
			value = value * 10 + (guint)(c - '0');
			if (++digits > 3 || value > 255)
				return FALSE;
			continue;
		}
		if (c != '.' || digits == 0)
			return FALSE;
		if (value != 0)
			all_zero = FALSE;
		octets++;
		digits = 0;
		value = 0;
	}
	return octets == 4 && !all_zero;
}

/* a real address, not `::`, `::1` or a short token such as `a::b` */
gboolean
cblue_redact_ipv6_valid(const gchar *text, gsize length)
{
	gchar buf[64];
	struct in6_addr addr;
	guint hex = 0, colons = 0;
	gboolean nonzero = FALSE;

	if (length < 3 || length >= sizeof(buf))
		return FALSE;
	memcpy(buf, text, length);
	buf[length] = '\0';
	for (gsize i = 0; i < length; i++) {
		if (g_ascii_isxdigit(buf[i]))
			hex++;
		else if (buf[i] == ':')
			colons++;
	}
	if (colons < 2 || hex < 4 || inet_pton(AF_INET6, buf, &addr) != 1)
		return FALSE;
	for (guint i = 0; i < 15; i++) /* the last byte alone: ::1 is loopback */
		nonzero = nonzero || addr.s6_addr[i] != 0;
	return nonzero;
}

/*
 * Thai numbers: mobile 0[689]x xxx xxxx (10 digits), landline 02 xxx xxxx and 0[3-7]x xxx
 * xxx (9 digits), +66 without the leading 0. Chinese: mobile 1[3-9]x xxxx xxxx (11
 * digits), landline 0 + a 2–3 digit area code + 7–8 digits, +86. Ten digits after a 0
 * that no Thai number has (0[1-57]), or nine after 0[189]: another country's national number
 * (the caller asks for a phone word). Anything else only with a `+` (or `00`) and a country code: E.164, 8
 * to 15 digits.
 */
static CblueRedactPhoneKind
cblue_redact_phone_classify_international(const gchar *d, gsize n)
{
	if (n >= 2 && d[0] == '6' && d[1] == '6') {
		const gchar *nat = d + 2;
		gsize nn = n - 2;
		if (nn > 0 && nat[0] == '0') { /* +66 (0) 81 … */
			nat++;
			nn--;
		}
		if (nn == 9 && strchr("689", nat[0]) != NULL)
			return CBLUE_REDACT_PHONE_TH_MOBILE;
		if (nn == 8 && nat[0] >= '2' && nat[0] <= '7')
			return CBLUE_REDACT_PHONE_TH_LANDLINE;
		return CBLUE_REDACT_PHONE_NONE;
	}
	if (n >= 2 && d[0] == '8' && d[1] == '6') {
		const gchar *nat = d + 2;
		gsize nn = n - 2;
		if (nn > 0 && nat[0] == '0') {
			nat++;
			nn--;
		}
		if (nn == 11 && nat[0] == '1' && nat[1] >= '3' && nat[1] <= '9')
			return CBLUE_REDACT_PHONE_CN_MOBILE;
		if (nn >= 9 && nn <= 11 && nat[0] >= '2' && nat[0] <= '9')
			return CBLUE_REDACT_PHONE_CN_LANDLINE;
		/* Beijing, the one area code that starts with 1: +86 10 xxxx xxxx */
		if (nn == 10 && nat[0] == '1' && nat[1] == '0')
			return CBLUE_REDACT_PHONE_CN_LANDLINE;
		return CBLUE_REDACT_PHONE_NONE;
	}
	if (n >= 8 && n <= 15 && d[0] != '0')
		return CBLUE_REDACT_PHONE_INTERNATIONAL;
	return CBLUE_REDACT_PHONE_NONE;
}

CblueRedactPhoneKind
cblue_redact_phone_classify(const gchar *d, gsize n, gboolean plus)
{
	if (plus)
		return cblue_redact_phone_classify_international(d, n);
	if (n >= 10 && d[0] == '0' && d[1] == '0')
		return cblue_redact_phone_classify_international(d + 2, n - 2);
	if (n == 11 && d[0] == '6' && d[1] == '6' && strchr("689", d[2]) != NULL)
		return CBLUE_REDACT_PHONE_TH_MOBILE;
	if (n == 13 && d[0] == '8' && d[1] == '6' && d[2] == '1' && d[3] >= '3' && d[3] <= '9')
		return CBLUE_REDACT_PHONE_CN_MOBILE;
	if (n >= 9 && d[0] == '0') {
		if (n == 10 && strchr("689", d[1]) != NULL)
			return CBLUE_REDACT_PHONE_TH_MOBILE;
		if (n == 9 && d[1] >= '2' && d[1] <= '7')
			return CBLUE_REDACT_PHONE_TH_LANDLINE;
		/* a neighbour's national number: Malaysia's mobiles (012-345 6789), Taiwan's and
		 * Malaysia's landlines ((02) 2345-6789, 03-7956 1234) */
		if (n == 10 && strchr("123457", d[1]) != NULL)
			return CBLUE_REDACT_PHONE_OTHER_NATIONAL;
		/* nine digits that no Thai number has, 0[189]: Cambodia's mobiles (012 345 678, 096
		 * 059 137), Myanmar's older ones (09 xxx xxxx) */
		if (n == 9 && strchr("189", d[1]) != NULL)
			return CBLUE_REDACT_PHONE_OTHER_NATIONAL;
		if ((n == 11 || n == 12) && d[1] != '0')
			return CBLUE_REDACT_PHONE_CN_LANDLINE;
		return CBLUE_REDACT_PHONE_NONE;
	}
	if (n == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9')
		return CBLUE_REDACT_PHONE_CN_MOBILE;
	return CBLUE_REDACT_PHONE_NONE;
}

/* splits [start, end) of @text, digits and the separators ` .-()+/`, into groups */
gboolean
cblue_redact_groups_parse(CblueRedactGroups *groups, const gchar *text, gsize start, gsize end)
{
	gsize i = start;
	gsize sep_start = start;
	gchar sep = 0;
	gboolean sep_space = FALSE;
	guint8 n_marks = 0;

	memset(groups, 0, sizeof(*groups));
	groups->prefix_start = start;
	while (i < end) {
		gchar c = text[i];
		if (g_ascii_isdigit(c)) {
			CblueRedactGroup *g;
			if (groups->n_groups == CBLUE_REDACT_MAX_GROUPS)
				return FALSE;
			g = &groups->groups[groups->n_groups++];
			g->start = i;
			g->sep_start = sep_start;
			g->sep = sep;
			g->sep_space = sep_space;
			g->n_marks = n_marks;
			while (i < end && g_ascii_isdigit(text[i]) && g->n_digits < G_MAXUINT8) {
				g->n_digits++;
				i++;
			}
			g->end = i;
			sep_start = i;
			sep = 0;
			sep_space = FALSE;
			n_marks = 0;
			continue;
		}
		if (c == '+' && groups->n_groups == 0)
			groups->plus = TRUE;
		else if (c == ' ')
			sep_space = TRUE;
		else if (c == '/') {
			/* a slash separates values as a space does (`081-234-5678/089-876-5432`) */
			sep = '/';
			sep_space = TRUE;
			n_marks = (guint8)MIN(n_marks + 1, G_MAXUINT8);
		}
		else if (c == '-' || c == '.' || c == '(' || c == ')') {
			if (sep == 0)
				sep = c;
			n_marks = (guint8)MIN(n_marks + 1, G_MAXUINT8);
		} else
			return FALSE;
		i++;
	}
	for (guint j = 0; j < groups->n_groups; j++) {
		if (groups->groups[j].sep == 0 && groups->groups[j].sep_space)
			groups->groups[j].sep = ' ';
	}
	return groups->n_groups > 0;
}

/* the digits of groups first..last into @out (nul-terminated); returns their number */
guint
cblue_redact_groups_digits(const CblueRedactGroups *groups, const gchar *text, guint first, guint last, gchar *out,
			   gsize out_size)
{
	guint n = 0;
	for (guint j = first; j <= last; j++) {
		const CblueRedactGroup *g = &groups->groups[j];
		for (gsize i = g->start; i < g->end && n + 1 < out_size; i++)
			out[n++] = text[i];
	}
	out[n] = '\0';
	return n;
}

gboolean
cblue_redact_groups_sizes_are(const CblueRedactGroups *groups, guint first, guint last, const guint8 *sizes,
			      guint n_sizes)
{
	if (last - first + 1 != n_sizes)
		return FALSE;
	for (guint j = 0; j < n_sizes; j++) {
		if (groups->groups[first + j].n_digits != sizes[j])
			return FALSE;
	}
	return TRUE;
}

/* the separator before @g is one character (or only spaces: `5142  5436`), maybe with a
 * space on either side as forms write it (`1 - 2345 - 67890`), and in @allowed */
static gboolean
cblue_redact_group_sep_ok(const CblueRedactGroup *g, const gchar *allowed)
{
	gsize width = g->start - g->sep_start;
	if (g->sep == 0 || strchr(allowed, g->sep) == NULL)
		return FALSE;
	/* cblue_redact_groups_parse() marks a separator ' ' only when it is spaces alone */
	return g->sep == ' ' || width == 1 || (width <= 3 && g->n_marks == 1);
}

/* every separator inside first..last is allowed (cblue_redact_group_sep_ok()) and the same */
gboolean
cblue_redact_groups_same_sep(const CblueRedactGroups *groups, guint first, guint last, const gchar *allowed)
{
	gchar sep = 0;
	for (guint j = first + 1; j <= last; j++) {
		const CblueRedactGroup *g = &groups->groups[j];
		if (!cblue_redact_group_sep_ok(g, allowed) || (sep != 0 && g->sep != sep))
			return FALSE;
		sep = g->sep;
	}
	return TRUE;
}

/* every separator inside first..last is allowed, not necessarily the same one */
gboolean
cblue_redact_groups_seps_in(const CblueRedactGroups *groups, guint first, guint last, const gchar *allowed)
{
	for (guint j = first + 1; j <= last; j++) {
		if (!cblue_redact_group_sep_ok(&groups->groups[j], allowed))
			return FALSE;
	}
	return TRUE;
}
