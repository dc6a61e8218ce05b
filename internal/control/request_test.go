package control

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseRequestRefusesWhatItCannotApply(t *testing.T) {
	for _, tc := range []struct {
		line string
		code Code
		says string
	}{
		{`pause`, CodeBadRequest, "not JSON"},
		{`{"v":1,"do":"pause"`, CodeBadRequest, "not one JSON object"},
		{`{"v":1,"do":"pause"} {"v":1,"do":"stop"}`, CodeBadRequest, "nothing after it"},
		{`[1,2]`, CodeBadRequest, "not one JSON object"},
		{`{"v":1,"do":"pause","force":true}`, CodeBadRequest, `unknown field "force"`},
		{`{"v":"1","do":"pause"}`, CodeBadRequest, `field "v" cannot be a string`},
		{`{"do":"pause"}`, CodeVersion, "version 1, the request said 0"},
		{`{"v":2,"do":"pause"}`, CodeVersion, "version 1, the request said 2"},
		{`{"v":1,"do":"explode"}`, CodeUnknownVerb, `unknown request "explode"; known: ack, extend,`},
		{`{"v":1}`, CodeUnknownVerb, `unknown request ""`},
		{`{"v":1,"do":"pause","amount":"5m"}`, CodeBadRequest, "pause takes no amount"},
		{`{"v":1,"do":"on-since"}`, CodeBadRequest, "on-since needs an amount"},
		{`{"v":1,"do":"extend","amount":"5 minutes"}`, CodeBadRequest, `amount "5 minutes" is not a positive duration`},
		{`{"v":1,"do":"shorten","amount":"-5m"}`, CodeBadRequest, "not a positive duration"},
		{`{"v":1,"do":"pain"}`, CodeBadRequest, "pain needs a score"},
		{`{"v":1,"do":"pain","score":4.5}`, CodeBadRequest, `field "score" cannot be a number 4.5`},
		{`{"v":1,"do":"stop","score":4}`, CodeBadRequest, "stop takes no score, note or time"},
		{`{"v":1,"do":"ack","note":"x"}`, CodeBadRequest, "ack takes no score, note or time"},
		{`{"v":1,"do":"pain","score":4,"at":"14:20"}`, CodeBadRequest, `at "14:20" is not an RFC 3339 time`},
		{`{"v":1,"do":"pause","from":"` + strings.Repeat("x", 81) + `"}`, CodeBadRequest, "from is longer than 80 bytes"},
	} {
		_, err := parseRequest([]byte(tc.line))
		var r *RefusalError
		if !errors.As(err, &r) || r.Code != tc.code || !strings.Contains(r.Message, tc.says) {
			t.Errorf("%s: got %v (%#v), want code %s saying %q", tc.line, err, r, tc.code, tc.says)
		}
	}
}

func TestParseRequestReadsEveryField(t *testing.T) {
	at := time.Date(2026, 11, 21, 14, 20, 0, 0, time.FixedZone("", 3600))
	for line, want := range map[string]Request{
		`{"v":1,"do":"pause","from":"icetimer pause"}`:                                   {Do: Pause, From: "icetimer pause"},
		`{"v":1,"do":"extend"}`:                                                          {Do: Extend},
		`{"v":1,"do":"extend","amount":"2m30s"}`:                                         {Do: Extend, Amount: 150 * time.Second},
		`{"v":1,"do":"on-since","amount":"3m"}`:                                          {Do: OnSince, Amount: 3 * time.Minute},
		`{"v":1,"do":"pain","score":0}`:                                                  {Do: Pain},
		"  {\"v\":1,\"do\":\"skin-numb\"}  \r":                                           {Do: SkinNumb},
		`{"v":1,"do":"watch"}`:                                                           {Do: watchVerb},
		`{"v":1,"do":"pain","score":6,"note":"better","at":"2026-11-21T14:20:00+01:00"}`: {Do: Pain, Score: 6, Note: "better", At: at},
	} {
		got, err := parseRequest([]byte(line))
		if err != nil || got.Do != want.Do || got.Amount != want.Amount || got.Score != want.Score ||
			got.Note != want.Note || !got.At.Equal(want.At) || got.From != want.From {
			t.Errorf("%s: got %+v, %v; want %+v", line, got, err, want)
		}
	}
}

// What a client encodes, the server reads back the same; a request the
// server would refuse is refused before it is sent.
func TestEncodeRequestRoundTrips(t *testing.T) {
	at := time.Date(2026, 11, 21, 14, 20, 0, 500, time.UTC)
	for _, req := range []Request{
		{Do: Pause, From: "view 4242"}, {Do: Resume}, {Do: Skip}, {Do: Extend}, {Do: Extend, Amount: 7 * time.Minute},
		{Do: Shorten, Amount: time.Minute}, {Do: OnSince, Amount: 90 * time.Second}, {Do: Restart}, {Do: Ack},
		{Do: Pain}, {Do: Pain, Score: 10, Note: "après \"le\" bain\n", At: at}, {Do: NextStage}, {Do: Stop},
		{Do: SkinOK}, {Do: SkinNumb},
	} {
		line, err := encodeRequest(req)
		if err != nil {
			t.Fatalf("%+v: %v", req, err)
		}
		if strings.Count(string(line), "\n") != 1 || line[len(line)-1] != '\n' {
			t.Errorf("%+v: not one line: %q", req, line)
		}
		got, err := parseRequest(line)
		if err != nil || got.Do != req.Do || got.Amount != req.Amount || got.Score != req.Score ||
			got.Note != req.Note || !got.At.Equal(req.At) || got.From != req.From {
			t.Errorf("%+v: read back %+v, %v", req, got, err)
		}
	}
	for _, bad := range []Request{{Do: "explode"}, {Do: OnSince}, {Do: Pause, Amount: time.Minute}, {Do: Pain, Note: strings.Repeat("x", MaxLine)}} {
		if _, err := encodeRequest(bad); err == nil {
			t.Errorf("%+v was encoded, want a refusal", bad)
		}
	}
}
