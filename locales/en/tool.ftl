# tool: what the commands say about their own work (files written, flags, inputs)
# Ids, flags, paths and commands to type stay as written, in backticks where they are code.

## Before a message

tool-error = error: {$message}
tool-warning = warning: {$message}

## Flags, files and standard input

tool-percent-expected = expected a percentage from 0 to 100, like `90`, found `{$found}`
tool-cannot-read = cannot read {$path}: {$why}
tool-cannot-read-stdin = cannot read the {$what ->
    [labels] labels from standard input
    [reply] reply from standard input
   *[replies] replies
}: {$why}
tool-cannot-create = cannot create {$path}: {$why}
tool-cannot-write-file = cannot write {$path}: {$why}
tool-cannot-write = cannot write: {$why}
tool-cannot-start-thread = cannot start a thread to grade with: {$why}
# How a file name reads when the input was standard input.
tool-standard-input = standard input
# A line of a file: "labels.jsonl:3: the line has no `human` label".
tool-at-line-of = {$file}:{$line}: {$why}

## A playbook a command cannot use

tool-engine-failed = {$playbook}: {$why}; run `ethos check` on it
tool-refused = {$file} has {$count ->
    [one] {$count} error
   *[other] {$count} errors
} that `ethos check` reports, so it cannot be used; run `ethos check {$name}` to see {$count ->
    [one] it
   *[other] them all
}:
tool-refused-error = {$file}:{$line}:{$column}: {$message} [{$code}]
tool-refused-error-help = {$file}:{$line}:{$column}: {$message} ({$help}) [{$code}]
tool-refused-more = … and {$count} more
# A flag names an id the playbook does not define; $help is what to do.
tool-no-such-id = the playbook has no {$kind ->
    [value] value
    [role] role
    [action] action
    [step] step
    [rule] rule
    [escalation-rule] escalation rule
    [scenario] scenario
   *[beat] beat
} `{$id}`: {$help}

## calibrate

tool-calibrate-no-labels = no labels to compare with; each line of LABELS is a grade line with "human": "pass" or "fail"
tool-calibrate-unusable = {$count ->
    [one] {$count} label line
   *[other] {$count} label lines
} could not be used; the figures are of the other {$used}

## drill

tool-drill-no-scenarios = {$playbook} has no scenarios to drill: add one under `scenarios:`
tool-drill-cannot-read-answers = cannot read the answers from {$path}: {$why}
tool-drill-saved = transcript saved to {$path}
tool-drill-kept = {$how ->
    [interrupted] interrupted
   *[stopped] stopped
}: the turns answered so far are in {$path}
tool-drill-interrupted-unsaved = interrupted: {$why}

## grade

tool-grade-ungraded = {$count ->
    [one] {$count} line
   *[other] {$count} lines
} could not be graded; the other {$graded} were
tool-grade-ungraded-line = line {$line}: {$why}
tool-grade-more-ungraded = … (every one is a line with "error" in the output)

## Why a line of grade or calibrate input is not graded
# These are also the `error` of the line in the JSON output, always in English.

tool-line-not-utf8 = the line is not UTF-8; save the file as UTF-8
tool-line-not-an-object = expected one JSON object a line, found {$found ->
    [array] an array
    [text] a text
    [bool] true or false
    [null] null
   *[number] a number
}
# $detail: the JSON reader's words, with the line and column.
tool-line-not-json = not a JSON object: {$detail}
# The JSON reader's words for an unknown field, which programs may match on.
tool-line-unknown-field = unknown field `{$field}`, expected one of {$expected} at line {$line} column {$column}
tool-line-unknown-field-did-you-mean = {$why}; did you mean `{$field}`?
# $detail: the JSON reader's words for a field of the wrong shape.
tool-line-bad-field = {$detail}
tool-line-too-long = the line is {$bytes} bytes long, more than --max-line-bytes ({$max}); split the reply or raise --max-line-bytes
tool-line-beat-without-scenario = the line names beat `{$beat}` but no `scenario`; beats are named within their scenario
tool-line-no-step = the line has no `step`
tool-line-no-step-or-beat = the line has no `step`; give `step`, or the `beat` the reply answers
tool-line-no-text = the line has no `text`
tool-line-unknown = unknown {$kind ->
    [value] value
    [role] role
    [action] action
    [step] step
    [rule] rule
    [escalation-rule] escalation rule
    [scenario] scenario
   *[beat] beat
} `{$id}`: {$help}
tool-line-unknown-escalated = `escalated` names an unknown role `{$id}`: {$help}
tool-line-unknown-escalate-to = unknown role to escalate to `{$id}`: {$help}
tool-line-no-such-beat = scenario `{$scenario}` has no beat `{$beat}`: {$help}
tool-line-context-not-a-value = context `{$key}`: not a single value
tool-line-context-value = context `{$key}`: {$why}
tool-label-not-a-label = `human` is `{$found}`; a label is "pass" or "fail"
tool-label-none = the line has no `human` label; add "human": "pass" or "human": "fail"

