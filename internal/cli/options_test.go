package cli

import (
	"slices"
	"testing"

	"github.com/spf13/cobra"
)

// parse runs cmd on args with run replaced by the test's, as NewCmdX's
// runF allows: the options are parsed and nothing runs.
func parse(t *testing.T, cmd *cobra.Command, args ...string) {
	t.Helper()
	cmd.SetArgs(args)
	if err := cmd.Execute(); err != nil {
		t.Fatalf("%s %q: %v", cmd.Name(), args, err)
	}
}

// Each command's flags and arguments land in its options, as typed.
func TestCommandsParseIntoTheirOptions(t *testing.T) {
	env := newTestEnv(t).Env
	var plan *PlanOptions
	parse(t, NewCmdPlan(env, func(o *PlanOptions) error { plan = o; return nil }),
		"--cycle", "ice 1m, rest 1m", "--window", "2h", "--start", "08:00", "--hours", "3", "--ics")
	if plan.Env != env || plan.Flags.Cycle != "ice 1m, rest 1m" || plan.Flags.Window != "2h" || plan.Start != "08:00" || plan.Hours != 3 || !plan.ICS || plan.JSON ||
		!plan.Flags.Given("cycle") || plan.Flags.Given("then") || len(plan.Args) != 0 {
		t.Errorf("plan options %+v", plan)
	}
	var start *StartOptions
	parse(t, NewCmdStart(env, func(o *StartOptions) error { start = o; return nil }), "ice-20-20", "--replace", "--sound", "off")
	if !slices.Equal(start.Args, []string{"ice-20-20"}) || !start.Replace || start.Flags.Sound != "off" || !start.Flags.Given("sound") || start.Flags.Given("repeat") {
		t.Errorf("start options %+v", start)
	}
	var run *RunOptions
	// --plain is accepted, as start's is: run's lines are plain already.
	parse(t, NewCmdRun(env, func(o *RunOptions) error { run = o; return nil }), "--repeat", "off", "--plain")
	if len(run.Args) != 0 || run.Flags.Repeat != "off" || !resuming(run.Args, run.Flags.Given) || run.Context == nil {
		t.Errorf("run options %+v", run)
	}
	var pain *PainOptions
	parse(t, NewCmdPain(env, func(o *PainOptions) error { pain = o; return nil }), "4", "--at", "14:30", "--note", "walked")
	if pain.Score != "4" || pain.At != "14:30" || pain.Note != "walked" {
		t.Errorf("pain options %+v", pain)
	}
	var report *ReportOptions
	parse(t, NewCmdReport(env, func(o *ReportOptions) error { report = o; return nil }), "--days", "3", "--format", "json")
	if report.Days != 3 || report.Format != "json" {
		t.Errorf("report options %+v", report)
	}
	var cfg *ConfigOptions
	configCmd := NewCmdConfig(env, func(o *ConfigOptions) error { cfg = o; return nil })
	parse(t, configCmd, "check")
	if cfg.Action != "check" {
		t.Errorf("config options %+v", cfg)
	}
}
