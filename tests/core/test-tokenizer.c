/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-test-utils.h"
#include "cblue-tokenizer-private.h"

static gchar *
join_words(GPtrArray *words)
{
	g_autoptr(GString) s = g_string_new(NULL);
	for (guint i = 0; i < words->len; i++)
		g_string_append_printf(s, "%s%s", i > 0 ? "|" : "", (gchar *)g_ptr_array_index(words, i));
	return g_string_free(g_steal_pointer(&s), FALSE);
}

static void
assert_tokens(CblueTokenizer *tok, const gchar *text, const gchar *expected)
{
	g_autoptr(GPtrArray) words = cblue_tokenizer_tokenize(tok, text);
	g_autofree gchar *joined = join_words(words);
	g_assert_cmpstr(joined, ==, expected);
}

static void
test_tokenizer_normalize(void)
{
	g_autoptr(CblueTokenizer) tok = cblue_tokenizer_new();
	g_autofree gchar *a = cblue_tokenizer_normalize(tok, "ＳＯＬＡＲ　０８１－２３４");
	g_autofree gchar *b = cblue_tokenizer_normalize(tok, "ราคา ๕,๐๐๐ บาท");
	g_autofree gchar *c = cblue_tokenizer_normalize(tok, "Straße ÉCOLE");
	g_autofree gchar *d = cblue_tokenizer_normalize(tok, "\xff invalid");
	/* SARA AM survives NFKC, also when typed before the tone mark */
	g_autofree gchar *e = cblue_tokenizer_normalize(tok, "ราคาน้ำมัน");
	g_autofree gchar *f = cblue_tokenizer_normalize(tok, "นำ้");
	g_assert_cmpstr(e, ==, "ราคาน้ำมัน");
	{
		g_autofree gchar *g = cblue_tokenizer_normalize(tok, "屋頂太陽能多少錢？裝EV充電樁");
		g_assert_cmpstr(g, ==, "屋顶太阳能多少钱?装ev充电桩");
	}
	g_assert_cmpstr(f, ==, "น้ำ");
	g_assert_cmpstr(a, ==, "solar 081-234");
	g_assert_cmpstr(b, ==, "ราคา 5,000 บาท");
	g_assert_cmpstr(c, ==, "strasse école");
	g_assert_cmpstr(d, ==, "");
}

/* the tokenizer's normalization before its fast path: GLib's NFKC, then case folding */
static gchar *
reference_fold(const gchar *text)
{
	g_autofree gchar *nfkc = g_utf8_normalize(text, -1, G_NORMALIZE_NFKC);
	return g_utf8_casefold(nfkc, -1);
}

/* whether the tokenizer's own passes after folding (Thai digits, SARA AM, Thai chat
 * spellings, Traditional Chinese) touch @text: those cases are in test_tokenizer_expected()
 * and test_tokenizer_thai_spellings() instead */
static gboolean
touched_after_folding(const gchar *text)
{
	gunichar prev = 0;
	for (const gchar *p = text; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);
		gboolean thai = ch >= 0x0E00 && ch <= 0x0E7F;
		if ((ch >= 0x0E50 && ch <= 0x0E59) || ch == 0x0E4D || cblue_script_for_char(ch) == CBLUE_SCRIPT_HAN)
			return TRUE;
		/* a Thai character twice in a row, a tone mark before an upper vowel */
		if (thai && (ch == prev || (prev >= 0x0E48 && prev <= 0x0E4B &&
					    (ch == 0x0E31 || (ch >= 0x0E34 && ch <= 0x0E37)))))
			return TRUE;
		prev = thai ? ch : 0;
	}
	return FALSE;
}

static gboolean
normalize_matches_reference(CblueTokenizer *tok, const gchar *text)
{
	g_autofree gchar *expected = reference_fold(text);
	g_autofree gchar *normalized = NULL;

	if (touched_after_folding(expected))
		return FALSE;
	normalized = cblue_tokenizer_normalize(tok, text);
	g_assert_cmpstr(normalized, ==, expected);
	return TRUE;
}

/* The fast path of normalization (characters whose NFKC and case folding do not depend on
 * their neighbours) gives GLib's result for every character of the BMP, alone, repeated and
 * between ASCII letters, and for every pair of Thai marks after a consonant (NFKC puts
 * some pairs in another order) */
