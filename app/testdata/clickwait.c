/* clickwait X Y PX PY: clicks at (X, Y) and prints the milliseconds until the pixel at
 * (PX, PY) of the screen changes (-1 after 5 s). Used by measure.sh: ImageMagick's captures
 * take 20-100 ms each, too coarse to time a 50 ms page switch.
 * Build: gcc -O2 -o clickwait clickwait.c -lX11 -lXtst */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XTest.h>

static double ms(void) {
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static unsigned long pixel(Display *d, Window root, int x, int y) {
	XImage *img = XGetImage(d, root, x, y, 1, 1, AllPlanes, ZPixmap);
	unsigned long p = XGetPixel(img, 0, 0);
	XDestroyImage(img);
	return p;
}

int main(int argc, char **argv) {
	if (argc != 5) {
		fprintf(stderr, "usage: clickwait X Y PX PY\n");
		return 2;
	}
	int x = atoi(argv[1]), y = atoi(argv[2]), px = atoi(argv[3]), py = atoi(argv[4]);
	Display *d = XOpenDisplay(NULL);
	if (!d) {
		fprintf(stderr, "clickwait: no display\n");
		return 2;
	}
	Window root = DefaultRootWindow(d);
	XTestFakeMotionEvent(d, -1, x, y, 0);
	XSync(d, False);
	unsigned long before = pixel(d, root, px, py);
	double t0 = ms();
	XTestFakeButtonEvent(d, 1, True, 0);
	XTestFakeButtonEvent(d, 1, False, 0);
	XSync(d, False);
	while (ms() - t0 < 5000) {
		if (pixel(d, root, px, py) != before) {
			printf("%.0f\n", ms() - t0);
			return 0;
		}
	}
	printf("-1\n");
	return 1;
}
