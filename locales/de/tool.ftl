# tool: was die Befehle über ihre eigene Arbeit sagen (geschriebene Dateien, Optionen, Eingaben)
# Kennungen, Optionen, Pfade und einzugebende Befehle bleiben, wie sie sind; Code in Backticks.
# Begriffe: Leitfaden (playbook), Antwort (reply), Zeile, Spalte, Bewertung (label), Übung (drill),
# Protokoll (transcript).

## Vor einer Meldung

tool-error = Fehler: {$message}
tool-warning = Warnung: {$message}

## Optionen, Dateien und Standardeingabe

tool-percent-expected = erwartet wird ein Prozentsatz von 0 bis 100, etwa `90`, gefunden wurde `{$found}`
tool-cannot-read = {$path} kann nicht gelesen werden: {$why}
tool-cannot-read-stdin = {$what ->
    [labels] Die Bewertungen können nicht von der Standardeingabe gelesen werden
    [reply] Die Antwort kann nicht von der Standardeingabe gelesen werden
   *[replies] Die Antworten können nicht gelesen werden
}: {$why}
tool-cannot-create = {$path} kann nicht angelegt werden: {$why}
tool-cannot-write-file = {$path} kann nicht geschrieben werden: {$why}
tool-cannot-write = Die Ausgabe kann nicht geschrieben werden: {$why}
tool-cannot-start-thread = Es kann kein Thread zum Bewerten gestartet werden: {$why}
tool-standard-input = Standardeingabe
tool-at-line-of = {$file}:{$line}: {$why}

## Ein Leitfaden, den ein Befehl nicht verwenden kann

tool-engine-failed = {$playbook}: {$why}; führen Sie `ethos check` darauf aus
tool-refused = {$file} hat {$count ->
    [one] {$count} Fehler, den
   *[other] {$count} Fehler, die
} `ethos check` meldet, und kann deshalb nicht verwendet werden; führen Sie `ethos check {$name}` aus, um {$count ->
    [one] ihn
   *[other] alle
} zu sehen:
tool-refused-error = {$file}:{$line}:{$column}: {$message} [{$code}]
tool-refused-error-help = {$file}:{$line}:{$column}: {$message} ({$help}) [{$code}]
tool-refused-more = … und {$count} weitere
tool-no-such-id = Der Leitfaden hat {$kind ->
    [value] keinen Wert
    [role] keine Rolle
    [action] keine Maßnahme
    [step] keinen Schritt
    [rule] keine Regel
    [escalation-rule] keine Eskalationsregel
    [scenario] kein Szenario
   *[beat] keine Szene
} `{$id}`: {$help}

## calibrate

tool-calibrate-no-labels = Keine Bewertungen zum Vergleichen; jede Zeile von LABELS ist eine Zeile für grade mit "human": "pass" oder "fail"
tool-calibrate-unusable = {$count ->
    [one] {$count} Bewertungszeile konnte
   *[other] {$count} Bewertungszeilen konnten
} nicht verwendet werden; die Zahlen beruhen auf den übrigen {$used}

## drill

tool-drill-no-scenarios = {$playbook} hat keine Szenarien zum Üben: Legen Sie eines unter `scenarios:` an
tool-drill-cannot-read-answers = Die Antworten können nicht aus {$path} gelesen werden: {$why}
tool-drill-saved = Protokoll gespeichert in {$path}
tool-drill-kept = {$how ->
    [interrupted] Abgebrochen
   *[stopped] Beendet
}: Die bisher beantworteten Runden stehen in {$path}
tool-drill-interrupted-unsaved = Abgebrochen: {$why}

## grade

tool-grade-ungraded = {$count ->
    [one] {$count} Zeile konnte
   *[other] {$count} Zeilen konnten
} nicht bewertet werden; die übrigen {$graded} wurden bewertet
tool-grade-ungraded-line = Zeile {$line}: {$why}
tool-grade-more-ungraded = … (jede steht in der Ausgabe als Zeile mit "error")

## Warum eine Zeile der Eingabe von grade oder calibrate nicht bewertet wird

