# ethos check：每条诊断说的话、它的提示，以及报告中的其他文字。
# 标识和代码保留反引号：它们是作者写的，或是可以直接复制的 YAML。
# 术语：服务手册（playbook）、步骤、规则、岗位、操作、价值观、升级规则、情景、环节（beat）、选项、示范回答。

## 标识：duplicate-id、unknown-step、unknown-role、unknown-action、unknown-value、unknown-beat。

check-duplicate-id = 已有标识为`{$id}`的{$kind ->
    [value] 价值观
    [role] 岗位
    [action] 操作
    [step] 步骤
    [rule] 规则
    [escalation-rule] 升级规则
    [scenario] 情景
    [fact] 事实
    [procedure] 流程
   *[beat] 环节
}
check-help-first-is-at = 第一个在第{$line}行；请给每个{$kind ->
    [value] 价值观
    [role] 岗位
    [action] 操作
    [step] 步骤
    [rule] 规则
    [escalation-rule] 升级规则
    [scenario] 情景
    [fact] 事实
    [procedure] 流程
   *[beat] 环节
}起一个不同的标识
check-help-did-you-mean = 您是不是想写`{$id}`？
check-help-none-defined = 本服务手册没有定义任何{$kind ->
    [value] 价值观
    [role] 岗位
    [action] 操作
    [step] 步骤
    [rule] 规则
    [escalation-rule] 升级规则
    [scenario] 情景
    [fact] 事实
    [procedure] 流程
   *[beat] 环节
}
check-help-kinds-are = 已定义的{$kind ->
    [value] 价值观
    [role] 岗位
    [action] 操作
    [step] 步骤
    [rule] 规则
    [escalation-rule] 升级规则
    [scenario] 情景
    [fact] 事实
    [procedure] 流程
   *[beat] 环节
}有：{$ids}

check-unknown-value-of-step = 步骤`{$step}`提到价值观`{$value}`，但没有定义这项价值观
check-unknown-action-of-role = 岗位`{$role}`可以批准`{$action}`，但没有定义这项操作
check-unknown-step-of-rule = 规则`{$rule}`适用于步骤`{$step}`，但没有定义这个步骤
check-unknown-role-of-escalation = 升级规则`{$escalation}`交给岗位`{$role}`，但没有定义这个岗位
check-unknown-role-of-condition = `{$owner}`的条件问案件是否已交给岗位`{$role}`（`escalated`），但没有定义这个岗位
check-unknown-action-of-escalation = 升级规则`{$escalation}`针对操作`{$action}`，但没有定义这项操作
check-unknown-role-of-scenario = 情景`{$scenario}`以岗位`{$role}`的身份练习，但没有定义这个岗位
check-unknown-step-of-beat = 环节`{$beat}`练习步骤`{$step}`，但没有定义这个步骤
check-unknown-next-beat = 环节`{$beat}`的下一个环节是`{$target}`，但情景`{$scenario}`中没有这个环节
check-unknown-role-of-choice = 环节`{$beat}`的一个选项升级给`{$role}`，但没有定义这个岗位
check-unknown-action-of-choice = 环节`{$beat}`的一个选项采取操作`{$action}`，但没有定义这项操作

## 无法起作用的规则：invalid-pattern、phrase-too-long、empty-rule；step-without-rules。

check-step-without-rules = 步骤`{$step}`没有适用的规则，因此这一步的回答永远不会判为未通过
check-help-add-rule-at-step = 添加一条写明`at: [{$step}]`的规则，或一条不写`at`、适用于所有步骤的规则

check-pattern-does-not-compile = 规则`{$rule}`的模式`{$pattern}`无法编译：{$reason}
check-help-pattern-syntax = 模式采用正则表达式语法（不支持环视和反向引用）；如需按字面匹配，请改用`phrases`
check-help-simplify-pattern = 请简化这个模式（像`\w{"{"}500{"}"}`这样的大次数重复最容易让它膨胀），或改用`phrases`

