/* text: UTF-8 decoding, display width, wrapping with simple kinsoku, truncating, sanitising. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

/* wcwidth() is X/Open; the build normally defines this already. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unicase.h>
#include <uninorm.h>

#include "text.h"

#define TEXT_REPLACEMENT 0xFFFDu
#define TEXT_ELLIPSIS "\xe2\x80\xa6" /* U+2026 */

/*
 * Decoding and encoding are done here rather than with mbrtowc() so that what
 * becomes U+FFFD does not depend on the caller's locale.
 */

/* Decodes one character from the NUL-terminated s and stores the bytes used
 * in *used (at least 1). An ill-formed sequence yields one U+FFFD for its
 * maximal valid prefix, as Unicode recommends, so "\xe6\x97" at the end of a
 * string is one replacement and never reads past the NUL. */
static uint32_t text_decode(const unsigned char *s, size_t *used)
{
	unsigned char c = s[0];
	unsigned char lo = 0x80, hi = 0xBF;
	uint32_t cp;
	size_t need;

	if (c < 0x80) {
		*used = 1;
		return c;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		cp = c & 0x1Fu;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		cp = c & 0x0Fu;
		/* These second-byte ranges exclude overlongs and surrogates. */
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		cp = c & 0x07u;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		/* 0x80..0xC1 (stray continuation or overlong lead), 0xF5..0xFF */
		*used = 1;
		return TEXT_REPLACEMENT;
	}
	for (size_t k = 1; k <= need; k++) {
		unsigned char b = s[k];
		if (b < lo || b > hi) {
			*used = k;
			return TEXT_REPLACEMENT;
		}
		lo = 0x80;
		hi = 0xBF;
		cp = cp << 6 | (b & 0x3Fu);
	}
	*used = need + 1;
	return cp;
}

/* Encodes cp into out (room for 4 bytes); returns the byte count. Surrogates
 * and values beyond U+10FFFF cannot be encoded and become U+FFFD. */
static size_t text_encode(uint32_t cp, char *out)
{
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		cp = TEXT_REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

static wchar_t text_to_wchar(uint32_t cp)
{
	/* Where wchar_t is 16 bits, characters beyond the BMP cannot be held. */
	if (cp > (uint32_t)WCHAR_MAX)
		return (wchar_t)TEXT_REPLACEMENT;
	return (wchar_t)cp;
}

/* Columns of one character. wcwidth() says -1 for control characters and for
 * code points it does not know; both are drawn as one replacement cell. */
static int text_char_width(wchar_t c)
{
	int w = wcwidth(c);
	return w < 0 ? 1 : w;
}

int text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int cols = 0;

	if (!s)
		return 0;
	while (*p) {
		size_t used;
		cols += text_char_width(text_to_wchar(text_decode(p, &used)));
		p += used;
	}
	return cols;
}

int text_wwidth(const wchar_t *s, size_t n)
{
	int cols = 0;

	if (!s)
		return 0;
	for (size_t i = 0; i < n && s[i] != L'\0'; i++)
		cols += text_char_width(s[i]);
	return cols;
}

wchar_t *text_to_wide(const char *s, size_t *len)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	/* Every character uses at least one byte, so this is enough. */
	wchar_t *w = malloc((strlen((const char *)p) + 1) * sizeof *w);
	size_t n = 0;

	if (!w)
		return NULL;
	while (*p) {
		size_t used;
		w[n++] = text_to_wchar(text_decode(p, &used));
		p += used;
	}
	w[n] = L'\0';
	if (len)
		*len = n;
	return w;
}

char *text_from_wide(const wchar_t *w, size_t n)
{
	char *s, *q;

	if (!w)
		n = 0;
	if (n > (SIZE_MAX - 1) / 4)
		return NULL;
	s = malloc(n * 4 + 1);
	if (!s)
		return NULL;
	q = s;
	/* A NUL would end the C string anyway; stop there. Negative values of
	 * a signed wchar_t turn into huge code points and so into U+FFFD. */
	for (size_t i = 0; i < n && w[i] != L'\0'; i++)
		q += text_encode((uint32_t)w[i], q);
	*q = '\0';
	return s;
}

