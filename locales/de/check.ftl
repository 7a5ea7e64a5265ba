# ethos check: was jede Meldung sagt, ihr Hinweis und der Bericht darum herum.
# Kennungen und Code bleiben in Backticks: Sie stammen vom Autor oder sind YAML zum Kopieren.
# Begriffe: Leitfaden (playbook), Schritt, Regel, Rolle, Maßnahme (action), Wert, Eskalationsregel,
# Szenario, Szene (beat), Wahlmöglichkeit (choice), Musterantwort (model), falsche Antwort (wrong).

## Kennungen: duplicate-id, unknown-step, unknown-role, unknown-action, unknown-value, unknown-beat.

check-duplicate-id = Es gibt bereits {$kind ->
    [value] einen Wert
    [role] eine Rolle
    [action] eine Maßnahme
    [step] einen Schritt
    [rule] eine Regel
    [escalation-rule] eine Eskalationsregel
    [scenario] ein Szenario
    [fact] einen Fakt
    [procedure] eine Prozedur
   *[beat] eine Szene
} mit der Kennung `{$id}`
check-help-first-is-at = Die Kennung steht zuerst in Zeile {$line}; geben Sie {$kind ->
    [value] jedem Wert
    [role] jeder Rolle
    [action] jeder Maßnahme
    [step] jedem Schritt
    [rule] jeder Regel
    [escalation-rule] jeder Eskalationsregel
    [scenario] jedem Szenario
    [fact] jedem Fakt
    [procedure] jeder Prozedur
   *[beat] jeder Szene
} eine eigene Kennung
check-help-did-you-mean = Meinten Sie `{$id}`?
check-help-none-defined = Dieser Leitfaden legt {$kind ->
    [value] keine Werte
    [role] keine Rollen
    [action] keine Maßnahmen
    [step] keine Schritte
    [rule] keine Regeln
    [escalation-rule] keine Eskalationsregeln
    [scenario] keine Szenarien
    [fact] keine Fakten
    [procedure] keine Prozeduren
   *[beat] keine Szenen
} fest
check-help-kinds-are = Festgelegt sind die {$kind ->
    [value] Werte
    [role] Rollen
    [action] Maßnahmen
    [step] Schritte
    [rule] Regeln
    [escalation-rule] Eskalationsregeln
    [scenario] Szenarien
    [fact] Fakten
    [procedure] Prozeduren
   *[beat] Szenen
} {$ids}

check-unknown-value-of-step = Der Schritt `{$step}` nennt den Wert `{$value}`, der nicht festgelegt ist
check-unknown-action-of-role = Die Rolle `{$role}` darf `{$action}` gewähren, aber diese Maßnahme ist nicht festgelegt
check-unknown-step-of-rule = Die Regel `{$rule}` gilt im Schritt `{$step}`, der nicht festgelegt ist
check-unknown-role-of-escalation = Die Eskalationsregel `{$escalation}` gibt Fälle an die Rolle `{$role}`, die nicht festgelegt ist
check-unknown-role-of-condition = Die Bedingung von `{$owner}` fragt, ob der Fall bei der Rolle `{$role}` liegt (`escalated`), die nicht festgelegt ist
check-unknown-action-of-escalation = Die Eskalationsregel `{$escalation}` betrifft die Maßnahme `{$action}`, die nicht festgelegt ist
check-unknown-role-of-scenario = Das Szenario `{$scenario}` wird in der Rolle `{$role}` geübt, die nicht festgelegt ist
check-unknown-step-of-beat = Die Szene `{$beat}` übt den Schritt `{$step}`, der nicht festgelegt ist
check-unknown-next-beat = Auf die Szene `{$beat}` folgt `{$target}`, aber das ist keine Szene des Szenarios `{$scenario}`
check-unknown-role-of-choice = Eine Wahlmöglichkeit der Szene `{$beat}` gibt den Fall an `{$role}`, aber diese Rolle ist nicht festgelegt
check-unknown-action-of-choice = Eine Wahlmöglichkeit der Szene `{$beat}` ergreift die Maßnahme `{$action}`, die nicht festgelegt ist

## Regeln, die nicht greifen können: invalid-pattern, phrase-too-long, empty-rule; step-without-rules.

