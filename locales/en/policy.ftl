# The policy's decisions and findings, and what a rule without a `message`
# says, in English. Roles arrive as they read in a sentence ("the duty
# manager"); a role that starts a sentence arrives capitalised.

## Roles, actions and reasons

policy-role-the = the {$title}
# An action and the amount asked: "replace 6 USD".
policy-action-amount = {$action} {$amount}
# Why an escalation rule without a `why` sends the case up.
policy-why-rule = Escalation rule `{$rule}` applies

## What the policy decides

policy-no-roles = The playbook defines no roles, so there is no policy to apply.
policy-escalate = {$why}: the case goes to {$to}.
policy-escalate-within = {$why}: the case goes to {$to} within {$within}.
policy-over-limit = {$what} is over {$acting}'s limit of {$limit}: take it to {$to}.
policy-not-theirs = {$acting} may not {$action} at all: take it to {$to}.
policy-no-grant-holds = None of {$acting}'s grants of {$action} holds in this case: take it to {$to}.
# The limit a grant that depends on the case gives, and why:
# "150 USD (50 USD × 3 passengers, when flight_status is “delayed”)".
policy-grant-limit = {$limit} ({$why})
policy-grant-per = {$up_to} × {$value} {$per}
policy-grant-when = when {$condition}
policy-grant-both = {$per}, {$when}
policy-forbidden = No role may {$what}: do not offer it.
policy-forbidden-over = No role may {$what}: {$acting}'s limit is {$limit}, and no role above may grant more. Do not offer it.
policy-already-with = The case is already with {$role}: nothing more to escalate.
policy-handles = {$acting} handles this: no escalation rule applies.
policy-on-the-spot = {$acting} may do this on the spot: {$what} is within their limit of {$limit}.
policy-on-the-spot-unlimited = {$acting} may do this on the spot: {$what} is theirs to grant, without limit.
policy-on-the-spot-all = {$acting} may do this on the spot: every action is within their limits.

## Where a reply falls short of it (besides the decisions above)

policy-unneeded-not-above = {$to} is not above {$acting} on the ladder: handing the case there only makes the customer wait.
policy-unneeded-alone = {$acting} may handle this alone: no escalation rule applies and every action is within their limits, so sending it to {$to} only makes the customer wait.
policy-not-shown = The reply does not show the case going to {$to}, as the policy requires; it is not judged on that.
policy-late = The case reached {$to} later than the {$within} the playbook allows after the message that required it.

## What a rule without a `message` says

# The first few phrases, quoted, and a sign that there are more.
policy-phrases-more = {$phrases}, …
policy-rule-mention = Say one of {$phrases}.
policy-rule-avoid = Never say {$phrases}.
policy-rule-swap = Use the playbook's words.
policy-rule-words-between = Use {$min} to {$max} words.
policy-rule-words-at-least = Use at least {$min} {$min ->
    [one] word
   *[other] words
}.
policy-rule-words-at-most = Use at most {$max} {$max ->
    [one] word
   *[other] words
}.
policy-rule-words-any = Mind the length.
policy-rule-echo = Mention at least {$min} of the customer's key facts.
policy-rule-echo-facts = Mention at least {$min} of {$facts}.

## What was counted (shown after the rule's message)

policy-detail-no-value = a placeholder has no value in this context
policy-detail-nothing-to-check = the rule has nothing to check
policy-detail-words = {$words} {$words ->
    [one] word
   *[other] words
}
policy-detail-words-between = {$words} {$words ->
    [one] word
   *[other] words
}; between {$min} and {$max}
policy-detail-words-at-least = {$words} {$words ->
    [one] word
   *[other] words
}; at least {$min}
policy-detail-words-at-most = {$words} {$words ->
    [one] word
   *[other] words
}; at most {$max}
policy-detail-no-key-facts = this beat has no key facts
policy-detail-echoed = mentions {$mentioned} of {$total} key {$total ->
    [one] fact
   *[other] facts
} ({$facts}); at least {$min}

## A failed swap rule without `suggest`: what to say instead

policy-swap-pair = say {$preferred} instead of {$found}
policy-swap-separator = {"; "}