/* Characters a terminal would act on rather than draw: C0 controls, DEL and
 * C1 controls (0x9B alone is a CSI on some terminals). */
static int text_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

char *text_sanitize(const char *s, int keep_tab)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p);
	char *out, *q;

	/* A lone invalid byte grows to the three bytes of U+FFFD. */
	if (n > (SIZE_MAX - 1) / 3)
		return NULL;
	out = malloc(n * 3 + 1);
	if (!out)
		return NULL;
	q = out;
	while (*p) {
		size_t used;
		uint32_t cp = text_decode(p, &used);
		p += used;
		/* Dropping '\r' turns "\r\n" into "\n". */
		if (text_is_control(cp) && cp != '\n' && !(cp == '\t' && keep_tab))
			continue;
		q += text_encode(cp, q);
	}
	*q = '\0';
	return out;
}

/* ---- wrapping ---- */

/* Kinsoku: characters that must not begin a line (closing brackets and
 * punctuation, prolonged sound mark, small kana, iteration marks, postfix
 * units) and characters that must not end one (opening brackets). */
static const wchar_t text_no_line_start[] =
	L"、。，．,.)）]］}｝」』】〕〉》〙〗〟’”｣｡､"
	L"!！?？‼⁇⁈⁉:：;；"
	L"ー－ｰ・･‐゠–〜～"
	L"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
	L"ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ"
	L"々〻ゝゞヽヾ"
	L"%％‰℃°′″";
static const wchar_t text_no_line_end[] =
	L"(（[［{｛「『【〔〈《〘〖〝‘“｢";

static int text_in_set(const wchar_t *set, wchar_t c)
{
	/* wcschr() would find the terminator for c == 0. */
	return c != L'\0' && wcschr(set, c) != NULL;
}

/* Spaces end a word and are dropped at a soft break; U+3000 is the
 * ideographic space used between Japanese phrases. */
static int text_is_space(wchar_t c)
{
	return c == L' ' || c == L'\t' || c == 0x3000;
}

/* Characters of space-separated words (ASCII letters, digits and the
 * punctuation in URLs, paths, versions and addresses, plus accented Latin):
 * no break between two of them, so "Windows" or a URL stays whole. */