check-step-without-rules = Im Schritt `{$step}` gilt keine Regel, also kann dort keine Antwort durchfallen
check-help-add-rule-at-step = Fügen Sie eine Regel mit `at: [{$step}]` hinzu oder eine ohne `at`, die in jedem Schritt gilt

check-pattern-does-not-compile = Das Muster `{$pattern}` der Regel `{$rule}` ist ungültig: {$reason}
check-help-pattern-syntax = Muster sind reguläre Ausdrücke (ohne Vorausschau, Rückschau und Rückverweise); um Text wörtlich zu suchen, verwenden Sie `phrases`
check-help-simplify-pattern = Vereinfachen Sie das Muster (große gezählte Wiederholungen wie `\w{"{"}500{"}"}` lassen es am schnellsten wachsen) oder verwenden Sie `phrases`

# Warum ein Muster ungültig ist. `check-regex-other` sind die Worte der Regex-Bibliothek selbst.
check-regex-group-unclosed = Eine Klammer wird nicht geschlossen
check-regex-group-unopened = Eine schließende Klammer hat keine öffnende
check-regex-class-unclosed = Eine Zeichenklasse wird nicht geschlossen
check-regex-class-range-invalid = Ungültiger Bereich in einer Zeichenklasse: Der Anfang darf nicht hinter dem Ende liegen
check-regex-repetition-missing = Vor einem Wiederholungszeichen fehlt, was wiederholt werden soll
check-regex-repetition-count-unclosed = Eine gezählte Wiederholung wird nicht geschlossen
check-regex-repetition-count-invalid = Ungültiger Bereich einer gezählten Wiederholung: Der Anfang darf nicht größer als das Ende sein
check-regex-escape-unrecognized = Unbekannte Zeichenfolge nach einem umgekehrten Schrägstrich
check-regex-escape-unexpected-end = Unvollständige Maskierung: Das Muster endet vorzeitig
check-regex-look-around = Vorausschau und Rückschau werden nicht unterstützt
check-regex-backreference = Rückverweise werden nicht unterstützt
check-regex-unicode-class-invalid = Ungültige Unicode-Zeichenklasse
check-regex-other = {$reason}

check-phrase-too-long = Die Formulierung „{$phrase}“ {$owner ->
    [escalation-rule] der Eskalationsregel
    [role] der Rolle
   *[rule] der Regel
} `{$id}` ist {$chars} Zeichen lang; eine Formulierung hat höchstens {$max}
check-handoff-phrase-too-long = Die Übergabeformulierung „{$phrase}“ der Rolle `{$role}` ist {$chars} Zeichen lang; eine Formulierung hat höchstens {$max}
check-phrases-do-not-compile = Die Formulierungen des Leitfadens lassen sich nicht verarbeiten: {$reason}
check-help-shorten-phrase = Eine Formulierung sind die Worte, die eine Antwort sagt oder meidet: Behalten Sie die wenigen, auf die es ankommt, oder teilen Sie sie in mehrere Formulierungen auf
check-help-shorten-phrases = Behalten Sie in jeder Formulierung die wenigen Worte, auf die es ankommt, oder teilen Sie lange Formulierungen in mehrere auf

check-empty-rule = Die Regel `{$rule}` prüft nichts
check-procedure-example-fails = Ein `pass`-Beispiel der Prozedur `{$procedure}` verletzt sie ({$unmet})
check-procedure-unmet = `{$reason}` bei Nachricht {$at}
check-procedure-example-passes = Ein `fail`-Beispiel der Prozedur `{$procedure}` erfüllt sie
check-help-change-procedure-or-move-to-pass = Ändern Sie die Prozedur, bis das Beispiel sie verletzt, oder verschieben Sie das Beispiel nach `pass`
check-procedure-example-skipped = Die Prozedur `{$procedure}` wird in diesem Beispiel nicht geprüft: kein Aufruf, den sie nennt, oder ihr `when` gilt nie
check-help-call-what-the-procedure-names = Lassen Sie das Beispiel ein Werkzeug aufrufen, das die Prozedur nennt, wo ihr `when` gilt
check-procedure-example-unreadable = Ein Beispiel der Prozedur `{$procedure}` ist kein Gespräch: {$why}
check-empty-procedure = Die Prozedur `{$procedure}` hat nichts zu prüfen
check-help-fill-procedure = Geben Sie ihr `calls` mit `require`, `only_when`, `at_most` oder `then_says`, oder eine `turn`-Form, oder entfernen Sie sie
check-unknown-action-of-procedure = Die Prozedur `{$procedure}` gilt bei `{$action}`, das weder eine Aktion noch das `tool` einer Aktion ist; es wird als Werkzeugname gelesen
check-help-fill-rule = {$check ->
    [swap] Ergänzen Sie `swap: {"{"}discouraged: preferred{"}"}`
    [length] Ergänzen Sie `max_words` und/oder `min_words`
   *[other] Ergänzen Sie `phrases` oder `patterns`
} oder entfernen Sie die Regel

