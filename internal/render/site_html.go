package render

import (
	"bytes"
	"fmt"

	"github.com/engage-icb/engage/pkg/compare"
	"github.com/engage-icb/engage/pkg/site"
)

// SiteHTML writes a site as static pages that link to each other by
// relative address only, so it works from a folder, GitHub Pages or any
// web server: index.html, a page per ICB (and per past year), a page per
// national principle, grades.html, and the shared stylesheets and
// licence in assets/. It returns every file, each with its path in the
// site.
func SiteHTML(s *site.Site) ([]Asset, error) {
	var files []Asset
	add := func(name, kind string, p Page) error {
		p.Version, p.Home, p.Licence = s.Version, "index.html", "assets/LICENSE-nhsuk-frontend.txt"
		p.Stylesheets = []string{"assets/nhsuk-frontend.min.css", "assets/engage.css"}
		var b bytes.Buffer
		if err := writePage(&b, kind, p); err != nil {
			return fmt.Errorf("page %s: %w", name, err)
		}
		files = append(files, Asset{Name: name, Data: b.Bytes()})
		return nil
	}
	home := Crumb{Text: "Home", Href: "index.html"}
	if err := add("index.html", "index", Page{Title: "Working with people and communities: ICB annual reviews", Content: s}); err != nil {
		return nil, err
	}
	for _, icb := range s.ICBs {
		var years []Crumb
		for _, p := range icb.Past {
			years = append(years, Crumb{Text: p.Year, Href: p.Page})
		}
		if err := add(icb.Page, "icb", Page{Title: icb.Current.Title(), Breadcrumbs: []Crumb{home},
			Content: &SiteReview{Review: NewReview(icb.Current, years), ICB: icb}}); err != nil {
			return nil, err
		}
		for _, p := range icb.Past {
			others := []Crumb{{Text: icb.Current.Year + " (current)", Href: icb.Page}}
			for _, q := range icb.Past {
				if q.Page != p.Page {
					others = append(others, Crumb{Text: q.Year, Href: q.Page})
				}
			}
			if err := add(p.Page, "past", Page{Title: p.Report.Title(), Breadcrumbs: []Crumb{home, {Text: icb.Name, Href: icb.Page}},
				Content: &SiteReview{Review: NewReview(p.Report, others), ICB: icb, Past: &p}}); err != nil {
				return nil, err
			}
		}
	}
	for i, p := range s.Principles {
		v := &PrincipleView{Principle: p}
		if i > 0 && s.Principles[i-1].Framework.ID == p.Framework.ID {
			v.Prev = &s.Principles[i-1]
		}
		if i+1 < len(s.Principles) && s.Principles[i+1].Framework.ID == p.Framework.ID {
			v.Next = &s.Principles[i+1]
		}
		title := fmt.Sprintf("National %s %d: %s", p.Framework.Noun, p.Number, p.Label)
		if err := add(p.Page, "principle", Page{Title: title, Breadcrumbs: []Crumb{home}, Content: v}); err != nil {
			return nil, err
		}
	}
	if err := add("grades.html", "grades", Page{Title: "What the grades and statuses mean", Breadcrumbs: []Crumb{home}, Content: s}); err != nil {
		return nil, err
	}
	for _, a := range Assets() {
		files = append(files, Asset{Name: "assets/" + a.Name, Data: a.Data})
	}
	return files, nil
}

// SiteReview is an ICB's review on the site.
type SiteReview struct {
	*Review
	ICB  *site.ICB
	Past *site.Past // set for an earlier year's review
}

// PrincipleView is a principle's page, with its neighbours.
type PrincipleView struct {
	site.Principle
	Prev, Next *site.Principle
}

func init() {
	htmlFuncs["icbOf"] = func(s *site.Site, path string) *site.ICB {
		for _, icb := range s.ICBs {
			if icb.Path == path {
				return icb
			}
		}
		return nil
	}
	htmlFuncs["principlePage"] = func(s *site.Site, b compare.Block, n int) string {
		for _, p := range s.Principles {
			if p.Framework.ID == b.Framework.ID && p.Number == n {
				return p.Page
			}
		}
		return ""
	}
	htmlFuncs["short"] = func(rev string) string {
		if len(rev) > 12 {
			return rev[:12]
		}
		return rev
	}
}
