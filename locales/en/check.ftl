# ethos check: what each diagnostic says, its help line, and the report around them.
# Ids and code stay in backticks: they are the author's, or YAML to copy.

## Ids: duplicate-id, unknown-step, unknown-role, unknown-action, unknown-value, unknown-beat.

check-duplicate-id = there is already {$kind ->
    [value] a value
    [role] a role
    [action] an action
    [step] a step
    [rule] a rule
    [escalation-rule] an escalation rule
    [scenario] a scenario
    [fact] a fact
    [procedure] a procedure
   *[beat] a beat
} with id `{$id}`
check-help-first-is-at = the first is at line {$line}; give each {$kind ->
    [value] value
    [role] role
    [action] action
    [step] step
    [rule] rule
    [escalation-rule] escalation rule
    [scenario] scenario
    [fact] fact
    [procedure] procedure
   *[beat] beat
} its own id
check-help-did-you-mean = did you mean `{$id}`?
check-help-none-defined = this playbook defines no {$kind ->
    [value] values
    [role] roles
    [action] actions
    [step] steps
    [rule] rules
    [escalation-rule] escalation rules
    [scenario] scenarios
    [fact] facts
    [procedure] procedures
   *[beat] beats
}
check-help-kinds-are = the {$kind ->
    [value] values
    [role] roles
    [action] actions
    [step] steps
    [rule] rules
    [escalation-rule] escalation rules
    [scenario] scenarios
    [fact] facts
    [procedure] procedures
   *[beat] beats
} are {$ids}

check-unknown-value-of-step = step `{$step}` names value `{$value}`, which is not defined
check-unknown-action-of-role = role `{$role}` may grant `{$action}`, which is not a defined action
check-unknown-step-of-rule = rule `{$rule}` applies at step `{$step}`, which is not defined
check-unknown-role-of-escalation = escalation `{$escalation}` goes to role `{$role}`, which is not defined
check-unknown-role-of-condition = the condition of `{$owner}` asks whether the case is with role `{$role}` (`escalated`), which is not defined
check-unknown-action-of-escalation = escalation `{$escalation}` is about action `{$action}`, which is not defined
check-unknown-role-of-scenario = scenario `{$scenario}` is played as role `{$role}`, which is not defined
check-unknown-step-of-beat = beat `{$beat}` exercises step `{$step}`, which is not defined
check-unknown-next-beat = beat `{$beat}` goes next to `{$target}`, which is not a beat of scenario `{$scenario}`
check-unknown-role-of-choice = a choice of beat `{$beat}` escalates to `{$role}`, which is not a defined role
check-unknown-action-of-choice = a choice of beat `{$beat}` takes action `{$action}`, which is not defined

## Rules that cannot work: invalid-pattern, phrase-too-long, empty-rule; step-without-rules.

check-step-without-rules = no rule applies at step `{$step}`, so no reply there can fail
check-help-add-rule-at-step = add a rule with `at: [{$step}]`, or one without `at`, which applies at every step

check-pattern-does-not-compile = pattern `{$pattern}` of rule `{$rule}` does not compile: {$reason}
check-help-pattern-syntax = patterns use Rust regex syntax (no look-around or backreferences); to match text literally, use `phrases`
check-help-simplify-pattern = simplify the pattern (large counted repetitions such as `\w{"{"}500{"}"}` grow it fastest), or use `phrases`

# Why a pattern does not compile. `check-regex-other` is the regex library's own words.
check-regex-group-unclosed = unclosed group
check-regex-group-unopened = unopened group
check-regex-class-unclosed = unclosed character class
check-regex-class-range-invalid = invalid character class range, the start must be <= the end
check-regex-repetition-missing = repetition operator missing expression
check-regex-repetition-count-unclosed = unclosed counted repetition
check-regex-repetition-count-invalid = invalid repetition count range, the start must be <= the end
check-regex-escape-unrecognized = unrecognized escape sequence
check-regex-escape-unexpected-end = incomplete escape sequence, reached end of pattern prematurely
check-regex-look-around = look-around, including look-ahead and look-behind, is not supported
check-regex-backreference = backreferences are not supported
check-regex-unicode-class-invalid = invalid Unicode character class
check-regex-other = {$reason}

