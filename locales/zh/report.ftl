# 报告类命令给人看的文字：评判一条回复（validate 与练习中的反馈）、
# grade --summary、calibrate、report、show 和 list。

## 结果与得分

report-pass = 通过
report-fail = 未通过
report-verdict-score = {$verdict}（得分{$score}）
report-verdict-policy = {$verdict}：回复中的做法违反制度（措辞得分{$score}）

## 表格中的格式用语

report-check-mention = 须提及
report-check-avoid = 须避免
report-check-swap = 换词
report-check-length = 长度
report-check-echo = 复述
# 制度问题的种类。
report-code-missed-escalation = 应升级而未升级
report-code-over-limit = 超出额度
report-code-forbidden-action = 禁止的操作
report-code-unneeded-escalation = 不必要的升级
report-code-late-escalation = 升级过迟
report-code-escalation-not-shown = 未表明升级
report-severity-error = 错误
report-severity-warning = 警告
report-severity-info = 提示
report-status-pass = 通过
report-status-fail-error = 未通过
report-status-fail-warning = 未达到
report-status-skipped = 跳过

## 评判一条回复（ethos validate）

report-col-rule = 规则
report-col-check = 检查方式
report-col-severity = 严重程度
report-col-status = 结果
report-col-says = 说明
report-found = 问题词句：{$spans}
report-negated = 被否定（不计）：{$spans}
report-negated-mark = {$rule}（被否定）
report-suggestions = 建议：
report-suggestion = {$suggestion}（{$rule}）
report-policy = 制度
report-detail = （{$detail}）
report-policy-head = {$code}（{$facts}）
report-policy-fact-separator = ；
report-policy-fact-to = 交给{$role}
report-policy-fact-action = {$action} {$amount}
report-policy-fact-because = {$count ->
   *[other] 升级规则
}{$rules}

## ethos grade --summary

report-grade-headline = 共评判{$replies}条回复：{$passed}条通过（{$rate}%），平均得分{$mean}
report-grade-errors = ；{$errors}行无法评判
# The progress bar of a grade on a terminal: replies graded and how fast.
report-grade-progress = {$replies}条回复（每秒{$rate}条）
report-by-step = 按步骤
report-by-rule = 按规则
report-policy-findings = 制度问题
report-lowest-scores = 得分最低的回复
report-col-step = 步骤
report-col-replies = 回复数
report-col-pass-rate = 通过率（%）
report-col-mean-score = 平均得分
report-col-applied = 适用次数
report-col-failed = 未通过次数
report-col-finding = 问题
report-col-id = 编号
report-col-line = 行
report-col-score = 得分

## ethos calibrate

report-calibrate-headline = 共{$labels}条人工标注：ethos与其中{$agreed}条一致（{$agreement}%）；科恩卡帕系数{$kappa}
report-calibrate-no-labels = 没有人工标注：一致率无从计算；科恩卡帕系数无从计算
report-not-available = 无
report-ethos-pass = ethos判为通过
report-ethos-fail = ethos判为未通过
report-human-pass = 人工判为通过
report-human-fail = 人工判为未通过
report-col-failed-human-passed = 人工通过而未通过
report-col-passed-human-failed = 人工未通过而通过
report-col-policy-finding = 制度问题
report-col-found = 发现次数
report-col-found-human-passed = 其中人工判为通过
report-no-disagreements = 没有分歧。
report-disagreements = 分歧（{$count}条）
report-disagreement-id = {$at}（编号{$id}）
report-disagreement = {$at}，步骤{$step}：人工判为{$human}，ethos判为{$tool}（得分{$score}）
report-disagreement-reply = 回复：{$text}
report-disagreement-note = 备注：{$note}
report-disagreement-none-failed = ethos：没有规则未通过
report-disagreement-passed = ethos：没有规则未通过（通过的规则：{$rules}）
report-disagreement-failed = 未通过{$rule}（{$severity}）：{$message}
report-disagreement-failed-spans = 未通过{$rule}（{$severity}），问题词句{$spans}：{$message}
report-disagreement-policy = 制度问题{$code}（{$severity}）：{$message}

## ethos report：练习记录

report-col-trainee = 学员
report-col-playbook = 服务手册
report-col-scenario = 情景
report-col-mode = 方式
report-col-attempts = 次数
report-col-finished = 完成次数
report-col-best = 最高分
report-col-last = 最近得分
report-col-passed = 是否通过
report-col-date = 日期
report-mode-exam = 考核
report-mode-practice = 练习
report-not-a-transcript = 不是练习记录（{$error}）
report-transcript-format = 记录格式{$format}不是{$expected}

## ethos show：以表格查看服务手册

report-show-title = {$title}（{$company}，{$language}）
report-show-owner = 负责部门：{$owner}
report-show-review-by = 复审日期：{$date}
report-show-pass-mark = 及格线：{$mark}%
report-show-steps = 服务步骤
report-show-rules = 规则
report-show-matrix = 各岗位可自行决定的额度（一线在前）
report-show-escalation = 升级规则
report-col-number = 序号
report-col-title = 名称
report-col-goal = 目标
report-col-values = 价值观
report-col-at = 适用步骤
report-col-when = 条件
report-col-role = 岗位
report-col-goes-to = 交给
report-col-within = 时限
report-col-why = 原因
report-col-beat = 环节
report-col-customer-says = 客人说
report-col-trainee-does = 学员要做的
report-col-next = 接下来
report-show-every-step = 每个步骤

