# tool：各命令说明自己的工作（写了哪些文件、参数、输入）
# 标识、参数、路径和要输入的命令保持原样，代码用反引号。
# 术语：服务手册（playbook）、回复、行、列、标签（label）、练习（drill）、记录（transcript）。

## 消息前缀

tool-error = 错误：{$message}
tool-warning = 警告：{$message}

## 参数、文件和标准输入

tool-percent-expected = 需要 0 到 100 之间的百分比，例如`90`，但收到的是`{$found}`
tool-cannot-read = 无法读取 {$path}：{$why}
tool-cannot-read-stdin = 无法从标准输入读取{$what ->
    [labels] 标签
    [reply] 回复
   *[replies] 回复
}：{$why}
tool-cannot-create = 无法创建 {$path}：{$why}
tool-cannot-write-file = 无法写入 {$path}：{$why}
tool-cannot-write = 无法写入输出：{$why}
tool-cannot-start-thread = 无法启动评判线程：{$why}
tool-standard-input = 标准输入
tool-at-line-of = {$file}:{$line}：{$why}

## 命令无法使用的服务手册

tool-engine-failed = {$playbook}：{$why}；请对它运行`ethos check`
tool-refused = {$file}有{$count}个`ethos check`报告的错误，因此无法使用；请运行`ethos check {$name}`查看{$count ->
    [one] 该错误
   *[other] 全部错误
}：
tool-refused-error = {$file}:{$line}:{$column}: {$message} [{$code}]
tool-refused-error-help = {$file}:{$line}:{$column}: {$message}（{$help}）[{$code}]
tool-refused-more = ……另有{$count}个
tool-no-such-id = 本服务手册没有{$kind ->
    [value] 价值观
    [role] 岗位
    [action] 操作
    [step] 步骤
    [rule] 规则
    [escalation-rule] 升级规则
    [scenario] 情景
   *[beat] 环节
}`{$id}`：{$help}

## calibrate

tool-calibrate-no-labels = 没有可以比较的标签；LABELS 的每一行都是一行评判输入，外加 "human": "pass" 或 "fail"
tool-calibrate-unusable = 有{$count}行标签无法使用；统计只基于其余{$used}行

## drill

tool-drill-no-scenarios = {$playbook}没有可以练习的情景：请在`scenarios:`下添加一个
tool-drill-cannot-read-answers = 无法从 {$path} 读取答案：{$why}
tool-drill-saved = 练习记录已保存到 {$path}
tool-drill-kept = {$how ->
    [interrupted] 已中断
   *[stopped] 已停止
}：目前已回答的轮次保存在 {$path}
tool-drill-interrupted-unsaved = 已中断：{$why}

## grade

tool-grade-ungraded = 有{$count}行无法评判；其余{$graded}行已评判
tool-grade-ungraded-line = 第{$line}行：{$why}
tool-grade-more-ungraded = ……（每一行都在输出中以带 "error" 的一行给出）

## 评判或校准输入中某一行无法评判的原因

tool-line-not-utf8 = 这一行不是 UTF-8 编码；请把文件保存为 UTF-8
tool-line-not-an-object = 每行应是一个 JSON 对象，但这里是{$found ->
    [array] 数组
    [text] 字符串
    [bool] true 或 false
    [null] null
   *[number] 数字
}
tool-line-not-json = 不是 JSON 对象：{$detail}
tool-line-unknown-field = 未知的字段`{$field}`，可用的字段有 {$expected}（第{$line}行第{$column}列）
tool-line-unknown-field-did-you-mean = {$why}；您是不是想写`{$field}`？
tool-line-bad-field = 字段格式不对：{$detail}
tool-line-too-long = 这一行有 {$bytes} 字节，超过了 --max-line-bytes（{$max}）；请拆分回复或调大 --max-line-bytes
tool-line-beat-without-scenario = 这一行给出了环节`{$beat}`却没有`scenario`；环节要在所属情景中指明
tool-line-no-step = 这一行没有`step`
tool-line-no-step-or-beat = 这一行没有`step`；请给出`step`，或回复所针对的`beat`
tool-line-no-text = 这一行没有`text`
tool-line-unknown = 未知的{$kind ->
    [value] 价值观
    [role] 岗位
    [action] 操作
    [step] 步骤
    [rule] 规则
    [escalation-rule] 升级规则
    [scenario] 情景
   *[beat] 环节
}`{$id}`：{$help}
tool-line-unknown-escalated = `escalated`给出的岗位`{$id}`未定义：{$help}
tool-line-unknown-escalate-to = 要升级到的岗位`{$id}`未定义：{$help}
tool-line-no-such-beat = 情景`{$scenario}`没有环节`{$beat}`：{$help}
tool-line-context-not-a-value = 上下文`{$key}`：不是单个值
tool-line-context-value = 上下文`{$key}`：{$why}
tool-label-not-a-label = `human`的值是`{$found}`；标签只能是 "pass" 或 "fail"
tool-label-none = 这一行没有`human`标签；请添加 "human": "pass" 或 "human": "fail"

