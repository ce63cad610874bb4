package calendar

import (
	"testing"
	"time"
)

func TestParseYear(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr bool
	}{
		{"2023/24", "2023/24", false},
		{"1999/00", "1999/00", false},
		{"2023/25", "", true},
		{"2023-24", "", true},
		{"2023", "", true},
		{"+023/24", "", true},
		{"2023/-4", "", true},
		{"abcd/ef", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			y, err := ParseYear(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseYear(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if err == nil && y.String() != tt.want {
				t.Errorf("ParseYear(%q) = %s, want %s", tt.in, y, tt.want)
			}
		})
	}
}

func TestYearBounds(t *testing.T) {
	y := Year{Start: 2023}
	if got := y.First().Format(time.DateOnly); got != "2023-04-01" {
		t.Errorf("First() = %s, want 2023-04-01", got)
	}
	if got := y.Last().Format(time.DateOnly); got != "2024-03-31" {
		t.Errorf("Last() = %s, want 2024-03-31", got)
	}
	for in, want := range map[string]int{"2024-03-31": 2023, "2024-04-01": 2024, "2024-01-15": 2023} {
		d, _ := ParseDate(in)
		if got := YearOf(d).Start; got != want {
			t.Errorf("YearOf(%s) = %d, want %d", in, got, want)
		}
	}
}

func TestSpan(t *testing.T) {
	s, err := ParseSpan("2022/23", "2024/25")
	if err != nil {
		t.Fatal(err)
	}
	if s.String() != "2022/23 to 2024/25" {
		t.Errorf("String() = %s", s)
	}
	in, _ := ParseDate("2025-03-31")
	out, _ := ParseDate("2025-04-01")
	if !s.Contains(in) || s.Contains(out) {
		t.Errorf("Contains: got %v, %v; want true, false", s.Contains(in), s.Contains(out))
	}
	if _, err := ParseSpan("2024/25", "2022/23"); err == nil {
		t.Error("ParseSpan(backwards) = nil error, want error")
	}
	if !s.Covers(Span{Year{2023}, Year{2024}}) || s.Covers(Span{Year{2021}, Year{2022}}) {
		t.Error("Covers gave the wrong answer")
	}
}

func TestParseDates(t *testing.T) {
	for _, bad := range []string{"2023-02-30", "30/02/2023", "2023-2-3", "2023-13-01", ""} {
		if _, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = nil error, want error", bad)
		}
	}
	r, err := ParseMonthOrDate("2024-02")
	if err != nil || r.Last.Format(time.DateOnly) != "2024-02-29" {
		t.Errorf("ParseMonthOrDate(2024-02) = %v, %v; want last day 2024-02-29", r, err)
	}
	if _, err := ParseMonthOrDate("2024-13"); err == nil {
		t.Error("ParseMonthOrDate(2024-13) = nil error, want error")
	}
	r, err = ParseMonthOrDate("2024-02-10")
	if err != nil || !r.First.Equal(r.Last) {
		t.Errorf("ParseMonthOrDate(date) = %v, %v", r, err)
	}
}

func TestParseWhen(t *testing.T) {
	tests := []struct {
		in          string
		first, last string
		precision   Precision
		span        bool
		wantErr     bool
	}{
		{"2024-03-31", "2024-03-31", "2024-03-31", DayPrecision, false, false},
		{"2022-11", "2022-11-01", "2022-11-30", MonthPrecision, false, false},
		{"2024-02", "2024-02-01", "2024-02-29", MonthPrecision, false, false},
		{"2024", "2024-01-01", "2024-12-31", CalendarYear, false, false},
		{"2023/24", "2023-04-01", "2024-03-31", FinancialYear, false, false},
		{"2023-09/2023-10", "2023-09-01", "2023-10-31", MonthPrecision, true, false},
		{"2022/2024", "2022-01-01", "2024-12-31", CalendarYear, true, false},
		{"2024-05/2024-06-15", "2024-05-01", "2024-06-15", MonthPrecision, true, false},
		{"2023-10/2023-09", "", "", 0, false, true},
		{"2023-02-30", "", "", 0, false, true},
		{"2023-13", "", "", 0, false, true},
		{"202", "", "", 0, false, true},
		{"+024", "", "", 0, false, true},
		{"2023/25", "", "", 0, false, true},
		{"2023-09/", "", "", 0, false, true},
		{"31/03/2024", "", "", 0, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			r, err := ParseWhen(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseWhen(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if got := r.First.Format(time.DateOnly) + " " + r.Last.Format(time.DateOnly); got != tt.first+" "+tt.last {
				t.Errorf("ParseWhen(%q) = %s, want %s %s", tt.in, got, tt.first, tt.last)
			}
			if r.Precision != tt.precision || r.Span != tt.span {
				t.Errorf("ParseWhen(%q) precision %d span %v, want %d %v", tt.in, r.Precision, r.Span, tt.precision, tt.span)
			}
		})
	}
	if Display("2023-09/2023-10") != "2023-09 to 2023-10" || Display("2023/24") != "2023/24" {
		t.Errorf("Display: %q, %q", Display("2023-09/2023-10"), Display("2023/24"))
	}
}
