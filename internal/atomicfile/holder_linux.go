package atomicfile

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// holder names the process that holds the lock on dir, from the kernel's
// table of locks (/proc/locks): "engage, process 1234". "" when it cannot
// be told.
func holder(dir string) string {
	info, err := os.Stat(dir)
	if err != nil {
		return ""
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return ""
	}
	// /proc/locks writes the file as MAJOR:MINOR:INODE, the device in hex.
	dev := uint64(st.Dev) //nolint:unconvert // its type differs between systems
	major := (dev>>8)&0xfff | (dev>>32)&^0xfff
	minor := dev&0xff | (dev>>12)&^0xff
	want := fmt.Sprintf("%02x:%02x:%d", major, minor, st.Ino)
	f, err := os.Open("/proc/locks")
	if err != nil {
		return ""
	}
	defer func() { _ = f.Close() }()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// 1: FLOCK  ADVISORY  WRITE 1234 08:02:5678 0 EOF (waiters have "->" after the number)
		fields := strings.Fields(sc.Text())
		if len(fields) < 6 || fields[1] != "FLOCK" || fields[5] != want {
			continue
		}
		pid, err := strconv.Atoi(fields[4])
		if err != nil || pid <= 0 || pid == os.Getpid() {
			continue
		}
		name := "a program"
		if comm, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid)); err == nil && len(strings.TrimSpace(string(comm))) > 0 {
			name = strings.TrimSpace(string(comm))
		}
		return fmt.Sprintf("%s, process %d", name, pid)
	}
	return ""
}
