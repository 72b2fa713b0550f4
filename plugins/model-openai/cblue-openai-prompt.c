/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "cblue-openai-prompt.h"

static const gchar *const cblue_openai_languages[] = {"en", "th", "zh"};
static const gchar *const cblue_openai_sections[] = {"system", "context", "history", "question", "reminder"};

/* the indexes of cblue_openai_sections */
typedef enum {
	CBLUE_OPENAI_SECTION_SYSTEM,
	CBLUE_OPENAI_SECTION_CONTEXT,
	CBLUE_OPENAI_SECTION_HISTORY,
	CBLUE_OPENAI_SECTION_QUESTION,
	CBLUE_OPENAI_SECTION_REMINDER,
} CblueOpenaiSection;

struct _CblueOpenaiPrompts {
	GHashTable *templates; /* owned: "language/section" → text */
	/* unowned, in templates: looked up once at load rather than with a formatted key for
	 * every section of every request */
	const gchar *table[G_N_ELEMENTS(cblue_openai_languages)][G_N_ELEMENTS(cblue_openai_sections)];
};

void
cblue_openai_prompts_free(CblueOpenaiPrompts *self)
{
	if (self == NULL)
		return;
	g_hash_table_unref(self->templates);
	g_free(self);
}

static gboolean
cblue_openai_prompts_parse(CblueOpenaiPrompts *self, const gchar *language, const gchar *text, GError **error)
{
	g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
	g_autoptr(GString) current = NULL;
	g_autofree gchar *section = NULL;

	for (guint i = 0;; i++) {
		gchar *line = lines[i];
		gboolean header = FALSE;
		if (line != NULL) {
			g_strchomp(line);
			header = g_str_has_prefix(line, "[[") && g_str_has_suffix(line, "]]") && strlen(line) > 4;
		}
		if (line == NULL || header) {
			if (section != NULL) {
				g_hash_table_insert(self->templates, g_strdup_printf("%s/%s", language, section),
						    g_strdup(g_strstrip(current->str)));
			}
			if (line == NULL)
				break;
			g_free(section);
			section = g_strndup(line + 2, strlen(line) - 4);
			if (current != NULL)
				g_string_free(current, TRUE);
			current = g_string_new(NULL);
			continue;
		}
		if (line[0] == '#' || current == NULL)
			continue;
		g_string_append(current, line);
		g_string_append_c(current, '\n');
	}
	for (guint i = 0; i < G_N_ELEMENTS(cblue_openai_sections); i++) {
		g_autofree gchar *key = g_strdup_printf("%s/%s", language, cblue_openai_sections[i]);
		if (!g_hash_table_contains(self->templates, key)) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA,
				    _("The %s prompt has no [[%s]] section."), language, cblue_openai_sections[i]);
			return FALSE;
		}
	}
	return TRUE;
}

static gboolean
cblue_openai_prompts_load_one(CblueOpenaiPrompts *self, const gchar *prompts_dir, const gchar *language,
			      GError **error)
{
	g_autofree gchar *text = NULL;
	g_autofree gchar *resource = NULL;
	g_autoptr(GBytes) bytes = NULL;
	g_autoptr(GError) error_local = NULL;

	if (prompts_dir != NULL) {
		g_autofree gchar *basename = g_strdup_printf("%s.txt", language);
		g_autofree gchar *filename = g_build_filename(prompts_dir, basename, NULL);
		if (!g_file_get_contents(filename, &text, NULL, &error_local)) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("[model] prompts_dir: %s"),
				    error_local->message);
			return FALSE;
		}
	} else {
		resource = g_strdup_printf("/ai/cblue/model-openai/prompts/%s.txt", language);
		bytes = g_resources_lookup_data(resource, G_RESOURCE_LOOKUP_FLAGS_NONE, &error_local);
		if (bytes == NULL) {
			g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INTERNAL, "%s: %s", resource, error_local->message);
			return FALSE;
		}
		text = g_strndup(g_bytes_get_data(bytes, NULL), g_bytes_get_size(bytes));
	}
	if (!g_utf8_validate(text, -1, NULL)) {
		g_set_error(error, CBLUE_ERROR, CBLUE_ERROR_INVALID_DATA, _("The %s prompt is not valid UTF-8."),
			    language);
		return FALSE;
	}
	return cblue_openai_prompts_parse(self, language, text, error);
}

CblueOpenaiPrompts *
cblue_openai_prompts_load(const gchar *prompts_dir, GError **error)
{
	g_autoptr(CblueOpenaiPrompts) self = g_new0(CblueOpenaiPrompts, 1);
	self->templates = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	for (guint i = 0; i < G_N_ELEMENTS(cblue_openai_languages); i++) {
		if (!cblue_openai_prompts_load_one(self, prompts_dir, cblue_openai_languages[i], error))
			return NULL;
		for (guint j = 0; j < G_N_ELEMENTS(cblue_openai_sections); j++) {
			g_autofree gchar *key =
			    g_strdup_printf("%s/%s", cblue_openai_languages[i], cblue_openai_sections[j]);
			self->table[i][j] = g_hash_table_lookup(self->templates, key);
		}
	}
	return g_steal_pointer(&self);
}

