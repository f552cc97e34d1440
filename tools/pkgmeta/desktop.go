package main

import (
	"fmt"
	"io"
	"strings"
)

// desktopEntry is the Linux menu entry (freedesktop Desktop Entry 1.4). Exec relies on PATH:
// the tarball installs the program as bin/shenbao under /usr/local or ~/.local.
func desktopEntry(w io.Writer, m meta) error {
	var b strings.Builder
	line := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s=%s\n", k, escapeDesktop(v))
		}
	}
	list := func(k string, vs []string) {
		if len(vs) > 0 {
			b.WriteString(k + "=" + strings.Join(vs, ";") + ";\n")
		}
	}
	b.WriteString("[Desktop Entry]\nType=Application\nVersion=1.4\n")
	line("Name", m.Description)
	line("GenericName", m.GenericName)
	line("Comment", m.Comment)
	b.WriteString("Exec=shenbao %f\n")
	b.WriteString("Icon=" + m.ID + "\n")
	b.WriteString("Terminal=false\n")
	categories := m.Categories
	if len(categories) == 0 {
		categories = []string{"Office"}
	}
	list("Categories", categories)
	list("Keywords", m.Keywords)
	_, err := io.WriteString(w, b.String())
	return err
}

// escapeDesktop escapes the characters a desktop-file string value may not hold literally.
func escapeDesktop(s string) string {
	return strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\t", `\t`, "\r", `\r`).Replace(s)
}
