package words

import (
	"fmt"

	"github.com/icetimer/icetimer/internal/advice"
)

// adviceLines are the pieces of advice of sections 8 and 9 in our own
// words, each with where it comes from (a reference as Source reads it:
// an article's file, or a clinical source by its title). None diagnoses:
// each says what the sources suggest doing, and the timer never says why
// the pain is as it is.
var adviceLines = map[advice.Rule]struct{ text, source string }{
	advice.StillSevere:    {"Still severe after a few hours: consider contacting a clinician to rule out anything serious.", "000_.txt"},
	advice.ColdNotHelping: {"Cold does not seem to help: the articles suggest switching to heat.", "003_.txt"},
	advice.Easing:         {"Easing: rest and take it easy for a few days.", "000_.txt"},
	advice.Worsening:      {"Getting worse: seek professional help.", "004_.txt"},
	advice.OverTwoWeeks:   {"Over two weeks now: see a professional; muscles can weaken.", "003_.txt"},
	advice.NumbTwice:      {"The skin went numb twice: shorten the ice (15 minutes is enough) and check the towel between pack and skin.", skinSource},
}

// skinSource is where the skin checks come from (PROTOCOLS.md section 9).
const skinSource = "Cold-therapy clinical practice pages (check the skin every 5 minutes) and Physiotherapy 2009;95(2):120-5"

// Advice is what rule r advises, in one sentence.
func Advice(r advice.Rule) string { return adviceLines[r].text }

// AdviceSource is the title of the source rule r's advice comes from.
func AdviceSource(r advice.Rule) string {
	if line, ok := adviceLines[r]; ok {
		return SourceTitle(line.source)
	}
	return ""
}

// AdviceLine is the advice with its source, for the screen's line and for
// `icetimer pain`: "Easing: rest ... (from: Back Spasm Relief)".
func AdviceLine(r advice.Rule) string {
	return fmt.Sprintf("%s (from: %s)", Advice(r), AdviceSource(r))
}

// NextStageOffer is what the screen adds to the cold-not-helping advice
// when the course has a next stage to move to.
func NextStageOffer(kind string) string {
	return "Press n to move on to " + kind + " now, if you wish."
}

// RedFlags are the signs that need urgent care whatever the timer says
// (clinical sources, not the articles; PROTOCOLS.md section 8).
const RedFlags = "Get urgent care now for numbness around the groin or buttocks, new bladder or bowel trouble, " +
	"weakness in a leg, fever, or pain after a fall or accident."

// PainScale says what the numbers mean, for `icetimer pain --help` and the
// check-in on screen.
const PainScale = "0 is no pain, 10 the worst imaginable"

// PainPrompt is the screen's one-key check-in, after a pack comes off or on
// the pain key.
var PainPrompt = Said{"Pain now? 0-9, t for 10 (0 none, 10 the worst); esc skips.", "Pain now? 0-9, t for 10; esc skips."}