/* the section in @language, else in English (every language has every section: checked
 * at load) */
static const gchar *
cblue_openai_prompts_get(CblueOpenaiPrompts *self, const gchar *language, CblueOpenaiSection section)
{
	for (guint i = 0; i < G_N_ELEMENTS(cblue_openai_languages); i++) {
		if (strcmp(language, cblue_openai_languages[i]) == 0)
			return self->table[i][section];
	}
	return self->table[0][section];
}

guint
cblue_openai_estimate_tokens(const gchar *text)
{
	const guint64 high = G_GUINT64_CONSTANT(0x8080808080808080);
	const gchar *end = text + strlen(text);
	guint wide = 0;
	guint narrow = 0;

	for (const gchar *p = text; p < end;) {
		gunichar ch;
		guint64 word;
		/* ASCII, most of a prompt, eight bytes at a time without decoding (it runs over
		 * every prompt) */
		if (end - p >= (gssize)sizeof(word)) {
			memcpy(&word, p, sizeof(word));
			if ((word & high) == 0) {
				narrow += sizeof(word);
				p += sizeof(word);
				continue;
			}
		}
		if ((guchar)*p < 0x80) {
			narrow++;
			p++;
			continue;
		}
		ch = g_utf8_get_char(p);
		p = g_utf8_next_char(p);
		if (ch >= 0x0E00 && ch <= 0x0E7F)
			wide++; /* Thai */
		else if ((ch >= 0x3000 && ch <= 0x9FFF) || (ch >= 0xF900 && ch <= 0xFAFF) ||
			 (ch >= 0xFF00 && ch <= 0xFFEF))
			wide++; /* CJK */
		else
			narrow++;
	}
	return wide + (narrow + 3) / 4;
}

/* appends @text to @out with a space after every second bracket of a run of `<` or `>`:
 * `<<<` becomes `<< <`; the brackets are found with strpbrk() (vectorized) rather than a
 * character at a time, since nearly all the text has none */
static void
cblue_openai_append_defused(GString *out, const gchar *text)
{
	const gchar *run = text; /* copied whole up to the next insertion */
	const gchar *p = text;

	while ((p = strpbrk(p, "<>")) != NULL) {
		gchar bracket = *p;
		for (guint n = 1; *p == bracket; p++, n++) {
			if (n % 2 == 0 && p[1] == bracket) {
				g_string_append_len(out, run, p + 1 - run);
				g_string_append_c(out, ' ');
				run = p + 1;
			}
		}
	}
	g_string_append(out, run);
}

gchar *
cblue_openai_defuse(const gchar *text)
{
	GString *out = g_string_sized_new(strlen(text) + 8);
	cblue_openai_append_defused(out, text);
	return g_string_free(out, FALSE);
}

/* a fenced block: appended piece by piece (a printf of the whole text would copy it twice
 * and go through stdio); @question (nullable) is an entry's first example question */
static void
cblue_openai_fence(GString *out, const gchar *kind, const gchar *label, const gchar *fence, const gchar *question,
		   const gchar *text)
{
	g_string_append(out, "<<<");
	g_string_append(out, kind);
	if (label != NULL) {
		g_string_append_c(out, ' ');
		cblue_openai_append_defused(out, label);
	}
	g_string_append_c(out, ' ');
	g_string_append(out, fence);
	g_string_append(out, ">>>\n");
	if (question != NULL) {
		g_string_append(out, "Q: ");
		cblue_openai_append_defused(out, question);
		g_string_append_c(out, '\n');
	}
	cblue_openai_append_defused(out, text);
	g_string_append(out, "\n<<<END ");
	g_string_append(out, kind);
	g_string_append_c(out, ' ');
	g_string_append(out, fence);
	g_string_append(out, ">>>\n");
}

static void
cblue_openai_add_entries(GString *out, const gchar *language, const gchar *fence, GPtrArray *entries)
{
	for (guint i = 0; i < entries->len; i++) {
		CblueKbEntry *entry = g_ptr_array_index(entries, i);
		const gchar *content = cblue_kb_entry_get_content_for(entry, language, NULL);
		const gchar *const *questions = cblue_kb_entry_get_questions(entry, language);

		cblue_openai_fence(out, "ENTRY", cblue_kb_entry_get_topic_id(entry), fence,
				   questions != NULL ? questions[0] : NULL, content != NULL ? content : "");
	}
}