check-phrase-too-long = phrase “{$phrase}” of {$owner ->
    [escalation-rule] escalation rule
    [role] role
   *[rule] rule
} `{$id}` is {$chars} characters long; a phrase is at most {$max}
check-handoff-phrase-too-long = handoff phrase “{$phrase}” of role `{$role}` is {$chars} characters long; a phrase is at most {$max}
check-phrases-do-not-compile = the playbook's phrases do not compile: {$reason}
check-help-shorten-phrase = a phrase is words a reply says or avoids: keep the few words that matter, or split it into several phrases
check-help-shorten-phrases = keep the few words that matter in each phrase, or split long ones into several phrases

check-empty-rule = rule `{$rule}` has nothing to check
check-procedure-example-fails = a `pass` example of procedure `{$procedure}` fails it ({$unmet})
check-procedure-unmet = `{$reason}` at message {$at}
check-procedure-example-passes = a `fail` example of procedure `{$procedure}` passes it
check-help-change-procedure-or-move-to-pass = change the procedure until the example breaks it, or move the example to `pass`
check-procedure-example-skipped = procedure `{$procedure}` is not judged in this example: no call it names happens, or its `when` never holds
check-help-call-what-the-procedure-names = make the example call a tool the procedure names, where its `when` holds
check-procedure-example-unreadable = an example of procedure `{$procedure}` is not a conversation: {$why}
check-empty-procedure = procedure `{$procedure}` has nothing to judge
check-help-fill-procedure = give it `calls` with `require`, `only_when`, `at_most` or `then_says`, or a `turn` shape, or remove it
check-unknown-action-of-procedure = procedure `{$procedure}` is judged at `{$action}`, which is neither an action nor an action's `tool`, so it is taken as a tool name
check-help-fill-rule = {$check ->
    [swap] add `swap: {"{"}discouraged: preferred{"}"}`
    [length] add `max_words` and/or `min_words`
   *[other] add `phrases` or `patterns`
}, or remove the rule

## The ladder and the escalation rules.

check-no-limit = no limit
check-ladder-below-junior = `{$senior}` may grant `{$action}` up to {$limit}, less than `{$junior}` below it ({$junior_limit})
check-ladder-may-not-grant = `{$senior}` may not grant `{$action}` at all, though `{$junior}` below it may grant up to {$junior_limit}
check-help-give-at-least = give `{$role}` at least {$limit}: a case sent up the ladder must reach someone who can say yes
check-help-give-no-limit = give `{$role}` no limit either: a case sent up the ladder must reach someone who can say yes
check-help-add-to-may = add `{$entry}` (or more) to `{$role}`'s `may`

check-escalation-to-front-line = escalation `{$escalation}` goes to `{$role}`, the first role on the ladder, which already holds every case
check-help-send-higher = send it to a more senior role, or remove the rule

# $bounds is made of the check-bound-* messages, the unit after the last amount.
check-bound-over = over {$amount}
check-bound-at-least = at least {$amount}
check-bound-under = under {$amount}
check-bound-at-most = at most {$amount}
check-bound-and = {$first} and {$second}
check-bound-any = of any amount
check-escalation-shadows = escalation `{$escalation}` sends `{$action}` {$bounds} to `{$to}`, but `{$role}` may grant up to {$limit} on its own: the two rules contradict each other
check-escalation-shadows-unlimited = escalation `{$escalation}` sends `{$action}` {$bounds} to `{$to}`, but `{$role}` may grant any amount on its own: the two rules contradict each other
check-help-send-up-only-over = send up only what `{$role}` may not grant (`amount: {"{"}over: {$limit}{"}"}`), or lower `{$role}`'s limit for `{$action}`
check-help-can-never-apply = `{$role}` may grant any `{$action}`, so this rule can never apply as written: remove it or the limit

