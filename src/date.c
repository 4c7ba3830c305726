/* date: calendar dates as kamae stores them (YYYY-MM-DD, years 1900-9999), what users type for one, and day arithmetic. */
#ifdef HAVE_CONFIG_H
#include <config.h>
#endif

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "date.h"

static int date_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int date_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && date_leap(y) ? 29 : days[m - 1];
}

static int date_digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

/* Splits a strict YYYY-MM-DD; 0 on success. Years before 1900 are refused:
 * nobody plans a security task then, and it keeps tm_year arithmetic simple. */
int date_parse(const char *s, int *y, int *m, int *d)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	if (date_digits(s, 4, y) || date_digits(s + 5, 2, m) || date_digits(s + 8, 2, d))
		return -1;
	if (*y < 1900 || *m < 1 || *m > 12 || *d < 1 || *d > date_days_in_month(*y, *m))
		return -1;
	return 0;
}

int date_valid(const char *s)
{
	int y, m, d;
	return date_parse(s, &y, &m, &d) == 0;
}

void date_add_months(const char *today, int months, char out[11])
{
	int y, m, d;
	out[0] = '\0';
	if (date_parse(today, &y, &m, &d) != 0)
		return;
	int index = y * 12 + (m - 1) + months;
	y = index / 12;
	m = index % 12 + 1;
	/* 31 Jan + 1 month is the last day of February, not early March. */
	if (d > date_days_in_month(y, m))
		d = date_days_in_month(y, m);
	if (y > 9999)
		return;
	/* The modulo tells the compiler what the checks above already ensure. */
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
	         (unsigned)d % 100u);
}

void date_today(char out[11])
{
	time_t now = time(NULL);
	struct tm tm;
	if (!localtime_r(&now, &tm) || strftime(out, 11, "%Y-%m-%d", &tm) != 10)
		snprintf(out, 11, "1970-01-01");
}

/* Days since 1970-01-01 of a civil date, and back (proleptic Gregorian). */
static long date_day_number(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_from_day(long z, char out[11])
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	int d = (int)(doy - (153 * mp + 2) / 5 + 1);
	int m = (int)(mp < 10 ? mp + 3 : mp - 9);
	long y = yoe + era * 400 + (m <= 2);
	if (y < 1900 || y > 9999) {
		out[0] = '\0';
		return;
	}
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
	         (unsigned)d % 100u);
}

/* The day number of a valid YYYY-MM-DD, -1 otherwise. */
long date_day(const char *s)
{
	int y, m, d;
	return date_parse(s, &y, &m, &d) == 0 ? date_day_number(y, m, d) : -1;
}


/* The digits of a number a user typed (ASCII or full width), into *out;
 * returns the position after them, NULL when there is none or too many. */
static const char *date_number(const char *s, int max_digits, int *out)
{
	int v = 0, n = 0;
	for (;;) {
		if (*s >= '0' && *s <= '9') {
			v = v * 10 + (*s - '0');
			s++;
		} else if ((unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBC
		           && (unsigned char)s[2] >= 0x90 && (unsigned char)s[2] <= 0x99) {
			v = v * 10 + ((unsigned char)s[2] - 0x90);   /* ０..９ */
			s += 3;
		} else {
			break;
		}
		if (++n > max_digits)
			return NULL;
	}
	*out = v;
	return n ? s : NULL;
}

/* One of the separators people write between the parts of a date. */
static const char *date_separator(const char *s, const char *const *seps)
{
	for (; *seps; seps++)
		if (strncmp(s, *seps, strlen(*seps)) == 0)
			return s + strlen(*seps);
	return NULL;
}

int date_normalize(const char *in, char out[11])
{
	static const char *const after_year[] = { "-", "/", "年", ".", "－", "／", "．", NULL };
	static const char *const after_month[] = { "-", "/", "月", ".", "－", "／", "．", NULL };
	int y, m, d;
	const char *p = in;
	while (*p == ' ')
		p++;
	if (!(p = date_number(p, 4, &y)) || !(p = date_separator(p, after_year))
	    || !(p = date_number(p, 2, &m)) || !(p = date_separator(p, after_month))
	    || !(p = date_number(p, 2, &d)))
		return -1;
	if (strncmp(p, "日", strlen("日")) == 0)
		p += strlen("日");
	while (*p == ' ')
		p++;
	if (*p || y < 1900 || m < 1 || m > 12 || d < 1 || d > date_days_in_month(y, m))
		return -1;
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
	         (unsigned)d % 100u);
	return 0;
}
