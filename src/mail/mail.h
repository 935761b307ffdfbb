/*
 * mail: sends the one kind of mail schakel sends, "something waits for
 * you in schakel" with a link to the app, through an SMTP server with
 * libcurl.  The mail carries no content of any signal or case, no name
 * and no municipality: only that something waits, and where to log in.
 *
 * smtp:// URLs require STARTTLS (CURLUSESSL_ALL) except on 127.0.0.1 and
 * localhost, where TLS is tried but not required (tests); smtps:// is TLS
 * from the start.  User and password may be in the URL or given apart.
 * Failures come back as a short fixed code, never the server's text, so
 * that no address reaches a log.
 */
#ifndef SCHAKEL_MAIL_H
#define SCHAKEL_MAIL_H

struct mail_config {
	const char	*url;		/* smtp://host:port or smtps:// */
	const char	*user;		/* NULL: none, or in the URL */
	const char	*password;
	const char	*from;		/* envelope and From: address */
	const char	*public_url;	/* https://host, the link's base */
};

/* Check the configuration before serving; -1 with a reason in why. */
int	mail_check(const struct mail_config *, const char **why);
/* Send the notification mail to `to` (notify_send_fn). */
int	mail_send(void *config, const char *to, const char *kind,
	    const char *link, const char **code);

#endif