## CSV 输入

tool-csv-header = CSV 输入第 1 行：{$why}
tool-csv-unknown-columns = CSV 表头中有{$count}个 ethos 不认识的列：{$columns}；可用的列有 id、step、text、role、escalate、actions 以及上下文键（{$keys}）；请改名，或加上 --ignore-columns 跳过
tool-csv-column-unnamed = （第{$column}列，没有名称）
tool-csv-name-not-utf8 = 第{$column}列的名称不是 UTF-8 编码；请把文件保存为 UTF-8
tool-csv-twice = 列`{$name}`出现了两次；请只保留一个
tool-csv-missing = 表头中没有`{$column}`列；第一行给出各列名称，例如`id,step,text`
tool-csv-field-count = 这一行有{$fields}个字段，但表头有{$columns}列；含逗号的字段请用双引号括起来
tool-csv-cell-not-utf8 = 字段`{$column}`不是 UTF-8 编码；请把文件保存为 UTF-8
tool-csv-action-amount = `actions`中`{$id}`的金额`{$amount}`不是数字；请写成例如`{$id}=50`
tool-csv-unclosed-quote = 从第{$line}行开始的带引号字段没有结束；请用`"`结束它，字段中的引号写成`""`
tool-csv-quoted-too-long = 从第{$line}行开始的带引号字段超过了 --max-line-bytes（{$max} 字节）；是不是缺了结束引号？
tool-csv-row-too-long = 这一行超过了 --max-line-bytes（{$max} 字节）；请拆分回复或调大 --max-line-bytes

## init

tool-init-no-such-bundled = 没有名为`{$id}`的内置服务手册；内置的有 {$ids}（`ethos list`可列出）
tool-init-exists = {$path} 已存在；ethos init 从不覆盖文件：请换一个路径，例如`ethos init my-playbook.yaml`
tool-init-wrote = 已写入 {$path}。请编辑它，然后运行`ethos check {$path}`。
    要在输入时获得补全和检查，请把结构定义保存在它旁边：`ethos schema > {$schema}`

## list

tool-list-bundled-broken = 内置服务手册 {$id} 无法加载：{$why}
tool-list-pack-broken = 内置规则包 {$id} 无法加载

## render

tool-render-out-is-file = {$path} 是文件，不是文件夹：请给 --out 一个用于写入的文件夹
tool-render-wrote = 已写入 {$files}
tool-written-file = {$path}（{$what}）
tool-size-bytes = {$bytes} B
tool-size-kb = {$kb} KB
tool-size-cards = {$count} 张卡片

## report

tool-report-not-a-folder = {$path}：不是文件夹；请给出练习记录所在的文件夹（`ethos drill --record DIR`）
tool-report-skipped = {$path}：已跳过，{$why}
tool-report-no-transcripts = {$path}：这里没有练习记录；请用`ethos drill --record {$path}`记录

## validate

tool-validate-no-reply-on-stdin = 标准输入中没有回复；请把回复通过管道输入，或作为参数给出
tool-validate-reply-not-utf8 = 标准输入中的回复不是 UTF-8 编码
tool-validate-no-reply = 请把要评判的回复作为参数给出，或用`-`从标准输入读取
tool-validate-no-step = 请用 --step 说明回复属于哪个步骤（步骤有 {$steps}），或给出 --scenario 和 --beat
tool-validate-set-form = `--set {$setting}`应写成 KEY=VALUE 的形式，例如 --set customer.name=Dana
tool-validate-set-invalid = `--set {$setting}`：{$why}
tool-validate-set-escalated = `--set escalated={$role}`：本服务手册没有岗位`{$role}`：{$help}
tool-validate-set-fact-wrong-type = `--set {$setting}`：`facts:`声明事实`{$fact}`是{$type}，而`{$value}`不是
tool-validate-set-fact-not-a-value = `--set {$setting}`：`{$value}`不在事实`{$fact}`的`values`之中：{$values}
tool-validate-action-invalid = `--action {$given}`：{$why}；请写成例如 --action {$id}=50

## `ethos import`：导入时无法读取的内容。

import-run = 第{$number}条运行
import-run-id = 第{$number}条运行（{$id}）
import-not-an-object = {$run}不是JSON对象：已跳过
import-no-traj = {$run}没有`traj`消息列表：已跳过
import-bad-arguments = {$run}，第{$at}条消息：`{$tool}`的参数不是JSON，因此不读取这次调用的事实（调用按原样保留）
import-unknown-tool-result = {$run}，第{$at}条消息：导入程序不认识的工具`{$tool}`的结果：已保留，不从中读取任何内容
import-unanswered-result = {$run}，第{$at}条消息：这条工具结果不对应任何之前的调用：已保留，不从中读取任何内容
import-file-not-json = {$path}不是JSON：{$why}
import-file-not-an-array = {$path}不是τ-bench结果文件：应为运行记录的JSON数组
import-db-error = 无法读取预订数据库{$file}：{$why}
import-done = 已导入{$runs}条运行，跳过{$skipped}条