## `show` 表格中的条件（`when`）。

report-when-always = 始终
report-when-and = ，且
report-when-or = 或
report-when-between = 在{$min}到{$max}之间
report-when-at-least = 至少{$min}
report-when-at-most = 至多{$max}
report-when-any = 任意
report-when-says = 客人提到{$phrases}
report-when-contacts = 联系次数{$bounds}
report-when-waiting = 客人已等待{$bounds}
report-when-mood = 客人的情绪是{$moods}
report-when-tier = 客人的等级是{$tiers}
report-when-fact = {$key}为{$value}
report-when-fact-one-of = {$key}为{$values}
report-when-fact-range = {$key}{$bounds}
report-when-any-of = 满足其一：{$conditions}
report-when-not = 并非{$condition}
report-when-group = （{$condition}）
report-when-escalated = 案件已交给{$role}或更高级别的角色
report-when-action = 操作是{$action}
report-when-amount = 金额{$bounds}
report-when-over = 超过{$amount}
report-when-amount-at-least = 至少{$amount}
report-when-under = 低于{$amount}
report-when-amount-at-most = 至多{$amount}
report-when-any-amount = 不限
report-show-action-unit = {$action}（{$unit}）
report-show-role = {$role}（{$title}）
report-show-no-limit = 不限
report-show-up-to = 最多{$limit}
report-show-scenario = 情景{$id}：{$title}（扮演{$role}；客人：{$customer}）
report-show-decides = 做决定（{$choices}个选项）——最佳：{$best}
report-show-replies = 回复（找出{$wrong}个错误回答）
report-show-the-end = 结束
report-show-branch = 通过 → {$pass}
    未通过 → {$fail}

## ethos list

report-col-company = 公司
report-col-language = 语言
report-col-steps = 步骤数
report-col-rules = 规则数
report-col-scenarios = 情景数
report-list-hint = 试试看：ethos show 编号 · ethos drill 编号 · ethos init --from 编号
report-list-packs-hint = 在服务手册中加入规则包：`uses: [编号]`；停用其中一条规则：`disable: [编号/规则]`

## `ethos show`'s matrix with conditional grants: one line per grant, in the
## order they are tried, each condition a footnote below the table.
report-show-grant-per = {$limit} × {$per}
report-show-otherwise = 否则，{$grant}
report-show-grant-note = {$mark}当{$condition}时

## 对话评分
report-conversations-summary = {$conversations}段对话中有{$passed}段通过（{$rate}%）；平均分{$score}。
report-conversations-escalation = 按手册有{$required}%的对话需要升级；实际升级的有{$escalated}%。
report-conversations-first-reply = 首次回复时间中位数：{$time}。
report-conversations-handling = 处理时长中位数：{$time}。
report-conversations-failures = 未通过（次数，对话数）：
report-conversations-failure = {"  "}{$id}（{$kind}）：{$failed}次，涉及{$conversations}段对话
report-conversations-ungraded = 有{$count}行无法评判（已评判{$judged}段对话）。
report-conversations-ungraded-line = 第{$line}行：{$why}

## 对话记录（validate --conversation）
report-speaker-system = 系统
report-speaker-user = 客人
report-speaker-agent = 客服，第{$turn}轮
report-speaker-agent-calls = 客服
report-speaker-internal = 客服，内部备注
report-speaker-tool = 工具结果
report-system-elided = （给客服的指示，不评判）
report-tool-call-with = → 调用`{$tool}`，参数{$arguments}
report-tool-call = → 调用`{$tool}`
report-conversation-rule = {$rule}（第{$turn}轮）：{$says}
report-conversation-procedure = {$procedure}（{$reason}，于`{$tool}`）：{$says}
report-conversation-policy = {$code}：{$says}
report-conversation-verdict = {$verdict}：得分{$score}，客服共{$turns}轮
report-reason-not-confirmed = 调用前客人的最后一条消息没有明确同意。
report-reason-not-asked = 调用前客人从未提出这个要求。
report-reason-not-said = 调用前客服没有说明必须说明的内容。
report-reason-not-done-first = 必须先调用的工具没有先调用。
report-reason-done-before = 不应先调用的工具已经调用过。
report-reason-not-allowed = 此情况下不允许这样调用。
report-reason-too-many = 一段对话中的调用次数超过了规定。
report-reason-not-said-after = 调用后客服的下一轮没有说明必须说明的内容。
report-reason-turn-shape = 这条消息不符合每条客服消息应有的形式。
report-conversation-not-found = { $file }中没有id为{ $id }的对话。
report-conversation-empty = { $file }中没有对话。
report-reason-and-message = {$why}{$message}
report-kind-rule = 规则
report-kind-procedure = 流程
report-kind-policy = 政策
