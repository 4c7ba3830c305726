/* i18n: the gettext macros, or their identity when built with --disable-nls. */
#ifndef KAMAE_I18N_H
#define KAMAE_I18N_H

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
/* Like gettext, a function whose result is its argument: the compiler
 * still checks the formats, as it does through gettext. */
__attribute__((format_arg(1))) static inline const char *i18n_identity(const char *s)
{
	return s;
}
#define _(s) i18n_identity(s)
#define gettext(s) i18n_identity(s)
#define ngettext(one, many, n) ((n) == 1 ? i18n_identity(one) : i18n_identity(many))
#define bindtextdomain(domain, dir) ((void)(domain), (void)(dir))
#define bind_textdomain_codeset(domain, cs) ((void)(domain), (void)(cs))
#define textdomain(domain) ((void)(domain))
#endif
/* Marks a string for xgettext without translating it here. */
#define N_(s) (s)

#endif