## The shape of each drill.

check-no-best-choice = the decision in beat `{$beat}` has no choice marked `best: true`
check-help-mark-best = mark the choice the policy calls for with `best: true`
check-several-best-choices = the decision in beat `{$beat}` has {$count} choices marked `best: true`
check-help-keep-one-best = exactly one choice is best: keep `best: true` on one of them
check-unreachable-beat = no path from the first beat (`{$first}`) of scenario `{$scenario}` reaches beat `{$beat}`
check-help-name-in-next = name `{$beat}` in some beat's `next`, or remove it
check-endless-scenario = scenario `{$scenario}` can never end from beat `{$beat}`: every path from {$count ->
    [one] it
   *[other] the beats {$beats}
} loops without reaching a beat without `next`
check-help-give-an-ending = give one of these beats no `next` (an ending), or a `next` that leads to one

## Schema findings serde cannot see.

check-playbook-id-not-kebab = playbook id `{$id}` is not kebab-case
check-help-kebab-case = use lower-case ASCII letters and digits joined by `-`, e.g. `hotel-poolside`
check-not-a-language-tag = `{$tag}` is not a BCP 47 language tag
check-help-language-tag = write a tag such as `en`, `de`, `zh-CN` or `ja`
check-pass-mark-not-percentage = pass mark {$mark} is not a percentage
check-help-number-to-100 = write a number from 0 to 100
check-no-roles = a playbook needs at least one role
check-help-list-the-ladder = list the escalation ladder, front line first, e.g. `- {"{"}id: agent, title: Agent{"}"}`
check-no-steps = a playbook needs at least one step
check-invalid-id = `{$id}` is not a valid id
check-help-id-shape = ids are lower-case words joined by `-` or `_`, e.g. `warm-greeting`; no spaces
check-field-not-for-kind = `{$field}` does not apply to a `{$check}` rule (rule `{$rule}`)
check-help-fields-of = {$check ->
    [swap] a swap rule takes `swap: {"{"}discouraged: preferred{"}"}`
    [length] a length rule takes `max_words` and/or `min_words`
    [echo] an echo rule takes `min`, the number of the beat's key facts to mention
   *[other] a mention or avoid rule takes `phrases` and/or `patterns`
}
check-min-over-max = rule `{$rule}` asks for at least {$min} words but at most {$max}: no reply can pass
check-weight-not-positive = weight {$weight} is not above zero
check-help-positive-weight = a weight is a positive number; the default is 1
check-empty-phrase = rule `{$rule}` has an empty phrase
check-help-remove-empty-phrase = remove it: an empty phrase would match nothing
check-empty-swap = rule `{$rule}` swaps an empty phrase
check-staff-condition-on-text-rule = `{$key}` is a condition on what staff do, so it fits escalation rules only (rule `{$rule}`)
check-help-conditions-in-escalation = a text rule judges words; put conditions on actions in `escalation`
check-no-beats = scenario `{$scenario}` has no beats
check-help-first-beat-starts = a scenario needs at least one beat; the first one starts it
check-reply-and-decision = beat `{$beat}` is both a free reply (`model`, `wrong`) and a decision (`decide`)
check-help-split-beat = split it into two beats, or drop `model`/`wrong` from the decision
check-acts-and-escalates = choice "{$say}" both acts and escalates
check-help-act-or-escalate = a choice has at most one of `action` and `escalate`; make two choices
check-not-one-action = a choice takes exactly one action, found {$count}
check-help-action-shape = write it as `action: {"{"}ACTION: AMOUNT{"}"}`, e.g. `action: {"{"}replace: 6{"}"}`

## A rule's own examples.