tool-line-not-utf8 = Die Zeile ist nicht in UTF-8; speichern Sie die Datei als UTF-8
tool-line-not-an-object = Erwartet wird ein JSON-Objekt je Zeile, gefunden wurde {$found ->
    [array] ein Array
    [text] ein Text
    [bool] true oder false
    [null] null
   *[number] eine Zahl
}
tool-line-not-json = Kein JSON-Objekt: {$detail}
tool-line-unknown-field = Unbekanntes Feld `{$field}`, erwartet wird eines von {$expected} (Zeile {$line}, Spalte {$column})
tool-line-unknown-field-did-you-mean = {$why}; meinten Sie `{$field}`?
tool-line-bad-field = Ein Feld hat die falsche Form: {$detail}
tool-line-too-long = Die Zeile ist {$bytes} Bytes lang, mehr als --max-line-bytes ({$max}); teilen Sie die Antwort oder erhöhen Sie --max-line-bytes
tool-line-beat-without-scenario = Die Zeile nennt die Szene `{$beat}`, aber kein `scenario`; Szenen werden innerhalb ihres Szenarios benannt
tool-line-no-step = Die Zeile hat keinen `step`
tool-line-no-step-or-beat = Die Zeile hat keinen `step`; geben Sie `step` an oder die Szene (`beat`), auf die die Antwort antwortet
tool-line-no-text = Die Zeile hat keinen `text`
tool-line-unknown = {$kind ->
    [value] Unbekannter Wert
    [role] Unbekannte Rolle
    [action] Unbekannte Maßnahme
    [step] Unbekannter Schritt
    [rule] Unbekannte Regel
    [escalation-rule] Unbekannte Eskalationsregel
    [scenario] Unbekanntes Szenario
   *[beat] Unbekannte Szene
} `{$id}`: {$help}
tool-line-unknown-escalated = `escalated` nennt eine unbekannte Rolle `{$id}`: {$help}
tool-line-unknown-escalate-to = Unbekannte Rolle zum Eskalieren `{$id}`: {$help}
tool-line-no-such-beat = Das Szenario `{$scenario}` hat keine Szene `{$beat}`: {$help}
tool-line-context-not-a-value = Kontext `{$key}`: kein einzelner Wert
tool-line-context-value = Kontext `{$key}`: {$why}
tool-label-not-a-label = `human` ist `{$found}`; eine Bewertung ist "pass" oder "fail"
tool-label-none = Die Zeile hat keine Bewertung `human`; ergänzen Sie "human": "pass" oder "human": "fail"

## CSV-Eingabe

tool-csv-header = Zeile 1 der CSV-Eingabe: {$why}
tool-csv-unknown-columns = Die CSV-Kopfzeile nennt {$count ->
    [one] eine Spalte
   *[other] Spalten
}, die ethos nicht kennt: {$columns}; die Spalten sind id, step, text, role, escalate, actions und die Kontextschlüssel ({$keys}); benennen Sie sie um oder überspringen Sie sie mit --ignore-columns
tool-csv-column-unnamed = (Spalte {$column}, ohne Namen)
tool-csv-name-not-utf8 = Der Name der Spalte {$column} ist nicht in UTF-8; speichern Sie die Datei als UTF-8
tool-csv-twice = Die Spalte `{$name}` kommt zweimal vor; behalten Sie eine
tool-csv-missing = Die Kopfzeile hat keine Spalte `{$column}`; die erste Zeile nennt die Spalten, etwa `id,step,text`
tool-csv-field-count = Die Zeile hat {$fields ->
    [one] {$fields} Feld
   *[other] {$fields} Felder
}, die Kopfzeile aber {$columns} Spalten; setzen Sie ein Feld mit Komma in doppelte Anführungszeichen
tool-csv-cell-not-utf8 = Das Feld `{$column}` ist nicht in UTF-8; speichern Sie die Datei als UTF-8
tool-csv-action-amount = In `actions` ist der Betrag `{$amount}` von `{$id}` keine Zahl; schreiben Sie etwa `{$id}=50`
tool-csv-unclosed-quote = Das Feld in Anführungszeichen, das in Zeile {$line} beginnt, wird nicht geschlossen; beenden Sie es mit `"` und schreiben Sie ein Anführungszeichen im Feld als `""`
tool-csv-quoted-too-long = Das Feld in Anführungszeichen, das in Zeile {$line} beginnt, ist länger als --max-line-bytes ({$max} Bytes); fehlt das schließende Anführungszeichen?
tool-csv-row-too-long = Die Zeile ist länger als --max-line-bytes ({$max} Bytes); teilen Sie die Antwort oder erhöhen Sie --max-line-bytes

## init