static void
test_tokenizer_normalize_fast_path(void)
{
	g_autoptr(CblueTokenizer) tok = cblue_tokenizer_new();
	guint n_compared = 0;

	for (gunichar ch = 1; ch < 0x10000; ch++) {
		gchar c[8] = {0};
		g_autofree gchar *text = NULL;
		if (ch >= 0xD800 && ch <= 0xDFFF)
			continue;
		g_unichar_to_utf8(ch, c);
		text = g_strconcat("A", c, "b", c, c, "Z", NULL);
		n_compared += normalize_matches_reference(tok, text);
	}
	/* all but the ideographs and the few Thai characters above */
	g_assert_cmpuint(n_compared, >, 34000);
	n_compared = 0;
	for (gunichar a = 0x0E30; a <= 0x0E4E; a++) {
		for (gunichar b = 0x0E30; b <= 0x0E4E; b++) {
			gchar ca[8] = {0}, cb[8] = {0};
			g_autofree gchar *text = NULL;
			g_unichar_to_utf8(a, ca);
			g_unichar_to_utf8(b, cb);
			text = g_strconcat("ก", ca, cb, "ม", NULL);
			n_compared += normalize_matches_reference(tok, text);
		}
	}
	g_assert_cmpuint(n_compared, >, 750);
}

/* The fast path skips the passes after folding (Thai digits and SARA AM, Traditional
 * Chinese) where they would change nothing: a text normalizes as it does with " É" after
 * it, which takes GLib's path and every pass, for every character of the Thai block and
 * the Han characters of the fast path (alone, repeated, between Thai letters), every pair
 * of Thai marks and digits, and Traditional and Simplified Chinese */
static void
test_tokenizer_normalize_passes(void)
{
	static const gchar *const texts[] = {"ราคา ๕,๐๐๐ บาท", "น้ำมัน", "นำ้", "ทํา", "屋頂太陽能多少錢", "二〇二四年", "门店监控"};
	g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(CblueTokenizer) tok = cblue_tokenizer_new();
	/* 〇, ideographs of extension A (U+380F has a Simplified form), common ones, beyond the BMP */
	static const gunichar han[] = {0x3007, 0x3400, 0x380F, 0x42B7, 0x4E00, 0x9802, 0x9322, 0x9F8D, 0x9FFF, 0x20000};

	for (guint i = 0; i < G_N_ELEMENTS(texts); i++)
		g_ptr_array_add(cases, g_strdup(texts[i]));
	for (gunichar ch = 0x0E00; ch <= 0x0E7F; ch++) {
		gchar c[8] = {0};
		g_unichar_to_utf8(ch, c);
		g_ptr_array_add(cases, g_strconcat(c, NULL));
		g_ptr_array_add(cases, g_strconcat("ก", c, "ม", c, c, "า", NULL));
		for (gunichar next = 0x0E30; next <= 0x0E59; next++) {
			gchar n[8] = {0};
			g_unichar_to_utf8(next, n);
			g_ptr_array_add(cases, g_strconcat("ก", c, n, "ม", NULL));
		}
	}
	for (guint i = 0; i < G_N_ELEMENTS(han); i++) {
		gchar c[8] = {0};
		g_unichar_to_utf8(han[i], c);
		g_ptr_array_add(cases, g_strconcat(c, "電", c, NULL));
		g_ptr_array_add(cases, g_strconcat("ab", c, NULL));
	}
	for (guint i = 0; i < cases->len; i++) {
		const gchar *text = g_ptr_array_index(cases, i);
		g_autofree gchar *with_accent = g_strconcat(text, " \xc3\x89", NULL);
		g_autofree gchar *expected = cblue_tokenizer_normalize(tok, with_accent);
		g_autofree gchar *normalized = cblue_tokenizer_normalize(tok, text);
		g_autofree gchar *got = g_strconcat(normalized, " \xc3\xa9", NULL);
		g_assert_cmpstr(got, ==, expected);
	}
	g_assert_cmpuint(cases->len, >, 5000);
}

typedef struct {
	const gchar *text;
	const gchar *normalized;
	const gchar *tokens; /* joined with | */
} ExpectedCase;

/* Normalization and words of a varied set, as the tokenizer gave them before its fast
 * paths (so that they change nothing): English, Thai, Chinese, code-mixed, full-width
 * forms, Thai digits, SARA AM typed before its tone mark, Thai marks out of canonical
 * order, Traditional Chinese, emoji, combining accents, compatibility characters, other
 * scripts, characters beyond the BMP and invalid UTF-8 */
