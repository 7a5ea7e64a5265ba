# Die Wörter der erzeugten Dokumente (Handbuch, Richtlinie, Lernkarten), die
# nicht aus dem Leitfaden stammen: Überschriften, Beschriftungen und die Sätze
# um die Wörter des Leitfadens herum. Jede Kennung beginnt mit `render-`.
#
# Rollen stehen in Sätzen so, wie der Leitfaden sie nennt, ohne Artikel (das
# Geschlecht einer Rollenbezeichnung ist unbekannt): deshalb die knappe
# Schreibweise von Arbeitsanweisungen („Schichtleitung übernimmt den Fall“).

## Beschriftungen: die festen Wörter, die eine Vorlage als {{labels.NAME}} zeigt.

render-sentence-gap = {". "}
render-gap = {" "}
render-lparen = (
render-rparen = )
render-handbook = Handbuch
render-policy = Befugnisse und Eskalation
render-contents = Inhalt
render-company = Unternehmen
render-owner = Verantwortlich
render-review-by = Überprüfung bis
render-overdue = überfällig
render-pass-mark = Bestehensgrenze im Training
render-generated = Automatisch erzeugt aus dem Leitfaden
render-do-not-edit = Bitte ändern Sie dieses Dokument nicht von Hand: Ändern Sie den Leitfaden und erzeugen Sie das Dokument neu.
render-philosophy = Unser Leitbild
render-values = Unsere Werte
render-steps = Die Schritte im Service
render-step = Schritt
render-goal = Ziel
render-what-to-say = Was Sie sagen
render-never-say = Was Sie nie sagen
render-swap-table = Unsere Wortwahl
render-instead-of = Statt
render-say-instead = Besser
render-every-step = In jedem Schritt
render-every-step-intro = Das gilt in jedem Schritt.
render-words-that-count = Das zählt
render-never-words = Nie sagen
render-for-example = Zum Beispiel
render-only-when = Nur wenn
render-recommended = empfohlen
render-rule = Regel
render-scenarios = Übungsfälle
render-scenario = Übungsfall
render-situation = Die Ausgangslage
render-you-play = Ihre Rolle
render-customer = Kunde
render-customer-says = Der Kunde sagt
render-mood = Stimmung
render-a-good-reply = Eine gute Antwort
render-replies-to-avoid = Antworten, die Sie vermeiden
render-found = gefunden
render-no-rule-catches = Noch erkennt keine Regel den Fehler in dieser Antwort; die Verantwortlichen des Leitfadens sollten eine ergänzen.
render-decide = Entscheiden Sie
render-best-choice = Beste Wahl
render-the-policy = Die Regelung
render-next = Weiter mit
render-quiz = Testfragen
render-quiz-intro = Beantworten Sie jede Frage, bevor Sie die Lösungen am Ende lesen.
render-what-is-wrong = Was ist an dieser Antwort falsch?
render-colleague-replies = Eine Kollegin antwortet
render-rules-broken = Verletzte Regeln
render-answers = Lösungen
render-better = Besser
render-empowerment = Wer was selbst entscheiden darf
render-empowerment-intro = Das Höchste, was jede Rolle bei einem Vorfall selbst gewähren darf, in der Einheit der Maßnahme. Innerhalb dieser Grenze muss niemand jemanden fragen. Darüber geht der Fall an die niedrigste Rolle, deren Grenze den Betrag abdeckt.
render-role = Rolle
render-action = Maßnahme
render-no-limit = unbegrenzt
render-not-theirs = —
render-escalation = Wann ein Fall weitergegeben wird
render-escalation-intro = Neben Beträgen über einer Grenze gehen diese Fälle an eine höhere Rolle:
render-no-escalation = Keine Eskalationsregeln: Ein Fall bleibt im Rahmen der eigenen Befugnisse bei dem, der ihn angenommen hat.
render-why = Warum
render-ladder = Die Eskalationsstufen
render-ladder-intro = Zuerst der direkte Kundenkontakt. Jeder Pfeil nennt, was einen Fall an die nächste Rolle weitergibt.
render-branches = Wie jeder Übungsfall verlaufen kann
render-branches-intro = Jeder Kasten ist eine Runde der Person im Training; die Pfeile zeigen, wohin eine gute (bestanden) oder eine schwache Antwort (nicht bestanden) führt.
render-pass = bestanden
render-fail = nicht bestanden
render-start = Beginn
render-end = Ende
render-over-limit = über der eigenen Grenze
render-beyond-intro = Über einer Grenze geht der Fall an die niedrigste Rolle, deren Grenze den Betrag abdeckt:
render-decision = Entscheidung

