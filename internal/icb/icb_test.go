package icb

import "testing"

func TestAll(t *testing.T) {
	if len(All) != 42 {
		t.Fatalf("len(All) = %d, want 42", len(All))
	}
	codes, keys := map[string]bool{}, map[string]bool{}
	for _, b := range All {
		if codes[b.Code] || keys[Key(b.Name)] {
			t.Errorf("%s %q is listed twice", b.Code, b.Name)
		}
		codes[b.Code], keys[Key(b.Name)] = true, true
	}
}

func TestMatching(t *testing.T) {
	snee, ok := ByCode("QJG")
	if !ok {
		t.Fatal("ByCode(QJG) not found")
	}
	for _, name := range []string{
		"NHS Suffolk and North East Essex Integrated Care Board",
		"NHS Suffolk and North East Essex ICB",
		"Suffolk & North East Essex ICB",
		"NHS SUFFOLK AND NORTH EAST ESSEX INTEGRATED CARE BOARD",
	} {
		if !snee.Matches(name) {
			t.Errorf("QJG does not match %q, want a match", name)
		}
	}
	if snee.Matches("NHS Mid and South Essex ICB") {
		t.Error("QJG matches Mid and South Essex, want no match")
	}
	if b, ok := ByName("Lancashire and South Cumbria ICB"); !ok || b.Code != "QE1" {
		t.Errorf("ByName(L&SC) = %v, %v; want QE1", b, ok)
	}
}
