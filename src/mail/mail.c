#include "mail/mail.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

struct upload {
	const char	*p;
	size_t		 left;
};

static size_t
read_cb(char *out, size_t size, size_t n, void *arg)
{
	struct upload *u = arg;
	size_t k = size * n < u->left ? size * n : u->left;

	memcpy(out, u->p, k);
	u->p += k;
	u->left -= k;
	return k;
}

static int
loopback(const char *url)
{
	const char *h = strstr(url, "://");

	if (h == NULL)
		return 0;
	h += 3;
	if (strchr(h, '@') != NULL)
		h = strchr(h, '@') + 1;
	return strncmp(h, "127.0.0.1", 9) == 0 ||
	    strncmp(h, "localhost", 9) == 0;
}

int
mail_check(const struct mail_config *c, const char **why)
{
	if (strncmp(c->url, "smtp://", 7) != 0 &&
	    strncmp(c->url, "smtps://", 8) != 0) {
		*why = "--smtp must be an smtp:// or smtps:// URL";
		return -1;
	}
	if (c->from == NULL || strchr(c->from, '@') == NULL ||
	    strpbrk(c->from, " \r\n<>") != NULL) {
		*why = "--smtp-from must be one address";
		return -1;
	}
	if (c->public_url == NULL || (strncmp(c->public_url, "https://", 8)
	    != 0 && strncmp(c->public_url, "http://", 7) != 0) ||
	    strpbrk(c->public_url, " \r\n") != NULL) {
		*why = "--public-url must be an http(s):// URL";
		return -1;
	}
	return 0;
}

int
mail_send(void *config, const char *to, const char *kind, const char *link,
    const char **code)
{
	const struct mail_config *c = config;
	struct curl_slist *rcpt = NULL;
	struct upload u;
	char msg[2048], date[64], rcptbuf[300], frombuf[300];
	time_t now = time(NULL);
	struct tm tm;
	CURLcode rc;
	CURL *h;
	int n;

	(void)kind;
	gmtime_r(&now, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	/* The same words for every kind: what waits is seen after login. */
	n = snprintf(msg, sizeof(msg),
	    "Date: %s\r\n"
	    "From: schakel <%s>\r\n"
	    "To: <%s>\r\n"
	    "Subject: Er wacht iets op u in schakel / Something is waiting "
	    "for you\r\n"
	    "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "\r\n"
	    "Er wacht iets op u in schakel. Log in om te zien wat:\r\n"
	    "%s/%s\r\n"
	    "\r\n"
	    "Something is waiting for you in schakel. Log in to see what:\r\n"
	    "%s/%s\r\n"
	    "\r\n"
	    "Deze e-mail bevat bewust geen inhoud. U kunt e-mail uitzetten "
	    "op de startpagina.\r\n"
	    "This mail deliberately holds no content. You can turn mail off "
	    "on the start page.\r\n",
	    date, c->from, to, c->public_url, link, c->public_url, link);
	if (n < 0 || (size_t)n >= sizeof(msg)) {
		*code = "too_long";
		return -1;
	}
	snprintf(rcptbuf, sizeof(rcptbuf), "<%s>", to);
	snprintf(frombuf, sizeof(frombuf), "<%s>", c->from);
	h = curl_easy_init();
	if (h == NULL) {
		*code = "curl_init";
		return -1;
	}
	rcpt = curl_slist_append(rcpt, rcptbuf);
	u.p = msg;
	u.left = (size_t)n;
	curl_easy_setopt(h, CURLOPT_URL, c->url);
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, frombuf);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(h, CURLOPT_READDATA, &u);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(h, CURLOPT_USE_SSL, loopback(c->url) ?
	    (long)CURLUSESSL_TRY : (long)CURLUSESSL_ALL);
	if (c->user != NULL)
		curl_easy_setopt(h, CURLOPT_USERNAME, c->user);
	if (c->password != NULL)
		curl_easy_setopt(h, CURLOPT_PASSWORD, c->password);
	rc = curl_easy_perform(h);
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(h);
	explicit_bzero(msg, sizeof(msg));
	if (rc == CURLE_OK)
		return 0;
	switch (rc) {
	case CURLE_COULDNT_CONNECT: *code = "connect"; break;
	case CURLE_COULDNT_RESOLVE_HOST: *code = "resolve"; break;
	case CURLE_OPERATION_TIMEDOUT: *code = "timeout"; break;
	case CURLE_LOGIN_DENIED: *code = "login"; break;
	case CURLE_USE_SSL_FAILED: *code = "starttls"; break;
	case CURLE_SEND_ERROR: *code = "send"; break;
	case CURLE_RECV_ERROR: *code = "recv"; break;
	default: *code = "smtp"; break;
	}
	return -1;
}
