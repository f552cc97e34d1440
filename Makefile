# shenbao — see README.md. `make run` opens the app, `make test` runs every test.
GO      ?= go
BIN     := bin/shenbao
SAMPLE  := 示例草稿.json
export CGO_ENABLED := 1
# no_emoji leaves out Fyne's 4 MB colour-emoji font: the form cannot print emoji (check refuses
# them), and parsing that font for every text style cost 15 MB of resident memory.
TAGS    := no_emoji

.PHONY: deps build run test vet measure-hostile fmt-check tidy-check bench sample clean windows check-windows check-windows-run check-windows-ime check-windows-dialogs check-windows-test vet-windows linux check-linux

# The Debian packages the build and the tests need (sudo when not root); a no-op once installed.
deps:
	@tools/debian-deps.sh

build:
	$(GO) build -tags $(TAGS) -o $(BIN) .

# Opens the app with the sample draft; an existing sample (perhaps edited) is kept.
run: deps build
	@test -f "$(SAMPLE)" || ./$(BIN) sample -o "$(SAMPLE)"
	./$(BIN) "$(SAMPLE)"

vet:
	$(GO) vet -tags $(TAGS) ./...

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# go.mod and go.sum exactly as `go mod tidy` leaves them (direct requirements not marked indirect).
tidy-check:
	$(GO) mod tidy -diff

# Everything, including the tests that use qpdf, pdftotext, xmllint and LibreOffice.
test: deps fmt-check tidy-check vet
	$(GO) test -tags $(TAGS) -count=1 ./...

bench:
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...

# Time and peak memory of every hostile input of issue 14 (decoder bombs, huge workbooks,
# special files); see tools/measure-hostile.sh.
measure-hostile: deps
	tools/measure-hostile.sh

clean:
	rm -rf bin dist $(RSRC)

# ---- Packages: Windows .exe and Linux tarball (README: Windows / Linux) ----
# tools/pkgmeta makes the icon, the Chinese version information, the manifest and the Linux
# menu entry from FyneApp.toml, and refuses a version other than `shenbao version`.
PKGMETA := bin/pkgmeta
WINEXE  := dist/shenbao-windows-amd64.exe
WINCOM  := dist/shenbao-windows-amd64.com
LINUXGZ := dist/shenbao-linux-amd64.tar.gz
# Linked into windows/amd64 builds only (the file name says so); made at build time, ignored by git.
RSRC    := rsrc_windows_amd64.syso
WINENV  := GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc

# FyneApp.toml's icon, drawn by the app (app/icon.go); redrawn when that drawing changes.
icon.png: app/icon.go
	$(GO) run ./app/internal/genicon

$(PKGMETA): FORCE
	$(GO) build -o $@ ./tools/pkgmeta

# A GUI program (-H windowsgui: no console window on double-click), stripped, cross-compiled
# with MinGW-w64 (gcc-mingw-w64-x86-64). The first build compiles Fyne for Windows: minutes.
# Beside it the same code as a console program, .com: typed without extension in cmd or
# PowerShell that one runs (PATHEXT: .COM before .EXE), so the shell waits for it, gets its
# exit code and shows its Chinese (main_windows.go).
windows: $(PKGMETA) icon.png
	$(PKGMETA) syso -o $(RSRC)
	@mkdir -p dist
	$(WINENV) $(GO) build -tags $(TAGS) -trimpath -ldflags "-H windowsgui -s -w" -o $(WINEXE) .
	$(WINENV) $(GO) build -tags $(TAGS) -trimpath -ldflags "-s -w" -o $(WINCOM) .
	@ls -l $(WINEXE) $(WINCOM)

# Static checks of the .exe (wine cannot run Go >= 1.24 programs): PE headers, subsystem,
# icon, version information, manifest, imported DLLs, size.
check-windows:
	$(GO) test -count=1 -v -run Windows ./tools/distcheck

# The .exe and the .com run under wine 10 (../shared/wine/winebox; root): every command equal to
# the Linux build's (output, exit codes, files byte for byte), then the window photographed
# into build/winshots/ (every page, the main dialogs, recovery after a kill).
check-windows-run: windows build
	tools/check-windows-run.sh build/winshots

# Pinyin typed into the .exe under wine with fcitx5 (../shared/wine/imebox; root): the candidate
# popup must open at the caret of 主持人姓名 and of the plan's editor, not the window's corner.
check-windows-ime: windows build
	tools/check-windows-ime.sh build/winshots

# The system's file dialogs under wine (root): opened from the 报送 page as a window of their own,
# modal, the program drawing on; two photos Ctrl-clicked reach the program; folders remembered.
check-windows-dialogs: windows build
	tools/check-windows-dialogs.sh build/winshots

# The Go tests of the Windows-only code (platform/*_windows_test.go: a real window answering the
# input method's WM_IME_REQUEST, …) cross-compiled and run under wine 10 (root).
check-windows-test:
	GO=$(GO) tools/check-windows-test.sh ./platform

# Vets the Windows-only files too; -trimpath shares the compiled packages of `make windows`.
vet-windows:
	$(WINENV) $(GO) vet -tags $(TAGS) -trimpath ./...

# bin/shenbao, the menu entry and the icon, laid out to unpack into ~/.local or /usr/local.
linux: $(PKGMETA) icon.png
	rm -rf dist/linux && mkdir -p dist/linux/bin dist/linux/share/applications dist/linux/share/icons/hicolor/256x256/apps
	$(GO) build -tags $(TAGS) -ldflags "-s -w" -o dist/linux/bin/shenbao .
	id=$$($(PKGMETA) id) && \
	$(PKGMETA) desktop -o dist/linux/share/applications/$$id.desktop && \
	$(PKGMETA) icon -size 256 -o dist/linux/share/icons/hicolor/256x256/apps/$$id.png
	tar --sort=name --owner=0 --group=0 --numeric-owner -C dist/linux -cf - bin share | gzip -9n > $(LINUXGZ)
	@ls -l $(LINUXGZ)

check-linux:
	$(GO) test -count=1 -v -run Linux ./tools/distcheck

FORCE:
