# errors: why a playbook, rule pack or template cannot be read, and what to do
# Ids, keys and YAML to write stay in backticks: they are the author's, or code.

## The file as a whole.

errors-empty = the file is empty: a playbook starts with `playbook: ID`
errors-too-large = the file is {$size} MB, larger than the {$max} MB a playbook may be: split it into several playbooks
errors-too-deep = the file nests more than {$max} levels deep, which no playbook needs: check the indentation
errors-alias-bomb = the file's YAML aliases expand to more than a playbook can hold (an alias bomb?): write the values out instead
errors-several-documents = the file holds more than one YAML document (`---`): put one playbook in each file
errors-too-many-nodes = the file expands to more than {$max} YAML nodes (through aliases or sheer size), far more than a playbook needs: refused so as not to exhaust memory
errors-not-utf8 = the file is not UTF-8 text (byte {$byte} here): save the playbook as UTF-8

## YAML syntax. `errors-yaml` is the YAML parser's own words (English).

errors-yaml = {$text}
errors-tab-indent = this line is indented with a tab, which YAML does not allow: indent with spaces
errors-tab-in-text = a tab stands where YAML expects a space: use spaces, or put the text in quotes
errors-full-width-colon = a full-width colon `：` does not end a key in YAML: write `:` and a space
errors-full-width-comma = a full-width comma `，` does not separate entries in YAML: write `,` and a space
errors-indented-more = this line is indented more than the one above (line {$above}): give the keys of one entry the same indentation
errors-indented-less = this line is indented less than the one above (line {$above}) but lines up with no key it could belong to: give the keys of one entry the same indentation

## The shape of the playbook.

errors-unknown-field = unknown field `{$field}`, expected {$expected}
errors-unknown-field-of-none = unknown field `{$field}`, there are no fields
errors-unknown-variant = unknown variant `{$variant}`, expected {$expected}
errors-unknown-variant-of-none = unknown variant `{$variant}`, there are no variants
errors-expected-name = `{$name}`
errors-expected-two-names = `{$a}` or `{$b}`
errors-expected-names = one of {$names}
errors-unknown-condition = unknown condition `{$key}`, expected one of {$keys}
errors-empty-any = `any` lists no condition: write at least one condition in it, or remove `any`
errors-empty-grants = the list of grants is empty: write at least one grant with `when` and `up_to`, or remove the action from `may`
errors-per-not-a-fact = `per` is `{$found}`, not a fact: write `facts.KEY`, such as `facts.passengers`
errors-bound-not-a-number = the bound `{$bound}` of `facts.{$fact}` is `{$found}`, not a number: write a number such as `3` or `2.5`
errors-unknown-branch = unknown field `{$key}`, expected `pass` and `fail`
errors-missing-field = missing field `{$field}`
errors-missing-field-in = missing field `{$field}` in `{$entry}`
errors-duplicate-key = duplicate key `{$key}`: this entry already has one, keep only one of them
errors-expected = expected {$shape}, found {$found}

## What a value should be, after "expected".

errors-shape-text = a text
errors-shape-list = a list, like `[a, b]` or lines starting with `- `
errors-shape-mapping = a mapping of `key: value` entries
errors-shape-bool = `true` or `false`
errors-shape-nothing = nothing
errors-shape-number = a number
errors-shape-amount-in = an amount in {$unit}
errors-shape-amount = an amount (a number)
errors-shape-whole-number = a whole number
errors-shape-whole-number-not-negative = a whole number, 0 or more
errors-shape-contacts = a whole number (contacts)
errors-shape-words = a whole number (words)
errors-shape-key-facts = a whole number (key facts)
errors-shape-one-of = one of {$names}
errors-shape-duration = a duration such as 30s, 15m, 2h or 1d
errors-shape-limit = an amount (a number, 0 or more) or `yes` for no limit
errors-shape-grants = a limit (a number, 0 or more, or `yes`) or a list of grants with `when`, `up_to` and `per`
errors-shape-scalar = a single value (text, number, true or false)
errors-shape-map = a map
errors-shape-texts = a text or a list of texts
errors-shape-says = a text, a list of texts, or {"{"}phrases, negation{"}"}
errors-shape-conditions = a map of conditions ({$keys})
errors-shape-next = a beat id or `{"{"}pass: BEAT, fail: BEAT{"}"}`
errors-shape-value = a value