## Überschriften und Kurzformen.

render-step-heading = Schritt {$number}: {$title}
render-scenario-heading = Übungsfall {$number}: {$title}
# Nach DIN 5008 steht vor dem Prozentzeichen ein (geschütztes) Leerzeichen.
render-percent = {$value}{"\u00A0"}%
render-turn = Runde {$number}
render-next-branch = {$pass}, wenn diese Runde gelingt, sonst {$fail}
render-rules-broken-count = {$count ->
    [one] Eine Regel verletzt
   *[other] {$count} Regeln verletzt
}
render-matrix-column = {$action} ({$unit})
render-ladder-reason = {$reason} ({$within})
render-customer-details = {$name} ({$details})
render-overdue-note = {$days ->
    [one] überfällig: fällig am {$date}, seit einem Tag
   *[other] überfällig: fällig am {$date}, seit {$days} Tagen
}

## Platzhalter in Formulierungen, in Worten.

render-placeholder-name = (Name des Kunden)
render-placeholder-mood = (Stimmung des Kunden)
render-placeholder-tier = (Kundenstatus)
render-placeholder-fact = ({$key})

## Grenzen: eine Zelle der Befugnistabelle, und wer einen Fall darüber übernimmt.

render-limit-up-to = bis {$amount}
render-beyond-own = {$action}: über {$own}
render-beyond-not-theirs = {$action}: nicht in der eigenen Befugnis
render-beyond-to = {", an "}{$chain}
render-beyond-then = {", dann "}
render-beyond-band = {$role} ({$limit})
render-beyond-nobody = ; keine Rolle darf das gewähren
render-beyond-over-top = ; über {$top} darf keine Rolle das gewähren

## Spannen.

render-between = {$min} bis {$max}
render-at-least = mindestens {$min}
render-at-most = höchstens {$max}
render-amount-over = über {$amount}
render-amount-at-least = mindestens {$amount}
render-amount-under = unter {$amount}
render-amount-at-most = höchstens {$amount}

## Bedingungen, Teil für Teil; sie folgen auf „Wenn“ und „Nur wenn“, das
## Verb steht deshalb am Ende.

render-clause-and = {" und "}
render-when-says = der Kunde {$phrases} sagt
render-when-contacts-between = der Kunde sich {$min}- bis {$max}-mal wegen desselben Anliegens gemeldet hat
render-when-contacts-at-least = der Kunde sich mindestens {$min}-mal wegen desselben Anliegens gemeldet hat
render-when-contacts-at-most = der Kunde sich höchstens {$max}-mal wegen desselben Anliegens gemeldet hat
render-when-waiting = der Kunde {$bounds} gewartet hat
render-when-mood = der Kunde {$moods} ist
render-when-tier = der Kundenstatus {$tiers} ist
render-when-fact = {$key} den Wert {$value} hat
render-when-action = es um {$action} geht
render-when-action-amount = es um {$action} geht und der Betrag {$amount} beträgt
render-when-amount = der Betrag {$amount} beträgt
render-when-fact-one-of = {$key} einen der Werte {$values} hat
render-when-fact-range = {$key} {$bounds} beträgt
render-when-any-of = entweder {$conditions}
render-when-not = nicht zutrifft, dass {$condition}
render-when-group = ({$condition})
render-when-escalated = der Fall bereits bei {$role} oder einer höheren Stelle liegt

