# errors: why a playbook, rule pack or template cannot be read, and what to do
# IDs, Schlüssel und zu schreibendes YAML bleiben in Backticks: Sie gehören dem Autor oder sind Code.

## Die Datei als Ganzes.

errors-empty = Die Datei ist leer: ein Playbook beginnt mit `playbook: ID`
errors-too-large = Die Datei ist {$size} MB groß, mehr als die {$max} MB, die ein Playbook haben darf: teilen Sie sie auf mehrere Playbooks auf
errors-too-deep = Die Datei ist mehr als {$max} Ebenen tief verschachtelt, was kein Playbook braucht: prüfen Sie die Einrückung
errors-alias-bomb = Die YAML-Aliase der Datei ergeben mehr, als ein Playbook fassen kann (eine Alias-Bombe?): schreiben Sie die Werte aus
errors-several-documents = Die Datei enthält mehr als ein YAML-Dokument (`---`): schreiben Sie jedes Playbook in eine eigene Datei
errors-too-many-nodes = Die Datei ergibt mehr als {$max} YAML-Knoten (durch Aliase oder schiere Größe), weit mehr, als ein Playbook braucht: abgelehnt, um den Speicher nicht zu erschöpfen
errors-not-utf8 = Die Datei ist kein UTF-8-Text (hier Byte {$byte}): speichern Sie das Playbook als UTF-8

## YAML-Syntax. `errors-yaml` sind die Worte des YAML-Parsers (Englisch).

errors-yaml = YAML nicht lesbar: {$text}
errors-tab-indent = Diese Zeile ist mit einem Tabulator eingerückt, was YAML nicht erlaubt: rücken Sie mit Leerzeichen ein
errors-tab-in-text = Hier steht ein Tabulator, wo YAML ein Leerzeichen erwartet: verwenden Sie Leerzeichen oder setzen Sie den Text in Anführungszeichen
errors-full-width-colon = Ein vollbreiter Doppelpunkt `：` beendet in YAML keinen Schlüssel: schreiben Sie `:` und ein Leerzeichen
errors-full-width-comma = Ein vollbreites Komma `，` trennt in YAML keine Einträge: schreiben Sie `,` und ein Leerzeichen
errors-indented-more = Diese Zeile ist weiter eingerückt als die darüber (Zeile {$above}): rücken Sie die Schlüssel eines Eintrags gleich weit ein
errors-indented-less = Diese Zeile ist weniger eingerückt als die darüber (Zeile {$above}), passt aber zu keinem Schlüssel, zu dem sie gehören könnte: rücken Sie die Schlüssel eines Eintrags gleich weit ein

## Die Form des Playbooks.

errors-unknown-field = Unbekanntes Feld `{$field}`, erwartet: {$expected}
errors-unknown-field-of-none = Unbekanntes Feld `{$field}`, hier gibt es keine Felder
errors-unknown-variant = Unbekannter Wert `{$variant}`, erwartet: {$expected}
errors-unknown-variant-of-none = Unbekannter Wert `{$variant}`, hier gibt es keine Werte zur Auswahl
errors-expected-name = `{$name}`
errors-expected-two-names = `{$a}` oder `{$b}`
errors-expected-names = einer von {$names}
errors-unknown-condition = Unbekannte Bedingung `{$key}`, erwartet: eine von {$keys}
errors-empty-any = `any` enthält keine Bedingung: Schreiben Sie mindestens eine Bedingung hinein oder entfernen Sie `any`
errors-empty-grants = Die Liste der Befugnisse ist leer: Schreiben Sie mindestens eine Befugnis mit `when` und `up_to` hinein oder entfernen Sie die Aktion aus `may`
errors-per-not-a-fact = `per` ist „{$found}“, kein Fakt: Schreiben Sie `facts.KEY`, etwa `facts.passengers`
errors-bound-not-a-number = Die Grenze `{$bound}` von `facts.{$fact}` ist „{$found}“, keine Zahl: Schreiben Sie eine Zahl wie `3` oder `2.5`
errors-unknown-branch = Unbekanntes Feld `{$key}`, erwartet: `pass` und `fail`
errors-missing-field = Feld `{$field}` fehlt
errors-missing-field-in = Feld `{$field}` fehlt in `{$entry}`
errors-duplicate-key = Doppelter Schlüssel `{$key}`: dieser Eintrag hat schon einen, behalten Sie nur einen davon
errors-expected = Erwartet: {$shape}, gefunden: {$found}