# 模式无法编译的原因。`check-regex-other`是正则表达式库的原话。
check-regex-group-unclosed = 有左括号没有闭合
check-regex-group-unopened = 有右括号没有对应的左括号
check-regex-class-unclosed = 字符类的方括号没有闭合
check-regex-class-range-invalid = 字符类的范围无效：起点不能大于终点
check-regex-repetition-missing = 重复符号前面缺少要重复的内容
check-regex-repetition-count-unclosed = 计数重复的花括号没有闭合
check-regex-repetition-count-invalid = 计数重复的范围无效：起点不能大于终点
check-regex-escape-unrecognized = 无法识别的转义序列
check-regex-escape-unexpected-end = 转义序列不完整：模式提前结束了
check-regex-look-around = 不支持环视（包括向前查找和向后查找）
check-regex-backreference = 不支持反向引用
check-regex-unicode-class-invalid = 无效的统一码字符类
check-regex-other = {$reason}

check-phrase-too-long = {$owner ->
    [escalation-rule] 升级规则
    [role] 岗位
   *[rule] 规则
}`{$id}`的短语「{$phrase}」长{$chars}个字符；短语最多{$max}个字符
check-handoff-phrase-too-long = 岗位`{$role}`的转交短语「{$phrase}」长{$chars}个字符；短语最多{$max}个字符
check-phrases-do-not-compile = 服务手册中的短语无法编译：{$reason}
check-help-shorten-phrase = 短语是回答要说或要避免的话：只保留关键的几个词，或拆成几个短语
check-help-shorten-phrases = 每个短语只保留关键的几个词，或把过长的短语拆成几个

check-empty-rule = 规则`{$rule}`没有任何可检查的内容
check-procedure-example-fails = 流程`{$procedure}`的`pass`示例未通过它（{$unmet}）
check-procedure-unmet = 第{$at}条消息处`{$reason}`
check-procedure-example-passes = 流程`{$procedure}`的`fail`示例通过了它
check-help-change-procedure-or-move-to-pass = 请修改流程直到示例违反它，或把示例移到`pass`
check-procedure-example-skipped = 流程`{$procedure}`在这个示例中没有被判断：没有它列出的调用，或它的`when`从不成立
check-help-call-what-the-procedure-names = 让示例在`when`成立时调用流程列出的工具
check-procedure-example-unreadable = 流程`{$procedure}`的一个示例不是对话：{$why}
check-empty-procedure = 流程`{$procedure}`没有任何要判断的内容
check-help-fill-procedure = 请给它`calls`并配上`require`、`only_when`、`at_most`或`then_says`，或者给它`turn`格式，或者删除它
check-unknown-action-of-procedure = 流程`{$procedure}`在`{$action}`处判断，但它既不是操作也不是操作的`tool`，因此被当作工具名
check-help-fill-rule = {$check ->
    [swap] 添加`swap: {"{"}discouraged: preferred{"}"}`
    [length] 添加`max_words`和/或`min_words`
   *[other] 添加`phrases`或`patterns`
}，或删除这条规则

## 升级阶梯与升级规则。

check-no-limit = 不限
check-ladder-below-junior = 岗位`{$senior}`批准`{$action}`的额度为{$limit}，低于下一级岗位`{$junior}`的额度（{$junior_limit}）
check-ladder-may-not-grant = 岗位`{$senior}`完全不能批准`{$action}`，而下一级岗位`{$junior}`可以批准（额度：{$junior_limit}）
check-help-give-at-least = 请给`{$role}`至少{$limit}的额度：升级上来的事件必须交到能够批准的人手里
check-help-give-no-limit = 请同样给`{$role}`不限的额度：升级上来的事件必须交到能够批准的人手里
check-help-add-to-may = 在`{$role}`的`may`中添加`{$entry}`（或更高的额度）

check-escalation-to-front-line = 升级规则`{$escalation}`交给`{$role}`，但它是升级阶梯上的第一个岗位，本来就负责所有事件
check-help-send-higher = 请交给更高一级的岗位，或删除这条规则

# $bounds 由 check-bound-* 组成，单位写在最后一个金额后面。
check-bound-over = 超过{$amount}
check-bound-at-least = 至少{$amount}
check-bound-under = 低于{$amount}
check-bound-at-most = 最多{$amount}
check-bound-and = {$first}且{$second}
check-bound-any = 任意金额
check-escalation-shadows = 升级规则`{$escalation}`把{$bounds}的`{$action}`交给`{$to}`，但`{$role}`自己就可以批准最多{$limit}：这两条规则互相矛盾
check-escalation-shadows-unlimited = 升级规则`{$escalation}`把{$bounds}的`{$action}`交给`{$to}`，但`{$role}`自己就可以批准任意金额：这两条规则互相矛盾
check-help-send-up-only-over = 只把`{$role}`无权批准的金额交上去（`amount: {"{"}over: {$limit}{"}"}`），或降低`{$role}`对`{$action}`的额度
check-help-can-never-apply = `{$role}`可以批准任意金额的`{$action}`，所以这条规则按现在的写法永远不会生效：请删除它，或给额度设上限

