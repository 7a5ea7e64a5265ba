# Was die berichtenden Befehle für Menschen ausgeben: eine bewertete Antwort
# (`validate` und die Rückmeldung der Übung), `grade --summary`, `calibrate`,
# `report`, `show` und `list`.

## Ergebnis und Punktzahl

report-pass = bestanden
report-fail = nicht bestanden
report-verdict-score = {$verdict} ({$score} Punkte)
report-verdict-policy = {$verdict}: Was die Antwort tut, verstößt gegen die Richtlinie (ihre Wortwahl erreicht {$score} Punkte)

## Die Begriffe des Formats, wie eine Tabelle sie zeigt

report-check-mention = erwähnen
report-check-avoid = vermeiden
report-check-swap = ersetzen
report-check-length = Länge
report-check-echo = aufgreifen
# Die Arten von Verstößen gegen die Richtlinie.
report-code-missed-escalation = versäumte Weitergabe
report-code-over-limit = Betrag über der Befugnis
report-code-forbidden-action = unzulässige Maßnahme
report-code-unneeded-escalation = unnötige Weitergabe
report-code-late-escalation = verspätete Weitergabe
report-code-escalation-not-shown = Weitergabe nicht erkennbar
report-severity-error = Fehler
report-severity-warning = Warnung
report-severity-info = Hinweis
report-status-pass = erfüllt
report-status-fail-error = VERFEHLT
report-status-fail-warning = verfehlt
report-status-skipped = übersprungen

## Eine bewertete Antwort (`ethos validate`)

report-col-rule = Regel
report-col-check = Prüfung
report-col-severity = Schweregrad
report-col-status = Ergebnis
report-col-says = Worum es geht
report-found = gefunden: {$spans}
report-negated = verneint (nicht gezählt): {$spans}
report-negated-mark = {$rule} (verneint)
report-suggestions = Vorschläge:
report-suggestion = {$suggestion} ({$rule})
report-policy = Richtlinie
report-detail = {" ("}{$detail})
report-policy-head = {$code} ({$facts})
report-policy-fact-separator = {"; "}
report-policy-fact-to = an `{$role}`
report-policy-fact-action = {$action} {$amount}
report-policy-fact-because = {$count ->
    [one] Eskalationsregel
   *[other] Eskalationsregeln
} {$rules}

## `ethos grade --summary`

report-grade-headline = {$replies ->
    [one] 1 Antwort bewertet
   *[other] {$replies} Antworten bewertet
}: {$passed} bestanden ({$rate} %), durchschnittlich {$mean} Punkte
report-grade-errors = ; {$errors ->
    [one] 1 Zeile ließ
   *[other] {$errors} Zeilen ließen
} sich nicht bewerten
# The progress bar of a grade on a terminal: replies graded and how fast.
report-grade-progress = {$replies ->
    [one] 1 Antwort
   *[other] {$replies} Antworten
} ({$rate}/s)
report-by-step = Nach Schritt
report-by-rule = Nach Regel
report-policy-findings = Verstöße gegen die Richtlinie
report-lowest-scores = Die niedrigsten Punktzahlen
report-col-step = Schritt
report-col-replies = Antworten
report-col-pass-rate = bestanden in %
report-col-mean-score = Punkte im Schnitt
report-col-applied = angewandt
report-col-failed = verfehlt
report-col-finding = Befund
report-col-id = Kennung
report-col-line = Zeile
report-col-score = Punkte

## `ethos calibrate`

