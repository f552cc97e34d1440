// Command shenbao fills, checks and exports the 柳州市首批“名班主任工作室”申报表. With no
// command it opens the desktop app; see `shenbao help` for the commands.
package main

import (
	"os"

	"shenbao/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr, nil))
}
