/*
 * thai-segmentation.c - compare Thai word segmentation of ICU and libthai
 * against a gold-standard file.
 *
 * Input format (see tests/data/th-segmentation.txt): UTF-8, one sentence
 * per line, words separated by '|'. Blank lines and lines whose first
 * character is '#' are ignored. A space in a sentence is its own token
 * ("...|ครับ| |ราคา|...").
 *
 * For every sentence the gold word boundaries are derived from the '|'
 * separators; the sentence text (tokens joined without separators) is then
 * segmented by
 *   (a) ICU:     ubrk_open(UBRK_WORD, "th", ...) over UTF-16, and
 *   (b) libthai: th_brk_wc_find_breaks() with the default dictionary.
 * Boundaries are compared as code-point offsets. Only internal boundaries
 * count (offset 0 and the end of the sentence are never scored).
 *
 * Two views are reported for each engine:
 *   all   - every internal boundary, including those next to spaces,
 *           digits, Latin letters and punctuation;
 *   thai  - only boundaries with a Thai character (U+0E00..U+0E7F) on both
 *           sides, i.e. the part that actually needs a dictionary. This
 *           view is insensitive to the fact that libthai is a *line*
 *           breaker (it never breaks before a space, only after it).
 * Scores are micro-averaged: precision = TP / boundaries proposed,
 * recall = TP / gold boundaries, F1 = harmonic mean; exact match = share
 * of sentences whose boundary set equals the gold one.
 *
 * Build:
 *   gcc -O2 -Wall -Wextra -Werror bench/thai-segmentation.c \
 *       $(pkg-config --cflags --libs glib-2.0 icu-uc icu-i18n libthai) \
 *       -o /tmp/thai-seg
 * Run:
 *   /tmp/thai-seg [--json] [--diffs] [FILE]
 *   FILE defaults to tests/data/th-segmentation.txt
 *   --diffs  also list every sentence an engine gets wrong (gold vs engine)
 */

#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>

#include <thai/thbrk.h>
#include <thai/thwbrk.h>

#define DEFAULT_FILE "tests/data/th-segmentation.txt"

typedef struct {
    guint line_no;
    gunichar *text;   /* sentence as code points, 0-terminated */
    glong len;        /* code points */
    gboolean *gold;   /* gold[i] TRUE: boundary before text[i], 0 < i < len */
} Sentence;

typedef struct {
    guint64 tp, sys, gold;
} Counts;

typedef struct {
    const char *name;
    Counts all, thai;
    guint exact_all, exact_thai, sentences;
    GPtrArray *diffs; /* char*: "line N\n  gold: ...\n  <engine>: ..." */
} EngineResult;

static gboolean
is_thai(gunichar c)
{
    return c >= 0x0E00 && c <= 0x0E7F;
}

static void
sentence_free(gpointer p)
{
    Sentence *s = p;
    g_free(s->text);
    g_free(s->gold);
    g_free(s);
}

/* Parse one non-comment line into a Sentence. Returns NULL and sets err on
 * malformed input (empty token, invalid UTF-8). */
static Sentence *
parse_line(const char *line, guint line_no, GError **err)
{
    if (!g_utf8_validate(line, -1, NULL)) {
        g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                    "line %u: invalid UTF-8", line_no);
        return NULL;
    }
    gchar **tokens = g_strsplit(line, "|", -1);
    GString *joined = g_string_new(NULL);
    GArray *ends = g_array_new(FALSE, FALSE, sizeof(glong));
    glong cp = 0;
    for (guint i = 0; tokens[i]; i++) {
        if (tokens[i][0] == '\0') {
            g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                        "line %u: empty token #%u", line_no, i + 1);
            g_strfreev(tokens);
            g_string_free(joined, TRUE);
            g_array_free(ends, TRUE);
            return NULL;
        }
        g_string_append(joined, tokens[i]);
        cp += g_utf8_strlen(tokens[i], -1);
        g_array_append_val(ends, cp);
    }
    g_strfreev(tokens);

    Sentence *s = g_new0(Sentence, 1);
    s->line_no = line_no;
    s->text = g_utf8_to_ucs4_fast(joined->str, -1, &s->len);
    s->gold = g_new0(gboolean, s->len + 1);
    for (guint i = 0; i + 1 < ends->len; i++)
        s->gold[g_array_index(ends, glong, i)] = TRUE;
    g_string_free(joined, TRUE);
    g_array_free(ends, TRUE);
    return s;
}

