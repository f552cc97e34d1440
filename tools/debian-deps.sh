#!/usr/bin/env bash
# Installs the Debian 12 packages that `make run`, `make test` and the Windows build need, once:
# packages already installed are not asked for again, so later runs cost a dpkg query.
# Uses sudo when not root. The one list of system packages: .ci/run calls this script too.
set -euo pipefail
pkgs=(
  # Fyne (cgo): compiler, GL and X11 headers.
  gcc libc6-dev make pkg-config libgl1-mesa-dev xorg-dev
  # PDF checks (qpdf, pdftotext, pdftoppm), the .docx schemas (xmllint), LibreOffice read-back.
  qpdf poppler-utils libxml2-utils libreoffice-writer-nogui libreoffice-calc-nogui
  # The app under a virtual screen, screenshots.
  xvfb xauth xdotool imagemagick
  # The Windows build; the font scripts (fonts/subset-bold.sh, app/uifont/make.sh).
  gcc-mingw-w64-x86-64 fonttools
  # winebox (the .exe under wine 10 in a Debian 13 chroot) and the single-font LibreOffice set-ups;
  # fonts-noto-cjk is also the source of both bold faces (fonts/README.md).
  debootstrap fonts-noto-cjk fonts-arphic-uming fonts-wqy-zenhei
  # Liberation Serif stands in for Times New Roman when LibreOffice sets the .docx (page tests).
  fonts-liberation2
  # tools/measure-hostile.sh: peak memory of each run (GNU time's max RSS).
  time
  # The .docx fixtures made as a clerk's Word makes them (readback/testdata, formimport/testdata).
  python3-docx
)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "安装构建和测试所需的系统软件包：${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq "${missing[@]}" >/dev/null
