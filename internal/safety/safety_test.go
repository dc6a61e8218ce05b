package safety

import (
	"slices"
	"testing"

	"github.com/icetimer/icetimer/internal/schedule"
)

func TestFiveQuestionsWithStableIDs(t *testing.T) {
	var ids []ID
	for _, q := range Questions {
		ids = append(ids, q.ID)
		if len(q.Kinds) == 0 {
			t.Errorf("%s concerns no kind of pack", q.ID)
		}
	}
	want := []ID{"raynaud", "cold-urticaria", "reduced-sensation", "diabetes-or-poor-circulation", "broken-skin"}
	if !slices.Equal(ids, want) {
		t.Fatalf("questions %v, want %v", ids, want)
	}
}

func TestCautionsFollowTheKindsAYesConcerns(t *testing.T) {
	kinds := []schedule.Kind{schedule.Ice, schedule.Heat}
	for _, tt := range []struct {
		name string
		yes  map[ID]bool
		want []schedule.Kind
	}{
		{"not taken", nil, nil},
		{"all no", map[ID]bool{Raynaud: false, ColdUrticaria: false, ReducedSensation: false, DiabetesOrPoorCirculation: false, BrokenSkin: false}, nil},
		{"raynaud", map[ID]bool{Raynaud: true, BrokenSkin: false}, []schedule.Kind{schedule.Ice}},
		{"cold urticaria", map[ID]bool{ColdUrticaria: true}, []schedule.Kind{schedule.Ice}},
		{"reduced sensation", map[ID]bool{ReducedSensation: true}, kinds},
		{"diabetes", map[ID]bool{DiabetesOrPoorCirculation: true}, kinds},
		{"broken skin", map[ID]bool{BrokenSkin: true}, kinds},
	} {
		a := Answers{Yes: tt.yes}
		if got := a.Cautions(); !slices.Equal(got, tt.want) {
			t.Errorf("%s: cautions %v, want %v", tt.name, got, tt.want)
		}
		if a.AnyYes() != (len(tt.want) > 0) {
			t.Errorf("%s: AnyYes = %v", tt.name, a.AnyYes())
		}
		for _, k := range append(kinds, schedule.Rest) {
			if got := a.CautionFor(k); got != slices.Contains(tt.want, k) {
				t.Errorf("%s: CautionFor(%s) = %v", tt.name, k, got)
			}
		}
	}
}