check-examples-context = `examples_context` of rule `{$rule}`: {$why}
check-context-unknown-key = there is no context key `{$key}`; the keys are {$keys}
check-context-unknown-key-did-you-mean = there is no context key `{$key}`; did you mean `{$suggestion}`? the keys are {$keys}
check-context-not-contacts = `{$value}` is not a number of contacts
check-context-not-whole-number = `{$value}` is not a whole number
check-context-not-duration = `{$value}` is not a duration: write a number and a unit, e.g. 30s, 15m, 2h or 1d
check-example-fails-saying = a `pass` example of rule `{$rule}` fails it: it says {$said}
check-example-fails-because = a `pass` example of rule `{$rule}` fails it ({$reason})
check-help-change-rule-or-move-to-fail = change the rule until the example passes, or move the example to `fail`
check-example-passes = a `fail` example of rule `{$rule}` passes it
check-help-add-phrase-or-move-to-pass = add the phrase or pattern the example shows to the rule, or move the example to `pass`
check-example-skipped = an example of rule `{$rule}` cannot be judged: the rule is skipped at step `{$step}` because {$why ->
    [echo] it is an `echo` rule and the context has no key facts (give `key_facts: "a, b"` in `examples_context`)
    [when] its `when` does not hold, or a placeholder has no value, in `examples_context`
   *[placeholder] a placeholder has no value in `examples_context`
}
check-help-give-examples-context = give the rule an `examples_context` where it applies, e.g. `examples_context: {"{"}customer.name: Dana, facts.at_fault: true, message: "I cut myself"{"}"}`

## Rule packs: uses and disable.

check-unknown-pack = `uses` names the rule pack `{$pack}`, which is not bundled
check-help-bundled-packs-are = the bundled packs are {$packs} (`ethos list --packs`)
check-pack-does-not-load = the bundled rule pack `{$pack}` does not load: {$error}
check-unknown-disabled-rule = `disable` names `{$id}`, which is no rule of the packs this playbook uses
check-help-add-to-uses = add `{$pack}` to `uses`, or drop this entry
check-help-disable-takes-full-id = `disable` takes the full id of a pack rule, `PACK/RULE`, e.g. `courtesy-en/dismissive`

## Replies judged by the engine; rules against each other.

# One failing rule in a list: its id and what it says.
check-rule-saying = `{$rule}` ({$says})
check-model-fails = the model reply of beat `{$beat}` (scenario `{$scenario}`) fails {$count ->
    [one] rule
   *[other] rules
}: {$rules}
check-help-model-shows-good = a model reply shows trainees what good looks like: change it until it passes, or fix the rules
check-wrong-passes = a wrong reply of beat `{$beat}` (scenario `{$scenario}`) passes every rule at step `{$step}`
check-help-catch-it = add a rule that catches what is wrong with it, or remove it from `wrong`
# One policy finding: what it says and its code; findings are separated by check-clause-separator.
check-clause-separator = {"; "}
check-policy-problem = {$says} ({$code})
check-decision-contradicts-policy = the best choice of beat `{$beat}` ("{$say}") goes against the policy: {$problems}
check-help-policy-decides = the policy decides: {$decision} Mark the choice that does this as best, or change the policy
check-untested-rule = no wrong reply fails rule `{$rule}`, so nothing shows that it catches what it is meant to catch
check-help-add-wrong-reply = add a `wrong` reply that breaks it to a beat where it applies
check-help-add-wrong-reply-at = add a `wrong` reply that breaks it to a beat at step {$steps} where it applies
check-unbound-placeholder = rule `{$rule}` uses the placeholder `{"{"}{$key}{"}"}`, which nothing can fill
check-help-did-you-mean-placeholder = did you mean `{"{"}{$key}{"}"}`?
check-help-placeholders-are = placeholders are {"{"}customer.name{"}"}, {"{"}customer.mood{"}"}, {"{"}customer.tier{"}"} and {"{"}facts.KEY{"}"}
check-rule-contradiction = rule `{$avoid}` forbids “{$phrase}”, which rule `{$mention}` asks for at step `{$step}`
check-help-cannot-say-and-avoid = a reply cannot both say it and avoid it: drop the phrase from one rule, or give the rules different steps or conditions

