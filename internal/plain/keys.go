package plain

import (
	"io"
	"strconv"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"

	"github.com/icetimer/icetimer/internal/schedule"
	"github.com/icetimer/icetimer/internal/words"
)

// question is what the next key answers.
type question int

const (
	noQuestion question = iota
	quitQuestion
	stopQuestion
	wentOnQuestion
)

// The plain screen's keys of its own: the time left, said; and the skin
// check's answers, as the timer screen takes them (its skinKey).
var (
	timeLeft = key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "time left"))
	skinOK   = key.NewBinding(key.WithKeys("k"), key.WithHelp("k", "skin fine"))
	skinNumb = key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "skin numb"))
)

// readKeys reads the terminal's keys on a goroutine of its own until the
// screen ends, and acts on each; the channel closes once it has stopped.
func (p *screen) readKeys(in io.Reader, term string) <-chan struct{} {
	done := make(chan struct{})
	cr, err := uv.NewCancelReader(in)
	if err != nil {
		p.sayNow("The keys cannot be read (" + err.Error() + "); the reminders go on.")
		close(done)
		return done
	}
	events := make(chan uv.Event)
	streamed := make(chan error, 1)
	go func() { streamed <- uv.NewTerminalReader(cr, term).StreamEvents(p.ctx, events) }()
	go func() {
		defer close(done)
		defer cr.Close()
		for {
			select {
			case ev := <-events:
				if k, ok := ev.(uv.KeyPressEvent); ok {
					p.key(tea.KeyPressMsg(k))
				}
			case <-streamed:
				// The input ended (a closed terminal): the reminders go on
				// until the screen ends otherwise.
				<-p.ctx.Done()
				return
			case <-p.ctx.Done():
				cr.Cancel()
				for {
					select {
					case <-events:
					case <-streamed:
						return
					}
				}
			}
		}
	}()
	return done
}

// key acts on one key, as the timer screen does.
func (p *screen) key(k tea.KeyPressMsg) {
	switch p.asking {
	case quitQuestion:
		p.answerQuit(k)
		return
	case stopQuestion:
		p.answerStop(k)
		return
	case wentOnQuestion:
		p.answerWentOn(k)
		return
	}
	st := p.state()
	km := p.keys
	switch a, acts := km.Action(k, st); {
	case key.Matches(k, km.Quit):
		p.asking = quitQuestion
		p.say(words.QuitQuestion.Full)
	case key.Matches(k, km.Help):
		p.say(words.PlainKeys)
	case key.Matches(k, timeLeft):
		p.sayNow(words.TimeLeft(st, time.Local))
	case st.Done:
	case acts:
		p.ask(a)
	case key.Matches(k, skinOK, skinNumb) && st.SkinCheck.IsZero():
		p.sayNow(words.NoSkinCheck)
	case key.Matches(k, skinOK):
		p.ask(schedule.Action{Verb: schedule.VerbSkinOK})
	case key.Matches(k, skinNumb):
		p.ask(schedule.Action{Verb: schedule.VerbSkinNumb})
	case key.Matches(k, km.Stop):
		p.asking = stopQuestion
		p.say(words.StopQuestion.Full)
	case key.Matches(k, km.WentOn) && st.Current.Kind.IsOn() && !st.Paused:
		p.asking, p.typed = wentOnQuestion, ""
		p.say(words.WentOnQuestion)
	case key.Matches(k, km.WentOn):
		p.sayNow(words.NoPackOn)
	}
}

// answerQuit takes the answer to the quit question; any other key asks it
// again.
func (p *screen) answerQuit(k tea.KeyPressMsg) {
	switch {
	case key.Matches(k, p.keys.Background):
		p.end(KeepReminding)
	case key.Matches(k, p.keys.NoReminders):
		p.end(NoReminders)
	case key.Matches(k, p.keys.Stay):
		p.asking = noQuestion
		p.say(words.NothingChanged)
	default:
		p.say(words.QuitQuestion.Full)
	}
}

// answerStop takes the answer to the stop question; any other key asks it
// again.
func (p *screen) answerStop(k tea.KeyPressMsg) {
	switch {
	case key.Matches(k, p.keys.Confirm):
		p.asking = noQuestion
		p.ask(schedule.Action{Verb: schedule.VerbStop})
	case key.Matches(k, p.keys.Cancel):
		p.asking = noQuestion
		p.say(words.NothingChanged)
	case key.Matches(k, p.keys.Quit):
		p.asking = quitQuestion
		p.say(words.QuitQuestion.Full)
	default:
		p.say(words.StopQuestion.Full)
	}
}

// answerWentOn takes a key of the answer to the went-on question: digits,
// backspace, enter to set it, escape (or n) to leave it.
func (p *screen) answerWentOn(k tea.KeyPressMsg) {
	switch {
	case k.Code == tea.KeyEnter:
		p.asking = noQuestion
		n, err := strconv.Atoi(p.typed)
		if err != nil {
			p.say(words.NothingChanged)
			return
		}
		p.ask(schedule.Action{Verb: schedule.VerbOnSince, Amount: time.Duration(n) * time.Minute})
	case key.Matches(k, p.keys.Cancel):
		p.asking = noQuestion
		p.say(words.NothingChanged)
	case k.Code == tea.KeyBackspace && p.typed != "":
		p.typed = p.typed[:len(p.typed)-1]
	case len(k.Text) == 1 && k.Text[0] >= '0' && k.Text[0] <= '9' && len(p.typed) < 3:
		p.typed += k.Text
	}
}
