/*
 * qr: a QR code as an SVG image, for the second factor's otpauth:// URI
 * on the enrolment page.  The only file that includes libqrencode
 * (Debian's libqrencode-dev; why in docs/dependencies.md).  The image is
 * drawn here, on the server, so that the secret never leaves for a
 * third-party script or service.
 */
#ifndef SCHAKEL_QR_H
#define SCHAKEL_QR_H

struct buf;

/* Append an <svg> of text encoded at error correction level M, with a
 * quiet zone of four modules.  0, or -1 when the text does not fit a QR
 * code or the buffer is full. */
int	qr_svg(struct buf *, const char *text);

#endif
