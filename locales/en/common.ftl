# Words every layer uses: punctuation, lists, numbers with units, durations.

punct-colon = {": "}
punct-quoted = “{$text}”
punct-full-stop = .
punct-open-paren = {" ("}
punct-close-paren = )

list-separator = {", "}
list-or = {$head} or {$last}
list-and = {$head} and {$last}

amount-with-unit = {$amount} {$unit}

duration-seconds = {$count ->
    [one] {$count} second
   *[other] {$count} seconds
}
duration-minutes = {$count ->
    [one] {$count} minute
   *[other] {$count} minutes
}
duration-hours = {$count ->
    [one] {$count} hour
   *[other] {$count} hours
}
duration-days = {$count ->
    [one] {$count} day
   *[other] {$count} days
}

yes = yes
no = no
