# Entscheidungen und Befunde der Richtlinie, und was eine Regel ohne eigene
# `message` sagt. Rollen stehen so da, wie der Leitfaden sie nennt; damit
# kein Artikel zu raten ist, stehen sie nach Doppelpunkt, in Klammern oder
# nach „an“ im Stil einer Dienstanweisung.

## Rollen, Maßnahmen und Gründe

policy-role-the = {$title}
policy-action-amount = {$action} {$amount}
policy-why-rule = Die Eskalationsregel „{$rule}“ greift

## Was die Richtlinie entscheidet

policy-no-roles = Der Leitfaden legt keine Rollen fest; es gibt also keine Richtlinie, die gelten könnte.
policy-escalate = {$why}. Zuständig: {$to}.
policy-escalate-within = {$why}. Zuständig: {$to}, Frist: {$within}.
policy-over-limit = Über dem eigenen Rahmen ({$acting}: bis {$limit}): {$what}. Zuständig: {$to}.
policy-not-theirs = Nicht in den eigenen Befugnissen ({$acting}): {$action}. Zuständig: {$to}.
policy-no-grant-holds = Keine Befugnis ({$acting}) für {$action} gilt in diesem Fall. Zuständig: {$to}.
policy-grant-limit = {$limit} ({$why})
policy-grant-per = {$up_to} × {$value} {$per}
policy-grant-when = wenn {$condition}
policy-grant-both = {$per}, {$when}
policy-forbidden = Niemand darf {$what} gewähren: Bieten Sie es nicht an.
policy-forbidden-over = Niemand darf {$what} gewähren: Die Grenze ({$acting}) ist {$limit}, und keine höhere Rolle darf mehr gewähren. Bieten Sie es nicht an.
policy-already-with = Der Fall ist bereits übergeben ({$role}): Weiter eskalieren ist nicht nötig.
policy-handles = Zuständig: {$acting}. Keine Eskalationsregel greift.
policy-on-the-spot = Sofort möglich ({$acting}): {$what} liegt im eigenen Rahmen (bis {$limit}).
policy-on-the-spot-unlimited = Sofort möglich ({$acting}): {$what} ist ohne Obergrenze erlaubt.
policy-on-the-spot-all = Sofort möglich ({$acting}): Jede Maßnahme liegt im eigenen Rahmen.

## Wo eine Antwort hinter der Richtlinie zurückbleibt (neben den Entscheidungen oben)

policy-unneeded-not-above = Übergabe an {$to} bringt nichts: Diese Rolle steht in der Rangfolge nicht über {$acting}, die Kundschaft wartet nur länger.
policy-unneeded-alone = Kein Grund für eine Übergabe an {$to}: Keine Eskalationsregel greift, und jede Maßnahme liegt im eigenen Rahmen ({$acting}). Die Kundschaft wartet sonst nur länger.
policy-not-shown = Die Antwort zeigt keine Übergabe an {$to}, obwohl die Richtlinie sie verlangt; bewertet wird das nicht.
policy-late = Der Fall kam später bei {$to} an, als das Playbook nach der auslösenden Nachricht erlaubt ({$within}).

## Was eine Regel ohne eigene `message` sagt

policy-phrases-more = {$phrases} …
policy-rule-mention = Verwenden Sie eine dieser Formulierungen: {$phrases}.
policy-rule-avoid = Sagen Sie niemals: {$phrases}.
policy-rule-swap = Verwenden Sie die Wörter des Leitfadens.
policy-rule-words-between = Verwenden Sie {$min} bis {$max} Wörter.
policy-rule-words-at-least = Verwenden Sie mindestens {$min} {$min ->
    [one] Wort
   *[other] Wörter
}.
policy-rule-words-at-most = Verwenden Sie höchstens {$max} {$max ->
    [one] Wort
   *[other] Wörter
}.
policy-rule-words-any = Achten Sie auf die Länge.
policy-rule-echo = Greifen Sie mindestens {$min} der Punkte auf, die Ihr Gegenüber genannt hat.
policy-rule-echo-facts = Greifen Sie mindestens {$min} dieser Punkte auf: {$facts}.

## Was gezählt wurde (hinter der Meldung der Regel)

policy-detail-no-value = ein Platzhalter hat hier keinen Wert
policy-detail-nothing-to-check = die Regel hat nichts zu prüfen
policy-detail-words = {$words} {$words ->
    [one] Wort
   *[other] Wörter
}
policy-detail-words-between = {$words} {$words ->
    [one] Wort
   *[other] Wörter
}; erlaubt sind {$min} bis {$max}
policy-detail-words-at-least = {$words} {$words ->
    [one] Wort
   *[other] Wörter
}; mindestens {$min}
policy-detail-words-at-most = {$words} {$words ->
    [one] Wort
   *[other] Wörter
}; höchstens {$max}
policy-detail-no-key-facts = dieser Abschnitt nennt keine Kernpunkte
policy-detail-echoed = greift {$mentioned} von {$total} {$total ->
    [one] Kernpunkt
   *[other] Kernpunkten
} auf ({$facts}); mindestens {$min}

## Eine Ersetzungsregel ohne `suggest`: was stattdessen zu sagen ist

policy-swap-pair = sagen Sie {$preferred} statt {$found}
policy-swap-separator = {"; "}