static GPtrArray *
load_file(const char *path, GError **err)
{
    gchar *contents = NULL;
    if (!g_file_get_contents(path, &contents, NULL, err))
        return NULL;
    GPtrArray *out = g_ptr_array_new_with_free_func(sentence_free);
    gchar **lines = g_strsplit(contents, "\n", -1);
    g_free(contents);
    for (guint i = 0; lines[i]; i++) {
        gchar *l = lines[i];
        gsize n = strlen(l);
        if (n > 0 && l[n - 1] == '\r')
            l[n - 1] = '\0';
        if (l[0] == '\0' || l[0] == '#')
            continue;
        Sentence *s = parse_line(l, i + 1, err);
        if (!s) {
            g_strfreev(lines);
            g_ptr_array_unref(out);
            return NULL;
        }
        g_ptr_array_add(out, s);
    }
    g_strfreev(lines);
    return out;
}

/* ---- engines: fill brk[1..len-1] with TRUE where the engine breaks ---- */

static gboolean
segment_icu(const Sentence *s, gboolean *brk, GError **err)
{
    UErrorCode st = U_ZERO_ERROR;
    gchar *utf8 = g_ucs4_to_utf8(s->text, s->len, NULL, NULL, NULL);
    int32_t u16len = 0;
    u_strFromUTF8(NULL, 0, &u16len, utf8, -1, &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
        goto fail;
    st = U_ZERO_ERROR;
    UChar *u16 = g_new(UChar, u16len + 1);
    u_strFromUTF8(u16, u16len + 1, NULL, utf8, -1, &st);
    if (U_FAILURE(st)) {
        g_free(u16);
        goto fail;
    }
    /* UTF-16 index -> code point index */
    glong *cp_of = g_new(glong, u16len + 1);
    for (int32_t i = 0, cp = 0; i <= u16len; i++) {
        cp_of[i] = cp;
        if (i < u16len && !U16_IS_LEAD(u16[i]))
            cp++;
    }
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "th", u16, u16len, &st);
    if (U_FAILURE(st)) {
        g_free(cp_of);
        g_free(u16);
        goto fail;
    }
    for (int32_t b = ubrk_first(bi); b != UBRK_DONE; b = ubrk_next(bi)) {
        glong c = cp_of[b];
        if (c > 0 && c < s->len)
            brk[c] = TRUE;
    }
    ubrk_close(bi);
    g_free(cp_of);
    g_free(u16);
    g_free(utf8);
    return TRUE;
fail:
    g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_FAILED, "ICU error: %s",
                u_errorName(st));
    g_free(utf8);
    return FALSE;
}

static gboolean
segment_libthai(ThBrk *tb, const Sentence *s, gboolean *brk, GError **err)
{
    /* thwchar_t is wchar_t (signed 32-bit on glibc), gunichar is guint32:
     * copy element by element rather than casting the buffer. */
    thwchar_t *w = g_new(thwchar_t, s->len + 1);
    for (glong i = 0; i < s->len; i++)
        w[i] = (thwchar_t) s->text[i];
    w[s->len] = 0;
    int *pos = g_new(int, s->len + 1);
    int n = th_brk_wc_find_breaks(tb, w, pos, (size_t) s->len + 1);
    if (n < 0) {
        g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                    "th_brk_wc_find_breaks failed on line %u", s->line_no);
        g_free(pos);
        g_free(w);
        return FALSE;
    }
    for (int i = 0; i < n; i++)
        if (pos[i] > 0 && pos[i] < s->len)
            brk[pos[i]] = TRUE;
    g_free(pos);
    g_free(w);
    return TRUE;
}

/* ---- scoring ---- */

static gchar *
render(const Sentence *s, const gboolean *brk)
{
    GString *g = g_string_new(NULL);
    for (glong i = 0; i < s->len; i++) {
        if (i > 0 && brk[i])
            g_string_append_c(g, '|');
        g_string_append_unichar(g, s->text[i]);
    }
    return g_string_free(g, FALSE);
}