## Facts: unknown-fact; schema (a value that does not fit a declared fact).

check-fact-type = {$type ->
    [bool] a truth value (`type: bool`)
    [number] a number (`type: number`)
   *[text] a text (`type: text`)
}
check-unknown-fact = {$place ->
    [placeholder] rule `{$owner}` uses the placeholder `{"{"}facts.{$fact}{"}"}`, but no scenario sets fact `{$fact}` and `facts:` does not declare it
    [per] a grant of role `{$owner}` is per fact `{$fact}`, which no scenario sets and `facts:` does not declare
    [grant] the condition of a grant of role `{$owner}` names fact `{$fact}`, which no scenario sets and `facts:` does not declare
   *[condition] the condition of `{$owner}` names fact `{$fact}`, which no scenario sets and `facts:` does not declare
}
check-help-declare-fact = declare it in `facts:`, e.g. `- {"{"} id: {$fact}, type: {$type} {"}"}`, or set it in a scenario's `facts`
check-scenario-fact-wrong-type = scenario `{$scenario}` gives fact `{$fact}` the value `{$value}`, but `facts:` declares it {$type}
check-scenario-fact-not-a-value = scenario `{$scenario}` gives fact `{$fact}` the value `{$value}`, which is not one of its `values`: {$values}
check-condition-fact-wrong-type = the condition of `{$owner}` compares fact `{$fact}` with `{$value}`, but `facts:` declares it {$type}, so this can never hold
check-condition-fact-not-a-value = the condition of `{$owner}` compares fact `{$fact}` with `{$value}`, which is not one of its `values` ({$values}), so this can never hold
check-condition-fact-bounds = the condition of `{$owner}` gives fact `{$fact}` bounds, but `facts:` declares it {$type}: bounds hold only for a number
check-fact-values-on-bool = fact `{$fact}` is a truth value: it is `true` or `false` and takes no `values`
check-fact-values-empty = fact `{$fact}` lists no `values`, so no value fits it
check-fact-value-wrong-type = `{$value}`, one of the `values` of fact `{$fact}`, is not {$type}
check-help-fact-type-wants = {$type ->
    [bool] write `true` or `false`
    [number] write a number, such as `3` or `2.5`
   *[text] put it in quotes to make it a text: `"{$value}"`
}
check-help-add-to-fact-values = use one of the values, or add it to the `values` of fact `{$fact}`
check-help-remove-fact-values = remove `values`
check-help-list-fact-values = list the values it may have, or remove `values` to allow any value of its type
check-help-bounds-need-number = compare `facts.{$fact}` with a value or a list of values, or declare it `type: number`

## review-overdue

check-date = {$year}-{$month}-{$day}

check-review-overdue = the playbook was due for review on {$date} ({$days ->
    [one] {$days} day
   *[other] {$days} days
} ago)
check-help-review-with-team = review it with the team, then set `review_by` to the next review date

## The report around the diagnostics.

check-level-error = error
check-level-warning = warning
check-level-info = info
check-level-help = help
check-counts-none = no problems
check-counts-errors = {$errors ->
    [one] {$errors} error
   *[other] {$errors} errors
}
check-counts-warnings = {$warnings ->
    [one] {$warnings} warning
   *[other] {$warnings} warnings
}
check-counts-both = {$errors ->
    [one] {$errors} error
   *[other] {$errors} errors
} and {$warnings ->
    [one] {$warnings} warning
   *[other] {$warnings} warnings
}
check-summary = check {$passed ->
    [yes] passed
   *[no] failed
}: {$counts} in {$files ->
    [one] {$files} file
   *[other] {$files} files
}{$denied ->
    [yes] {" "}(warnings denied)
   *[no] {""}
}
check-summary-short = ethos check: {$counts} in {$files ->
    [one] {$files} file
   *[other] {$files} files
}

## What each code means (SARIF rule descriptions, the README's table).

