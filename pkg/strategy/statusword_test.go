package strategy

import "testing"

func TestStatusMeant(t *testing.T) {
	for typed, want := range map[string]string{
		"complete": Done, "Completed": Done, "unknown": NotReported, "Not known": NotReported,
		"green": InProgress, "Amber": AtRisk, "RED": OffTrack, "blue": Done,
		"on track": InProgress, "In Progress": InProgress, "inprogress": InProgress, "droped": Dropped,
		"off track": OffTrack, "not started": Planned, "banana": "",
		"not_reported": NotReported, "NotReported": NotReported, "notreported": NotReported, "in_progress": InProgress, "OffTrack": OffTrack,
	} {
		got, ok := StatusMeant(typed)
		if got != want || ok != (want != "") {
			t.Errorf("StatusMeant(%q) = %q, %v; want %q", typed, got, ok, want)
		}
	}
	// Never the opposite of what was typed.
	if got, _ := StatusMeant("on-track"); got == OffTrack {
		t.Error(`"on-track" suggested off-track`)
	}
}