## 情景练习的结构。

check-no-best-choice = 环节`{$beat}`的决定中没有标为`best: true`的选项
check-help-mark-best = 把制度要求的那个选项标为`best: true`
check-several-best-choices = 环节`{$beat}`的决定中有{$count}个选项标为`best: true`
check-help-keep-one-best = 最佳选项只能有一个：只在其中一个选项上保留`best: true`
check-unreachable-beat = 从情景`{$scenario}`的第一个环节（`{$first}`）出发，没有任何路径能到达环节`{$beat}`
check-help-name-in-next = 在某个环节的`next`中写上`{$beat}`，或删除它
check-endless-scenario = 情景`{$scenario}`从环节`{$beat}`起永远无法结束：{$count ->
    [1] 从它出发
   *[other] 从环节{$beats}出发
}的每条路径都在兜圈子，到不了没有`next`的环节
check-help-give-an-ending = 让其中一个环节不写`next`（作为结局），或让它的`next`通向一个结局

## 格式校验看不出的问题。

check-playbook-id-not-kebab = 服务手册标识`{$id}`不符合格式：只能是小写字母和数字，以短横线连接
check-help-kebab-case = 请只用小写拉丁字母和数字，以`-`连接，例如`hotel-poolside`
check-not-a-language-tag = `{$tag}`不是有效的语言标记（应符合 BCP 47）
check-help-language-tag = 请写`en`、`de`、`zh-CN`或`ja`这样的标记
check-pass-mark-not-percentage = 及格线{$mark}不是百分数
check-help-number-to-100 = 请写0到100之间的数
check-no-roles = 服务手册至少需要一个岗位
check-help-list-the-ladder = 按升级阶梯列出岗位，一线岗位在前，例如`- {"{"}id: agent, title: Agent{"}"}`
check-no-steps = 服务手册至少需要一个步骤
check-invalid-id = `{$id}`不是有效的标识
check-help-id-shape = 标识由小写的词组成，用`-`或`_`连接，例如`warm-greeting`；不能有空格
check-field-not-for-kind = `{$field}`不适用于`{$check}`规则（规则`{$rule}`）
check-help-fields-of = {$check ->
    [swap] `swap`规则要写`swap: {"{"}discouraged: preferred{"}"}`
    [length] `length`规则要写`max_words`和/或`min_words`
    [echo] `echo`规则要写`min`，即回答至少要提到的关键事实数目
   *[other] `mention`或`avoid`规则要写`phrases`和/或`patterns`
}
check-min-over-max = 规则`{$rule}`要求至少{$min}个字、最多{$max}个字：任何回答都不可能通过
check-weight-not-positive = 权重{$weight}不大于零
check-help-positive-weight = 权重是正数，默认为1
check-empty-phrase = 规则`{$rule}`有一个空短语
check-help-remove-empty-phrase = 请删除它：空短语什么也匹配不到
check-empty-swap = 规则`{$rule}`要替换一个空短语
check-staff-condition-on-text-rule = `{$key}`是针对员工做法的条件，只适用于升级规则（规则`{$rule}`）
check-help-conditions-in-escalation = 文字规则评判的是措辞；针对操作的条件请写在`escalation`中
check-no-beats = 情景`{$scenario}`没有任何环节
check-help-first-beat-starts = 情景至少需要一个环节，从第一个环节开始
check-reply-and-decision = 环节`{$beat}`既是自由回答（`model`、`wrong`），又是决定（`decide`）
check-help-split-beat = 把它拆成两个环节，或去掉决定中的`model`/`wrong`
check-acts-and-escalates = 选项「{$say}」既采取操作又要升级
check-help-act-or-escalate = 一个选项最多只能有`action`和`escalate`中的一个；请拆成两个选项
check-not-one-action = 一个选项只能有一项操作，这里有{$count}项
check-help-action-shape = 请写成`action: {"{"}ACTION: AMOUNT{"}"}`，例如`action: {"{"}replace: 6{"}"}`

