package app

import (
	"fmt"
	"os"
	"runtime"
	"time"
)

// traceOn makes the app print how long its steps take, and the Go heap, to stderr
// (SHENBAO_TRACE=1): app/testdata/measure.sh reads it.
var traceOn = os.Getenv("SHENBAO_TRACE") != ""

// tracef prints a step that started at t0; use as defer tracef(time.Now(), …).
func tracef(t0 time.Time, format string, args ...any) {
	if !traceOn {
		return
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	fmt.Fprintf(os.Stderr, "trace: %s %.1f ms (Go heap %d MB, from the OS %d MB)\n",
		fmt.Sprintf(format, args...), float64(time.Since(t0).Microseconds())/1000, m.HeapInuse>>20, m.Sys>>20)
}