## Die Eskalationsleiter und die Eskalationsregeln.

check-no-limit = ohne Obergrenze
check-ladder-below-junior = `{$senior}` darf `{$action}` bis {$limit} gewähren, weniger als `{$junior}` darunter ({$junior_limit})
check-ladder-may-not-grant = `{$senior}` darf `{$action}` gar nicht gewähren, obwohl `{$junior}` darunter es darf (Grenze: {$junior_limit})
check-help-give-at-least = Geben Sie `{$role}` mindestens {$limit}: Ein weitergegebener Fall muss bei jemandem ankommen, der zustimmen kann
check-help-give-no-limit = Geben Sie auch `{$role}` keine Obergrenze: Ein weitergegebener Fall muss bei jemandem ankommen, der zustimmen kann
check-help-add-to-may = Ergänzen Sie `{$entry}` (oder mehr) im `may` von `{$role}`

check-escalation-to-front-line = Die Eskalationsregel `{$escalation}` gibt Fälle an `{$role}`, die erste Rolle der Eskalationsleiter, bei der ohnehin jeder Fall beginnt
check-help-send-higher = Geben Sie die Fälle an eine höhere Rolle oder entfernen Sie die Regel

# $bounds besteht aus den check-bound-*-Texten, die Einheit nach dem letzten Betrag.
check-bound-over = über {$amount}
check-bound-at-least = ab {$amount}
check-bound-under = unter {$amount}
check-bound-at-most = bis {$amount}
check-bound-and = {$first} und {$second}
check-bound-any = in beliebiger Höhe
check-escalation-shadows = Die Eskalationsregel `{$escalation}` gibt `{$action}` {$bounds} an `{$to}`, aber `{$role}` darf selbst bis {$limit} gewähren: Die beiden Regeln widersprechen sich
check-escalation-shadows-unlimited = Die Eskalationsregel `{$escalation}` gibt `{$action}` {$bounds} an `{$to}`, aber `{$role}` darf selbst jeden Betrag gewähren: Die beiden Regeln widersprechen sich
check-help-send-up-only-over = Geben Sie nur weiter, was `{$role}` nicht gewähren darf (`amount: {"{"}over: {$limit}{"}"}`), oder senken Sie die Grenze von `{$role}` für `{$action}`
check-help-can-never-apply = `{$role}` darf `{$action}` in beliebiger Höhe gewähren, also kann diese Regel so nie greifen: Entfernen Sie sie oder setzen Sie eine Grenze

## Der Aufbau jeder Übung.

check-no-best-choice = Die Entscheidung in der Szene `{$beat}` hat keine Wahlmöglichkeit mit `best: true`
check-help-mark-best = Markieren Sie die Wahlmöglichkeit, die die Richtlinie verlangt, mit `best: true`
check-several-best-choices = Die Entscheidung in der Szene `{$beat}` hat {$count} Wahlmöglichkeiten mit `best: true`
check-help-keep-one-best = Genau eine Wahlmöglichkeit ist die beste: Lassen Sie `best: true` nur bei einer stehen
check-unreachable-beat = Kein Weg von der ersten Szene (`{$first}`) des Szenarios `{$scenario}` führt zur Szene `{$beat}`
check-help-name-in-next = Nennen Sie `{$beat}` im `next` einer Szene oder entfernen Sie sie
check-endless-scenario = Das Szenario `{$scenario}` kann ab der Szene `{$beat}` nie enden: Jeder Weg {$count ->
    [one] von ihr
   *[other] von den Szenen {$beats}
} dreht sich im Kreis, ohne eine Szene ohne `next` zu erreichen
check-help-give-an-ending = Geben Sie einer dieser Szenen kein `next` (ein Ende) oder ein `next`, das zu einem Ende führt

