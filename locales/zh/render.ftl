# 生成的文件（员工手册、授权与升级制度、记忆卡片）中不来自服务手册的词句：
# 标题、标签，以及围绕服务手册原文组成的句子。每个编号都以 `render-` 开头。

## 标签：模板里的 {{labels.NAME}}。

render-sentence-gap = 。
# 中文的全角标点自带间距，正文和补充说明之间不加空格。
render-gap = {""}
render-lparen = （
render-rparen = ）
render-handbook = 员工手册
render-policy = 授权与升级制度
render-contents = 目录
render-company = 公司
render-owner = 负责部门
render-review-by = 复审日期
render-overdue = 已过期
render-pass-mark = 练习及格线
render-generated = 本文件自动生成自服务手册
render-do-not-edit = 请勿直接修改本文件：修改服务手册后重新生成。
render-philosophy = 我们的理念
render-values = 我们的价值观
render-steps = 服务步骤
render-step = 步骤
render-goal = 目标
render-what-to-say = 要说的话
render-never-say = 绝不能说的话
render-swap-table = 我们的用词
render-instead-of = 不说
render-say-instead = 而说
render-every-step = 每个步骤都适用
render-every-step-intro = 以下要求在任何步骤都适用。
render-words-that-count = 可以这样说
render-never-words = 不要说
render-for-example = 例如
render-only-when = 仅当
render-recommended = 建议
render-rule = 规则
render-scenarios = 情景练习
render-scenario = 情景
render-situation = 情景说明
render-you-play = 您的角色
render-customer = 客人
render-customer-says = 客人说
render-mood = 情绪
render-a-good-reply = 好的回答
render-replies-to-avoid = 要避免的回答
render-found = 问题词句
render-no-rule-catches = 目前还没有规则能发现这个回答的问题，请服务手册的编写者补充规则。
render-decide = 做决定
render-best-choice = 最佳选择
render-the-policy = 制度规定
render-next = 接下来
render-quiz = 小测验
render-quiz-intro = 先回答每一道题，再看最后的答案。
render-what-is-wrong = 这个回答错在哪里？
render-colleague-replies = 同事回答
render-rules-broken = 违反的规则
render-answers = 答案
render-better = 更好的说法
render-empowerment = 授权：各岗位可自行决定的额度
render-empowerment-intro = 每个岗位对一次事件可以自行决定的最高金额（按操作的单位）。在额度以内，谁都不需要请示；超出额度，交给额度足够的最低一级岗位。
render-role = 岗位
render-action = 操作
render-no-limit = 不限
render-not-theirs = —
render-escalation = 什么时候必须升级
render-escalation-intro = 除了超出额度的金额，以下情况必须交给更高一级的岗位：
render-no-escalation = 没有升级规则：在额度以内，谁接手谁负责到底。
render-why = 原因
render-ladder = 升级阶梯
render-ladder-intro = 一线在前。每个箭头旁写着什么情况要交给下一级岗位。
render-branches = 各情景的走向
render-branches-intro = 每个方框是学员的一次应答；箭头表示回答得好（通过）或不好（未通过）时接下来会怎样。
render-pass = 通过
render-fail = 未通过
render-start = 开始
render-end = 结束
render-over-limit = 超出额度
render-beyond-intro = 超出额度时，交给额度足够的最低一级岗位：
render-decision = 决定

## 标题和简短说法。

render-step-heading = 步骤{$number}：{$title}
render-scenario-heading = 情景{$number}：{$title}
render-percent = {$value}%
render-turn = 第{$number}轮
render-next-branch = 回答得好，接{$pass}；否则接{$fail}
render-rules-broken-count = 违反了{$count}条规则
render-matrix-column = {$action}（{$unit}）
render-ladder-reason = {$reason}（{$within}）
render-customer-details = {$name}（{$details}）
render-overdue-note = 已过期：应于{$date}复审，已过{$days}天

## 词句中的占位符。

render-placeholder-name = （客人的称呼）
render-placeholder-mood = （客人的情绪）
render-placeholder-tier = （客人的等级）
render-placeholder-fact = （{$key}）

