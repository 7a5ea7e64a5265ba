# drill
# What a trainee reads while playing a scenario (`ethos drill`).

## Picking a scenario

drill-pick-scenario = Pick a scenario (↑/↓, Enter)
# Before the scenario number of a scripted drill.
drill-scenario-prompt = Scenario:
# One line of the scenario list: its title, the steps it exercises (ids),
# how hard it is, how many beats and decisions.
drill-menu-item = {$title} — steps: {$steps} · {$difficulty} ({$beats ->
    [one] 1 beat
   *[other] {$beats} beats
}, {$decisions ->
    [one] 1 decision
   *[other] {$decisions} decisions
})
drill-difficulty-easy = easy
drill-difficulty-medium = medium
drill-difficulty-hard = hard

## The scenario and the customer

drill-customer = customer
drill-mood = mood
drill-tier = tier
# Before the title of the role the trainee plays.
drill-you-are = You are
# Who speaks when the scenario gives the customer no name.
drill-the-customer = The customer
# The speaker of a line, with the mood they are in.
drill-speaker-mood = {$who} ({$mood})
drill-step = Step: {$title} — {$goal}

## A reply and what the drill says about it

drill-your-reply = Your reply
# The reply prompt on a terminal, with what to type to write in an editor.
drill-reply-editor = {$prompt} ({$command} for an editor)
# Before a suggestion of what to say.
drill-try = try
# An echo rule's hint: the key facts of this beat, as alternatives.
drill-echo-hint = name what you heard, like {$facts}
drill-best-choice = The best choice
drill-the-policy = The policy
# Over the feedback of an exam, given at its end.
drill-feedback = Feedback
drill-ends-here = The drill ends here: {$turns} turns is as long as this scenario runs.

## The scorecard

drill-scorecard = Scorecard
drill-col-beat = beat
drill-col-step = step
drill-col-verdict = verdict
drill-col-score = score
drill-col-seconds = seconds
drill-total = Total {$score} against a pass mark of {$mark}: {$verdict}
drill-passed = PASSED
drill-not-passed = NOT PASSED
drill-first-reply = Time to first reply: {$seconds} s
drill-average-reply = Average time per reply: {$seconds} s
drill-solved = Solved without escalation: {$answer}
drill-turns-taken = Turns taken: {$turns}
drill-final-mood = The customer's mood at the end: {$mood}

## Why a drill stopped before its end

drill-stop-interrupted = interrupted
drill-stop-out-of-answers = the answers ran out after {$answered ->
    [one] 1 line
   *[other] {$answered} lines
} before the scenario ended: add a line per turn
drill-stop-bad-answer = answer line {$line}: {$why}
drill-stop-not-a-number = `{$answer}` is not a scenario number (1 to {$count})
drill-stop-no-such-scenario = there is no scenario {$number} (1 to {$count})
drill-stop-not-a-choice = `{$answer}` is not a choice: give its number (1 to {$count})
drill-stop-not-a-choice-or-action = `{$answer}` is not a choice: give its number (1 to {$count}) or an action id ({$actions})
drill-stop-read = cannot read the answer: {$error}
drill-stop-write = cannot write: {$error}
