/*
 * qr: a QR code as an SVG image, for the second factor's otpauth://
 * URI on the enrolment page and the enrolment link on the admin's page,
 * or as text for a terminal (`schakel user add`).  The only file that
 * includes libqrencode (Debian's libqrencode-dev; why in
 * docs/dependencies.md).  The image is drawn here, on the server, so
 * that the secret never leaves for a third-party script or service.
 */
#ifndef SCHAKEL_QR_H
#define SCHAKEL_QR_H

struct buf;

/* Append an <svg> of text encoded at error correction level M, with a
 * quiet zone of four modules.  0, or -1 when the text does not fit a QR
 * code or the buffer is full. */
int	qr_svg(struct buf *, const char *text);

/* Append the same code for a terminal, two module rows a line with the
 * half blocks U+2580, U+2584 and U+2588 and a quiet zone of four
 * modules.  The blocks draw the LIGHT modules: a terminal draws text
 * light on dark, so the code reads the right way round there (and
 * inverted on a light terminal, which phone cameras read too).  Each
 * line is the code's width plus eight characters, ending in a newline.
 * 0, or -1 when the text does not fit or the buffer is full. */
int	qr_text(struct buf *, const char *text);

#endif
