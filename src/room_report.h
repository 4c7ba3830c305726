/* room_report: the room as a terminal table, a printable page (room.html) and a workbook (room.xlsx). */
#ifndef KAMAE_ROOM_REPORT_H
#define KAMAE_ROOM_REPORT_H

#include <stddef.h>
#include <stdio.h>
#include "room.h"

/* The three views and the skipped files, at most 80 columns wide. */
int room_print(FILE *out, const struct room *r);
/* room.html: the same views, the labels as a coloured heat map, on A4. */
int room_html(FILE *out, const void *room);
/* room.xlsx: one sheet per view, the labels' heat map colour-scaled. */
int room_xlsx(const void *room, const char *path, char *err, size_t errlen);

/* Shared by the three: a company's points of a set as "101.5 69%", its
 * percent alone as "69%", "n/a" when the set does not apply. */
void room_points(const struct score_tally *t, int with_percent, char *buf, size_t len);

#endif
