//go:build unix

package summary

import (
	"syscall"
	"time"
)

// cpuTime is the process's user and system time: on a shared machine the benchmark's wall
// time says more about the neighbours than about the code.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