## What a value was, after "found".

errors-found-nothing = nothing
errors-found-list = a list
errors-found-mapping = a mapping (`key: value`)
errors-found-value = `{$text}`

## Values of the right kind that are not good ones.

errors-not-a-date = `{$text}` is not a date: write it as YYYY-MM-DD, e.g. 2027-05-01
errors-not-a-duration = `{$text}` is not a duration: write a number and a unit, e.g. 30s, 15m, 2h or 1d
errors-duration-without-unit = `{$number}` has no unit: write {$number}s, {$number}m, {$number}h or {$number}d
errors-negative-duration = `{$number}` is not a duration: write e.g. 15m
errors-limit-no = `no` is not a limit: write 0, or leave the action out of `may`
errors-negative-limit = a limit cannot be negative (`{$amount}`)
errors-not-a-limit = `{$number}` is not a limit: write an amount of 0 or more, or `yes`
errors-not-a-limit-text = `{$text}` is not a limit: write an amount such as 50, or `yes` for no limit
errors-too-large-number = `{$number}` is too large
errors-not-a-number = `{$text}` is not a number
errors-negative-amount = an amount must be 0 or more, not {$amount}

## What to do.

errors-help-replace-tab = replace the tab with spaces; most editors can be set to insert spaces for Tab
errors-help-number-alone = write the number alone, e.g. `40`: the unit is the action's `unit`
errors-help-quote-full-width = if the full-width sign belongs to the text, put the text in quotes
errors-help-quote-colon = a `: ` inside a text starts a new key: put quotes around the text
errors-help-quote-comma = a comma inside `{"{"} {"}"}` or `[ ]` starts a new entry: put quotes around text that contains one
errors-help-add-field = add `{$field}:` to this entry; it is required
errors-help-did-you-mean = did you mean `{$name}`?
errors-help-write-one-of = write one of {$names}

## Files that cannot be read, and paths with nothing to check.

errors-not-found = {$path}: no such file or directory
errors-cannot-read = {$path}: cannot be read: {$why}
errors-directory = {$path}: is a directory, not a playbook file: give the path of a .yaml file
errors-not-a-regular-file = {$path}: is not a regular file (a pipe, socket or device): save the playbook to a file and give its path
errors-unknown-playbook-did-you-mean = `{$name}` is neither a file nor a bundled playbook: did you mean `{$id}`? (`ethos list` shows the bundled playbooks)
errors-unknown-playbook = `{$name}` is neither a file nor a bundled playbook: the bundled playbooks are {$ids}
errors-here-unreadable = the current directory cannot be read: {$why}
errors-none-here = no playbooks here: there is no ./playbooks folder and no *.yaml or *.yml file in the current directory; give a path, write one with `ethos init`, or check the bundled playbooks with `ethos check --bundled`
errors-none-in = {$dir}: no playbooks (*.yaml, *.yml) in this directory; give a playbook file or another directory

## Templates (`ethos render --templates`).

errors-template-bundled = {$file} (bundled)
errors-template = template {$template}: {$why}
errors-template-at-line = template {$template}, line {$line}: {$why}
errors-template-at-column = template {$template}, line {$line}, column {$column}: {$why}
errors-template-not-handlebars = this is not valid Handlebars: check that every `{"{{"}` has its `{"}}"}` and every `{"{{"}#block{"}}"}` its `{"{{"}/block{"}}"}`
errors-template-no-field = `{$field}` is not a field here (the README's "Rendering" section lists the fields)
errors-template-no-field-did-you-mean = `{$field}` is not a field here; did you mean `{$best}`? (the README's "Rendering" section lists the fields)
errors-template-no-partial = there is no partial `{$name}`; the partials are {$partials}
errors-template-unused = {$file}: replaces no template, so it is not used; the templates are {$templates}
errors-template-unused-did-you-mean = {$file}: replaces no template, so it is not used; did you mean `{$best}`?
errors-templates-unreadable = cannot read the templates in {$path}: {$why}
errors-template-not-utf8 = {$path}: is not UTF-8 text; save the template as UTF-8
errors-pattern-does-not-compile = the playbook has a pattern that does not compile ({$why}); run `ethos check` for every problem
errors-folder-in-the-way = a folder of that name is in the way