static void
score(EngineResult *r, const Sentence *s, const gboolean *brk)
{
    gboolean same_all = TRUE, same_thai = TRUE;
    for (glong i = 1; i < s->len; i++) {
        gboolean g = s->gold[i], e = brk[i];
        gboolean thai = is_thai(s->text[i - 1]) && is_thai(s->text[i]);
        r->all.gold += g;
        r->all.sys += e;
        r->all.tp += g && e;
        if (g != e)
            same_all = FALSE;
        if (thai) {
            r->thai.gold += g;
            r->thai.sys += e;
            r->thai.tp += g && e;
            if (g != e)
                same_thai = FALSE;
        }
    }
    r->sentences++;
    r->exact_all += same_all;
    r->exact_thai += same_thai;
    if (!same_all) {
        gchar *gs = render(s, s->gold), *es = render(s, brk);
        gchar *label = g_strconcat(r->name, ":", NULL);
        g_ptr_array_add(r->diffs,
                        g_strdup_printf("line %u%s\n  gold:    %s\n  %-8s %s",
                                        s->line_no,
                                        same_thai ? " (non-Thai boundaries only)" : "",
                                        gs, label, es));
        g_free(label);
        g_free(gs);
        g_free(es);
    }
}

static double
ratio(guint64 a, guint64 b)
{
    return b ? (double) a / (double) b : 0.0;
}

static void
prf(const Counts *c, double *p, double *r, double *f)
{
    *p = ratio(c->tp, c->sys);
    *r = ratio(c->tp, c->gold);
    *f = (*p + *r) > 0 ? 2 * *p * *r / (*p + *r) : 0.0;
}

static void
print_text(EngineResult *res, guint n, gboolean diffs)
{
    for (guint k = 0; k < n; k++) {
        EngineResult *r = &res[k];
        double p, rc, f;
        printf("%s\n", r->name);
        prf(&r->all, &p, &rc, &f);
        printf("  all boundaries : P %.4f  R %.4f  F1 %.4f  "
               "(tp %" G_GUINT64_FORMAT ", proposed %" G_GUINT64_FORMAT
               ", gold %" G_GUINT64_FORMAT ")  exact %u/%u = %.4f\n",
               p, rc, f, r->all.tp, r->all.sys, r->all.gold,
               r->exact_all, r->sentences, ratio(r->exact_all, r->sentences));
        prf(&r->thai, &p, &rc, &f);
        printf("  Thai|Thai only : P %.4f  R %.4f  F1 %.4f  "
               "(tp %" G_GUINT64_FORMAT ", proposed %" G_GUINT64_FORMAT
               ", gold %" G_GUINT64_FORMAT ")  exact %u/%u = %.4f\n",
               p, rc, f, r->thai.tp, r->thai.sys, r->thai.gold,
               r->exact_thai, r->sentences, ratio(r->exact_thai, r->sentences));
    }
    if (!diffs)
        return;
    for (guint k = 0; k < n; k++) {
        printf("\n== %s: %u sentence(s) differ from gold ==\n", res[k].name,
               res[k].diffs->len);
        for (guint i = 0; i < res[k].diffs->len; i++)
            printf("%s\n", (char *) g_ptr_array_index(res[k].diffs, i));
    }
}

static void
json_counts(GString *o, const char *key, const Counts *c, guint exact,
            guint sentences)
{
    double p, r, f;
    prf(c, &p, &r, &f);
    g_string_append_printf(o,
        "\"%s\":{\"precision\":%.6f,\"recall\":%.6f,\"f1\":%.6f,"
        "\"tp\":%" G_GUINT64_FORMAT ",\"proposed\":%" G_GUINT64_FORMAT
        ",\"gold\":%" G_GUINT64_FORMAT ",\"exact_match\":%.6f,"
        "\"exact_sentences\":%u}",
        key, p, r, f, c->tp, c->sys, c->gold, ratio(exact, sentences), exact);
}