## 规则自带的示例。

check-examples-context = 规则`{$rule}`的`examples_context`：{$why}
check-context-unknown-key = 没有情境键`{$key}`；可用的键有`{$keys}`
check-context-unknown-key-did-you-mean = 没有情境键`{$key}`；您是不是想写`{$suggestion}`？可用的键有`{$keys}`
check-context-not-contacts = `{$value}`不是有效的联系次数
check-context-not-whole-number = `{$value}`不是整数
check-context-not-duration = `{$value}`不是时长：请写数字加单位，例如`30s`、`15m`、`2h`或`1d`
check-example-fails-saying = 规则`{$rule}`的`pass`示例没有通过这条规则：其中说了{$said}
check-example-fails-because = 规则`{$rule}`的`pass`示例没有通过这条规则（{$reason}）
check-help-change-rule-or-move-to-fail = 修改规则直到示例通过，或把示例移到`fail`
check-example-passes = 规则`{$rule}`的`fail`示例通过了这条规则
check-help-add-phrase-or-move-to-pass = 把示例中出现的短语或模式加到规则里，或把示例移到`pass`
check-example-skipped = 规则`{$rule}`的一个示例无法评判：在步骤`{$step}`这条规则被跳过了，因为{$why ->
    [echo] 它是`echo`规则，而情境中没有关键事实（请在`examples_context`中写上`key_facts: "a, b"`）
    [when] 在`examples_context`中它的`when`不成立，或有占位符没有值
   *[placeholder] 在`examples_context`中有占位符没有值
}
check-help-give-examples-context = 给规则写一个它适用的`examples_context`，例如`examples_context: {"{"}customer.name: 王女士, facts.at_fault: true, message: "我划伤了手"{"}"}`

## 规则包：uses 和 disable。

check-unknown-pack = `uses`提到规则包`{$pack}`，但没有内置这个规则包
check-help-bundled-packs-are = 内置的规则包有：{$packs}（`ethos list --packs`）
check-pack-does-not-load = 内置规则包`{$pack}`无法加载：{$error}
check-unknown-disabled-rule = `disable`提到`{$id}`，但本服务手册所用的规则包中没有这条规则
check-help-add-to-uses = 把`{$pack}`加到`uses`中，或删除这一项
check-help-disable-takes-full-id = `disable`要写规则包中规则的完整标识`PACK/RULE`，例如`courtesy-en/dismissive`

## 由评判引擎判断的回答；规则之间的矛盾。

check-rule-saying = `{$rule}`（{$says}）
# 中文不分单复数，但各语言的参数必须一致：$count 只有一个选项。
check-model-fails = 情景`{$scenario}`中环节`{$beat}`的示范回答没有通过{$count ->
   *[other] 规则
}：{$rules}
check-help-model-shows-good = 示范回答让学员看到好的回答是什么样子：请修改它直到通过，或修正规则
check-wrong-passes = 情景`{$scenario}`中环节`{$beat}`的一个错误回答通过了步骤`{$step}`的所有规则
check-help-catch-it = 添加一条能发现它的问题的规则，或把它从`wrong`中删除
check-clause-separator = ；
check-policy-problem = {$says}（`{$code}`）
check-decision-contradicts-policy = 环节`{$beat}`的最佳选项（「{$say}」）违背了制度：{$problems}
check-help-policy-decides = 制度的决定是：{$decision}请把这样做的选项标为最佳，或修改制度
check-untested-rule = 没有任何错误回答违反规则`{$rule}`，所以无法证明它能发现它该发现的问题
check-help-add-wrong-reply = 在这条规则适用的环节中添加一个违反它的`wrong`回答
check-help-add-wrong-reply-at = 在步骤{$steps}中这条规则适用的环节里，添加一个违反它的`wrong`回答
check-unbound-placeholder = 规则`{$rule}`使用了占位符`{"{"}{$key}{"}"}`，但没有任何内容能填充它
check-help-did-you-mean-placeholder = 您是不是想写`{"{"}{$key}{"}"}`？
check-help-placeholders-are = 可用的占位符有`{"{"}customer.name{"}"}`、`{"{"}customer.mood{"}"}`、`{"{"}customer.tier{"}"}`和`{"{"}facts.KEY{"}"}`
check-rule-contradiction = 规则`{$avoid}`禁止说「{$phrase}」，而规则`{$mention}`在步骤`{$step}`要求说它
check-help-cannot-say-and-avoid = 一个回答不可能既说又不说：请从其中一条规则中删除这个短语，或让两条规则适用于不同的步骤或条件