report-calibrate-headline = {$labels ->
    [one] 1 Bewertung
   *[other] {$labels} Bewertungen
} von Menschen: ethos stimmt bei {$agreed} überein ({$agreement} %); Cohens Kappa {$kappa}
report-calibrate-no-labels = keine Bewertungen von Menschen: Übereinstimmung nicht bestimmbar; Cohens Kappa nicht bestimmbar
report-not-available = –
report-ethos-pass = ethos: bestanden
report-ethos-fail = ethos: nicht bestanden
report-human-pass = Mensch: bestanden
report-human-fail = Mensch: nicht bestanden
report-col-failed-human-passed = verfehlt, wo der Mensch bestehen ließ
report-col-passed-human-failed = erfüllt, wo der Mensch durchfallen ließ
report-col-policy-finding = Befund der Richtlinie
report-col-found = gefunden
report-col-found-human-passed = davon vom Menschen bestanden
report-no-disagreements = Keine abweichenden Urteile.
report-disagreements = Abweichende Urteile ({$count})
report-disagreement-id = {$at} (Kennung {$id})
report-disagreement = {$at}, Schritt {$step}: Mensch {$human}, ethos {$tool} ({$score} Punkte)
report-disagreement-reply = Antwort: {$text}
report-disagreement-note = Notiz:   {$note}
report-disagreement-none-failed = ethos: keine Regel verfehlt
report-disagreement-passed = ethos: keine Regel verfehlt (erfüllt: {$rules})
report-disagreement-failed = verfehlt {$rule} ({$severity}): {$message}
report-disagreement-failed-spans = verfehlt {$rule} ({$severity}): {$spans}: {$message}
report-disagreement-policy = Richtlinie {$code} ({$severity}): {$message}

## `ethos report`: aufgezeichnete Übungen

report-col-trainee = Auszubildende
report-col-playbook = Leitfaden
report-col-scenario = Szenario
report-col-mode = Art
report-col-attempts = Versuche
report-col-finished = beendet
report-col-best = beste
report-col-last = letzte
report-col-passed = bestanden
report-col-date = Datum
report-mode-exam = Prüfung
report-mode-practice = Übung
report-not-a-transcript = keine Aufzeichnung einer Übung ({$error})
report-transcript-format = Aufzeichnungsformat {$format} statt {$expected}

## `ethos show`: ein Leitfaden als Tabellen

report-show-title = {$title} ({$company}, {$language})
report-show-owner = verantwortlich: {$owner}
report-show-review-by = zu prüfen bis: {$date}
report-show-pass-mark = Bestehensgrenze: {$mark} %
report-show-steps = Schritte
report-show-rules = Regeln
report-show-matrix = Wer was selbst gewähren darf (vorderste Reihe zuerst)
report-show-escalation = Weitergabe nach oben
report-col-number = Nr.
report-col-title = Titel
report-col-goal = Ziel
report-col-values = Werte
report-col-at = bei
report-col-when = wenn
report-col-role = Rolle
report-col-goes-to = geht an
report-col-within = binnen
report-col-why = warum
report-col-beat = Szene
report-col-customer-says = der Kunde sagt
report-col-trainee-does = die Auszubildenden
report-col-next = weiter
report-show-every-step = bei jedem Schritt

## Eine Bedingung (`when`) in den Tabellen von `show`.

report-when-always = immer
report-when-and = {" und "}
report-when-or = {" oder "}
report-when-between = zwischen {$min} und {$max}
report-when-at-least = mindestens {$min}
report-when-at-most = höchstens {$max}
report-when-any = beliebig
report-when-says = der Kunde sagt {$phrases}
report-when-contacts = Kontakte: {$bounds}
report-when-waiting = der Kunde hat {$bounds} gewartet
report-when-mood = der Kunde ist {$moods}
report-when-tier = die Kundenstufe ist {$tiers}
report-when-fact = {$key} ist {$value}
report-when-fact-one-of = {$key} ist {$values}
report-when-fact-range = {$key} ist {$bounds}
report-when-any-of = mindestens eines davon: {$conditions}
report-when-not = Folgendes trifft nicht zu: {$condition}
report-when-group = ({$condition})
report-when-escalated = der Fall liegt bei {$role} oder einer höheren Rolle
report-when-action = die Maßnahme ist {$action}
report-when-amount = der Betrag ist {$bounds}
report-when-over = über {$amount}
report-when-amount-at-least = mindestens {$amount}
report-when-under = unter {$amount}
report-when-amount-at-most = höchstens {$amount}
report-when-any-amount = beliebig hoch
report-show-action-unit = {$action} ({$unit})
report-show-role = {$role} ({$title})
report-show-no-limit = unbegrenzt
report-show-up-to = bis {$limit}
report-show-scenario = Szenario {$id}: {$title} (gespielt als {$role}; Kunde: {$customer})
report-show-decides = entscheiden ({$choices} Möglichkeiten) – am besten: {$best}
report-show-replies = antworten ({$wrong} falsche zu erkennen)
report-show-the-end = Ende
report-show-branch = bestanden → {$pass}
    nicht bestanden → {$fail}