tool-init-no-such-bundled = Es gibt keinen mitgelieferten Leitfaden `{$id}`; mitgeliefert sind {$ids} (`ethos list` zeigt sie)
tool-init-exists = {$path} gibt es schon; ethos init überschreibt nie eine Datei: Geben Sie einen anderen Pfad an, etwa `ethos init my-playbook.yaml`
tool-init-wrote = {$path} geschrieben. Bearbeiten Sie die Datei und führen Sie dann `ethos check {$path}` aus.
    Für Vervollständigung und Prüfung beim Tippen speichern Sie das Schema daneben: `ethos schema > {$schema}`

## list

tool-list-bundled-broken = Der mitgelieferte Leitfaden {$id} lädt nicht: {$why}
tool-list-pack-broken = Das mitgelieferte Regelpaket {$id} lädt nicht

## render

tool-render-out-is-file = {$path} ist eine Datei, kein Ordner: Geben Sie --out einen Ordner zum Schreiben
tool-render-wrote = Geschrieben: {$files}
tool-written-file = {$path} ({$what})
tool-size-bytes = {$bytes} B
tool-size-kb = {$kb} KB
tool-size-cards = {$count ->
    [one] {$count} Karte
   *[other] {$count} Karten
}

## report

tool-report-not-a-folder = {$path}: kein Ordner; geben Sie den Ordner an, in dem die Übungen aufgezeichnet wurden (`ethos drill --record DIR`)
tool-report-skipped = {$path}: übersprungen, {$why}
tool-report-no-transcripts = {$path}: Hier gibt es keine Übungsprotokolle; zeichnen Sie welche mit `ethos drill --record {$path}` auf

## validate

tool-validate-no-reply-on-stdin = Keine Antwort auf der Standardeingabe; leiten Sie die Antwort hinein oder geben Sie sie als Argument an
tool-validate-reply-not-utf8 = Die Antwort auf der Standardeingabe ist nicht in UTF-8
tool-validate-no-reply = Geben Sie die zu bewertende Antwort als Argument an oder `-`, um sie von der Standardeingabe zu lesen
tool-validate-no-step = Sagen Sie mit --step, zu welchem Schritt die Antwort gehört (die Schritte sind {$steps}), oder geben Sie --scenario und --beat an
tool-validate-set-form = `--set {$setting}` braucht die Form KEY=VALUE, etwa --set customer.name=Dana
tool-validate-set-invalid = `--set {$setting}`: {$why}
tool-validate-set-escalated = `--set escalated={$role}`: Der Leitfaden hat keine Rolle `{$role}`: {$help}
tool-validate-set-fact-wrong-type = `--set {$setting}`: Laut `facts:` ist der Fakt `{$fact}` {$type}, und `{$value}` ist das nicht
tool-validate-set-fact-not-a-value = `--set {$setting}`: `{$value}` gehört nicht zu den `values` des Fakts `{$fact}`: {$values}
tool-validate-action-invalid = `--action {$given}`: {$why}; schreiben Sie etwa --action {$id}=50

## `ethos import`: was beim Import eines Laufs nicht gelesen werden konnte.

import-run = Lauf {$number}
import-run-id = Lauf {$number} ({$id})
import-not-an-object = {$run} ist kein JSON-Objekt: übersprungen
import-no-traj = {$run} hat keine `traj`-Liste von Nachrichten: übersprungen
import-bad-arguments = {$run}, Nachricht {$at}: Die Argumente von `{$tool}` sind kein JSON, die Fakten dieses Aufrufs werden nicht gelesen (der Aufruf bleibt, wie er ist)
import-unknown-tool-result = {$run}, Nachricht {$at}: ein Ergebnis von `{$tool}`, einem Werkzeug, das der Import nicht kennt: behalten, nichts daraus gelesen
import-unanswered-result = {$run}, Nachricht {$at}: ein Werkzeugergebnis ohne vorherigen Aufruf: behalten, nichts daraus gelesen
import-file-not-json = {$path} ist kein JSON: {$why}
import-file-not-an-array = {$path} ist keine τ-bench-Ergebnisdatei: erwartet wird ein JSON-Array von Läufen
import-db-error = Die Buchungsdatenbank {$file} kann nicht gelesen werden: {$why}
import-done = {$runs} {$runs ->
    [one] Lauf
   *[other] Läufe
} importiert, {$skipped} übersprungen