/* the newest turns that fit the budget, oldest first */
static void
cblue_openai_add_turns(GString *out, const gchar *fence, const CblueOpenaiTurn *turns, guint n_turns,
		       guint budget)
{
	guint first = n_turns;
	guint used = 0;

	while (first > 0) {
		guint cost = cblue_openai_estimate_tokens(turns[first - 1].text) + 4;
		if (used + cost > budget)
			break;
		used += cost;
		first--;
	}
	for (guint i = first; i < n_turns; i++) {
		const gchar *kind = g_strcmp0(turns[i].role, "user") == 0 ? "CUSTOMER" : "ASSISTANT";
		cblue_openai_fence(out, kind, NULL, fence, NULL, turns[i].text);
	}
}

static gchar *
cblue_openai_new_fence(void)
{
	return g_strdup_printf("%08x%08x", g_random_int(), g_random_int());
}

/* appends @template with each `{fence}` replaced by @fence */
static void
cblue_openai_append_filled(GString *out, const gchar *template, const gchar *fence)
{
	const gchar *p = template;
	const gchar *hole;

	while ((hole = strstr(p, "{fence}")) != NULL) {
		g_string_append_len(out, p, hole - p);
		g_string_append(out, fence);
		p = hole + strlen("{fence}");
	}
	g_string_append(out, p);
}

void
cblue_openai_prompts_assemble(CblueOpenaiPrompts *self, const gchar *language, const gchar *fence,
			      GPtrArray *entries, const CblueOpenaiTurn *turns, guint n_turns, guint history_tokens,
			      const gchar *question, GString *system, GString *user)
{
	g_autofree gchar *own_fence = fence == NULL ? cblue_openai_new_fence() : NULL;

	if (fence == NULL)
		fence = own_fence;
	cblue_openai_append_filled(system, cblue_openai_prompts_get(self, language, CBLUE_OPENAI_SECTION_SYSTEM),
				   fence);

	g_string_append(user, cblue_openai_prompts_get(self, language, CBLUE_OPENAI_SECTION_CONTEXT));
	g_string_append_c(user, '\n');
	cblue_openai_add_entries(user, language, fence, entries);
	if (n_turns > 0 && history_tokens > 0) {
		g_string_append_c(user, '\n');
		g_string_append(user, cblue_openai_prompts_get(self, language, CBLUE_OPENAI_SECTION_HISTORY));
		g_string_append_c(user, '\n');
		cblue_openai_add_turns(user, fence, turns, n_turns, history_tokens);
	}
	g_string_append_c(user, '\n');
	g_string_append(user, cblue_openai_prompts_get(self, language, CBLUE_OPENAI_SECTION_QUESTION));
	g_string_append_c(user, '\n');
	cblue_openai_fence(user, "CUSTOMER", NULL, fence, NULL, question);
	g_string_append_c(user, '\n');
	cblue_openai_append_filled(user, cblue_openai_prompts_get(self, language, CBLUE_OPENAI_SECTION_REMINDER),
				   fence);
}

static void
cblue_openai_add_message(JsonBuilder *builder, const gchar *role, const gchar *content)
{
	json_builder_begin_object(builder);
	json_builder_set_member_name(builder, "role");
	json_builder_add_string_value(builder, role);
	json_builder_set_member_name(builder, "content");
	json_builder_add_string_value(builder, content);
	json_builder_end_object(builder);
}

JsonNode *
cblue_openai_prompts_build(CblueOpenaiPrompts *self, const gchar *language, const gchar *fence,
			   GPtrArray *entries, const CblueOpenaiTurn *turns, guint n_turns, guint history_tokens,
			   const gchar *question)
{
	g_autoptr(JsonBuilder) builder = json_builder_new();
	g_autoptr(GString) system = g_string_new(NULL);
	g_autoptr(GString) user = g_string_new(NULL);

	cblue_openai_prompts_assemble(self, language, fence, entries, turns, n_turns, history_tokens, question,
				      system, user);
	json_builder_begin_array(builder);
	cblue_openai_add_message(builder, "system", system->str);
	cblue_openai_add_message(builder, "user", user->str);
	json_builder_end_array(builder);
	return json_builder_get_root(builder);
}

gboolean
cblue_openai_is_no_answer(const gchar *reply)
{
	while (*reply != '\0' && (g_ascii_isspace(*reply) || *reply == '"' || *reply == '`' || *reply == '*'))
		reply++;
	return g_str_has_prefix(reply, CBLUE_OPENAI_NO_ANSWER);
}

gboolean
cblue_openai_may_be_no_answer(const gchar *text)
{
	gsize n;
	while (*text != '\0' && (g_ascii_isspace(*text) || *text == '"' || *text == '`' || *text == '*'))
		text++;
	n = strlen(text);
	if (n >= strlen(CBLUE_OPENAI_NO_ANSWER))
		return g_str_has_prefix(text, CBLUE_OPENAI_NO_ANSWER);
	return strncmp(text, CBLUE_OPENAI_NO_ANSWER, n) == 0;
}
