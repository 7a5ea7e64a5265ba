# Was Auszubildende während einer Übung (`ethos drill`) lesen.

## Ein Szenario wählen

drill-pick-scenario = Wählen Sie ein Szenario (↑/↓, Eingabetaste)
drill-scenario-prompt = Szenario:
drill-menu-item = {$title} – Schritte: {$steps} · {$difficulty} ({$beats ->
    [one] 1 Szene
   *[other] {$beats} Szenen
}, {$decisions ->
    [one] 1 Entscheidung
   *[other] {$decisions} Entscheidungen
})
drill-difficulty-easy = leicht
drill-difficulty-medium = mittel
drill-difficulty-hard = schwer

## Das Szenario und die Kundschaft

drill-customer = Kunde
drill-mood = Stimmung
drill-tier = Kundenstufe
drill-you-are = Ihre Rolle
drill-the-customer = Der Kunde
drill-speaker-mood = {$who} ({$mood})
drill-step = Schritt: {$title} – {$goal}

## Eine Antwort und was die Übung dazu sagt

drill-your-reply = Ihre Antwort
drill-reply-editor = {$prompt} ({$command} öffnet einen Editor)
drill-try = Vorschlag
drill-echo-hint = Nennen Sie, was Sie gehört haben, etwa {$facts}
drill-best-choice = Die beste Wahl
drill-the-policy = Die Richtlinie
drill-feedback = Rückmeldung
drill-ends-here = Die Übung endet hier: Länger als {$turns} Runden läuft dieses Szenario nicht.

## Die Auswertung

drill-scorecard = Auswertung
drill-col-beat = Szene
drill-col-step = Schritt
drill-col-verdict = Ergebnis
drill-col-score = Punkte
drill-col-seconds = Sekunden
drill-total = Gesamt {$score} bei einer Bestehensgrenze von {$mark}: {$verdict}
drill-passed = BESTANDEN
drill-not-passed = NICHT BESTANDEN
drill-first-reply = Zeit bis zur ersten Antwort: {$seconds} s
drill-average-reply = Durchschnittliche Zeit je Antwort: {$seconds} s
drill-solved = Ohne Weitergabe an Vorgesetzte gelöst: {$answer}
drill-turns-taken = Gespielte Runden: {$turns}
drill-final-mood = Stimmung des Kunden am Ende: {$mood}

## Warum eine Übung vor ihrem Ende abbrach

drill-stop-interrupted = abgebrochen
drill-stop-out-of-answers = Die Antworten endeten nach {$answered ->
    [one] 1 Zeile
   *[other] {$answered} Zeilen
}, bevor das Szenario zu Ende war: Schreiben Sie eine Zeile je Runde
drill-stop-bad-answer = Antwortzeile {$line}: {$why}
drill-stop-not-a-number = „{$answer}“ ist keine Szenarionummer (1 bis {$count})
drill-stop-no-such-scenario = Es gibt kein Szenario {$number} (1 bis {$count})
drill-stop-not-a-choice = „{$answer}“ ist keine der Möglichkeiten: Geben Sie ihre Nummer an (1 bis {$count})
drill-stop-not-a-choice-or-action = „{$answer}“ ist keine der Möglichkeiten: Geben Sie ihre Nummer an (1 bis {$count}) oder die Kennung einer Maßnahme ({$actions})
drill-stop-read = Die Antwort lässt sich nicht lesen: {$error}
drill-stop-write = Die Ausgabe lässt sich nicht schreiben: {$error}