## `ethos list`

report-col-company = Unternehmen
report-col-language = Sprache
report-col-steps = Schritte
report-col-rules = Regeln
report-col-scenarios = Szenarien
report-list-hint = Probieren Sie einen aus: ethos show KENNUNG · ethos drill KENNUNG · ethos init --from KENNUNG
report-list-packs-hint = In einen Leitfaden aufnehmen: `uses: [KENNUNG]`; eine seiner Regeln abschalten: `disable: [KENNUNG/REGEL]`

## `ethos show`'s matrix with conditional grants: one line per grant, in the
## order they are tried, each condition a footnote below the table.
report-show-grant-per = {$limit} × {$per}
report-show-otherwise = sonst {$grant}
report-show-grant-note = {$mark} wenn {$condition}

## Gespräche bewerten
report-conversations-summary = {$passed} von {$conversations} Gesprächen bestanden ({$rate} %); mittlere Punktzahl {$score}.
report-conversations-escalation = Das Playbook verlangte in {$required} % der Gespräche eine Weitergabe; weitergegeben wurden {$escalated} %.
report-conversations-first-reply = Median der ersten Antwort: {$time}.
report-conversations-handling = Median der Bearbeitungszeit: {$time}.
report-conversations-failures = Nicht bestanden (Anzahl, Gespräche):
report-conversations-failure = {"  "}{$id} ({$kind}): {$failed}-mal, in {$conversations} {$conversations ->
    [one] Gespräch
   *[other] Gesprächen
}
report-conversations-ungraded = {$count} Zeilen konnten nicht bewertet werden ({$judged} Gespräche schon).
report-conversations-ungraded-line = Zeile {$line}: {$why}

## Ein Gespräch als Verlauf (validate --conversation)
report-speaker-system = System
report-speaker-user = Kundschaft
report-speaker-agent = Mitarbeitende, Zug {$turn}
report-speaker-agent-calls = Mitarbeitende
report-speaker-internal = Mitarbeitende, interne Notiz
report-speaker-tool = Werkzeugergebnis
report-system-elided = (Anweisungen an die KI, nicht bewertet)
report-tool-call-with = → ruft `{$tool}` auf mit {$arguments}
report-tool-call = → ruft `{$tool}` auf
report-conversation-rule = {$rule} (Zug {$turn}): {$says}
report-conversation-procedure = {$procedure} ({$reason}, bei `{$tool}`): {$says}
report-conversation-policy = {$code}: {$says}
report-conversation-verdict = {$verdict}: Punktzahl {$score}, {$turns} Züge der Mitarbeitenden
report-reason-not-confirmed = Die letzte Nachricht der Kundschaft vor dem Aufruf sagt nicht ausdrücklich Ja.
report-reason-not-asked = Keine Nachricht der Kundschaft vor dem Aufruf bittet darum.
report-reason-not-said = Vor dem Aufruf wurde nicht gesagt, was gesagt werden muss.
report-reason-not-done-first = Ein Werkzeug, das zuerst kommen muss, wurde nicht vorher aufgerufen.
report-reason-done-before = Ein Werkzeug, das nicht vorher kommen darf, wurde vorher aufgerufen.
report-reason-not-allowed = Der Aufruf ist in diesem Fall nicht erlaubt.
report-reason-too-many = Mehr Aufrufe, als das Verfahren in einem Gespräch erlaubt.
report-reason-not-said-after = Der nächste Zug nach dem Aufruf sagt nicht, was er sagen muss.
report-reason-turn-shape = Diese Nachricht hat nicht die Form, die jede Nachricht der Mitarbeitenden haben muss.
report-conversation-not-found = { $file } enthält kein Gespräch mit der ID { $id }.
report-conversation-empty = { $file } enthält kein Gespräch.
report-reason-and-message = {$why} {$message}
report-kind-rule = Regel
report-kind-procedure = Verfahren
report-kind-policy = Richtlinie
