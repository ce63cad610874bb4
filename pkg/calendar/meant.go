package calendar

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Meant is a date written as people write them, in the form engage
// reads, at the precision it was given: "31/03/2025" is 2025-03-31,
// "03/2025" and "March 2025" 2025-03, "spring 2025" 2025-03/2025-05,
// "Q3 2025/26" (the financial year's third quarter) 2025-10/2025-12,
// "2025-3-31" and "31 March 2025" 2025-03-31; "by" and "end of" before them are dropped (a
// due date is the end of what they name). It is "" when there is no
// one reading (or the text is already a date engage reads). It is offered
// as "did you mean", never taken without asking.
func Meant(text string) string {
	if _, err := ParseWhen(text); err == nil {
		return ""
	}
	real := func(fix string) string {
		if _, err := ParseWhen(fix); err != nil {
			return ""
		}
		return fix
	}
	w := strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(text, ",", " ")), " "))
	// Quotes pasted with it (curly ones are part of YAML's text), and a
	// financial year's "FY".
	w = strings.Trim(w, "\"'“”‘’ ")
	for _, lead := range []string{"by the end of ", "by end of ", "the end of ", "end of ", "by "} {
		w = strings.TrimPrefix(w, lead)
	}
	// Only before a financial year: "FY2025" alone could be 2024/25 or
	// 2025/26, never January to December.
	if rest, ok := strings.CutPrefix(w, "fy"); ok && fyRE().MatchString(strings.TrimSpace(rest)) {
		w = strings.TrimSpace(rest)
	}
	if fix := real(w); fix != "" && fix != text {
		return fix
	}
	// "by 2025/26", "end of 2025": what follows the words is a date.
	if w != strings.ToLower(strings.TrimSpace(text)) {
		if fix := real(w); fix != "" {
			return fix
		}
	}
	re := meantREs()
	if m := re.dayWords.FindStringSubmatch(w); m != nil {
		d, _ := strconv.Atoi(m[1])
		if mo, ok := months[m[2]]; ok {
			return real(fmt.Sprintf("%s-%02d-%02d", m[3], mo, d))
		}
	}
	if m := re.monthDay.FindStringSubmatch(w); m != nil {
		d, _ := strconv.Atoi(m[2])
		if mo, ok := months[m[1]]; ok {
			return real(fmt.Sprintf("%s-%02d-%02d", m[3], mo, d))
		}
	}
	if m := re.isoTime.FindStringSubmatch(w); m != nil {
		return real(m[1])
	}
	if m := re.excelMonth.FindStringSubmatch(w); m != nil {
		// Excel's mmm-yy: Sep-25 is September 2025.
		if mo, ok := months[m[1]]; ok {
			return real(fmt.Sprintf("20%s-%02d", m[2], mo))
		}
	}
	if m := re.winterYear.FindStringSubmatch(w); m != nil {
		// Winter 2025/26 is December 2025 to February 2026.
		if fy, err := ParseYear(m[1]); err == nil {
			return real(fmt.Sprintf("%04d-12/%04d-02", fy.Start, fy.Start+1))
		}
	}
	if m := re.uk.FindStringSubmatch(w); m != nil {
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		return real(fmt.Sprintf("%s-%02d-%02d", m[3], mo, d))
	}
	if m := re.slashMonth.FindStringSubmatch(w); m != nil {
		mo, _ := strconv.Atoi(m[1])
		return real(fmt.Sprintf("%s-%02d", m[2], mo))
	}
	if m := re.unpadded.FindStringSubmatch(w); m != nil {
		mo, _ := strconv.Atoi(m[2])
		fix := fmt.Sprintf("%s-%02d", m[1], mo)
		if m[3] != "" {
			d, _ := strconv.Atoi(m[3])
			fix += fmt.Sprintf("-%02d", d)
		}
		return real(fix)
	}
	if m := re.words.FindStringSubmatch(w); m != nil {
		year, _ := strconv.Atoi(m[2])
		if mo, ok := months[m[1]]; ok {
			return real(fmt.Sprintf("%04d-%02d", year, mo))
		}
		if first, ok := seasons[m[1]]; ok {
			last := time.Date(year, time.Month(first)+2, 1, 0, 0, 0, 0, time.UTC)
			return real(fmt.Sprintf("%04d-%02d/%04d-%02d", year, first, last.Year(), last.Month()))
		}
	}
	if m := re.quarter.FindStringSubmatch(w); m != nil {
		// Its year as written (2025/26, 2025-26, 2025/2026).
		end := m[3]
		fy, err := ParseYear(m[2] + "/" + end[len(end)-2:])
		if err != nil {
			return ""
		}
		q, _ := strconv.Atoi(m[1])
		first := fy.First().AddDate(0, 3*(q-1), 0)
		last := first.AddDate(0, 2, 0)
		return real(fmt.Sprintf("%04d-%02d/%04d-%02d", first.Year(), first.Month(), last.Year(), last.Month()))
	}
	return ""
}

// months and seasons are the words of dates in English: a season's first
// month (winter 2025 is December 2025 to February 2026).
var (
	months = map[string]int{"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
		"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
		"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12}
	seasons = map[string]int{"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
)

var meantREs = sync.OnceValue(func() struct {
	uk, slashMonth, unpadded, words, dayWords, monthDay, isoTime, excelMonth, winterYear, quarter *regexp.Regexp
} {
	return struct {
		uk, slashMonth, unpadded, words, dayWords, monthDay, isoTime, excelMonth, winterYear, quarter *regexp.Regexp
	}{
		dayWords:   regexp.MustCompile(`^([0-9]{1,2})(?:st|nd|rd|th)? ([a-z]+)\.? ([0-9]{4})$`),
		monthDay:   regexp.MustCompile(`^([a-z]+)\.? ([0-9]{1,2})(?:st|nd|rd|th)? ([0-9]{4})$`),
		isoTime:    regexp.MustCompile(`^([0-9]{4}-[0-9]{2}-[0-9]{2})[t ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:z|[+-][0-9]{2}:?[0-9]{2})?$`),
		excelMonth: regexp.MustCompile(`^([a-z]{3,9})[- ]([0-9]{2})$`),
		winterYear: regexp.MustCompile(`^winter ([0-9]{4}/[0-9]{2})$`),
		uk:         regexp.MustCompile(`^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$`),
		slashMonth: regexp.MustCompile(`^([0-9]{1,2})/([0-9]{4})$`),
		unpadded:   regexp.MustCompile(`^([0-9]{4})-([0-9]{1,2})(?:-([0-9]{1,2}))?$`),
		words:      regexp.MustCompile(`^([a-z]+)\.? ([0-9]{4})$`),
		quarter:    regexp.MustCompile(`^q([1-4]) (?:of )?(?:fy ?)?([0-9]{4})[/-]([0-9]{2}|[0-9]{4})$`),
	}
})

var fyRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]{4}/[0-9]{2}$`) })

// TwoYears reads a range of two calendar years that follow one another,
// written with both years whole (2024/2025): what people mean by it is
// almost always the financial year, which it returns (2024/25), though
// engage reads it as January 2024 to December 2025.
func TwoYears(s string) (financialYear string, ok bool) {
	from, to, found := strings.Cut(strings.TrimSpace(s), "/")
	if !found || len(from) != 4 || len(to) != 4 {
		return "", false
	}
	a, err1 := strconv.Atoi(from)
	b, err2 := strconv.Atoi(to)
	if err1 != nil || err2 != nil || b != a+1 {
		return "", false
	}
	return fmt.Sprintf("%d/%02d", a, b%100), true
}