## Was die Formatprüfung nicht sieht.

check-playbook-id-not-kebab = Die Kennung des Leitfadens `{$id}` ist nicht aus kleinen Buchstaben und Ziffern mit Bindestrichen gebildet
check-help-kebab-case = Verwenden Sie kleine lateinische Buchstaben ohne Umlaute und Ziffern, verbunden mit `-`, z. B. `hotel-poolside`
check-not-a-language-tag = `{$tag}` ist kein Sprachkürzel nach BCP 47
check-help-language-tag = Schreiben Sie ein Kürzel wie `en`, `de`, `zh-CN` oder `ja`
check-pass-mark-not-percentage = Die Bestehensgrenze {$mark} ist kein Prozentwert
check-help-number-to-100 = Schreiben Sie eine Zahl von 0 bis 100
check-no-roles = Ein Leitfaden braucht mindestens eine Rolle
check-help-list-the-ladder = Führen Sie die Eskalationsleiter auf, beginnend mit den Mitarbeitenden im Kundenkontakt, z. B. `- {"{"}id: agent, title: Agent{"}"}`
check-no-steps = Ein Leitfaden braucht mindestens einen Schritt
check-invalid-id = `{$id}` ist keine gültige Kennung
check-help-id-shape = Kennungen sind kleingeschriebene Wörter, verbunden mit `-` oder `_`, z. B. `warm-greeting`; ohne Leerzeichen
check-field-not-for-kind = `{$field}` passt nicht zu einer `{$check}`-Regel (Regel `{$rule}`)
check-help-fields-of = {$check ->
    [swap] Eine `swap`-Regel nimmt `swap: {"{"}discouraged: preferred{"}"}`
    [length] Eine `length`-Regel nimmt `max_words` und/oder `min_words`
    [echo] Eine `echo`-Regel nimmt `min`, die Zahl der Kernfakten der Szene, die eine Antwort nennen muss
   *[other] Eine `mention`- oder `avoid`-Regel nimmt `phrases` und/oder `patterns`
}
check-min-over-max = Die Regel `{$rule}` verlangt mindestens {$min} Wörter, aber höchstens {$max}: Keine Antwort kann bestehen
check-weight-not-positive = Das Gewicht {$weight} ist nicht größer als null
check-help-positive-weight = Ein Gewicht ist eine positive Zahl; ohne Angabe gilt 1
check-empty-phrase = Die Regel `{$rule}` hat eine leere Formulierung
check-help-remove-empty-phrase = Entfernen Sie sie: Eine leere Formulierung findet nichts
check-empty-swap = Die Regel `{$rule}` ersetzt eine leere Formulierung
check-staff-condition-on-text-rule = `{$key}` ist eine Bedingung an das, was Mitarbeitende tun, und passt daher nur zu Eskalationsregeln (Regel `{$rule}`)
check-help-conditions-in-escalation = Eine Textregel beurteilt Worte; Bedingungen an Maßnahmen gehören in `escalation`
check-no-beats = Das Szenario `{$scenario}` hat keine Szenen
check-help-first-beat-starts = Ein Szenario braucht mindestens eine Szene; mit der ersten beginnt es
check-reply-and-decision = Die Szene `{$beat}` ist zugleich eine freie Antwort (`model`, `wrong`) und eine Entscheidung (`decide`)
check-help-split-beat = Teilen Sie sie in zwei Szenen auf oder entfernen Sie `model`/`wrong` aus der Entscheidung
check-acts-and-escalates = Die Wahlmöglichkeit „{$say}“ ergreift eine Maßnahme und gibt den Fall zugleich weiter
check-help-act-or-escalate = Eine Wahlmöglichkeit hat höchstens eines von `action` und `escalate`; machen Sie zwei Wahlmöglichkeiten daraus
check-not-one-action = Eine Wahlmöglichkeit hat genau eine Maßnahme, hier sind es {$count}
check-help-action-shape = Schreiben Sie sie als `action: {"{"}ACTION: AMOUNT{"}"}`, z. B. `action: {"{"}replace: 6{"}"}`

