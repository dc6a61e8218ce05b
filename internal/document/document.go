// Package document is the JSON the commands print with --json (docs:
// CLI.md): one type per document, with the function that fills it from the
// engine's values. Scripts read these, so a field's name and meaning only
// ever change with the docs.
package document

import (
	"encoding/json"
	"io"
	"time"
)

// Write prints v as indented JSON with a final newline.
func Write(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// instant is t in RFC 3339 in loc, or nil for the zero instant.
func instant(t time.Time, loc *time.Location) *string {
	if t.IsZero() {
		return nil
	}
	s := t.In(loc).Format(time.RFC3339)
	return &s
}

// seconds is d in whole seconds, as a pointer for fields that may be null.
func seconds(d time.Duration) *int64 {
	n := int64(d / time.Second)
	return &n
}
