package words

import "testing"

func TestSourceNamesArticlesByTitle(t *testing.T) {
	for ref, want := range map[string]string{
		"000_7d64d274c823c83d.txt":              "Back Spasm Relief, The Healthy Back Institute",
		"004_794139d6192a0f74.txt":              "How to Get Rid of Back Spasms, a health blog",
		"Bleakley et al. 2006, BJSM 40:700-705": "Bleakley et al. 2006, BJSM 40:700-705",
		"999_unknown.txt":                       "999_unknown.txt",
	} {
		if got := Source(ref); got != want {
			t.Errorf("Source(%q) = %q, want %q", ref, got, want)
		}
	}
}

func TestSourceTitleLeavesOutThePublisher(t *testing.T) {
	if got := SourceTitle("000_7d64d274c823c83d.txt"); got != "Back Spasm Relief" {
		t.Errorf("SourceTitle = %q", got)
	}
	if got := SourceTitle("Bleakley et al. 2006, BJSM 40:700-705"); got != "Bleakley et al. 2006" {
		t.Errorf("SourceTitle of a paper = %q", got)
	}
}