static void
test_tokenizer_expected(void)
{
	const ExpectedCase cases[] = {
	    {"How much does a 5kW rooftop solar system cost?", "how much does a 5kw rooftop solar system cost?", "how|much|does|a|5|kw|rooftop|solar|system|cost"},
	    {"Installing batteries: installation, installed, installing!", "installing batteries: installation, installed, installing!", "installing|batteries|installation|installed|installing"},
	    {"CCTV+NVR 4K/8MP @ 12,900 THB (incl. VAT)", "cctv+nvr 4k/8mp @ 12,900 thb (incl. vat)", "cctv|nvr|4|k|8|mp|12|900|thb|incl|vat"},
	    {"ÉCOLE Straße naïve café", "école strasse naïve café", "école|strasse|naïve|café"},
	    {"ＦＵＬＬ－ＷＩＤＴＨ　ＴＥＸＴ　１２３", "full-width text 123", "full|width|text|123"},
	    {"ติดตั้งโซลาร์เซลล์ราคาเท่าไหร่ครับ", "ติดตั้งโซลาร์เซลล์ราคาเท่าไหร่ครับ", "ติดตั้ง|โซลาร์|เซลล์|ราคา|เท่าไหร่|ครับ"},
	    {"ราคา ๕,๐๐๐ บาท ต่อ ๑ ชุด", "ราคา 5,000 บาท ต่อ 1 ชุด", "ราคา|5|000|บาท|ต่อ|1|ชุด"},
	    {"น้ำมันแพงมาก ทำไงดี", "น้ำมันแพงมาก ทำไงดี", "น้ำมัน|แพง|มาก|ทำ|ไง|ดี"},
	    {"นำ้ท่วมบ้าน", "น้ำท่วมบ้าน", "น้ำ|ท่วม|บ้าน"},
	    {"ก\xe0\xb9\x88\xe0\xb8\xb8" "มใหญ่", "กุ่มใหญ่", "กุ่ม|ใหญ่"},
	    {"อยากติด EV charger 7.4kW ที่คอนโด", "อยากติด ev charger 7.4kw ที่คอนโด", "อยาก|ติด|ev|charger|7|4|kw|ที่|คอนโด"},
	    {"ค่าไฟเดือนละ3000บาทลดได้ไหม", "ค่าไฟเดือนละ3000บาทลดได้ไหม", "ค่า|ไฟ|เดือน|ละ|3000|บาท|ลด|ได้|ไหม"},
	    {"屋顶太阳能板多少钱？", "屋顶太阳能板多少钱?", "屋顶|太阳能|板|多少钱"},
	    {"屋頂太陽能多少錢？裝EV充電樁", "屋顶太阳能多少钱?装ev充电桩", "屋顶|太阳能|多少钱|装|ev|充电|桩"},
	    {"门店的监控摄像头，可视化报表。", "门店的监控摄像头,可视化报表。", "门店|的|监控|摄像头|可视化|报表"},
	    {"装solar要多少钱，5kW的", "装solar要多少钱,5kw的", "装|solar|要|多少钱|5|kw|的"},
	    {"《太阳能》“光伏”——储能系统、逆变器", "《太阳能》“光伏”——储能系统、逆变器", "太阳能|光伏|储能|系统|逆变器"},
	    {"👍 solar ราคา 太阳能 🙂", "👍 solar ราคา 太阳能 🙂", "solar|ราคา|太阳能"},
	    {"café ☕ กาแฟ 咖啡", "café ☕ กาแฟ 咖啡", "café|กาแฟ|咖啡"},
	    {"\xff""\xfe"" invalid", "", ""},
	    {"ok\xe0""\xb8"" broken", "", ""},
	    {"", "", ""},
	    {"   ", "   ", ""},
	    {"a-b_c.d 3.14 1e10", "a-b_c.d 3.14 1e10", "a|b|c|d|3|14|1|e|10"},
	    {"e\xcc\x81" " combining and Cafe\xcc\x81", "é combining and café", "é|combining|and|café"},
	    {"ﬁle ½ ² ㎡ ℃", "file 1⁄2 2 m2 °c", "file|1|2|2|m|2|c"},
	    {"Ǆ Ⅻ ① ㈱ ｶﾀｶﾅ", "dž xii 1 (株) カタカナ", "dž|xii|1|株"},
	    {"한국어 텍스트", "한국어 텍스트", ""},
	    {"Привет МИР", "привет мир", ""},
	    {"x\xe2\x80\x8b" "zero width", "x\xe2\x80\x8b" "zero width", "x|zero|width"},
	    {"𠀀𠀁 extension B", "𠀀𠀁 extension b", "𠀀|𠀁|extension|b"},
	    {"ΣΊΣΥΦΟΣ ὀδυσσεύς", "σίσυφοσ ὀδυσσεύσ", ""},
	    /* unassigned code points of the Thai block (libthai reads them as an error byte),
	     * 〇 (Han, outside the common ideographs), NIKHAHIT + SARA AA typed apart, Thai
	     * digits inside a Thai run, MAI YAMOK and PAIYANNOI, a tone mark after SARA AM */
	    {"ก\xe0\xb8\xbb" "ข\xe0\xb8\xbe" "ค ราคา", "ก\xe0\xb8\xbb" "ข\xe0\xb8\xbe" "ค ราคา", "ก\xe0\xb8\xbb|ข\xe0\xb8\xbe|ค|ราคา"},
	    {"二〇二四年電費多少", "二〇二四年电费多少", "二|〇|二|四年|电费|多少"},
	    {"น\xe0\xb9\x8d\xe0\xb8\xb2" "ท่วม ท\xe0\xb9\x8d\xe0\xb8\xb2", "นำท่วม ทำ", "นำ|ท่วม|ทำ"},
	    {"ราคา๕บาท ดีๆ กรุงเทพฯ ไปมา", "ราคา5บาท ดีๆ กรุงเทพฯ ไปมา", "ราคา|5|บาท|ดี|ๆ|กรุงเทพฯ|ไป|มา"},
	    {"ทำ่ไม น้ำ๑ลิตร", "ท่ำไม น้ำ1ลิตร", "ท่ำไม|น้ำ|1|ลิตร"},
	};
	g_autoptr(CblueTokenizer) tok = cblue_tokenizer_new();

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree gchar *normalized = cblue_tokenizer_normalize(tok, cases[i].text);
		g_assert_cmpstr(normalized, ==, cases[i].normalized);
		assert_tokens(tok, cases[i].text, cases[i].tokens);
	}
}

