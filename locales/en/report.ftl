# report
# What the reporting commands print for people: a judged reply (`validate`,
# and the drill's feedback), `grade --summary`, `calibrate`, `report`, `show`
# and `list`.

## A verdict and its score

report-pass = pass
report-fail = fail
# The verdict of a reply and the score of its words.
report-verdict-score = {$verdict} (score {$score})
# A reply whose words break no rule that fails a reply, failed for what it
# does: the score is not why it failed, so say what is.
report-verdict-policy = {$verdict}: what the reply does breaks the policy (its words score {$score})

## The words of the playbook format, as a table shows them

report-check-mention = mention
report-check-avoid = avoid
report-check-swap = swap
report-check-length = length
report-check-echo = echo
# The kinds of policy finding. English names them by their codes, as the
# JSON output and the docs do.
report-code-missed-escalation = missed-escalation
report-code-over-limit = over-limit
report-code-forbidden-action = forbidden-action
report-code-unneeded-escalation = unneeded-escalation
report-code-late-escalation = late-escalation
report-code-escalation-not-shown = escalation-not-shown
report-severity-error = error
report-severity-warning = warning
report-severity-info = info
# How a rule judged the reply.
report-status-pass = pass
# A failed rule of severity error: it fails the reply.
report-status-fail-error = FAIL
# A failed warning: it lowers the score, the reply may still pass.
report-status-fail-warning = fail
report-status-skipped = skipped

## A judged reply (`ethos validate`)

report-col-rule = rule
report-col-check = check
report-col-severity = severity
report-col-status = status
report-col-says = what it says
# The words of the reply that made a rule fail.
report-found = found: {$spans}
# Words under a negation ("not", "没有"), which did not count.
report-negated = negated (not counted): {$spans}
# A negated occurrence's rule under the carets.
report-negated-mark = {$rule} (negated)
report-suggestions = Suggestions:
report-suggestion = {$suggestion} ({$rule})
report-policy = Policy
# What was counted, after a rule's message: "(9 words; between 5 and 55)".
report-detail = {" ("}{$detail})
# What a policy finding is about, in brackets after its code.
report-policy-head = {$code} ({$facts})
report-policy-fact-separator = {"; "}
report-policy-fact-to = to `{$role}`
report-policy-fact-action = {$action} {$amount}
report-policy-fact-because = {$count ->
    [one] escalation rule
   *[other] escalation rules
} {$rules}

## `ethos grade --summary`

report-grade-headline = {$replies ->
    [one] 1 reply graded
   *[other] {$replies} replies graded
}: {$passed} passed ({$rate}%), mean score {$mean}
report-grade-errors = ; {$errors ->
    [one] 1 line
   *[other] {$errors} lines
} could not be graded
# The progress bar of a grade on a terminal: replies graded and how fast.
report-grade-progress = {$replies ->
    [one] 1 reply
   *[other] {$replies} replies
} ({$rate}/s)
report-by-step = By step
report-by-rule = By rule
report-policy-findings = Policy findings
report-lowest-scores = The lowest scores
report-col-step = step
report-col-replies = replies
report-col-pass-rate = pass rate %
report-col-mean-score = mean score
report-col-applied = applied
report-col-failed = failed
report-col-finding = finding
report-col-id = id
report-col-line = line
report-col-score = score

## `ethos calibrate`

report-calibrate-headline = {$labels ->
    [one] 1 label
   *[other] {$labels} labels
}: ethos agrees on {$agreed} ({$agreement}%); Cohen's kappa {$kappa}
report-calibrate-no-labels = no labels: agreement n/a; Cohen's kappa n/a
# A figure that cannot be worked out (kappa when every label is the same).
report-not-available = n/a
report-ethos-pass = ethos pass
report-ethos-fail = ethos fail
report-human-pass = human pass
report-human-fail = human fail
report-col-failed-human-passed = failed where human passed
report-col-passed-human-failed = passed where human failed
report-col-policy-finding = policy finding
report-col-found = found
report-col-found-human-passed = where human passed
report-no-disagreements = No disagreements.
report-disagreements = Disagreements ({$count})
# Where a disagreement is: file and line, then the line's id when it has one.
report-disagreement-id = {$at} (id {$id})
report-disagreement = {$at}, step {$step}: human {$human}, ethos {$tool} (score {$score})
report-disagreement-reply = reply: {$text}
report-disagreement-note = note:  {$note}
report-disagreement-none-failed = ethos: no rule failed
report-disagreement-passed = ethos: no rule failed (passed: {$rules})
report-disagreement-failed = failed {$rule} ({$severity}): {$message}
report-disagreement-failed-spans = failed {$rule} ({$severity}): {$spans}: {$message}
report-disagreement-policy = policy {$code} ({$severity}): {$message}

## `ethos report`: recorded drills

report-col-trainee = trainee
report-col-playbook = playbook
report-col-scenario = scenario
report-col-mode = mode
report-col-attempts = attempts
report-col-finished = finished
report-col-best = best
report-col-last = last
report-col-passed = passed
report-col-date = date
report-mode-exam = exam
report-mode-practice = practice
report-not-a-transcript = not a drill transcript ({$error})
report-transcript-format = transcript format {$format} is not {$expected}

## `ethos show`: a playbook as tables