## Die eigenen Beispiele einer Regel.

check-examples-context = `examples_context` der Regel `{$rule}`: {$why}
check-context-unknown-key = Es gibt keinen Kontextschlüssel `{$key}`; die Schlüssel sind `{$keys}`
check-context-unknown-key-did-you-mean = Es gibt keinen Kontextschlüssel `{$key}`; meinten Sie `{$suggestion}`? Die Schlüssel sind `{$keys}`
check-context-not-contacts = `{$value}` ist keine gültige Zahl von Kontakten
check-context-not-whole-number = `{$value}` ist keine ganze Zahl
check-context-not-duration = `{$value}` ist keine Dauer: Schreiben Sie eine Zahl und eine Einheit, z. B. `30s`, `15m`, `2h` oder `1d`
check-example-fails-saying = Ein `pass`-Beispiel der Regel `{$rule}` fällt bei ihr durch: Es sagt {$said}
check-example-fails-because = Ein `pass`-Beispiel der Regel `{$rule}` fällt bei ihr durch ({$reason})
check-help-change-rule-or-move-to-fail = Ändern Sie die Regel, bis das Beispiel besteht, oder verschieben Sie das Beispiel nach `fail`
check-example-passes = Ein `fail`-Beispiel der Regel `{$rule}` besteht sie
check-help-add-phrase-or-move-to-pass = Nehmen Sie die Formulierung oder das Muster, das das Beispiel zeigt, in die Regel auf oder verschieben Sie das Beispiel nach `pass`
check-example-skipped = Ein Beispiel der Regel `{$rule}` lässt sich nicht beurteilen: Die Regel wird im Schritt `{$step}` übersprungen, weil {$why ->
    [echo] sie eine `echo`-Regel ist und der Kontext keine Kernfakten hat (geben Sie `key_facts: "a, b"` in `examples_context` an)
    [when] ihr `when` in `examples_context` nicht zutrifft oder ein Platzhalter keinen Wert hat
   *[placeholder] ein Platzhalter in `examples_context` keinen Wert hat
}
check-help-give-examples-context = Geben Sie der Regel einen `examples_context`, in dem sie gilt, z. B. `examples_context: {"{"}customer.name: Frau Weber, facts.at_fault: true, message: "Ich habe mich geschnitten"{"}"}`

## Regelpakete: uses und disable.

check-unknown-pack = `uses` nennt das Regelpaket `{$pack}`, das nicht mitgeliefert wird
check-help-bundled-packs-are = Mitgeliefert werden die Regelpakete {$packs} (`ethos list --packs`)
check-pack-does-not-load = Das mitgelieferte Regelpaket `{$pack}` lässt sich nicht laden: {$error}
check-unknown-disabled-rule = `disable` nennt `{$id}`, aber das ist keine Regel der Regelpakete, die dieser Leitfaden verwendet
check-help-add-to-uses = Nehmen Sie `{$pack}` in `uses` auf oder streichen Sie diesen Eintrag
check-help-disable-takes-full-id = `disable` nimmt die vollständige Kennung einer Paketregel, `PACK/RULE`, z. B. `courtesy-en/dismissive`

## Antworten, die die Bewertung beurteilt; Regeln gegeneinander.

