package picker

import "testing"

// A filter of only spaces keeps every item in order (it panicked: a match
// with no matched runes has no earliest one).
func TestAFilterOfSpacesKeepsEveryItem(t *testing.T) {
	targets := []string{"Ice 20 on, 20 off", "Heat 20 on, 20 off"}
	for _, term := range []string{"", " ", "   "} {
		ranks := filter(term, targets)
		if len(ranks) != 2 || ranks[0].Index != 0 || ranks[1].Index != 1 {
			t.Errorf("filter(%q) = %+v, want both items in order", term, ranks)
		}
	}
	if ranks := filter("heat", targets); len(ranks) != 1 || ranks[0].Index != 1 {
		t.Errorf(`filter("heat") = %+v, want the heat item`, ranks)
	}
}
