// Package calendar reads the dates a strategy is written in, at the
// precision its source gives them: NHS financial years (April to March,
// written 2023/24), calendar years (2024), months (2023-07), days
// (2024-03-31) and ranges of those (2023-09/2023-10). Each stands for the
// days it covers, first to last. It is strict: 2023-02-30 and 2023/25 are
// errors, not guesses.
package calendar

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Year is an NHS financial year, from 1 April of Start to 31 March of Start+1.
type Year struct {
	Start int
}

// ParseYear reads a financial year written YYYY/YY, such as 2023/24.
func ParseYear(s string) (Year, error) {
	if len(s) != 7 || s[4] != '/' {
		return Year{}, fmt.Errorf("write a financial year as YYYY/YY, like 2023/24")
	}
	start, err1 := strconv.Atoi(s[:4])
	end, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || s[0] == '+' || s[5] == '+' || s[5] == '-' {
		return Year{}, fmt.Errorf("write a financial year as YYYY/YY, like 2023/24")
	}
	if want := (start + 1) % 100; end != want {
		return Year{}, fmt.Errorf("the year after %d ends in %02d: write %d/%02d", start, want, start, want)
	}
	return Year{Start: start}, nil
}

// YearOf returns the financial year a day falls in.
func YearOf(t time.Time) Year {
	if t.Month() >= time.April {
		return Year{Start: t.Year()}
	}
	return Year{Start: t.Year() - 1}
}

// String writes the year as YYYY/YY.
func (y Year) String() string {
	return fmt.Sprintf("%04d/%02d", y.Start, (y.Start+1)%100)
}

// First returns 1 April, the year's first day.
func (y Year) First() time.Time {
	return time.Date(y.Start, time.April, 1, 0, 0, 0, 0, time.UTC)
}

// Last returns 31 March, the year's last day.
func (y Year) Last() time.Time {
	return time.Date(y.Start+1, time.March, 31, 0, 0, 0, 0, time.UTC)
}

// Span is a run of financial years, From and To inclusive.
type Span struct {
	From, To Year
}

// ParseSpan reads two financial years and checks that to is not before from.
func ParseSpan(from, to string) (Span, error) {
	f, err := ParseYear(from)
	if err != nil {
		return Span{}, err
	}
	t, err := ParseYear(to)
	if err != nil {
		return Span{}, err
	}
	if t.Start < f.Start {
		return Span{}, fmt.Errorf("%s ends before it starts (%s)", to, from)
	}
	return Span{From: f, To: t}, nil
}

// String writes the span as "2023/24 to 2025/26", or one year when From is To.
func (s Span) String() string {
	if s.From == s.To {
		return s.From.String()
	}
	return s.From.String() + " to " + s.To.String()
}

// First returns the span's first day.
func (s Span) First() time.Time { return s.From.First() }

// Last returns the span's last day.
func (s Span) Last() time.Time { return s.To.Last() }

// Contains reports whether a day falls inside the span.
func (s Span) Contains(t time.Time) bool {
	return !t.Before(s.First()) && !t.After(s.Last())
}

// DatedIn reports whether a date, at any precision ParseWhen reads, ends
// in the financial year: the year's updates and versions are those whose
// last day falls in it.
func (y Year) DatedIn(when string) bool {
	d, err := ParseWhen(when)
	return err == nil && !d.Last.Before(y.First()) && !d.Last.After(y.Last())
}

// Covers reports whether every year of o lies inside s.
func (s Span) Covers(o Span) bool {
	return o.From.Start >= s.From.Start && o.To.Start <= s.To.Start
}

// ParseDate reads a real calendar date written YYYY-MM-DD.
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil || len(s) != 10 {
		return time.Time{}, fmt.Errorf("%q is not a real date written YYYY-MM-DD", s)
	}
	return t, nil
}

// Precision is how exactly a date is written.
type Precision int

// Precisions, from the least exact.
const (
	FinancialYear  Precision = iota + 1 // 2023/24
	CalendarYear                        // 2024
	MonthPrecision                      // 2023-07
	DayPrecision                        // 2024-03-31
)

// Range is the days a date stands for, First and Last inclusive: one day,
// every day of a month or year, or a range from the first day of its start
// to the last day of its end.
type Range struct {
	First, Last time.Time
	// Precision is how exactly the date (its less exact end, for a range)
	// is written.
	Precision Precision
	// Span says the date is a range of two (2023-09/2023-10).
	Span bool
}