static void
test_tokenizer_segment(void)
{
	g_autoptr(CblueTokenizer) tok = cblue_tokenizer_new();
	assert_tokens(tok, "How much is a 5kW solar panel?", "how|much|is|a|5|kw|solar|panel");
	assert_tokens(tok, "ติดตั้งโซลาร์เซลล์ราคาเท่าไหร่", "ติดตั้ง|โซลาร์|เซลล์|ราคา|เท่าไหร่");
	assert_tokens(tok, "ติด solar ราคาเท่าไหร่", "ติด|solar|ราคา|เท่าไหร่");
	assert_tokens(tok, "安装太阳能板多少钱", "安装|太阳能|板|多少钱");
	assert_tokens(tok, "装solar要多少钱？", "装|solar|要|多少钱");
	assert_tokens(tok, "ราคาน้ำมันวันนี้", "ราคา|น้ำมัน|วัน|นี้");
	assert_tokens(tok, "", "");
}

/* Chinese: the words ICU splits into characters come out whole, the shortest word of
 * data/tokenizer/zh-words.txt and the synonyms first; ICU's words stand elsewhere */
static void
test_tokenizer_chinese_lexicon(void)
{
	g_autoptr(CblueTokenizer) tok = cblue_tokenizer_new();
	/* ICU 72 alone: 门|店|的|监|控 and 可|视|化 */
	assert_tokens(tok, "门店的监控", "门店|的|监控");
	assert_tokens(tok, "可视化报表", "可视化|报表");
	/* a listed word wins, also across an ICU boundary (ICU: 太阳|能有) */
	assert_tokens(tok, "太阳能有吗", "太阳能|有|吗");
	/* the shortest: listed compounds give the words they are made of (ICU: 监|控|摄像|头) */
	assert_tokens(tok, "监控摄像头", "监控|摄像头");
	/* Traditional text is folded first, so it is segmented the same way */
	assert_tokens(tok, "門店的監控", "门店|的|监控");
	/* words of no list keep ICU's segmentation, and other scripts are untouched */
	assert_tokens(tok, "我们明天见", "我们|明天|见");
	assert_tokens(tok, "门店cctv门店", "门店|cctv|门店");
	assert_tokens(tok, "监", "监");
	assert_tokens(tok, "ติดตั้งกล้องวงจรปิด", "ติดตั้ง|กล้อง|วงจร|ปิด");
	/* everyday words ICU splits (安|卓, 二|维|码), and 大概 before a word that begins with
	 * its last character (ICU: 大|概要) */
	assert_tokens(tok, "安卓扫二维码", "安卓|扫|二维码");
	assert_tokens(tok, "大概要多少钱", "大概|要|多少钱");
}

/* Thai as chat types it is spelled as the dictionaries and the KB spell it: a character
 * held down for emphasis, a vowel or mark typed twice, SARA E typed twice for SARA AE, a
 * tone mark typed before an upper vowel (the same on screen); and MAI YAMOK is a word of its
 * own, as when typed with the customary space. Doubled consonants are spellings and stay. */