check-rule-saying = `{$rule}` ({$says})
check-model-fails = Die Musterantwort der Szene `{$beat}` (Szenario `{$scenario}`) fällt bei {$count ->
    [one] der Regel
   *[other] den Regeln
} durch: {$rules}
check-help-model-shows-good = Eine Musterantwort zeigt den Lernenden, wie es richtig geht: Ändern Sie sie, bis sie besteht, oder korrigieren Sie die Regeln
check-wrong-passes = Eine falsche Antwort der Szene `{$beat}` (Szenario `{$scenario}`) besteht jede Regel im Schritt `{$step}`
check-help-catch-it = Fügen Sie eine Regel hinzu, die erkennt, was an ihr falsch ist, oder entfernen Sie sie aus `wrong`
check-clause-separator = {"; "}
check-policy-problem = {$says} (`{$code}`)
check-decision-contradicts-policy = Die beste Wahlmöglichkeit der Szene `{$beat}` („{$say}“) widerspricht der Richtlinie: {$problems}
check-help-policy-decides = Die Richtlinie entscheidet: {$decision} Markieren Sie die Wahlmöglichkeit, die das tut, als beste, oder ändern Sie die Richtlinie
check-untested-rule = Keine falsche Antwort fällt bei der Regel `{$rule}` durch, also zeigt nichts, dass sie erkennt, was sie erkennen soll
check-help-add-wrong-reply = Fügen Sie einer Szene, in der die Regel gilt, eine `wrong`-Antwort hinzu, die gegen sie verstößt
check-help-add-wrong-reply-at = Fügen Sie einer Szene im Schritt {$steps}, in der die Regel gilt, eine `wrong`-Antwort hinzu, die gegen sie verstößt
check-unbound-placeholder = Die Regel `{$rule}` verwendet den Platzhalter `{"{"}{$key}{"}"}`, den nichts füllen kann
check-help-did-you-mean-placeholder = Meinten Sie `{"{"}{$key}{"}"}`?
check-help-placeholders-are = Platzhalter sind `{"{"}customer.name{"}"}`, `{"{"}customer.mood{"}"}`, `{"{"}customer.tier{"}"}` und `{"{"}facts.KEY{"}"}`
check-rule-contradiction = Die Regel `{$avoid}` verbietet „{$phrase}“, was die Regel `{$mention}` im Schritt `{$step}` verlangt
check-help-cannot-say-and-avoid = Eine Antwort kann es nicht zugleich sagen und vermeiden: Streichen Sie die Formulierung aus einer der Regeln oder geben Sie den Regeln verschiedene Schritte oder Bedingungen

## Fakten: unknown-fact; schema (ein Wert, der nicht zu einem deklarierten Fakt passt).

check-fact-type = {$type ->
    [bool] ein Wahrheitswert (`type: bool`)
    [number] eine Zahl (`type: number`)
   *[text] ein Text (`type: text`)
}
check-unknown-fact = {$place ->
    [placeholder] Die Regel `{$owner}` verwendet den Platzhalter `{"{"}facts.{$fact}{"}"}`, aber kein Szenario setzt den Fakt `{$fact}`, und `facts:` deklariert ihn nicht
    [per] Eine Befugnis der Rolle `{$owner}` gilt je Fakt `{$fact}` (`per`), den kein Szenario setzt und `facts:` nicht deklariert
    [grant] Die Bedingung einer Befugnis der Rolle `{$owner}` nennt den Fakt `{$fact}`, den kein Szenario setzt und `facts:` nicht deklariert
   *[condition] Die Bedingung von `{$owner}` nennt den Fakt `{$fact}`, den kein Szenario setzt und `facts:` nicht deklariert
}
check-help-declare-fact = Deklarieren Sie ihn in `facts:`, z. B. `- {"{"} id: {$fact}, type: {$type} {"}"}`, oder setzen Sie ihn in den `facts` eines Szenarios
check-scenario-fact-wrong-type = Das Szenario `{$scenario}` gibt dem Fakt `{$fact}` den Wert `{$value}`, aber laut `facts:` ist er {$type}
check-scenario-fact-not-a-value = Das Szenario `{$scenario}` gibt dem Fakt `{$fact}` den Wert `{$value}`, der nicht zu seinen `values` gehört: {$values}
check-condition-fact-wrong-type = Die Bedingung von `{$owner}` vergleicht den Fakt `{$fact}` mit `{$value}`, aber laut `facts:` ist er {$type}; das kann nie zutreffen
check-condition-fact-not-a-value = Die Bedingung von `{$owner}` vergleicht den Fakt `{$fact}` mit `{$value}`, der nicht zu seinen `values` ({$values}) gehört; das kann nie zutreffen
check-condition-fact-bounds = Die Bedingung von `{$owner}` gibt dem Fakt `{$fact}` Grenzen, aber laut `facts:` ist er {$type}: Grenzen gelten nur für Zahlen
check-fact-values-on-bool = Der Fakt `{$fact}` ist ein Wahrheitswert: Er ist `true` oder `false` und braucht keine `values`
check-fact-values-empty = Der Fakt `{$fact}` nennt keine `values`, also passt kein Wert zu ihm
check-fact-value-wrong-type = `{$value}`, einer der `values` des Fakts `{$fact}`, passt nicht zu ihm: Laut `facts:` ist er {$type}
check-help-fact-type-wants = {$type ->
    [bool] Schreiben Sie `true` oder `false`
    [number] Schreiben Sie eine Zahl wie `3` oder `2.5`
   *[text] Setzen Sie den Wert in Anführungszeichen, damit er ein Text ist: `"{$value}"`
}
check-help-add-to-fact-values = Verwenden Sie einen der Werte, oder nehmen Sie ihn in die `values` des Fakts `{$fact}` auf
check-help-remove-fact-values = Entfernen Sie `values`
check-help-list-fact-values = Nennen Sie die Werte, die er haben kann, oder entfernen Sie `values`, um jeden Wert seines Typs zuzulassen
check-help-bounds-need-number = Vergleichen Sie `facts.{$fact}` mit einem Wert oder einer Liste von Werten, oder deklarieren Sie ihn mit `type: number`

