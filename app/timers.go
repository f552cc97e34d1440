package app

import (
	"time"

	"fyne.io/fyne/v2"
)

// afterFunc runs f on the UI thread after d, unless stop is called first. Tests pass a fake
// clock (see fakeClock in the tests) so that nothing sleeps.
type afterFunc func(d time.Duration, f func()) (stop func())

// realAfter is afterFunc on the system clock; fyne.Do brings f back to the UI thread.
func realAfter(d time.Duration, f func()) func() {
	t := time.AfterFunc(d, func() { fyne.Do(f) })
	return func() { t.Stop() }
}

// debouncer runs f once, d after the last Trigger. A timer that already fired and is waiting
// for the UI thread is made harmless by the sequence number.
type debouncer struct {
	after afterFunc
	d     time.Duration
	f     func()
	stop  func()
	seq   int
}

func (b *debouncer) Trigger() {
	b.Cancel()
	s := b.seq
	b.stop = b.after(b.d, func() {
		if s == b.seq {
			b.stop = nil
			b.f()
		}
	})
}

// TriggerOnce starts the timer only when none is waiting: the work happens at most d after
// the first trigger however fast triggers keep coming (autosave while the user types on).
func (b *debouncer) TriggerOnce() {
	if b.stop == nil {
		b.Trigger()
	}
}

// Pending reports whether a run is waiting.
func (b *debouncer) Pending() bool { return b.stop != nil }

// Flush runs a waiting f now.
func (b *debouncer) Flush() {
	if b.stop != nil {
		b.Cancel()
		b.f()
	}
}

// Cancel forgets a waiting run.
func (b *debouncer) Cancel() {
	if b.stop != nil {
		b.stop()
		b.stop = nil
	}
	b.seq++
}
