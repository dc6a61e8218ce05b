package words

import (
	"strings"
	"testing"

	"github.com/icetimer/icetimer/internal/advice"
)

func TestEveryRuleHasAdviceAndASource(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range advice.Rules {
		line, src := Advice(r), AdviceSource(r)
		if line == "" || seen[line] || src == "" || strings.Contains(src, "_") || strings.Contains(src, ".txt") {
			t.Errorf("%s: advice %q, source %q", r, line, src)
		}
		seen[line] = true
		if !strings.HasSuffix(AdviceLine(r), "(from: "+src+")") {
			t.Errorf("%s: line %q", r, AdviceLine(r))
		}
	}
}