## review-overdue

check-date = {$day}.{$month}.{$year}
check-review-overdue = Der Leitfaden hätte am {$date} überprüft werden sollen (vor {$days ->
    [one] {$days} Tag
   *[other] {$days} Tagen
})
check-help-review-with-team = Überprüfen Sie ihn mit dem Team und setzen Sie dann `review_by` auf den nächsten Termin

## Der Bericht um die Meldungen herum.

check-level-error = Fehler
check-level-warning = Warnung
check-level-info = Hinweis
check-level-help = Hilfe
check-counts-none = keine Probleme
check-counts-errors = {$errors ->
    [one] {$errors} Fehler
   *[other] {$errors} Fehler
}
check-counts-warnings = {$warnings ->
    [one] {$warnings} Warnung
   *[other] {$warnings} Warnungen
}
check-counts-both = {$errors ->
    [one] {$errors} Fehler
   *[other] {$errors} Fehler
} und {$warnings ->
    [one] {$warnings} Warnung
   *[other] {$warnings} Warnungen
}
check-summary = Prüfung {$passed ->
    [yes] bestanden
   *[no] nicht bestanden
}: {$counts} in {$files ->
    [one] {$files} Datei
   *[other] {$files} Dateien
}{$denied ->
    [yes] {" "}(Warnungen zählen als Fehler)
   *[no] {""}
}
check-summary-short = ethos check: {$counts} in {$files ->
    [one] {$files} Datei
   *[other] {$files} Dateien
}

## Was jeder Code bedeutet (Regelbeschreibungen in SARIF).

