/* text: UTF-8 and display width — measuring, wrapping (with simple kinsoku), truncating, sanitising. */
#ifndef KAMAE_TEXT_H
#define KAMAE_TEXT_H

#include <stddef.h>
#include <wchar.h>

/* Display columns of a UTF-8 string (wcwidth per character; invalid bytes
 * and control characters count as 1, as they are drawn replaced). */
int text_width(const char *s);
/* Copies UTF-8 text into dst as a safe part of a file name: characters
 * that file systems or shells treat specially (/ \\ : * ? " < > | and
 * controls, white space) become '_', a leading '.' or '-' is dropped,
 * Japanese is kept, and at most max_chars characters are taken. */
void text_filename_part(const char *s, size_t max_chars, char *dst, size_t dstlen);
/* Characters (code points) in a UTF-8 string, as a user counts them. */
size_t text_chars(const char *s);
int text_wwidth(const wchar_t *s, size_t n);

/* Converts UTF-8 to a newly malloc'd wide string (caller frees); invalid
 * sequences become U+FFFD. Sets *len when len is non-NULL. */
wchar_t *text_to_wide(const char *s, size_t *len);
/* Converts a wide string to newly malloc'd UTF-8 (caller frees). */
char *text_from_wide(const wchar_t *w, size_t n);

/* Returns a malloc'd copy where invalid UTF-8 becomes U+FFFD and control
 * characters other than '\n' (and '\t' when keep_tab) are dropped. */
char *text_sanitize(const char *s, int keep_tab);

/* Returns a malloc'd copy for searching, case-folded and NFKC-normalised
 * (libunistring): "pc", "PC" and "ＰＣ" fold alike, and so do "ﾊﾟｽﾜｰﾄﾞ" and
 * "パスワード". NULL when out of memory. */
char *text_fold(const char *s);

/* One wrapped line: a slice of the wide input. */
struct text_line {
	size_t start;   /* index into the wide string */
	size_t len;     /* characters in this line (without the '\n') */
	int width;      /* display columns */
};

/* Wraps w[0..n) into lines at most `cols` columns wide: '\n' breaks a line,
 * ASCII words stay whole where they fit, no line starts with closing
 * punctuation (、。，．）」』】〕！？ー ぁぃぅぇぉっゃゅょ etc.) and none ends with
 * an opening bracket (「『（【〔), spaces at a soft break are dropped.
 * Fills up to max lines into out (may be NULL to count) and returns the total
 * number of lines. cols < 2 is treated as 2. */
int text_wrap(const wchar_t *w, size_t n, int cols, struct text_line *out, int max);

/* Copies into dst (size dstlen bytes, always NUL-terminated) the longest prefix
 * of s that fits in cols columns, never splitting a character; appends "…"
 * (counted as 1 column) when cut and ellipsis is set. Returns columns used. */
int text_truncate(const char *s, int cols, int ellipsis, char *dst, size_t dstlen);

/* Bytes of s[0..len) that hold at most max characters, never ending inside
 * a UTF-8 sequence. */
size_t text_cut_chars(const char *s, size_t len, size_t max);
/* The largest length <= len that does not end inside a UTF-8 sequence
 * (s[len] is read: len must be within the string or at its NUL). */
size_t text_cut_bytes(const char *s, size_t len);

/* Pads/truncates to exactly cols columns into dst (for aligned columns). */
int text_pad(const char *s, int cols, char *dst, size_t dstlen);
/* Like text_pad, but a text cut short ends in '~', so that the reader sees
 * it goes on: the ellipsis "…" is ambiguous-width and drawn two columns wide
 * by many Japanese terminals, which would break the alignment. */
int text_fit(const char *s, int cols, char *dst, size_t dstlen);

#endif