static void
json_string(GString *o, const char *s)
{
    g_string_append_c(o, '"');
    for (const unsigned char *p = (const unsigned char *) s; *p; p++) {
        switch (*p) {
        case '"': g_string_append(o, "\\\""); break;
        case '\\': g_string_append(o, "\\\\"); break;
        case '\n': g_string_append(o, "\\n"); break;
        case '\t': g_string_append(o, "\\t"); break;
        default:
            if (*p < 0x20)
                g_string_append_printf(o, "\\u%04x", *p);
            else
                g_string_append_c(o, (char) *p);
        }
    }
    g_string_append_c(o, '"');
}

static void
print_json(const char *path, guint nsent, EngineResult *res, guint n,
           gboolean diffs)
{
    GString *o = g_string_new("{\"file\":");
    json_string(o, path);
    g_string_append_printf(o, ",\"sentences\":%u,\"engines\":{", nsent);
    for (guint k = 0; k < n; k++) {
        EngineResult *r = &res[k];
        if (k)
            g_string_append_c(o, ',');
        json_string(o, r->name);
        g_string_append(o, ":{");
        json_counts(o, "all", &r->all, r->exact_all, r->sentences);
        g_string_append_c(o, ',');
        json_counts(o, "thai_only", &r->thai, r->exact_thai, r->sentences);
        if (diffs) {
            g_string_append(o, ",\"diffs\":[");
            for (guint i = 0; i < r->diffs->len; i++) {
                if (i)
                    g_string_append_c(o, ',');
                json_string(o, g_ptr_array_index(r->diffs, i));
            }
            g_string_append_c(o, ']');
        }
        g_string_append_c(o, '}');
    }
    g_string_append(o, "}}\n");
    fputs(o->str, stdout);
    g_string_free(o, TRUE);
}

int
main(int argc, char **argv)
{
    gboolean json = FALSE, diffs = FALSE;
    const char *path = DEFAULT_FILE;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0)
            json = TRUE;
        else if (strcmp(argv[i], "--diffs") == 0)
            diffs = TRUE;
        else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            printf("usage: %s [--json] [--diffs] [FILE]\n"
                   "FILE defaults to %s\n", argv[0], DEFAULT_FILE);
            return 0;
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "unknown option %s\n", argv[i]);
            return 2;
        } else
            path = argv[i];
    }

    GError *err = NULL;
    GPtrArray *sents = load_file(path, &err);
    if (!sents) {
        fprintf(stderr, "%s: %s\n", path, err->message);
        g_error_free(err);
        return 1;
    }
    if (sents->len == 0) {
        fprintf(stderr, "%s: no sentences\n", path);
        g_ptr_array_unref(sents);
        return 1;
    }

    ThBrk *tb = th_brk_new(NULL);
    if (!tb) {
        fprintf(stderr, "th_brk_new(NULL) failed: no libthai dictionary?\n");
        g_ptr_array_unref(sents);
        return 1;
    }

    EngineResult res[2] = {
        { .name = "icu" }, { .name = "libthai" },
    };
    for (guint k = 0; k < 2; k++)
        res[k].diffs = g_ptr_array_new_with_free_func(g_free);

    int rc = 0;
    for (guint i = 0; i < sents->len && rc == 0; i++) {
        Sentence *s = g_ptr_array_index(sents, i);
        gboolean *b_icu = g_new0(gboolean, s->len + 1);
        gboolean *b_th = g_new0(gboolean, s->len + 1);
        if (!segment_icu(s, b_icu, &err) ||
            !segment_libthai(tb, s, b_th, &err)) {
            fprintf(stderr, "line %u: %s\n", s->line_no, err->message);
            g_clear_error(&err);
            rc = 1;
        } else {
            score(&res[0], s, b_icu);
            score(&res[1], s, b_th);
        }
        g_free(b_icu);
        g_free(b_th);
    }

    if (rc == 0) {
        if (json)
            print_json(path, sents->len, res, 2, diffs);
        else {
            printf("Thai word segmentation vs gold: %s (%u sentences)\n",
                   path, sents->len);
            print_text(res, 2, diffs);
        }
    }

    for (guint k = 0; k < 2; k++)
        g_ptr_array_unref(res[k].diffs);
    th_brk_delete(tb);
    g_ptr_array_unref(sents);
    return rc;
}