report-show-title = {$title} ({$company}, {$language})
report-show-owner = owner: {$owner}
report-show-review-by = review by: {$date}
report-show-pass-mark = pass mark: {$mark}%
report-show-steps = Steps
report-show-rules = Rules
report-show-matrix = Who may grant what on their own (front line first)
report-show-escalation = Escalation
report-col-number = #
report-col-title = title
report-col-goal = goal
report-col-values = values
report-col-at = at
report-col-when = when
report-col-role = role
report-col-goes-to = goes to
report-col-within = within
report-col-why = why
report-col-beat = beat
report-col-customer-says = the customer says
report-col-trainee-does = the trainee
report-col-next = next
report-show-every-step = every step

## A condition (`when`) in `show`'s tables.

report-when-always = always
report-when-and = {" and "}
report-when-or = {" or "}
report-when-between = between {$min} and {$max}
report-when-at-least = at least {$min}
report-when-at-most = at most {$max}
report-when-any = any
report-when-says = the customer says {$phrases}
report-when-contacts = contacts are {$bounds}
report-when-waiting = the customer has waited {$bounds}
report-when-mood = the customer is {$moods}
report-when-tier = the customer's tier is {$tiers}
report-when-fact = {$key} is {$value}
report-when-fact-one-of = {$key} is {$values}
report-when-fact-range = {$key} is {$bounds}
report-when-any-of = either {$conditions}
report-when-not = it is not so that {$condition}
report-when-group = ({$condition})
report-when-escalated = the case is with {$role} or a more senior role
report-when-action = the action is {$action}
report-when-amount = the amount is {$bounds}
report-when-over = over {$amount}
report-when-amount-at-least = at least {$amount}
report-when-under = under {$amount}
report-when-amount-at-most = at most {$amount}
report-when-any-amount = of any amount
# A column of the empowerment matrix: an action and its unit.
report-show-action-unit = {$action} ({$unit})
# A row of the empowerment matrix: a role's id and title.
report-show-role = {$role} ({$title})
report-show-no-limit = no limit
report-show-up-to = up to {$limit}
report-show-scenario = Scenario {$id}: {$title} (played as {$role}; customer: {$customer})
report-show-decides = decides ({$choices} choices) — best: {$best}
report-show-replies = replies ({$wrong} wrong to spot)
report-show-the-end = the end
report-show-branch = pass → {$pass}
    fail → {$fail}

## `ethos list`

report-col-company = company
report-col-language = language
report-col-steps = steps
report-col-rules = rules
report-col-scenarios = scenarios
report-list-hint = Try one: ethos show ID · ethos drill ID · ethos init --from ID
report-list-packs-hint = Add one to a playbook: `uses: [ID]`; drop one of its rules: `disable: [ID/RULE]`

## `ethos show`'s matrix with conditional grants: one line per grant, in the
## order they are tried, each condition a footnote below the table.
report-show-grant-per = {$limit} × {$per}
report-show-otherwise = otherwise {$grant}
report-show-grant-note = {$mark} when {$condition}

## Grading conversations
report-conversations-summary = {$passed} of {$conversations} conversations passed ({$rate}%); mean score {$score}.
report-conversations-escalation = The playbook required an escalation in {$required}% of conversations; {$escalated}% were escalated.
report-conversations-first-reply = Median first reply: {$time}.
report-conversations-handling = Median handling time: {$time}.
report-conversations-failures = Failed (times, conversations):
report-conversations-failure = {"  "}{$id} ({$kind}): {$failed} {$failed ->
    [one] time
   *[other] times
}, in {$conversations} {$conversations ->
    [one] conversation
   *[other] conversations
}
report-conversations-ungraded = {$count} lines could not be judged ({$judged} conversations were).
report-conversations-ungraded-line = line {$line}: {$why}

## A conversation as a transcript (validate --conversation)
report-speaker-system = system
report-speaker-user = customer
report-speaker-agent = agent, turn {$turn}
report-speaker-agent-calls = agent
report-speaker-internal = agent, internal note
report-speaker-tool = tool result
report-system-elided = (instructions to the agent, not judged)
report-tool-call-with = → calls `{$tool}` with {$arguments}
report-tool-call = → calls `{$tool}`
report-conversation-rule = {$rule} (turn {$turn}): {$says}
report-conversation-procedure = {$procedure} ({$reason}, at `{$tool}`): {$says}
report-conversation-policy = {$code}: {$says}
report-conversation-verdict = {$verdict}: score {$score}, {$turns} agent turns
report-reason-not-confirmed = The customer's last message before the call does not say yes.
report-reason-not-asked = No customer message before the call asks for it.
report-reason-not-said = The agent did not say what had to be said before the call.
report-reason-not-done-first = A tool that must come first was not called before.
report-reason-done-before = A tool that must not come first was called before.
report-reason-not-allowed = The call is not allowed in this case.
report-reason-too-many = More calls than the procedure allows in one conversation.
report-reason-not-said-after = The agent's next turn after the call does not say what it must.
report-reason-turn-shape = This message does not have the shape every agent message must have.
report-conversation-not-found = { $file } has no conversation with id { $id }.
report-conversation-empty = { $file } has no conversation.
report-reason-and-message = {$why} {$message}
report-kind-rule = rule
report-kind-procedure = procedure
report-kind-policy = policy
