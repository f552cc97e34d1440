#!/bin/sh
# Makes the fixtures Go cannot encode (HEIC, WebP, CMYK and progressive JPEG, interlaced PNG) from
# the PNGs in src/, which `go test -run TestFixtureSources -update-fixtures` draws. Made once with
# ImageMagick 6.9.11-60 (Debian 12: libheif 1.15.1 with x265, libwebp 1.2.4, libjpeg-turbo) and
# committed; the tests do not run this script.
set -e
cd "$(dirname "$0")"
C=${CONVERT:-/usr/bin/convert}
for f in upright stored_cw90 stored_ccw90 stored_mirror; do
	$C src/$f.png -strip -quality 90 $f.heic
done
$C src/upright.png -strip -quality 90 upright.webp
$C src/upright.png -strip -define webp:lossless=true upright_lossless.webp
$C src/alpha.png -strip -quality 90 alpha.webp
$C src/upright.png -strip -colorspace CMYK -quality 95 cmyk.jpg
$C src/upright.png -strip -colorspace CMYK -define jpeg:colorspace=5 -quality 95 ycck.jpg
$C src/upright.png -strip -interlace JPEG -quality 90 progressive.jpg
$C src/upright.png -strip -interlace PNG interlaced.png
# Hostile and odd pictures (issue 14): a 7000×7000 HEIC of 31 KB, and an animated WebP.
$C -size 7000x7000 xc:gray -quality 50 hostile-7000.heic
$C -size 64x64 xc:red xc:blue -delay 20 -loop 0 animated.webp
