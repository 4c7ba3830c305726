/* date: calendar dates as kamae stores them (YYYY-MM-DD, years 1900-9999), what users type for one, and day arithmetic. */
#ifndef KAMAE_DATE_H
#define KAMAE_DATE_H

/* Splits a strict YYYY-MM-DD (a real date, 1900-9999); 0, or -1. */
int date_parse(const char *s, int *y, int *m, int *d);
/* 1 when s is a real date YYYY-MM-DD. */
int date_valid(const char *s);
/* A date as people write it — 2027-03-31, 2027-3-31, 2027/3/31, 2027.3.31,
 * 2027年3月31日, full-width digits too — as YYYY-MM-DD into out; 0, or -1
 * when it is not a real date. */
int date_normalize(const char *in, char out[11]);
/* today + months, clamped to the month's last day, as YYYY-MM-DD into out;
 * "" when today is not a valid date. */
void date_add_months(const char *today, int months, char out[11]);
/* Today as YYYY-MM-DD (local time). */
void date_today(char out[11]);
/* Days since 1970-01-01 of a valid YYYY-MM-DD (-1 otherwise), and back
 * ("" outside 1900-9999). */
long date_day(const char *s);
void date_from_day(long day, char out[11]);

#endif
