// Package icb knows the 42 NHS Integrated Care Boards in England: their ODS
// organisation codes and names, so a strategy's identity can be checked.
package icb

import (
	"strings"
	"sync"
	"unicode"
)

// ICB is one Integrated Care Board.
type ICB struct {
	Code   string
	Name   string
	Region string
}

// All lists the 42 ICBs by NHS England region, as registered with the NHS
// Organisation Data Service (ODS), https://digital.nhs.uk/services/organisation-data-service
// (organisation role "Integrated Care Board", established 1 July 2022).
var All = []ICB{
	{"QHM", "NHS North East and North Cumbria Integrated Care Board", "North East and Yorkshire"},
	{"QOQ", "NHS Humber and North Yorkshire Integrated Care Board", "North East and Yorkshire"},
	{"QF7", "NHS South Yorkshire Integrated Care Board", "North East and Yorkshire"},
	{"QWO", "NHS West Yorkshire Integrated Care Board", "North East and Yorkshire"},
	{"QYG", "NHS Cheshire and Merseyside Integrated Care Board", "North West"},
	{"QOP", "NHS Greater Manchester Integrated Care Board", "North West"},
	{"QE1", "NHS Lancashire and South Cumbria Integrated Care Board", "North West"},
	{"QHL", "NHS Birmingham and Solihull Integrated Care Board", "Midlands"},
	{"QUA", "NHS Black Country Integrated Care Board", "Midlands"},
	{"QWU", "NHS Coventry and Warwickshire Integrated Care Board", "Midlands"},
	{"QJ2", "NHS Derby and Derbyshire Integrated Care Board", "Midlands"},
	{"QGH", "NHS Herefordshire and Worcestershire Integrated Care Board", "Midlands"},
	{"QK1", "NHS Leicester, Leicestershire and Rutland Integrated Care Board", "Midlands"},
	{"QJM", "NHS Lincolnshire Integrated Care Board", "Midlands"},
	{"QPM", "NHS Northamptonshire Integrated Care Board", "Midlands"},
	{"QT1", "NHS Nottingham and Nottinghamshire Integrated Care Board", "Midlands"},
	{"QOC", "NHS Shropshire, Telford and Wrekin Integrated Care Board", "Midlands"},
	{"QNC", "NHS Staffordshire and Stoke-on-Trent Integrated Care Board", "Midlands"},
	{"QHG", "NHS Bedfordshire, Luton and Milton Keynes Integrated Care Board", "East of England"},
	{"QUE", "NHS Cambridgeshire and Peterborough Integrated Care Board", "East of England"},
	{"QM7", "NHS Hertfordshire and West Essex Integrated Care Board", "East of England"},
	{"QH8", "NHS Mid and South Essex Integrated Care Board", "East of England"},
	{"QMM", "NHS Norfolk and Waveney Integrated Care Board", "East of England"},
	{"QJG", "NHS Suffolk and North East Essex Integrated Care Board", "East of England"},
	{"QMJ", "NHS North Central London Integrated Care Board", "London"},
	{"QMF", "NHS North East London Integrated Care Board", "London"},
	{"QRV", "NHS North West London Integrated Care Board", "London"},
	{"QKK", "NHS South East London Integrated Care Board", "London"},
	{"QWE", "NHS South West London Integrated Care Board", "London"},
	{"QU9", "NHS Buckinghamshire, Oxfordshire and Berkshire West Integrated Care Board", "South East"},
	{"QNQ", "NHS Frimley Integrated Care Board", "South East"},
	{"QRL", "NHS Hampshire and Isle of Wight Integrated Care Board", "South East"},
	{"QKS", "NHS Kent and Medway Integrated Care Board", "South East"},
	{"QXU", "NHS Surrey Heartlands Integrated Care Board", "South East"},
	{"QNX", "NHS Sussex Integrated Care Board", "South East"},
	{"QOX", "NHS Bath and North East Somerset, Swindon and Wiltshire Integrated Care Board", "South West"},
	{"QUY", "NHS Bristol, North Somerset and South Gloucestershire Integrated Care Board", "South West"},
	{"QT6", "NHS Cornwall and the Isles of Scilly Integrated Care Board", "South West"},
	{"QJK", "NHS Devon Integrated Care Board", "South West"},
	{"QVV", "NHS Dorset Integrated Care Board", "South West"},
	{"QR1", "NHS Gloucestershire Integrated Care Board", "South West"},
	{"QSL", "NHS Somerset Integrated Care Board", "South West"},
}

// ByCode returns the ICB with an ODS code.
func ByCode(code string) (ICB, bool) {
	for _, b := range All {
		if b.Code == code {
			return b, true
		}
	}
	return ICB{}, false
}

// ByName returns the ICB a name refers to, however it is written
// ("NHS Suffolk and North East Essex ICB", "suffolk & north east essex").
func ByName(name string) (ICB, bool) {
	b, ok := byKey()[Key(name)]
	return b, ok
}

// byKey indexes the ICBs by the Key of their names, once.
var byKey = sync.OnceValue(func() map[string]ICB {
	m := make(map[string]ICB, len(All))
	for _, b := range All {
		m[Key(b.Name)] = b
	}
	return m
})

// Matches reports whether name is a way of writing the ICB's name.
func (b ICB) Matches(name string) bool {
	return Key(name) == Key(b.Name)
}

// Key reduces an ICB name to the words that tell ICBs apart: lower case,
// "&" read as "and", without "NHS", "Integrated Care Board" or "ICB", and
// without punctuation.
func Key(name string) string {
	s := strings.ToLower(name)
	s = strings.ReplaceAll(s, "&", " and ")
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, s)
	words := strings.Fields(s)
	out := words[:0]
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case w == "nhs" || w == "icb":
			continue
		case w == "integrated" && i+2 < len(words) && words[i+1] == "care" && words[i+2] == "board":
			i += 2
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}