## Was ein Wert sein soll (nach „erwartet“).

errors-shape-text = ein Text
errors-shape-list = eine Liste, etwa `[a, b]` oder Zeilen, die mit `- ` beginnen
errors-shape-mapping = eine Zuordnung aus Einträgen `key: value`
errors-shape-bool = `true` oder `false`
errors-shape-nothing = nichts
errors-shape-number = eine Zahl
errors-shape-amount-in = ein Betrag in {$unit}
errors-shape-amount = ein Betrag (eine Zahl)
errors-shape-whole-number = eine ganze Zahl
errors-shape-whole-number-not-negative = eine ganze Zahl, 0 oder mehr
errors-shape-contacts = eine ganze Zahl (Kontakte)
errors-shape-words = eine ganze Zahl (Wörter)
errors-shape-key-facts = eine ganze Zahl (Kernfakten)
errors-shape-one-of = einer von {$names}
errors-shape-duration = eine Dauer wie 30s, 15m, 2h oder 1d
errors-shape-limit = ein Betrag (eine Zahl, 0 oder mehr) oder `yes` für keine Grenze
errors-shape-grants = eine Grenze (eine Zahl, 0 oder mehr, oder `yes`) oder eine Liste von Befugnissen mit `when`, `up_to` und `per`
errors-shape-scalar = ein einzelner Wert (Text, Zahl, true oder false)
errors-shape-map = eine Zuordnung
errors-shape-texts = ein Text oder eine Liste von Texten
errors-shape-says = ein Text, eine Liste von Texten oder {"{"}phrases, negation{"}"}
errors-shape-conditions = eine Zuordnung von Bedingungen ({$keys})
errors-shape-next = eine Szenen-Kennung oder `{"{"}pass: BEAT, fail: BEAT{"}"}`
errors-shape-value = ein Wert

## Was ein Wert war (nach „gefunden“).

errors-found-nothing = nichts
errors-found-list = eine Liste
errors-found-mapping = eine Zuordnung (`key: value`)
errors-found-value = `{$text}`

## Werte der richtigen Art, die trotzdem nicht passen.

errors-not-a-date = `{$text}` ist kein Datum: schreiben Sie es als JJJJ-MM-TT, z. B. 2027-05-01
errors-not-a-duration = `{$text}` ist keine Dauer: schreiben Sie eine Zahl und eine Einheit, z. B. 30s, 15m, 2h oder 1d
errors-duration-without-unit = `{$number}` hat keine Einheit: schreiben Sie {$number}s, {$number}m, {$number}h oder {$number}d
errors-negative-duration = `{$number}` ist keine Dauer: schreiben Sie z. B. 15m
errors-limit-no = `no` ist keine Grenze: schreiben Sie 0 oder lassen Sie die Maßnahme aus `may` weg
errors-negative-limit = Eine Grenze kann nicht negativ sein (`{$amount}`)
errors-not-a-limit = `{$number}` ist keine Grenze: schreiben Sie einen Betrag von 0 oder mehr, oder `yes`
errors-not-a-limit-text = `{$text}` ist keine Grenze: schreiben Sie einen Betrag wie 50, oder `yes` für keine Grenze
errors-too-large-number = `{$number}` ist zu groß
errors-not-a-number = `{$text}` ist keine Zahl
errors-negative-amount = Ein Betrag muss 0 oder mehr sein, nicht {$amount}

## Was zu tun ist.