check-code-yaml-syntax = the file is not valid YAML
check-code-schema = unknown field, wrong type, missing required field, bad id, bad duration or date
check-code-duplicate-id = two steps / rules / roles / actions / values / scenarios / beats (within a scenario) share an id
check-code-unknown-step = a rule's `at` or a beat's `step` names no step
check-code-unknown-role = an escalation `to`, a scenario `role`, a choice's `escalate` or a condition's `escalated` names no role
check-code-unknown-action = a `may`, a condition's `action` or a choice's `action` names no action
check-code-unknown-value = a step's `values` names no value
check-code-unknown-beat = a `next` names no beat
check-code-invalid-pattern = a pattern does not compile (message says why)
check-code-phrase-too-long = a phrase is longer than 1,000 characters
check-code-empty-rule = a rule with nothing to check (no phrases/patterns, no bounds, no swap)
check-code-rule-contradiction = a `mention` rule and an `avoid` rule share a phrase and apply at a common step in a common context
check-code-unbound-placeholder = a placeholder that no scenario or context can fill (unknown key)
check-code-ladder-inversion = a more senior role may grant less of an action than a junior one; grants are compared only between the same case (identical `when` and `per`), since grants whose conditions differ may never hold together, so a plain limit compares with plain limits as in version 1
check-code-escalation-shadows-empowerment = an escalation rule on action and amount alone sends up amounts that a role below its target may grant; only grants without `when` (and without `per`) are compared, since a conditional grant may not hold where the rule fires, so the two need not contradict
check-code-escalation-to-front-line = an escalation rule's target is the first role
check-code-unreachable-beat = no path from the first beat reaches it
check-code-endless-scenario = from some beat no path ends
check-code-model-fails = a beat's `model` reply fails its own step's rules (lists which)
check-code-wrong-passes = a beat's `wrong` reply passes every rule
check-code-decision-contradicts-policy = a decision's `best` choice is not what the policy decides (lists what it decides)
check-code-no-best-choice = a decision without exactly one `best` choice
check-code-step-without-rules = no rule applies at this step
check-code-untested-rule = no `wrong` reply of any scenario fails this rule, so nothing shows that it catches what it is meant to catch
check-code-review-overdue = `review_by` has passed
check-code-example-fails = a rule's `pass` example fails that rule
check-code-example-passes = a rule's `fail` example passes that rule
check-code-example-skipped = a rule's example could not be judged: the rule is skipped in its `examples_context` (a placeholder with no value, a `when` that does not hold)
check-code-unknown-pack = `uses` names no bundled rule pack
check-code-unknown-disabled-rule = `disable` names no rule of the packs the playbook uses
check-code-unknown-fact = a condition, placeholder or grant names a fact that `facts:` does not declare and no scenario sets (most often a typo)

## Conditional grants (a role's `may` entry as a list): ladder-inversion between
## grants of the same case, unreachable-grant.

check-code-unreachable-grant = a grant of a role's list never applies: an earlier grant of the same list holds wherever it holds (an earlier grant without `when` or `per`, or one whose conditions follow from its own)
# $case: what a grant's limit depends on, one of the check-grant-case-* messages.
check-grant-case-when = when {$condition}
check-grant-case-per = per `facts.{$per}`
check-grant-case-when-per = when {$condition}, per `facts.{$per}`
check-ladder-grant-below-junior = `{$senior}`'s grant {$index} for `{$action}` ({$case}) gives up to {$limit}, less than `{$junior}` below it gives in the same case ({$junior_limit})
check-unreachable-grant = `{$role}`'s grant {$index} for `{$action}` never applies: grant {$earlier} before it ({$case}) holds wherever it does, and the first grant that holds is the one that applies
check-unreachable-grant-always = `{$role}`'s grant {$index} for `{$action}` never applies: grant {$earlier} before it holds in every case, and the first grant that holds is the one that applies
check-help-move-grant-before = move it before grant {$earlier} of `{$role}`'s `{$action}`, or remove it
