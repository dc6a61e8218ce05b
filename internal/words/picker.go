package words

// What the picker says, beyond the presets' own names.

// ThenNeedsWindow is why a custom course's follow-on cycle was refused.
const ThenNeedsWindow = "a cycle after this one needs a window: the first must end for the next to begin"

// ReplaceQuestion asks before a new course replaces the running one, named.
func ReplaceQuestion(running string) string {
	return "Replace the running course (" + running + ")? It stops now and goes to history."
}