## 额度：授权表中的一格，以及超出额度时交给谁。

render-limit-up-to = 最多{$amount}
render-beyond-own = {$action}：超过{$own}
render-beyond-not-theirs = {$action}：不在其权限内
render-beyond-to = ，交给{$chain}
render-beyond-then = ，再交给
render-beyond-band = {$role}（{$limit}）
render-beyond-nobody = ；任何岗位都不能批准
render-beyond-over-top = ；超过{$top}，任何岗位都不能批准

## 范围。

render-between = {$min}到{$max}
render-at-least = 至少{$min}
render-at-most = 最多{$max}
render-amount-over = 超过{$amount}
render-amount-at-least = 至少{$amount}
render-amount-under = 低于{$amount}
render-amount-at-most = 最多{$amount}

## 条件，逐项说明；用在“如果”和“仅当”之后。

render-clause-and = ，且
render-when-says = 客人提到{$phrases}
render-when-contacts-between = 客人为同一件事找过我们{$min}到{$max}次
render-when-contacts-at-least = 客人为同一件事找过我们至少{$min}次
render-when-contacts-at-most = 客人为同一件事找过我们最多{$max}次
render-when-waiting = 客人已经等了{$bounds}
render-when-mood = 客人的情绪是{$moods}
render-when-tier = 客人的等级是{$tiers}
render-when-fact = {$key}为{$value}
render-when-action = 操作是{$action}
render-when-action-amount = 操作是{$action}且金额{$amount}
render-when-amount = 金额{$amount}
render-when-fact-one-of = {$key}为{$values}
render-when-fact-range = {$key}{$bounds}
render-when-any-of = 满足以下任一情形：{$conditions}
render-when-not = 并非{$condition}
render-when-group = （{$condition}）
render-when-escalated = 案件已交给{$role}或更高级别的人员

## 制度文件中的句子。

# “须在……内”中的时长。
render-within-duration = {$count}{$unit ->
    [days] 天
    [hours] 小时
    [minutes] 分钟
   *[seconds] 秒
}

render-escalation-within = 如果{$condition}，{$to}须在{$within}内接手。
render-escalation-to = 如果{$condition}，交给{$to}处理。
render-choice-escalates = 交给{$to}

## 规则的要求，用文件自己的话说。

render-length-between = 用{$min}到{$max}个字。
render-length-at-least = 至少用{$min}个字。
render-length-at-most = 最多用{$max}个字。
render-count-between = {$count}个字；应为{$min}到{$max}个字
render-count-at-least = {$count}个字；应至少{$min}个字
render-count-at-most = {$count}个字；应最多{$max}个字
render-echo = 至少说出客人提到的{$min}个关键细节。
render-default-mention = 要说到其中之一：{$phrases}。
render-default-avoid = 不要说：{$phrases}。
render-default-swap = 改用规范用语：{$pairs}。

## 记忆卡片。

render-card-rule = {$at}：{$message}{$kind ->
    [mention] 可以怎么说？
    [avoid] 哪些话不能说？
    [swap] 应该改用哪些说法？
    [length] 回答应该多长？
   *[echo] 回答要做到什么？
}
render-card-step = 步骤{$number}{$title}的目标是什么？
render-card-wrong = 客人说：{$customer}这样回答错在哪里：{$reply}？
render-customer-said = 客人说：{$customer}

## Conditional grants: a cell of the empowerment matrix with several grants,
## tried in order (the first that holds gives the limit), their footnotes, and
## the handbook's chapter on them. $per is the fact the limit is multiplied by.
render-grant-per = {$limit} × {$per}
render-grant-otherwise = 否则，{$grant}
render-grant-note = 当{$condition}时
render-footnote = {$mark}{$note}
render-grant-when = 当{$condition}时，{$limit}
render-grant-none-holds = 不在其权限内：交给上级中授权足够的最低一级岗位
render-grants-heading = {$role} · {$action}
render-conditional = 额度视情况而定时
render-conditional-intro = 有些额度要看具体情况。请从上往下看每个列表：第一条符合情况的就是您的额度，下面的各条不再适用。
render-depends = 视情况而定（见上表）
