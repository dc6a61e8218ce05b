#!/usr/bin/env bash
# Speech latency: how long a reminder's voice takes from Say to its first sound,
# for each engine on Linux: speech-dispatcher (with its espeak-ng module) and
# espeak-ng through PulseAudio. Each runs privately (its own runtime directory)
# into a PulseAudio null sink whose monitor parec records; after one utterance to
# warm the engine up, N (default 10) more are timed, and the median and worst are
# printed with the cold first one. The text is a reminder's opening, "Take the ice
# pack off.": its first sound includes the t's closure (about 40 ms). This is the
# measurement of the speech package's tests, run on its own.
# Needs: pulseaudio pulseaudio-utils speech-dispatcher speech-dispatcher-espeak-ng espeak-ng.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10}
out=$(CI=true ICETIMER_SPEECH_UTTERANCES=$n go test ./internal/speech -count=1 -v \
	-run '^(TestSpeechDispatcherSpeaks|TestEspeakNgWithoutSpeechDispatcher)$' 2>&1) || {
	echo "$out" >&2
	exit 1
}
echo "$out" | sed -n 's/.*latency \([a-z-]*\): /\1: /p'
