package pointer

import (
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	p := New("objectives", 3, "a/b~c")
	if p != "/objectives/3/a~1b~0c" {
		t.Errorf("New = %q, want /objectives/3/a~1b~0c", p)
	}
	if got := strings.Join(Split(p), "|"); got != "objectives|3|a/b~c" {
		t.Errorf("Split = %q", got)
	}
	if Parent(p) != "/objectives/3" || Parent("/x") != "" || Parent("") != "" {
		t.Errorf("Parent gave the wrong answer")
	}
	if Split("") != nil {
		t.Error("Split(root) != nil")
	}
}