// Contains reports whether a day falls in the range.
func (r Range) Contains(t time.Time) bool {
	return !t.Before(r.First) && !t.After(r.Last)
}

// Overlaps reports whether two ranges share a day.
func (r Range) Overlaps(o Range) bool {
	return !r.Last.Before(o.First) && !o.Last.Before(r.First)
}

// ParseMonthOrDate reads a month (YYYY-MM, standing for all its days) or a
// date (YYYY-MM-DD, standing for itself).
func ParseMonthOrDate(s string) (Range, error) {
	r, err := parsePoint(s)
	if err != nil || r.Precision < MonthPrecision {
		return Range{}, fmt.Errorf("%q is not a real month (YYYY-MM) or date (YYYY-MM-DD)", s)
	}
	return r, nil
}

// ParseWhen reads a date at the precision its source gives it: a day
// (2024-03-31), a month (2023-07), a calendar year (2024), a financial year
// (2023/24), or a range of two of those, start/end (2023-09/2023-10,
// 2022/2024), whose end is not before its start.
func ParseWhen(s string) (Range, error) {
	if from, to, ok := cutRange(s); ok {
		a, err := parsePoint(from)
		if err != nil {
			return Range{}, fmt.Errorf("%q: its start %w", s, err)
		}
		b, err := parsePoint(to)
		if err != nil {
			return Range{}, fmt.Errorf("%q: its end %w", s, err)
		}
		if b.Last.Before(a.First) {
			return Range{}, fmt.Errorf("%q ends before it starts", s)
		}
		return Range{First: a.First, Last: b.Last, Precision: min(a.Precision, b.Precision), Span: true}, nil
	}
	r, err := parsePoint(s)
	if err != nil {
		return Range{}, fmt.Errorf("%q %w", s, err)
	}
	return r, nil
}

// cutRange splits start/end; a financial year (2023/24) is not a range.
func cutRange(s string) (from, to string, ok bool) {
	from, to, ok = strings.Cut(s, "/")
	if !ok || len(to) == 2 {
		return "", "", false
	}
	return from, to, true
}

// parsePoint reads one day, month, calendar year or financial year.
func parsePoint(s string) (Range, error) {
	switch {
	case len(s) == 4:
		y, err := strconv.Atoi(s)
		if err != nil || s[0] == '+' || s[0] == '-' {
			break
		}
		first := time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)
		return Range{First: first, Last: first.AddDate(1, 0, -1), Precision: CalendarYear}, nil
	case len(s) == 7 && s[4] == '/':
		y, err := ParseYear(s)
		if err != nil {
			return Range{}, err
		}
		return Range{First: y.First(), Last: y.Last(), Precision: FinancialYear}, nil
	case len(s) == 7:
		t, err := time.Parse("2006-01", s)
		if err != nil {
			return Range{}, errors.New("is not a real month written YYYY-MM")
		}
		return Range{First: t, Last: t.AddDate(0, 1, -1), Precision: MonthPrecision}, nil
	case len(s) == 10:
		t, err := ParseDate(s)
		if err != nil {
			return Range{}, errors.New("is not a real date written YYYY-MM-DD")
		}
		return Range{First: t, Last: t, Precision: DayPrecision}, nil
	}
	return Range{}, errors.New("is not a date: write a day (2024-03-31), a month (2024-03), a year (2024), a financial year (2023/24) or a range (2023-09/2023-10)")
}

// Display writes a date as a reader reads it: a range with "to".
func Display(s string) string {
	if from, to, ok := cutRange(s); ok {
		return from + " to " + to
	}
	return s
}

// DisplaySpan writes a span from one date to another as a reader reads
// it, from the start of from to the end of to, each at its precision:
// "2023-09 to 2023-10", "2024 to 2025-03", or one date when both are the
// same. An empty end is left out.
func DisplaySpan(from, to string) string {
	if start, _, ok := cutRange(from); ok {
		from = start
	}
	if _, end, ok := cutRange(to); ok {
		to = end
	}
	switch {
	case to == "" || from == to:
		return from
	case from == "":
		return to
	}
	return from + " to " + to
}

// Day truncates a time to its calendar day in UTC, the unit engage compares in.
func Day(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Passed reports whether a date as a strategy writes it (a day, a month, a
// year, a range) is wholly before asOf's day: a review due "2024-03" has
// passed only from 1 April 2024. A date that cannot be read has not passed.
func Passed(when string, asOf time.Time) bool {
	r, err := ParseWhen(when)
	return err == nil && r.Last.Before(Day(asOf))
}