errors-help-replace-tab = Ersetzen Sie den Tabulator durch Leerzeichen; die meisten Editoren lassen sich so einstellen, dass Tab Leerzeichen einfügt
errors-help-number-alone = Schreiben Sie nur die Zahl, z. B. `40`: die Einheit ist die `unit` der Maßnahme
errors-help-quote-full-width = Gehört das vollbreite Zeichen zum Text, setzen Sie den Text in Anführungszeichen
errors-help-quote-colon = Ein `: ` in einem Text beginnt einen neuen Schlüssel: setzen Sie den Text in Anführungszeichen
errors-help-quote-comma = Ein Komma in `{"{"} {"}"}` oder `[ ]` beginnt einen neuen Eintrag: setzen Sie Text mit Komma in Anführungszeichen
errors-help-add-field = Ergänzen Sie `{$field}:` in diesem Eintrag; das Feld ist Pflicht
errors-help-did-you-mean = Meinten Sie `{$name}`?
errors-help-write-one-of = Schreiben Sie eines von {$names}

## Dateien, die sich nicht lesen lassen, und Pfade ohne etwas zu prüfen.

errors-not-found = {$path}: Datei oder Verzeichnis nicht gefunden
errors-cannot-read = {$path}: kann nicht gelesen werden: {$why}
errors-directory = {$path}: ist ein Verzeichnis, keine Playbook-Datei: geben Sie den Pfad einer .yaml-Datei an
errors-not-a-regular-file = {$path}: ist keine reguläre Datei (eine Pipe, ein Socket oder ein Gerät): speichern Sie das Playbook in einer Datei und geben Sie deren Pfad an
errors-unknown-playbook-did-you-mean = `{$name}` ist weder eine Datei noch ein mitgeliefertes Playbook: meinten Sie `{$id}`? (`ethos list` zeigt die mitgelieferten Playbooks)
errors-unknown-playbook = `{$name}` ist weder eine Datei noch ein mitgeliefertes Playbook: die mitgelieferten Playbooks sind {$ids}
errors-here-unreadable = Das aktuelle Verzeichnis kann nicht gelesen werden: {$why}
errors-none-here = Hier sind keine Playbooks: es gibt keinen Ordner ./playbooks und keine Datei *.yaml oder *.yml im aktuellen Verzeichnis; geben Sie einen Pfad an, schreiben Sie eines mit `ethos init` oder prüfen Sie die mitgelieferten Playbooks mit `ethos check --bundled`
errors-none-in = {$dir}: keine Playbooks (*.yaml, *.yml) in diesem Verzeichnis; geben Sie eine Playbook-Datei oder ein anderes Verzeichnis an

## Vorlagen (`ethos render --templates`).

errors-template-bundled = {$file} (mitgeliefert)
errors-template = Vorlage {$template}: {$why}
errors-template-at-line = Vorlage {$template}, Zeile {$line}: {$why}
errors-template-at-column = Vorlage {$template}, Zeile {$line}, Spalte {$column}: {$why}
errors-template-not-handlebars = Das ist kein gültiges Handlebars: prüfen Sie, dass jedes `{"{{"}` sein `{"}}"}` hat und jedes `{"{{"}#block{"}}"}` sein `{"{{"}/block{"}}"}`
errors-template-no-field = `{$field}` ist hier kein Feld (der Abschnitt „Rendering“ der README listet die Felder)
errors-template-no-field-did-you-mean = `{$field}` ist hier kein Feld; meinten Sie `{$best}`? (der Abschnitt „Rendering“ der README listet die Felder)
errors-template-no-partial = Es gibt kein Partial `{$name}`; die Partials sind {$partials}
errors-template-unused = {$file}: ersetzt keine Vorlage und wird daher nicht verwendet; die Vorlagen sind {$templates}
errors-template-unused-did-you-mean = {$file}: ersetzt keine Vorlage und wird daher nicht verwendet; meinten Sie `{$best}`?
errors-templates-unreadable = Die Vorlagen in {$path} können nicht gelesen werden: {$why}
errors-template-not-utf8 = {$path}: ist kein UTF-8-Text; speichern Sie die Vorlage als UTF-8
errors-pattern-does-not-compile = Das Playbook hat ein Muster, das sich nicht kompilieren lässt ({$why}); führen Sie `ethos check` aus, um alle Probleme zu sehen
errors-folder-in-the-way = dort liegt bereits ein Ordner dieses Namens