static void
test_tokenizer_thai_spellings(void)
{
	g_autoptr(CblueTokenizer) tok = cblue_tokenizer_new();
	static const gchar *const same[][2] = {
		{"ร้อนมากกกก", "ร้อนมาก"},
		{"ค่าาาา", "ค่า"},
		{"ดีีี", "ดี"},
		{"นะคะะ", "นะคะ"},
		{"เเล้ว", "แล้ว"},
		{"ก\xe0\xb9\x88\xe0\xb8\xb5คน", "กี่คน"}, /* MAI EK before SARA II */
		{"๕๕๕ ราคา", "555 ราคา"},
		{"ธรรมะ สัมมนา", "ธรรมะ สัมมนา"},
		/* three consonants inside Thai text are two words or a word: แบบ|บ้าน, ไอออน */
		{"แบบบ้าน ไอออนฟอสเฟต ร้อนมากกกค่ะ", "แบบบ้าน ไอออนฟอสเฟต ร้อนมากกกค่ะ"},
		{"ร้อนมากกก", "ร้อนมาก"},
		{"ร้อนมากกก ABC", "ร้อนมาก abc"}, /* also on GLib's path (no fast path for ABC's É) */
	};

	for (guint i = 0; i < G_N_ELEMENTS(same); i++) {
		g_autofree gchar *normalized = cblue_tokenizer_normalize(tok, same[i][0]);
		g_autofree gchar *slow = NULL;
		g_autofree gchar *with_accent = g_strconcat(same[i][0], " \xc3\x89", NULL);
		g_assert_cmpstr(normalized, ==, same[i][1]);
		/* the path through GLib's NFKC (" É" takes it) gives the same */
		slow = cblue_tokenizer_normalize(tok, with_accent);
		g_assert_true(g_str_has_prefix(slow, same[i][1]));
	}
	assert_tokens(tok, "บ้านร้อนมากกกก", "บ้าน|ร้อน|มาก");
	assert_tokens(tok, "อธิบายง่ายๆหน่อย", "อธิบาย|ง่าย|ๆ|หน่อย");
	assert_tokens(tok, "ผ่อนเป็นงวดๆได้ไหม", "ผ่อน|เป็น|งวด|ๆ|ได้|ไหม");
	assert_tokens(tok, "ต่าง ๆ", "ต่าง|ๆ");
	assert_tokens(tok, "ๆ", "ๆ");
}

/* Particles that the segmenters leave on the word before them come off: Thai ones at the end
 * of a word that is not in libthai's word list, Chinese ones at the end of ICU's words; words
 * that end in the same letters stay whole */
static void
test_tokenizer_particles(void)
{
	g_autoptr(CblueTokenizer) tok = cblue_tokenizer_new();
	/* libthai alone: ได้|รึเปล่าคะ and แพง|ป่ะครับ */
	assert_tokens(tok, "ได้รึเปล่าคะ", "ได้|รึ|เปล่า|คะ");
	assert_tokens(tok, "แพงป่ะครับ", "แพง|ป่ะ|ครับ");
	/* words of libthai's list: win, a lot, force, face */
	assert_tokens(tok, "ชนะ เยอะ บังคับ หน้า", "ชนะ|เยอะ|บังคับ|หน้า");
	/* ICU alone: 提了, 赚得, 剩的, 涨了 */
	assert_tokens(tok, "提了赚得剩的", "提|了|赚|得|剩|的");
	assert_tokens(tok, "电费涨了吗", "电费|涨|了|吗");
	/* chat's 啥 (what) too (ICU: 是啥), but not off 为啥 (why) */
	assert_tokens(tok, "这是啥东西", "这|是|啥|东西");
	assert_tokens(tok, "为啥", "为啥");
	/* words, not a word and a particle */
	assert_tokens(tok, "为了目的", "为了|目的");
	assert_tokens(tok, "获得 通过 值得 本地 酒吧", "获得|通过|值得|本地|酒吧");
	/* a Thai particle alone stays, and so does a Chinese one */
	assert_tokens(tok, "ครับ 了", "ครับ|了");
}

/* The words of short Thai and Chinese runs are remembered (see cblue_tokenizer_split_run()):
 * a run gives the words of its own segmenter, also right after the other segmenter's, and
 * the same words however often and among however many other runs it comes */
static void
test_tokenizer_remembered_runs(void)
{
	g_autoptr(CblueTokenizer) libthai = cblue_tokenizer_new_with_segmenter(CBLUE_THAI_SEGMENTER_LIBTHAI);
	g_autoptr(CblueTokenizer) icu = cblue_tokenizer_new_with_segmenter(CBLUE_THAI_SEGMENTER_ICU);
	static const gchar *const syllables[] = {"กา", "โล", "มิ", "รา", "เทค", "วอน", "ซู", "ชิ", "เบล", "ดอ",
						 "ควา", "เนก", "พิ", "ซอล", "ทรา", "วิน", "ติด", "ตั้ง", "ฮู", "จิน"};
	g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func(g_free);

	/* ICU splits ติดตั้ง (install), libthai keeps it whole (docs/tokenizer.md) */
	for (guint i = 0; i < 2; i++) {
		assert_tokens(libthai, "ติดตั้ง ติดตั้ง", "ติดตั้ง|ติดตั้ง");
		assert_tokens(icu, "ติดตั้ง ติดตั้ง", "ติด|ตั้ง|ติด|ตั้ง");
		assert_tokens(libthai, "ติดตั้งกล้องวงจรปิด 监控摄像头", "ติดตั้ง|กล้อง|วงจร|ปิด|监控|摄像头");
		assert_tokens(icu, "监控摄像头 监控摄像头", "监控|摄像头|监控|摄像头");
	}
	/* more distinct runs than are remembered at once (256 KB of them: about 3,000 runs of
	 * 60–90 bytes), then the first ones (forgotten) and the last ones (remembered) again:
	 * each is given again or segmented again, never anything else */
	for (guint n = 0; n < 3600; n++) {
		GString *text = g_string_new(NULL);
		g_autoptr(GPtrArray) words = NULL;
		for (guint x = n, k = 0; k < 10; k++, x = x / 3 + k)
			g_string_append(text, syllables[(x + k * 7) % G_N_ELEMENTS(syllables)]);
		g_string_append(text, n % 2 == 0 ? " ราคา" : "，多少钱");
		words = cblue_tokenizer_tokenize(libthai, text->str);
		g_ptr_array_add(expected, join_words(words));
		g_ptr_array_add(texts, g_string_free(text, FALSE));
	}
	for (guint n = 0; n < texts->len; n = n == 99 ? texts->len - 100 : n + 1)
		assert_tokens(libthai, g_ptr_array_index(texts, n), g_ptr_array_index(expected, n));
}