## Sätze der Richtlinie.

# Eine Frist nach „innerhalb von“, im Dativ: „2 Tagen“, „einer Stunde“.
render-within-duration = {$unit ->
    [days] {$count ->
        [one] einem Tag
       *[other] {$count} Tagen
    }
    [hours] {$count ->
        [one] einer Stunde
       *[other] {$count} Stunden
    }
    [minutes] {$count ->
        [one] einer Minute
       *[other] {$count} Minuten
    }
   *[seconds] {$count ->
        [one] einer Sekunde
       *[other] {$count} Sekunden
    }
}

render-escalation-within = Wenn {$condition}: {$to} übernimmt den Fall innerhalb von {$within}.
render-escalation-to = Wenn {$condition}: {$to} übernimmt den Fall.
render-choice-escalates = Weitergabe an {$to}

## Was eine Regel verlangt, in den Worten des Dokuments.

render-length-between = Verwenden Sie {$min} bis {$max} Wörter.
render-length-at-least = Verwenden Sie mindestens {$min} {$min ->
    [one] Wort
   *[other] Wörter
}.
render-length-at-most = Verwenden Sie höchstens {$max} {$max ->
    [one] Wort
   *[other] Wörter
}.
render-count-between = {$count ->
    [one] 1 Wort
   *[other] {$count} Wörter
}; erlaubt sind {$min} bis {$max}
render-count-at-least = {$count ->
    [one] 1 Wort
   *[other] {$count} Wörter
}; erlaubt sind mindestens {$min}
render-count-at-most = {$count ->
    [one] 1 Wort
   *[other] {$count} Wörter
}; erlaubt sind höchstens {$max}
render-echo = {$min ->
    [one] Nennen Sie mindestens einen der wichtigen Punkte, die der Kunde erwähnt (einer genügt).
   *[other] Nennen Sie mindestens {$min} der wichtigen Punkte, die der Kunde erwähnt, und wiederholen Sie sie.
}
render-default-mention = Sagen Sie eines davon: {$phrases}.
render-default-avoid = Sagen Sie nie: {$phrases}.
render-default-swap = Verwenden Sie die Wörter des Leitfadens: {$pairs}.

## Lernkarten.

render-card-rule = {$at}: {$message} {$kind ->
    [mention] Welche Wörter zählen?
    [avoid] Welche Wörter sind tabu?
    [swap] Welche Wörter verwenden wir stattdessen?
    [length] Wie lang darf eine Antwort sein?
   *[echo] Was verlangt das von einer Antwort?
}
render-card-step = Schritt {$number}, {$title}: Was ist das Ziel?
render-card-wrong = Der Kunde sagt: {$customer} Was ist falsch an {$reply}?
render-customer-said = Der Kunde sagt: {$customer}

## Conditional grants: a cell of the empowerment matrix with several grants,
## tried in order (the first that holds gives the limit), their footnotes, and
## the handbook's chapter on them. $per is the fact the limit is multiplied by.
render-grant-per = {$limit} × {$per}
render-grant-otherwise = sonst {$grant}
render-grant-note = wenn {$condition}
render-footnote = {$mark} {$note}
render-grant-when = {$limit}, wenn {$condition}
render-grant-none-holds = nicht in ihrer Befugnis: Der Fall geht an die niedrigste Rolle darüber, deren Befugnis ihn abdeckt
render-grants-heading = {$role} · {$action}
render-conditional = Wenn Ihre Befugnis vom Fall abhängt
render-conditional-intro = Manche Grenzen hängen vom Fall ab. Lesen Sie jede Liste von oben: Die erste Zeile, deren Bedingung auf den Fall zutrifft, gibt die Grenze, die Zeilen darunter zählen nicht.
render-depends = hängt vom Fall ab (siehe Tabelle)
