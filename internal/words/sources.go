package words

import "strings"

// articles are the source articles by their number, as PROTOCOLS.md
// section 0 names them: title, then publisher. The file names mean
// nothing to a person and the articles are not shipped.
var articles = map[string]string{
	"000": "Back Spasm Relief, The Healthy Back Institute",
	"001": "How to Get Relief From Painful Back Muscle Spasms, a self-care blog (affiliate links)",
	"002": "How to Treat a Back Spasm, a self-care blog",
	"003": "Home Treatment for Back Spasms, a back-pain blog",
	"004": "How to Get Rid of Back Spasms, a health blog",
}

// Source is how a preset's source reads: an article file ("000_….txt") by
// its title and publisher, any other reference (a paper) as it is written.
func Source(ref string) string {
	if n, _, ok := strings.Cut(ref, "_"); ok && strings.HasSuffix(ref, ".txt") {
		if title, ok := articles[n]; ok {
			return title
		}
	}
	return ref
}

// SourceTitle is Source up to its first comma: an article's title without
// its publisher, a paper's authors and year, for a list's one-line rows.
func SourceTitle(ref string) string {
	title, _, _ := strings.Cut(Source(ref), ", ")
	return title
}

// OurReading explains the mark on a preset whose numbers the sources leave
// open.
const OurReading = `"our reading": the article gives no exact number, so icetimer chose one.`
