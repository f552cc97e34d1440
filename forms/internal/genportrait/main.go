// Command genportrait writes the sample's photo (forms/sample-portrait.jpg): go generate ./forms.
package main

import (
	"fmt"
	"os"

	"shenbao/forms/internal/portrait"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: genportrait FILE.jpg")
		os.Exit(2)
	}
	if err := os.WriteFile(os.Args[1], portrait.Draw(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