check-code-yaml-syntax = Die Datei ist kein gültiges YAML
check-code-schema = Unbekanntes Feld, falscher Typ, fehlendes Pflichtfeld, ungültige Kennung, ungültige Dauer oder ungültiges Datum
check-code-duplicate-id = Zwei Schritte, Regeln, Rollen, Maßnahmen, Werte, Szenarien oder Szenen (innerhalb eines Szenarios) haben dieselbe Kennung
check-code-unknown-step = Das `at` einer Regel oder der `step` einer Szene nennt keinen Schritt
check-code-unknown-role = Ein `to` einer Eskalationsregel, die `role` eines Szenarios, das `escalate` einer Wahlmöglichkeit oder das `escalated` einer Bedingung nennt keine Rolle
check-code-unknown-action = Ein `may`, die `action` einer Bedingung oder die `action` einer Wahlmöglichkeit nennt keine Maßnahme
check-code-unknown-value = Die `values` eines Schritts nennen keinen Wert
check-code-unknown-beat = Ein `next` nennt keine Szene
check-code-invalid-pattern = Ein Muster ist ungültig (die Meldung sagt, warum)
check-code-phrase-too-long = Eine Formulierung ist länger als 1000 Zeichen
check-code-empty-rule = Eine Regel, die nichts prüft (keine Formulierungen oder Muster, keine Grenzen, kein Ersetzen)
check-code-rule-contradiction = Eine `mention`-Regel und eine `avoid`-Regel teilen eine Formulierung und gelten in einem gemeinsamen Schritt und Kontext
check-code-unbound-placeholder = Ein Platzhalter, den kein Szenario und kein Kontext füllen kann (unbekannter Schlüssel)
check-code-ladder-inversion = Eine höhere Rolle darf von einer Maßnahme weniger gewähren als eine niedrigere; verglichen werden nur Befugnisse desselben Falls (gleiches `when` und `per`), denn Befugnisse mit verschiedenen Bedingungen gelten vielleicht nie zugleich, daher werden einfache Grenzen wie in Version 1 mit einfachen Grenzen verglichen
check-code-escalation-shadows-empowerment = Eine Eskalationsregel, die nur auf Maßnahme und Betrag schaut, gibt Beträge weiter, die eine Rolle unterhalb ihres Ziels selbst gewähren darf; verglichen wird nur mit Befugnissen ohne `when` (und ohne `per`), denn eine bedingte Befugnis gilt vielleicht nicht, wo die Regel greift, und dann widersprechen sich die beiden nicht
check-code-escalation-to-front-line = Das Ziel einer Eskalationsregel ist die erste Rolle
check-code-unreachable-beat = Kein Weg von der ersten Szene führt zu ihr
check-code-endless-scenario = Von einer Szene aus endet kein Weg
check-code-model-fails = Die `model`-Antwort einer Szene fällt bei den Regeln ihres eigenen Schritts durch (nennt, bei welchen)
check-code-wrong-passes = Eine `wrong`-Antwort einer Szene besteht jede Regel
check-code-decision-contradicts-policy = Die `best`-Wahlmöglichkeit einer Entscheidung ist nicht, was die Richtlinie entscheidet (nennt, was sie entscheidet)
check-code-no-best-choice = Eine Entscheidung ohne genau eine `best`-Wahlmöglichkeit
check-code-step-without-rules = In diesem Schritt gilt keine Regel
check-code-untested-rule = Keine `wrong`-Antwort eines Szenarios fällt bei dieser Regel durch, also zeigt nichts, dass sie erkennt, was sie erkennen soll
check-code-review-overdue = `review_by` ist verstrichen
check-code-example-fails = Ein `pass`-Beispiel einer Regel fällt bei ihr durch
check-code-example-passes = Ein `fail`-Beispiel einer Regel besteht sie
check-code-example-skipped = Ein Beispiel einer Regel ließ sich nicht beurteilen: Die Regel wird in ihrem `examples_context` übersprungen (ein Platzhalter ohne Wert, ein `when`, das nicht zutrifft)
check-code-unknown-pack = `uses` nennt kein mitgeliefertes Regelpaket
check-code-unknown-disabled-rule = `disable` nennt keine Regel der Regelpakete, die der Leitfaden verwendet
check-code-unknown-fact = Eine Bedingung, ein Platzhalter oder eine Befugnis nennt einen Fakt, den `facts:` nicht deklariert und kein Szenario setzt (meist ein Tippfehler)

## Conditional grants (a role's `may` entry as a list): ladder-inversion between
## grants of the same case, unreachable-grant.

check-code-unreachable-grant = Eine Befugnis in der Liste einer Rolle kommt nie zur Anwendung: Eine frühere Befugnis derselben Liste gilt überall, wo sie gilt (eine frühere ohne `when` und `per` oder eine, deren Bedingungen aus ihren eigenen folgen)
check-grant-case-when = wenn {$condition}
check-grant-case-per = je `facts.{$per}`
check-grant-case-when-per = wenn {$condition}, je `facts.{$per}`
check-ladder-grant-below-junior = Befugnis {$index} von `{$senior}` für `{$action}` ({$case}) gewährt bis {$limit}, weniger als `{$junior}` darunter im selben Fall ({$junior_limit})
check-unreachable-grant = Befugnis {$index} von `{$role}` für `{$action}` kommt nie zur Anwendung: Befugnis {$earlier} davor ({$case}) gilt überall, wo sie gilt, und es gilt die erste zutreffende Befugnis
check-unreachable-grant-always = Befugnis {$index} von `{$role}` für `{$action}` kommt nie zur Anwendung: Befugnis {$earlier} davor gilt in jedem Fall, und es gilt die erste zutreffende Befugnis
check-help-move-grant-before = Stellen Sie sie vor Befugnis {$earlier} von `{$role}` für `{$action}`, oder entfernen Sie sie
