package atomicfile

import (
	"fmt"
	"path/filepath"
	"time"
)

// DefaultLockTimeout is how long LockWait waits for another writer when
// LockOptions give no time: long enough for a queue of updates to the
// same folder, short enough that a stuck writer is reported, not waited
// on for ever.
const DefaultLockTimeout = 30 * time.Second

// lockGrace is how long a writer waits in silence before Waiting is
// called: a queue of quick updates says nothing.
const lockGrace = time.Second

// LockOptions bound the wait for a folder's lock.
type LockOptions struct {
	// Timeout is how long to wait; 0 means DefaultLockTimeout.
	Timeout time.Duration
	// Waiting, when not nil, is called once when the lock is still held
	// by another writer after a moment, with the holder when it is known
	// (such as "engage, process 1234"; "" when not).
	Waiting func(holder string)
}

// LockTimeoutError is LockWait giving up: another writer held the lock
// for the whole wait.
type LockTimeoutError struct {
	Dir    string
	Waited time.Duration
	Holder string // "" when not known
}

func (e *LockTimeoutError) Error() string {
	who := "another program"
	if e.Holder != "" {
		who = e.Holder
	}
	return fmt.Sprintf("%s has held the lock on the folder %s for %s: wait for it to finish and run the command again, or stop it if it is stuck", who, e.Dir, e.Waited.Round(time.Second))
}

// LockWait is Lock with a bounded wait: it calls o.Waiting when the lock
// is not free after a moment, and gives up with a *LockTimeoutError after
// o.Timeout.
func LockWait(dir string, o LockOptions) (unlock func(), err error) {
	timeout := o.Timeout
	if timeout <= 0 {
		timeout = DefaultLockTimeout
	}
	type result struct {
		unlock func()
		err    error
	}
	done := make(chan result, 1)
	go func() {
		u, err := Lock(dir)
		done <- result{u, err}
	}()
	grace := time.NewTimer(min(lockGrace, timeout))
	defer grace.Stop()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		select {
		case r := <-done:
			return r.unlock, r.err
		case <-grace.C:
			if o.Waiting != nil {
				o.Waiting(holder(dir))
			}
		case <-deadline.C:
			// The goroutine may still get the lock: it lets it go at once.
			go func() {
				if r := <-done; r.err == nil {
					r.unlock()
				}
			}()
			abs, _ := filepath.Abs(dir)
			return nil, &LockTimeoutError{Dir: abs, Waited: timeout, Holder: holder(dir)}
		}
	}
}
