# conversation: why a line of a conversation file is not judged, and what is
# wrong in one that still is. Field paths (`messages[3].content`) stay as written.
# The errors are also the `error` of the line in grade's JSON output, in English.

## What a field holds and what it takes

conversation-found = {$found ->
    [null] null
    [bool] true or false
    [number] a number
    [text] a text
    [list] a list
   *[object] an object
}
conversation-expected = {$expected ->
    [text] a text
    [text-or-number] a text or a whole number
    [text-or-parts] a text, or a list of text parts
    [text-or-object] JSON text or an object
    [bool] true or false
    [count] a whole number from 0
    [object] an object
    [list] a list
    [scalar] a text, a number, or true or false
    [timestamp] an RFC 3339 time with its offset, like 2026-11-02T10:00:00Z
    [duration] a duration, like 15m or 1h30m
   *[author-kind] `human` or `bot`
}

## Errors: the line is not judged

conversation-not-json = the line is not JSON: unexpected text at column {$column}
conversation-not-json-ends-early = the line ends inside its JSON (column {$column}); is it cut short?
conversation-too-deep = the JSON nests more than 128 levels deep (column {$column})
conversation-not-utf8 = the line is not UTF-8 (column {$column}); save the file as UTF-8
conversation-too-long = the line is {$bytes} bytes long, more than the limit of {$max} bytes
conversation-not-an-object = expected one conversation a line, a JSON object; found {$found}
conversation-no-messages = the line has no `messages`: a conversation is an object with a list of `messages`
conversation-messages-not-a-list = `messages` is {$found}, expected a list of messages
conversation-message-not-an-object = `{$field}` is {$found}, expected a message, an object
conversation-no-role = `{$field}` has no `role`: it is `system`, `user`, `assistant` or `tool`
conversation-unknown-role = `{$field}` has an unknown `role` `{$role}`: it is `system`, `user`, `assistant` or `tool`
conversation-unknown-role-did-you-mean = `{$field}` has an unknown `role` `{$role}`; did you mean `{$closest}`?
conversation-wrong-type = `{$field}` is {$found}, expected {$expected}
conversation-bad-value = `{$field}` is `{$value}`, expected {$expected}
conversation-missing-field = `{$field}` is missing

## Warnings: the conversation is judged all the same

# A tool call: `messages[3].tool_calls[0]`, with its id when it has one.
conversation-call = `{$call}`
conversation-call-with-id = `{$call}` (id `{$id}`)
conversation-bad-arguments = {$call}: its arguments are not JSON (column {$column}); the call is judged without them
conversation-arguments-too-long = {$call}: its arguments are {$bytes} bytes long, more than {$max}; the call is judged without them
conversation-unknown-tool-call = `{$field}` answers tool call `{$id}`, which no earlier message makes
conversation-time-goes-back = `{$field}` is timed {$at}, before `{$earlier}` at {$then}; times measured across it are not reliable
conversation-truncated = `{$field}` has {$bytes} bytes of text, more than {$max}; only the first {$kept} bytes are judged
