// Command genicon writes the program's icon, drawn by app.IconPNG, to icon.png at the root of
// the repository (FyneApp.toml's Icon). Run from the repository root:
//
//	go run ./app/internal/genicon
package main

import (
	"log"
	"os"

	"shenbao/app"
)

func main() {
	if err := os.WriteFile("icon.png", app.IconPNG(512), 0o644); err != nil {
		log.Fatal(err)
	}
}