## CSV input

tool-csv-header = line 1 of the CSV input: {$why}
tool-csv-unknown-columns = the CSV header names {$count ->
    [one] a column
   *[other] columns
} that ethos does not know: {$columns}; the columns are id, step, text, role, escalate, actions and the context keys ({$keys}); rename {$count ->
    [one] it
   *[other] them
}, or pass --ignore-columns to skip {$count ->
    [one] it
   *[other] them
}
tool-csv-column-unnamed = (column {$column}, with no name)
tool-csv-name-not-utf8 = the name of column {$column} is not UTF-8; save the file as UTF-8
tool-csv-twice = the column `{$name}` appears twice; keep one
tool-csv-missing = the header has no `{$column}` column; the first line names the columns, e.g. `id,step,text`
tool-csv-field-count = the row has {$fields ->
    [one] {$fields} field
   *[other] {$fields} fields
}, but the header names {$columns} columns; put a field that holds a comma in double quotes
tool-csv-cell-not-utf8 = the `{$column}` field is not UTF-8; save the file as UTF-8
tool-csv-action-amount = in `actions`, the amount `{$amount}` of `{$id}` is not a number; write e.g. `{$id}=50`
tool-csv-unclosed-quote = the quoted field that opens on line {$line} is not closed; end it with `"`, and write a quote inside a field as `""`
tool-csv-quoted-too-long = the quoted field that opens on line {$line} is longer than --max-line-bytes ({$max} bytes); is its closing quote missing?
tool-csv-row-too-long = the row is longer than --max-line-bytes ({$max} bytes); split the reply or raise --max-line-bytes

## init

tool-init-no-such-bundled = there is no bundled playbook `{$id}`; the bundled playbooks are {$ids} (`ethos list` shows them)
tool-init-exists = {$path} already exists; ethos init never overwrites a file: give another path, e.g. `ethos init my-playbook.yaml`
tool-init-wrote = wrote {$path}. Edit it, then run `ethos check {$path}`.
    For completion and checking as you type, save the schema beside it: `ethos schema > {$schema}`

## list

tool-list-bundled-broken = bundled playbook {$id} does not load: {$why}
tool-list-pack-broken = bundled rule pack {$id} does not load

## render

tool-render-out-is-file = {$path} is a file, not a folder: give --out a folder to write into
tool-render-wrote = wrote {$files}
# A file written and what is in it: "out/handbook.md (12 KB)".
tool-written-file = {$path} ({$what})
tool-size-bytes = {$bytes} B
tool-size-kb = {$kb} KB
tool-size-cards = {$count ->
    [one] {$count} card
   *[other] {$count} cards
}

## report

tool-report-not-a-folder = {$path}: not a directory; give the folder drills were recorded into (`ethos drill --record DIR`)
tool-report-skipped = {$path}: skipped, {$why}
tool-report-no-transcripts = {$path}: no drill transcripts here; record some with `ethos drill --record {$path}`

## validate

tool-validate-no-reply-on-stdin = no reply on standard input; pipe the reply in, or give it as an argument
tool-validate-reply-not-utf8 = the reply on standard input is not UTF-8
tool-validate-no-reply = give the reply to judge as an argument, or `-` to read it from standard input
tool-validate-no-step = say which step the reply belongs to with --step (the steps are {$steps}), or give --scenario and --beat
tool-validate-set-form = `--set {$setting}` needs the form KEY=VALUE, e.g. --set customer.name=Dana
tool-validate-set-invalid = `--set {$setting}`: {$why}
tool-validate-set-escalated = `--set escalated={$role}`: the playbook has no role `{$role}`: {$help}
tool-validate-set-fact-wrong-type = `--set {$setting}`: `facts:` declares fact `{$fact}` {$type}, and `{$value}` is not one
tool-validate-set-fact-not-a-value = `--set {$setting}`: `{$value}` is not one of the `values` of fact `{$fact}`: {$values}
tool-validate-action-invalid = `--action {$given}`: {$why}; write e.g. --action {$id}=50

## `ethos import`: what a run's import could not read.

import-run = run {$number}
import-run-id = run {$number} ({$id})
import-not-an-object = {$run} is not a JSON object: skipped
import-no-traj = {$run} has no `traj` list of messages: skipped
import-bad-arguments = {$run}, message {$at}: the arguments of `{$tool}` are not JSON, so the facts of this call are not read (the call is kept as written)
import-unknown-tool-result = {$run}, message {$at}: a result of `{$tool}`, a tool the importer does not know: kept, nothing is read from it
import-unanswered-result = {$run}, message {$at}: a tool result that answers no earlier call: kept, nothing is read from it
import-file-not-json = {$path} is not JSON: {$why}
import-file-not-an-array = {$path} is not a τ-bench result file: expected a JSON array of runs
import-db-error = cannot read the booking database {$file}: {$why}
import-done = imported {$runs} {$runs ->
    [one] run
   *[other] runs
}, skipped {$skipped}
