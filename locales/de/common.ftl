# Wörter, die jede Schicht braucht: Satzzeichen, Aufzählungen, Beträge, Dauern.

punct-colon = {": "}
punct-quoted = „{$text}“
punct-full-stop = .
punct-open-paren = {" ("}
punct-close-paren = )

list-separator = {", "}
list-or = {$head} oder {$last}
list-and = {$head} und {$last}

amount-with-unit = {$amount} {$unit}

duration-seconds = {$count ->
    [one] {$count} Sekunde
   *[other] {$count} Sekunden
}
duration-minutes = {$count ->
    [one] {$count} Minute
   *[other] {$count} Minuten
}
duration-hours = {$count ->
    [one] {$count} Stunde
   *[other] {$count} Stunden
}
duration-days = {$count ->
    [one] {$count} Tag
   *[other] {$count} Tage
}

yes = ja
no = nein
