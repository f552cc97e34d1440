// Command shenbao fills, checks and exports the 柳州市首批“名班主任工作室”申报表. With no
// command it opens the desktop app; see `shenbao help` for the commands.
package main

import (
	"errors"
	"os"

	"shenbao/app"
	"shenbao/cli"
	"shenbao/platform"
)

func main() {
	app.Version = cli.Version
	done := useParentConsole(len(os.Args) > 1) // Windows: print into cmd.exe/PowerShell
	code := cli.Run(os.Args[1:], os.Stdout, os.Stderr, openApp)
	done()
	os.Exit(code)
}

// openApp opens the window. On Windows it first leaves any console a command line attached,
// and makes a missing OpenGL 2.1 show a message box instead of a silent exit.
func openApp(path string) error {
	if msg := platform.NoDisplay(); msg != "" {
		return errors.New(msg)
	}
	leaveConsole()
	platform.InstallGLFailureDialog()
	return app.Run(path)
}
