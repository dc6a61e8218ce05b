package picker

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/list"
)

// filter keeps the items every word of term begins a word of, case aside,
// those it matches earliest first (in the name before the sources): "heat"
// finds the heat presets and "Healthy Back" the presets from that article,
// where the list's own fuzzy match kept every preset whose text holds h,
// e, a and t in that order ("The Healthy Back Institute").
func filter(term string, targets []string) []list.Rank {
	want := strings.Fields(strings.ToLower(term))
	var ranks []list.Rank
	if len(want) == 0 { // only spaces typed: every item, in order
		for i := range targets {
			ranks = append(ranks, list.Rank{Index: i})
		}
		return ranks
	}
	for i, target := range targets {
		if matched, ok := wordStarts(want, []rune(strings.ToLower(target))); ok {
			ranks = append(ranks, list.Rank{Index: i, MatchedIndexes: matched})
		}
	}
	slices.SortStableFunc(ranks, func(a, b list.Rank) int {
		return cmp.Compare(slices.Min(a.MatchedIndexes), slices.Min(b.MatchedIndexes))
	})
	return ranks
}

// wordStarts is where each of want begins a word of text (the indexes of
// the runes it matches, to highlight); ok is false when one does not.
func wordStarts(want []string, text []rune) (matched []int, ok bool) {
	for _, w := range want {
		at := -1
		for i := range text {
			if (i == 0 || !isWordRune(text[i-1])) && strings.HasPrefix(string(text[i:]), w) {
				at = i
				break
			}
		}
		if at < 0 {
			return nil, false
		}
		for k := range len([]rune(w)) {
			matched = append(matched, at+k)
		}
	}
	return matched, true
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
