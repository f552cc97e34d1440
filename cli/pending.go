package cli

import (
	"fmt"
	"io"
)

func runPhoto(o options, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "photo 命令尚未完成。")
	return ExitUnreadable
}