## 事实：unknown-fact；schema（值与声明的事实不符）。

check-fact-type = {$type ->
    [bool] 真假值（`type: bool`）
    [number] 数字（`type: number`）
   *[text] 文本（`type: text`）
}
check-unknown-fact = {$place ->
    [placeholder] 规则`{$owner}`使用了占位符`{"{"}facts.{$fact}{"}"}`，但没有任何情景设置事实`{$fact}`，`facts:`中也没有声明它
    [per] 岗位`{$owner}`的一项授权按事实`{$fact}`计算（`per`），但没有任何情景设置这个事实，`facts:`中也没有声明它
    [grant] 岗位`{$owner}`的一项授权的条件提到事实`{$fact}`，但没有任何情景设置这个事实，`facts:`中也没有声明它
   *[condition] `{$owner}`的条件提到事实`{$fact}`，但没有任何情景设置这个事实，`facts:`中也没有声明它
}
check-help-declare-fact = 请在`facts:`中声明它，例如`- {"{"} id: {$fact}, type: {$type} {"}"}`，或在某个情景的`facts`中设置它
check-scenario-fact-wrong-type = 情景`{$scenario}`给事实`{$fact}`的值是`{$value}`，但`facts:`声明它是{$type}
check-scenario-fact-not-a-value = 情景`{$scenario}`给事实`{$fact}`的值是`{$value}`，不在它的`values`之中：{$values}
check-condition-fact-wrong-type = `{$owner}`的条件拿事实`{$fact}`和`{$value}`比较，但`facts:`声明它是{$type}，所以这一项永远不会成立
check-condition-fact-not-a-value = `{$owner}`的条件拿事实`{$fact}`和`{$value}`比较，但`{$value}`不在它的`values`（{$values}）之中，所以这一项永远不会成立
check-condition-fact-bounds = `{$owner}`的条件给事实`{$fact}`设了界限，但`facts:`声明它是{$type}：界限只适用于数字
check-fact-values-on-bool = 事实`{$fact}`是真假值：它只能是`true`或`false`，不需要`values`
check-fact-values-empty = 事实`{$fact}`的`values`是空的，没有任何值符合它
check-fact-value-wrong-type = 事实`{$fact}`的`values`中的`{$value}`不是{$type}
check-help-fact-type-wants = {$type ->
    [bool] 请写`true`或`false`
    [number] 请写一个数字，如`3`或`2.5`
   *[text] 请加上引号，使它成为文本：`"{$value}"`
}
check-help-add-to-fact-values = 请使用其中一个值，或把它加进事实`{$fact}`的`values`
check-help-remove-fact-values = 请删除`values`
check-help-list-fact-values = 请列出它可能的值，或删除`values`，以允许该类型的任何值
check-help-bounds-need-number = 请拿`facts.{$fact}`和一个值或一组值比较，或把它声明为`type: number`

## review-overdue

check-date = {$year}年{$month}月{$day}日
check-review-overdue = 本服务手册应在{$date}复审（已过期{$days}天）
check-help-review-with-team = 请与团队一起复审，然后把`review_by`改为下一次复审的日期

## 诊断之外的报告文字。

check-level-error = 错误
check-level-warning = 警告
check-level-info = 信息
check-level-help = 提示
check-counts-none = 没有发现问题
check-counts-errors = 发现{$errors}个错误
check-counts-warnings = 发现{$warnings}个警告
check-counts-both = 发现{$errors}个错误和{$warnings}个警告
check-summary = 检查{$passed ->
    [yes] 通过
   *[no] 未通过
}：共检查{$files}个文件，{$counts}{$denied ->
    [yes] （警告按错误处理）
   *[no] {""}
}
check-summary-short = ethos check：共检查{$files}个文件，{$counts}

## 每个诊断代码的含义（SARIF 规则说明）。

