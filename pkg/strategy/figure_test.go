package strategy

import "testing"

func TestParseFigure(t *testing.T) {
	tests := []struct {
		in      string
		want    Figure
		wantErr bool
	}{
		{"over 200 people", Figure{Value: 200, Qualifier: "over", Unit: "people"}, false},
		{"99999999999999999999999 people", Figure{Value: 99999999999999999999999, Unit: "people"}, false}, // whole, though past int64
		{"at least 400 responses", Figure{Value: 400, Qualifier: "at least", Unit: "responses"}, false},
		{"1,340", Figure{Value: 1340}, false},
		{"around 50%", Figure{Value: 50, Qualifier: "around", Unit: "%"}, false},
		{"More than 20 patient stories", Figure{Value: 20, Qualifier: "more than", Unit: "patient stories"}, false},
		{"12.5 hours", Figure{Value: 12.5, Unit: "hours"}, false},
		{"150.5 people", Figure{}, true},
		{"lots of people", Figure{}, true},
		{"-3 groups", Figure{}, true},
		{"", Figure{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseFigure(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseFigure(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if err == nil && got != tt.want {
				t.Errorf("ParseFigure(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
			if err == nil && got.String() == "" {
				t.Errorf("ParseFigure(%q).String() is empty", tt.in)
			}
		})
	}
	if s := (Figure{Value: 200, Qualifier: "over", Unit: "people"}).String(); s != "over 200 people" {
		t.Errorf("String() = %q, want over 200 people", s)
	}
	if s := (Figure{Value: 4000, Qualifier: "around"}).String(); s != "around 4,000" {
		t.Errorf("String() = %q, want around 4,000", s)
	}
}
