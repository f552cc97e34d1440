// Command pkgmeta makes the packaging files from FyneApp.toml, so the Windows file
// properties, the Linux menu entry and `shenbao version` cannot disagree:
//
//	go run ./tools/pkgmeta syso -o rsrc_windows_amd64.syso   icon, version info (中文), manifest
//	go run ./tools/pkgmeta desktop -o shenbao.desktop        Linux menu entry
//	go run ./tools/pkgmeta icon -size 256 -o shenbao.png     the icon as a PNG
//	go run ./tools/pkgmeta id                                 the application ID
//
// It refuses to run when FyneApp.toml's version differs from cli.Version.
//
// Why not `fyne package` (fyne.io/tools v1.7.4, read in its source and run on this repo with
// -os windows and -os linux, its .exe's resources read with tools/distcheck's parser)?
// It builds and packages in one step, and cannot make these packages:
//
//   - Windows: it always links -H=windowsgui and deletes its fyne.syso after the build, so the
//     console .com beside the .exe gets no icon or version information;
//   - its version information (goversioninfo, akavel/rsrc) is filed as English (0x0409)
//     with a string table 00000000 (no language, no charset) holding ProductName =
//     FileDescription = [Details] Name and no copyright; ours is 中文(中国) (0x0804), string
//     table 080404b0 (Unicode) with 产品名称, 文件说明, 版权 from FyneApp.toml [Release];
//   - its icon is the source PNG as one image (ico.Encode; our 512 px icon.png goes in
//     unscaled, its directory entry saying 256); ours has 256…16 px, named GLFW_ICON so
//     the title bar has it from the first frame;
//   - every run rewrites FyneApp.toml: Build+1 and the comments gone, so a build dirties
//     the checkout;
//   - its manifest holds only an assemblyIdentity: no per-monitor DPI awareness (Windows
//     blurs the window at 150 %), no UTF-8 active code page, no long paths, no common
//     controls v6, no supported-OS list;
//   - Linux: a .tar.xz of <name>/usr/local/… (or usr/… when the build machine lacks
//     /usr/local) with a Makefile and the unscaled icon in share/pixmaps; its .desktop is
//     named "shenbao" (Name = [Details] Name), not 柳州市名班主任工作室申报表; it sets
//     CGO_CFLAGS/LDFLAGS hardening flags of its own, so it rebuilds every cgo package.
//
// What it does that we need is small (read FyneApp.toml, write a desktop entry), so this tool
// keeps it rather than adding fyne.io/tools and its fyne v2.8.1 requirement to go.mod.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image/png"
	"io"
	"os"

	"shenbao/cli"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "pkgmeta:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: pkgmeta syso|desktop|icon|id [-toml FyneApp.toml] [-o file] [-size n]")
	}
	fs := flag.NewFlagSet("pkgmeta "+args[0], flag.ContinueOnError)
	tomlPath := fs.String("toml", "FyneApp.toml", "the Fyne metadata file")
	out := fs.String("o", "", "output file (default standard output)")
	size := fs.Int("size", 256, "icon size in pixels (icon)")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	m, err := loadMeta(*tomlPath)
	if err != nil {
		return err
	}
	if m.Version != cli.Version {
		return fmt.Errorf("%s says version %s but cli.Version is %s: make them the same", *tomlPath, m.Version, cli.Version)
	}
	var buf bytes.Buffer
	if err := generate(args[0], m, *size, &buf); err != nil {
		return err
	}
	if *out == "" {
		_, err = stdout.Write(buf.Bytes())
		return err
	}
	return os.WriteFile(*out, buf.Bytes(), 0o644)
}

// generate writes the file cmd names.
func generate(cmd string, m meta, size int, w io.Writer) error {
	switch cmd {
	case "desktop":
		return desktopEntry(w, m)
	case "id":
		_, err := fmt.Fprintln(w, m.ID)
		return err
	case "syso", "icon":
		icon, err := appIcon(m)
		if err != nil {
			return err
		}
		if cmd == "syso" {
			return writeSyso(w, m, icon)
		}
		return png.Encode(w, scaled(icon, size))
	}
	return fmt.Errorf("unknown command %q", cmd)
}
