# 政策的决定与判定，以及没有写 `message` 的规则怎么说。岗位名称照手册原文。

## 岗位、操作与理由

policy-role-the = {$title}
policy-action-amount = {$action} {$amount}
policy-why-rule = 适用升级规则「{$rule}」

## 政策的决定

policy-no-roles = 本手册没有设定任何岗位，因此没有可执行的政策。
policy-escalate = {$why}：交给{$to}处理。
policy-escalate-within = {$why}：交给{$to}，{$within}内接手。
policy-over-limit = {$what}超出{$acting}的额度（{$limit}），交给{$to}决定。
policy-not-theirs = {$acting}无权决定{$action}，交给{$to}决定。
policy-no-grant-holds = {$acting}对{$action}的授权在此情形下都不适用，交给{$to}决定。
policy-grant-limit = {$limit}；{$why}
policy-grant-per = {$up_to} × {$per} {$value}
policy-grant-when = 条件：{$condition}
policy-grant-both = {$per}，{$when}
policy-forbidden = 任何岗位都无权决定{$what}，不要提出。
policy-forbidden-over = 任何岗位都无权决定{$what}：{$acting}的额度是{$limit}，上级岗位也无权批准更多，不要提出。
policy-already-with = 此事已由{$role}接手：无需再升级。
policy-handles = 由{$acting}处理：没有需要升级的情况。
policy-on-the-spot = {$acting}可以当场决定：{$what}，在其额度（{$limit}）以内。
policy-on-the-spot-unlimited = {$acting}可以当场决定：{$what}，其权限不设上限。
policy-on-the-spot-all = {$acting}可以当场决定：各项操作都在其额度以内。

## 回复不符合政策之处（上面的决定之外）

policy-unneeded-not-above = {$to}的级别并不高于{$acting}：把此事交过去只会让客人多等。
policy-unneeded-alone = {$acting}可以独自处理：没有适用的升级规则，各项操作也都在其额度以内，交给{$to}只会让客人多等。
policy-not-shown = 回复没有表明已把此事交给{$to}（政策要求如此），因此不按此判定。
policy-late = 此事交给{$to}的时间晚于规定：要求升级的消息之后应在{$within}内完成。

## 没有写 `message` 的规则

policy-phrases-more = {$phrases}等
policy-rule-mention = 要说到其中之一：{$phrases}。
policy-rule-avoid = 不要说：{$phrases}。
policy-rule-swap = 请使用规范用语。
policy-rule-words-between = 用{$min}到{$max}个字。
policy-rule-words-at-least = 至少用{$min}个字。
policy-rule-words-at-most = 最多用{$max}个字。
policy-rule-words-any = 注意长度。
policy-rule-echo = 至少说出客人提到的{$min}个关键细节。
policy-rule-echo-facts = 至少说出其中{$min}个：{$facts}。

## 计数说明（接在规则说明之后）

policy-detail-no-value = 此情境中有占位符没有值
policy-detail-nothing-to-check = 此规则没有可检查的内容
policy-detail-words = {$words}个字
policy-detail-words-between = {$words}个字；应为{$min}到{$max}个字
policy-detail-words-at-least = {$words}个字；至少{$min}个
policy-detail-words-at-most = {$words}个字；最多{$max}个
policy-detail-no-key-facts = 此段对话没有关键细节
policy-detail-echoed = 提到{$total}个关键细节（{$facts}）中的{$mentioned}个；至少要{$min}个

## 替换规则未写 `suggest` 时：应该怎么说

policy-swap-pair = 用{$preferred}代替{$found}
policy-swap-separator = ；