static int text_is_word(wchar_t c)
{
	return (c > 0x20 && c < 0x7F) ||
	       (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

/* Whether a break before w[j] satisfies kinsoku alone. A zero-width
 * character (a combining mark) belongs to the character before it. */
static int text_kinsoku_ok(const wchar_t *w, size_t j)
{
	return !text_in_set(text_no_line_start, w[j]) &&
	       !text_in_set(text_no_line_end, w[j - 1]) &&
	       wcwidth(w[j]) != 0;
}

/* Whether a line starting at ls may end before w[j] (ls < j): kinsoku, ASCII
 * words kept whole, and after spaces only when something precedes them. */
static int text_break_ok(const wchar_t *w, size_t ls, size_t j)
{
	wchar_t a = w[j - 1], b = w[j];
	size_t k;

	if (text_is_space(b) || text_in_set(text_no_line_start, b) || wcwidth(b) == 0)
		return 0;
	if (!text_is_space(a))
		return !text_in_set(text_no_line_end, a) &&
		       !(text_is_word(a) && text_is_word(b));
	/* The spaces will be dropped: judge the character before them. */
	for (k = j - 1; k > ls && text_is_space(w[k - 1]); k--)
		;
	if (k == ls)
		return 0; /* only indentation before: the line would be empty */
	return !text_in_set(text_no_line_end, w[k - 1]);
}

/* Where to end a line [ls, i) when w[i] does not fit. Going back to an
 * earlier break pushes the characters after it down to the next line
 * (oidashi). A word too long for any line, or a run with no allowed break,
 * is split by column, still avoiding kinsoku if some position allows it;
 * failing that, it breaks at i anyway. */
static size_t text_find_break(const wchar_t *w, size_t ls, size_t i)
{
	size_t j;

	for (j = i; j > ls; j--)
		if (text_break_ok(w, ls, j))
			return j;
	for (j = i; j > ls; j--)
		if (text_kinsoku_ok(w, j))
			return j;
	return i;
}

static size_t text_trim_end(const wchar_t *w, size_t ls, size_t e)
{
	while (e > ls && text_is_space(w[e - 1]))
		e--;
	return e;
}

static size_t text_skip_spaces(const wchar_t *w, size_t j, size_t q)
{
	while (j < q && text_is_space(w[j]))
		j++;
	return j;
}

/* Lays out one line of the paragraph w[ls..q) starting at ls: stores its end
 * in *end and where the next line starts in *next. */
static void text_next_line(const wchar_t *w, size_t ls, size_t q, int cols,
                           size_t *end, size_t *next)
{
	int width = 0;
	size_t i, j;

	/* The first character is always taken, even one wider than cols. */
	for (i = ls; i < q; i++) {
		int cw = text_char_width(w[i]);
		if (i > ls && width + cw > cols)
			break;
		width += cw;
	}
	if (i == q) {
		*end = q;
		*next = q;
		return;
	}
	/* Spaces that overflow are a break of their own. */
	j = text_is_space(w[i]) ? i : text_find_break(w, ls, i);
	*end = text_trim_end(w, ls, j);
	*next = text_skip_spaces(w, j, q);
}

static int text_emit(const wchar_t *w, size_t start, size_t end,
                     struct text_line *out, int max, int count)
{
	if (out && count < max) {
		int cols = 0;
		for (size_t i = start; i < end; i++)
			cols += text_char_width(w[i]);
		out[count].start = start;
		out[count].len = end - start;
		out[count].width = cols;
	}
	return count < INT_MAX ? count + 1 : count;
}

/* Wraps the paragraph w[p..q) (no '\n' inside); an empty one is one empty
 * line. Returns the new line count. */
static int text_wrap_paragraph(const wchar_t *w, size_t p, size_t q, int cols,
                               struct text_line *out, int max, int count)
{
	size_t ls = p;

	if (p == q)
		return text_emit(w, p, p, out, max, count);
	while (ls < q) {
		size_t end, next;
		text_next_line(w, ls, q, cols, &end, &next);
		count = text_emit(w, ls, end, out, max, count);
		ls = next;
	}
	return count;
}

int text_wrap(const wchar_t *w, size_t n, int cols, struct text_line *out, int max)
{
	int count = 0;
	size_t p = 0;

	if (cols < 2)
		cols = 2;
	if (!w)
		n = 0;
	/* Each '\n' ends a line, so "a\n" is "a" and an empty line: an editor
	 * needs that last line to put its cursor on. */
	for (;;) {
		size_t q = p;
		while (q < n && w[q] != L'\n')
			q++;
		count = text_wrap_paragraph(w, p, q, cols, out, max, count);
		if (q >= n)
			break;
		p = q + 1;
	}
	return count;
}

/* ---- truncating and padding ---- */

/* Copies whole characters of s into dst while they fit in cols columns and
 * room bytes; invalid bytes are written as U+FFFD. Returns the columns
 * copied; *bytes gets the bytes written and *all whether s was used up. */
static int text_copy_fit(const char *s, int cols, char *dst, size_t room,
                         size_t *bytes, int *all)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;
	int width = 0;

	while (*p) {
		char enc[4];
		size_t used, len;
		wchar_t c = text_to_wchar(text_decode(p, &used));
		int cw = text_char_width(c);

		len = text_encode((uint32_t)c, enc);
		if (width + cw > cols || len > room - n)
			break;
		memcpy(dst + n, enc, len);
		n += len;
		width += cw;
		p += used;
	}
	*bytes = n;
	*all = *p == '\0';
	return width;
}

int text_truncate(const char *s, int cols, int ellipsis, char *dst, size_t dstlen)
{
	size_t bytes;
	int width, all;
	const size_t ell_len = sizeof TEXT_ELLIPSIS - 1;

	if (!dst || dstlen == 0)
		return 0;
	if (!s)
		s = "";
	if (cols < 0)
		cols = 0;
	width = text_copy_fit(s, cols, dst, dstlen - 1, &bytes, &all);
	if (!all && ellipsis && cols >= 1 && dstlen - 1 >= ell_len) {
		/* Cut: make room for the one-column ellipsis and copy again. */
		width = text_copy_fit(s, cols - 1, dst, dstlen - 1 - ell_len, &bytes, &all);
		memcpy(dst + bytes, TEXT_ELLIPSIS, ell_len);
		bytes += ell_len;
		width++;
	}
	dst[bytes] = '\0';
	return width;
}

int text_pad(const char *s, int cols, char *dst, size_t dstlen)
{
	/* No ellipsis: "…" is ambiguous-width and drawn two columns wide by many
	 * Japanese terminals, which would break the alignment padding is for. */
	int width = text_truncate(s, cols, 0, dst, dstlen);
	size_t n;

	if (!dst || dstlen == 0)
		return 0;
	/* A wide character that did not fit leaves a gap: fill it too. */
	n = strlen(dst);
	while (width < cols && n + 1 < dstlen) {
		dst[n++] = ' ';
		width++;
	}
	dst[n] = '\0';
	return width;
}

size_t text_cut_chars(const char *s, size_t len, size_t max)
{
	size_t chars = 0;
	for (size_t i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		if (chars == max)
			return i;
		chars++;
	}
	return len;
}

size_t text_cut_bytes(const char *s, size_t len)
{
	size_t end = len;
	while (end > 0 && ((unsigned char)s[end] & 0xC0) == 0x80)
		end--;
	return end;
}

int text_fit(const char *s, int cols, char *dst, size_t dstlen)
{
	if (cols < 2 || text_width(s) <= cols || dstlen < 2)
		return text_pad(s, cols, dst, dstlen);
	int width = text_truncate(s, cols - 1, 0, dst, dstlen - 1);
	size_t n = strlen(dst);
	dst[n++] = '~';
	for (width++; width < cols && n + 1 < dstlen; width++)
		dst[n++] = ' ';
	dst[n] = '\0';
	return width;
}

char *text_fold(const char *s)
{
	size_t len = 0;
	/* Case folding with NFKC: full-width letters and digits, half-width
	 * katakana (ﾊﾟｽﾜｰﾄﾞ) and the ideographic space all meet their usual
	 * forms. Invalid UTF-8 folds to nothing rather than failing a search. */
	uint8_t *f = u8_casefold((const uint8_t *)s, strlen(s), NULL, UNINORM_NFKC, NULL, &len);
	if (!f)
		return errno == EILSEQ ? strdup("") : NULL;
	char *out = malloc(len + 1);
	if (out) {
		memcpy(out, f, len);
		out[len] = '\0';
	}
	free(f);
	return out;
}

size_t text_chars(const char *s)
{
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += (*p & 0xC0) != 0x80;   /* every byte but a continuation byte */
	return n;
}

void text_filename_part(const char *s, size_t max_chars, char *dst, size_t dstlen)
{
	size_t out = 0, chars = 0;
	const unsigned char *p = (const unsigned char *)s;
	if (!dstlen)
		return;
	while (*p == '.' || *p == '-' || *p == ' ')
		p++;
	while (*p && chars < max_chars) {
		size_t n = 1;
		if (*p >= 0xC0)   /* the length of a UTF-8 sequence from its lead byte */
			n = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
		for (size_t k = 1; k < n; k++)
			if ((p[k] & 0xC0) != 0x80)
				n = 1;   /* broken sequence: take the byte alone, replaced below */
		int special = n == 1 && (*p < 0x20 || *p == 0x7F || *p >= 0x80 || strchr("/\\:*?\"<>| \t", *p));
		/* U+3000, the ideographic space, is white space too. */
		if (n == 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
			special = 1;
		size_t need = special ? 1 : n;
		if (out + need + 1 > dstlen)
			break;
		if (special)
			dst[out++] = '_';
		else
			for (size_t k = 0; k < n; k++)
				dst[out++] = (char)p[k];
		p += n;
		chars++;
	}
	dst[out] = '\0';
}