static const gchar *const thread_texts[] = {"ติดกล้องวงจรปิดราคาเท่าไหร่", "监控摄像头多少钱", "CCTV price"};
static gchar *thread_expected[G_N_ELEMENTS(thread_texts)];

static gpointer
tokenize_thread(gpointer data)
{
	CblueTokenizer *tok = data;
	for (guint i = 0; i < 2000; i++) {
		for (guint j = 0; j < G_N_ELEMENTS(thread_texts); j++)
			assert_tokens(tok, thread_texts[j], thread_expected[j]);
	}
	return NULL;
}

/* one tokenizer, used by several threads at once: break iterators are per thread */
static void
test_tokenizer_threads(void)
{
	g_autoptr(CblueTokenizer) tok = cblue_tokenizer_new();
	g_autoptr(GPtrArray) threads = g_ptr_array_new();
	for (guint j = 0; j < G_N_ELEMENTS(thread_texts); j++) {
		g_autoptr(GPtrArray) words = cblue_tokenizer_tokenize(tok, thread_texts[j]);
		g_free(thread_expected[j]);
		thread_expected[j] = join_words(words);
	}
	for (guint i = 0; i < 4; i++)
		g_ptr_array_add(threads, g_thread_new("tok", tokenize_thread, tok));
	for (guint i = 0; i < threads->len; i++)
		g_thread_join(g_ptr_array_index(threads, i));
}

/* Thai word-boundary F1 of an engine against the gold segmentation, counting only
 * boundaries with Thai on both sides (the fair comparison: see docs/tokenizer.md) */
static gdouble
thai_boundary_f1(CblueThaiSegmenter engine)
{
	g_autoptr(CblueTokenizer) tok = cblue_tokenizer_new_with_segmenter(engine);
	g_autofree gchar *path = cblue_test_data_path("th-segmentation.txt");
	g_autofree gchar *data = NULL;
	g_auto(GStrv) lines = NULL;
	g_autoptr(GError) error = NULL;
	guint tp = 0, n_gold = 0, n_pred = 0;

	g_file_get_contents(path, &data, NULL, &error);
	g_assert_no_error(error);
	lines = g_strsplit(data, "\n", -1);
	for (guint i = 0; lines[i] != NULL; i++) {
		g_auto(GStrv) gold_words = NULL;
		g_autofree gchar *text = NULL;
		g_autoptr(GHashTable) gold = g_hash_table_new(NULL, NULL);
		g_autoptr(GPtrArray) words = NULL;
		glong offset = 0;
		const gchar *cursor;

		if (lines[i][0] == '\0' || lines[i][0] == '#')
			continue;
		gold_words = g_strsplit(lines[i], "|", -1);
		text = g_strjoinv("", gold_words);
		for (guint j = 0; gold_words[j + 1] != NULL; j++) {
			const gchar *next = gold_words[j + 1];
			offset += g_utf8_strlen(gold_words[j], -1);
			if (gold_words[j][0] != '\0' && next[0] != '\0' &&
			    cblue_script_for_char(g_utf8_get_char(g_utf8_prev_char(gold_words[j] + strlen(gold_words[j])))) ==
				CBLUE_SCRIPT_THAI &&
			    cblue_script_for_char(g_utf8_get_char(next)) == CBLUE_SCRIPT_THAI) {
				g_hash_table_add(gold, GINT_TO_POINTER(offset));
				n_gold++;
			}
		}
		words = cblue_tokenizer_segment(tok, text);
		cursor = text;
		for (guint j = 0; j < words->len; j++) {
			const gchar *w = g_ptr_array_index(words, j);
			const gchar *found = strstr(cursor, w);
			const gchar *end;
			if (found == NULL)
				break;
			end = found + strlen(w);
			cursor = end;
			if (j + 1 < words->len && *end != '\0' &&
			    cblue_script_for_char(g_utf8_get_char(g_utf8_prev_char(end))) == CBLUE_SCRIPT_THAI &&
			    cblue_script_for_char(g_utf8_get_char(end)) == CBLUE_SCRIPT_THAI) {
				n_pred++;
				if (g_hash_table_contains(gold, GINT_TO_POINTER(g_utf8_pointer_to_offset(text, end))))
					tp++;
			}
		}
	}
	{
		gdouble p = n_pred > 0 ? (gdouble)tp / n_pred : 0, r = n_gold > 0 ? (gdouble)tp / n_gold : 0;
		return p + r > 0 ? 2 * p * r / (p + r) : 0;
	}
}

