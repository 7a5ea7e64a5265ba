# conversation: warum eine Zeile einer Gesprächsdatei nicht beurteilt wird, und
# was an einem Gespräch falsch ist, das trotzdem beurteilt wird.
# Feldpfade (`messages[3].content`) bleiben, wie sie geschrieben sind.

## Was ein Feld enthält und was es annimmt

conversation-found = {$found ->
    [null] null
    [bool] true oder false
    [number] eine Zahl
    [text] ein Text
    [list] eine Liste
   *[object] ein Objekt
}
conversation-expected = {$expected ->
    [text] ein Text
    [text-or-number] ein Text oder eine ganze Zahl
    [text-or-parts] ein Text oder eine Liste von Textteilen
    [text-or-object] JSON-Text oder ein Objekt
    [bool] true oder false
    [count] eine ganze Zahl ab 0
    [object] ein Objekt
    [list] eine Liste
    [scalar] ein Text, eine Zahl oder true oder false
    [timestamp] eine Zeit nach RFC 3339 mit Zeitzonenversatz, etwa 2026-11-02T10:00:00Z
    [duration] eine Dauer, etwa 15m oder 1h30m
   *[author-kind] `human` oder `bot`
}

## Fehler: die Zeile wird nicht beurteilt

conversation-not-json = Die Zeile ist kein JSON: Unerwartetes in Spalte {$column}
conversation-not-json-ends-early = Die Zeile endet mitten im JSON (Spalte {$column}); ist sie abgeschnitten?
conversation-too-deep = Das JSON ist tiefer als 128 Ebenen verschachtelt (Spalte {$column})
conversation-not-utf8 = Die Zeile ist nicht in UTF-8 (Spalte {$column}); speichern Sie die Datei als UTF-8
conversation-too-long = Die Zeile ist {$bytes} Bytes lang, mehr als die Grenze von {$max} Bytes
conversation-not-an-object = Erwartet wird ein Gespräch je Zeile, ein JSON-Objekt; gefunden wurde {$found}
conversation-no-messages = Die Zeile hat kein `messages`: ein Gespräch ist ein Objekt mit einer Liste `messages`
conversation-messages-not-a-list = `messages` ist {$found}, erwartet wird eine Liste von Nachrichten
conversation-message-not-an-object = `{$field}` ist {$found}, erwartet wird eine Nachricht, ein Objekt
conversation-no-role = `{$field}` hat keine `role`: sie ist `system`, `user`, `assistant` oder `tool`
conversation-unknown-role = `{$field}` hat eine unbekannte `role` `{$role}`: sie ist `system`, `user`, `assistant` oder `tool`
conversation-unknown-role-did-you-mean = `{$field}` hat eine unbekannte `role` `{$role}`; meinten Sie `{$closest}`?
conversation-wrong-type = `{$field}` ist {$found}, erwartet wird {$expected}
conversation-bad-value = `{$field}` ist `{$value}`, erwartet wird {$expected}
conversation-missing-field = `{$field}` fehlt

## Warnungen: das Gespräch wird trotzdem beurteilt

# Ein Werkzeugaufruf: `messages[3].tool_calls[0]`, mit seiner id, wenn er eine hat.
conversation-call = `{$call}`
conversation-call-with-id = `{$call}` (id `{$id}`)
conversation-bad-arguments = {$call}: Die Argumente sind kein JSON (Spalte {$column}); der Aufruf wird ohne sie beurteilt
conversation-arguments-too-long = {$call}: Die Argumente sind {$bytes} Bytes lang, mehr als {$max}; der Aufruf wird ohne sie beurteilt
conversation-unknown-tool-call = `{$field}` antwortet auf den Werkzeugaufruf `{$id}`, den keine frühere Nachricht macht
conversation-time-goes-back = `{$field}` trägt die Zeit {$at}, vor `{$earlier}` mit {$then}; Zeiten, die darüber hinweg gemessen werden, sind nicht verlässlich
conversation-truncated = `{$field}` hat {$bytes} Bytes Text, mehr als {$max}; nur die ersten {$kept} Bytes werden beurteilt
