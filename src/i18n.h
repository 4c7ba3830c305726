/* i18n: the gettext macros, or their identity when built with --disable-nls. */
#ifndef KAMAE_I18N_H
#define KAMAE_I18N_H

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) ((const char *)(s))
#define gettext(s) ((const char *)(s))
#define ngettext(one, many, n) ((n) == 1 ? (const char *)(one) : (const char *)(many))
#define bindtextdomain(domain, dir) ((void)(domain), (void)(dir), "")
#define bind_textdomain_codeset(domain, cs) ((void)(domain), (void)(cs), "")
#define textdomain(domain) ((void)(domain), "")
#endif
/* Marks a string for xgettext without translating it here. */
#define N_(s) (s)

#endif