/* the dictionary's words as written: a real word, not a slip (retrieval's typo tolerance) */
static void
test_tokenizer_thai_word(void)
{
	g_autoptr(CblueTokenizer) tokenizer = cblue_tokenizer_new();

	g_assert_true(cblue_tokenizer_is_thai_word(tokenizer, "ไฟฟ้า"));
	g_assert_true(cblue_tokenizer_is_thai_word(tokenizer, "ขับ"));
	g_assert_false(cblue_tokenizer_is_thai_word(tokenizer, "ใฟฟ้า")); /* ใ for ไ */
	g_assert_false(cblue_tokenizer_is_thai_word(tokenizer, "แลว"));	   /* แล้ว without its tone mark */
	g_assert_false(cblue_tokenizer_is_thai_word(tokenizer, "solar"));
	g_assert_false(cblue_tokenizer_is_thai_word(tokenizer, "ไฟ fa"));
	g_assert_false(cblue_tokenizer_is_thai_word(tokenizer, ""));
}

static void
test_tokenizer_thai_accuracy(void)
{
	gdouble f1_libthai = thai_boundary_f1(CBLUE_THAI_SEGMENTER_LIBTHAI);
	gdouble f1_icu = thai_boundary_f1(CBLUE_THAI_SEGMENTER_ICU);
	g_test_message("Thai boundary F1: libthai %.3f, ICU %.3f", f1_libthai, f1_icu);
	/* the default engine must be the more accurate one */
	g_assert_cmpfloat(f1_libthai, >, f1_icu);
	g_assert_cmpfloat(f1_libthai, >=, 0.95);
	{
		g_autoptr(CblueTokenizer) tok = cblue_tokenizer_new();
		g_assert_cmpint(cblue_tokenizer_get_thai_segmenter(tok), ==, CBLUE_THAI_SEGMENTER_LIBTHAI);
	}
}

typedef struct {
	const gchar *text;
	const gchar *language;
} LangCase;