check-code-yaml-syntax = 文件不是有效的 YAML
check-code-schema = 未知字段、类型错误、缺少必填字段、标识无效、时长或日期无效
check-code-duplicate-id = 两个步骤、规则、岗位、操作、价值观、情景或（同一情景中的）环节使用了同一个标识
check-code-unknown-step = 规则的`at`或环节的`step`提到了不存在的步骤
check-code-unknown-role = 升级规则的`to`、情景的`role`、选项的`escalate`或条件的`escalated`提到了不存在的岗位
check-code-unknown-action = `may`、条件的`action`或选项的`action`提到了不存在的操作
check-code-unknown-value = 步骤的`values`提到了不存在的价值观
check-code-unknown-beat = `next`提到了不存在的环节
check-code-invalid-pattern = 模式无法编译（诊断会说明原因）
check-code-phrase-too-long = 短语超过1000个字符
check-code-empty-rule = 规则没有任何可检查的内容（没有短语或模式、没有长度界限、没有替换）
check-code-rule-contradiction = 一条`mention`规则和一条`avoid`规则有相同的短语，并且在同一步骤、同一情境下适用
check-code-unbound-placeholder = 占位符没有任何情景或情境能填充（未知的键）
check-code-ladder-inversion = 较高级的岗位对某项操作的额度比下级岗位还低；只比较同一情形下的授权（`when`和`per`完全相同），因为条件不同的授权可能从不同时成立，所以普通额度仍像第1版一样只与普通额度比较
check-code-escalation-shadows-empowerment = 只看操作和金额的升级规则，把目标岗位以下的某个岗位本来就能批准的金额也交了上去；只与没有`when`（也没有`per`）的授权比较，因为有条件的授权在规则触发时未必成立，两者不一定矛盾
check-code-escalation-to-front-line = 升级规则的目标是第一个岗位
check-code-unreachable-beat = 从第一个环节出发没有路径能到达它
check-code-endless-scenario = 从某个环节出发没有任何路径能结束
check-code-model-fails = 环节的`model`回答没有通过它所在步骤的规则（列出哪些）
check-code-wrong-passes = 环节的`wrong`回答通过了所有规则
check-code-decision-contradicts-policy = 决定中的`best`选项不是制度所要求的做法（列出制度的决定）
check-code-no-best-choice = 决定中标为`best`的选项不是恰好一个
check-code-step-without-rules = 这个步骤没有适用的规则
check-code-untested-rule = 没有任何情景的`wrong`回答违反这条规则，所以无法证明它能发现它该发现的问题
check-code-review-overdue = `review_by`的日期已过
check-code-example-fails = 规则的`pass`示例没有通过这条规则
check-code-example-passes = 规则的`fail`示例通过了这条规则
check-code-example-skipped = 规则的示例无法评判：在它的`examples_context`中这条规则被跳过了（有占位符没有值，或`when`不成立）
check-code-unknown-pack = `uses`提到了不存在的内置规则包
check-code-unknown-disabled-rule = `disable`提到的规则不在本服务手册所用的规则包中
check-code-unknown-fact = 条件、占位符或授权提到的事实既没有在`facts:`中声明，也没有任何情景设置它（多半是拼写错误）

## Conditional grants (a role's `may` entry as a list): ladder-inversion between
## grants of the same case, unreachable-grant.

check-code-unreachable-grant = 岗位授权列表中的某条授权永远用不上：列表中排在它前面的某条授权在它成立时总是成立（前面那条没有`when`和`per`，或者它的条件可由这条的条件推出）
check-grant-case-when = 条件：{$condition}
check-grant-case-per = 按`facts.{$per}`计
check-grant-case-when-per = 条件：{$condition}；按`facts.{$per}`计
check-ladder-grant-below-junior = 岗位`{$senior}`对`{$action}`的第{$index}条授权（{$case}）额度为{$limit}，低于下一级岗位`{$junior}`在同一情形下的额度（{$junior_limit}）
check-unreachable-grant = 岗位`{$role}`对`{$action}`的第{$index}条授权永远用不上：排在它前面的第{$earlier}条授权（{$case}）在它成立时总是成立，而生效的是第一条成立的授权
check-unreachable-grant-always = 岗位`{$role}`对`{$action}`的第{$index}条授权永远用不上：排在它前面的第{$earlier}条授权在任何情形下都成立，而生效的是第一条成立的授权
check-help-move-grant-before = 请把它移到`{$role}`对`{$action}`的第{$earlier}条授权之前，或者删除它
