#include "core/qr.h"

#include <qrencode.h>
#include <string.h>

#include "core/buf.h"

#define QUIET	4		/* modules of white around the code */

int
qr_svg(struct buf *b, const char *text)
{
	QRcode *q;
	int x, y, w, rc = 0;

	q = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
	if (q == NULL)
		return -1;
	w = q->width + 2 * QUIET;
	rc |= buf_appendf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
	    "shape-rendering=\"crispEdges\" role=\"img\">"
	    "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>"
	    "<path fill=\"#000\" d=\"", w, w, w * 6, w * 6, w, w);
	for (y = 0; y < q->width; y++)
		for (x = 0; x < q->width; x++)
			if (q->data[y * q->width + x] & 1)
				rc |= buf_appendf(b, "M%d %dh1v1h-1z",
				    x + QUIET, y + QUIET);
	rc |= buf_puts(b, "\"/></svg>");
	QRcode_free(q);
	return rc != 0 ? -1 : 0;
}

/* Whether module (x, y) of the code with its quiet zone is light. */
static int
light(const QRcode *q, int x, int y)
{
	x -= QUIET;
	y -= QUIET;
	if (x < 0 || y < 0 || x >= q->width || y >= q->width)
		return 1;
	return (q->data[y * q->width + x] & 1) == 0;
}

int
qr_text(struct buf *b, const char *text)
{
	/* Indexed by (top light) * 2 + (bottom light). */
	static const char *const cell[4] = { " ", "\u2584", "\u2580",
	    "\u2588" };
	QRcode *q;
	int x, y, w, top, bottom, rc = 0;

	q = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M);
	if (q == NULL)
		return -1;
	w = q->width + 2 * QUIET;
	for (y = 0; y < w; y += 2) {
		for (x = 0; x < w; x++) {
			top = light(q, x, y);
			/* Below the last row is the terminal's own
			 * background, drawn as nothing. */
			bottom = y + 1 < w ? light(q, x, y + 1) : 0;
			rc |= buf_puts(b, cell[top * 2 + bottom]);
		}
		rc |= buf_puts(b, "\n");
	}
	QRcode_free(q);
	return rc != 0 ? -1 : 0;
}