static void
test_language_detect(void)
{
	const LangCase cases[] = {
	    {"How much does a solar rooftop cost?", "en"},
	    {"ติดโซลาร์เซลล์ราคาเท่าไหร่", "th"},
	    {"ติด solar ราคาเท่าไหร่", "th"},
	    {"EV charger ติดที่บ้านได้ไหม", "th"},
	    {"屋顶太阳能多少钱", "zh"},
	    {"装solar要多少钱", "zh"},
	    {"EV充电桩", "zh"},
	    {"屋頂太陽能多少錢", "zh"},
	    {"12345 !!!", "en"},
	    {"Привет", "en"},
	    {"", "en"},
	    {"OK ครับ", "th"},
	    /* English around a borrowed Thai or Chinese word stays English ... */
	    {"do you do ต่อเติม? want to extend the kitchen at the back of the house", "en"},
	    {"how much is the 光伏 package for 5kW, all in?", "en"},
	    {"my roof is ลอนคู่ tiles, is it ok for panels?", "en"},
	    /* ... but not with fewer than three function words, nor under a longer Thai text */
	    {"what is 光伏", "zh"},
	    {"อยากได้ inverter ของ Huawei ใช้กับ on grid ได้ไหม", "th"},
	    {"บ้านอยู่ลาดพร้าว อยากติดแผงโซลาร์บนหลังคา do you do it", "th"},
	    /* one Thai or Chinese word, a name or a courtesy, in four English ones with two
	     * function words */
	    {"Can you install in ลาดพร้าว?", "en"},
	    {"Hello ครับ, how much for solar?", "en"},
	    {"how much 多少钱", "zh"},
	    /* Thai in Chinese: a place's name or a courtesy; Chinese quoted in Thai stays Thai */
	    {"ลาดพร้าว 可以吗", "zh"},
	    {"ขอบคุณครับ 谢谢", "zh"},
	    {"你好 แปลว่าอะไรคะ", "th"},
	    {"อยากรู้ว่า 光伏 คืออะไรครับ", "th"},
	    /* romanised Thai and pinyin mean Thai and Chinese ... */
	    {"raka tao rai krab", "th"},
	    {"ban yoo lat phrao, pai survey dai mai", "th"},
	    {"sawasdee ka", "th"},
	    {"wo xiang zhuang solar, duoshao qian", "zh"},
	    {"nǐ hǎo", "zh"},
	    {"anzhuang taiyangneng yao duojiu", "zh"},
	    /* ... but not around English words, nor with particles or names alone */
	    {"thank you ka", "en"},
	    {"good evening na krab", "en"},
	    {"sawasdee krab, how much is solar for a house?", "en"},
	    {"Chiang Mai?", "en"},
	    {"Bang Na ok", "en"},
	    {"shine", "en"},
	    {"banana", "en"},
	    {"Huawei SUN2000", "en"},
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		gdouble confidence = -1;
		const gchar *lang = cblue_language_detect(cases[i].text, &confidence);
		g_test_message("%s → %s (%.2f)", cases[i].text, lang, confidence);
		g_assert_cmpstr(lang, ==, cases[i].language);
		g_assert_cmpfloat(confidence, >=, 0.0);
		g_assert_cmpfloat(confidence, <=, 1.0);
	}
	/* the count stops at the first malformed character: an overlong form or a surrogate */
	g_assert_cmpstr(cblue_language_detect("hello \xE0\x80\x80 ไทยไทยไทย", NULL), ==, "en");
	g_assert_cmpstr(cblue_language_detect("hello \xED\xA0\x80 ไทยไทยไทย", NULL), ==, "en");
	g_assert_cmpstr(cblue_language_detect("hello \xE0\xB8\x81 ไทยไทยไทย", NULL), ==, "th");
	g_assert_true(cblue_language_is_supported("th"));
	g_assert_false(cblue_language_is_supported("fr"));
	g_assert_false(cblue_language_is_supported(NULL));
}

/* the per-thread memo of a derived text: found only under its tag and text, %NULL kept */
static void
test_tokenizer_memo(void)
{
	gchar *derived = (gchar *)"unset";

	g_assert_false(cblue_tokenizer_memo_lookup("digest-a", "solar roof", &derived));
	cblue_tokenizer_memo_store("digest-a", "solar roof", "solar rooftop");
	g_assert_true(cblue_tokenizer_memo_lookup("digest-a", "solar roof", &derived));
	g_assert_cmpstr(derived, ==, "solar rooftop");
	g_clear_pointer(&derived, g_free);
	g_assert_false(cblue_tokenizer_memo_lookup("digest-b", "solar roof", &derived));
	g_assert_false(cblue_tokenizer_memo_lookup("digest-a", "solar roo", &derived));
	g_assert_false(cblue_tokenizer_memo_lookup("digest-a", "solar roofs", &derived));
	/* nothing derived is remembered as such */
	cblue_tokenizer_memo_store("digest-a", "แผงโซลาร์", NULL);
	derived = (gchar *)"unset";
	g_assert_true(cblue_tokenizer_memo_lookup("digest-a", "แผงโซลาร์", &derived));
	g_assert_null(derived);
	g_assert_false(cblue_tokenizer_memo_lookup("digest-a", "solar roof", &derived));
}

int
main(int argc, char **argv)
{
	cblue_test_init(&argc, &argv);
	g_test_add_func("/cblue/tokenizer/normalize", test_tokenizer_normalize);
	g_test_add_func("/cblue/tokenizer/normalize/fast-path", test_tokenizer_normalize_fast_path);
	g_test_add_func("/cblue/tokenizer/normalize/passes", test_tokenizer_normalize_passes);
	g_test_add_func("/cblue/tokenizer/expected", test_tokenizer_expected);
	g_test_add_func("/cblue/tokenizer/segment", test_tokenizer_segment);
	g_test_add_func("/cblue/tokenizer/chinese-lexicon", test_tokenizer_chinese_lexicon);
	g_test_add_func("/cblue/tokenizer/particles", test_tokenizer_particles);
	g_test_add_func("/cblue/tokenizer/thai-spellings", test_tokenizer_thai_spellings);
	g_test_add_func("/cblue/tokenizer/remembered-runs", test_tokenizer_remembered_runs);
	g_test_add_func("/cblue/tokenizer/threads", test_tokenizer_threads);
	g_test_add_func("/cblue/tokenizer/thai-accuracy", test_tokenizer_thai_accuracy);
	g_test_add_func("/cblue/tokenizer/thai-word", test_tokenizer_thai_word);
	g_test_add_func("/cblue/tokenizer/memo", test_tokenizer_memo);
	g_test_add_func("/cblue/language/detect", test_language_detect);
	return g_test_run();
}
