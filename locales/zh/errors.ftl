# errors: why a playbook, rule pack or template cannot be read, and what to do
# 反引号里的 id、键名和要写的 YAML 原样保留：它们属于作者，或是代码。

## 整个文件。

errors-empty = 文件是空的：服务手册以`playbook: ID`开头
errors-too-large = 文件有{$size} MB，超过了服务手册上限{$max} MB：请拆成几个服务手册
errors-too-deep = 文件嵌套超过{$max}层，任何服务手册都不需要这么深：请检查缩进
errors-alias-bomb = 文件中的YAML别名展开后超出了服务手册能容纳的量（别名炸弹？）：请把值直接写出来
errors-several-documents = 文件包含不止一个YAML文档（`---`）：每个文件只放一个服务手册
errors-too-many-nodes = 文件展开后超过{$max}个YAML节点（因别名或文件本身过大），远超服务手册所需：为免耗尽内存，拒绝读取
errors-not-utf8 = 文件不是UTF-8文本（此处字节为{$byte}）：请将服务手册另存为UTF-8

## YAML 语法。`errors-yaml` 是 YAML 解析器自己的话（英文）。

errors-yaml = YAML无法解析：{$text}
errors-tab-indent = 这一行用制表符缩进，YAML不允许：请用空格缩进
errors-tab-in-text = 这里有一个制表符，而YAML此处需要空格：请改用空格，或给文本加引号
errors-full-width-colon = 全角冒号`：`在YAML中不能结束键名：请写`:`再加一个空格
errors-full-width-comma = 全角逗号`，`在YAML中不能分隔条目：请写`,`再加一个空格
errors-indented-more = 这一行比上一行（第{$above}行）缩进更多：同一条目的键请使用相同缩进
errors-indented-less = 这一行比上一行（第{$above}行）缩进更少，却对不上任何它可能所属的键：同一条目的键请使用相同缩进

## 服务手册的结构。

errors-unknown-field = 未知字段`{$field}`，应为{$expected}
errors-unknown-field-of-none = 未知字段`{$field}`，这里没有任何字段
errors-unknown-variant = 未知取值`{$variant}`，应为{$expected}
errors-unknown-variant-of-none = 未知取值`{$variant}`，这里没有可选取值
errors-expected-name = `{$name}`
errors-expected-two-names = `{$a}`或`{$b}`
errors-expected-names = {$names}之一
errors-unknown-condition = 未知条件`{$key}`，应为以下之一：{$keys}
errors-empty-any = `any`中没有任何条件：请至少写一个条件，或删去`any`
errors-empty-grants = 授权列表是空的：请至少写一项含`when`和`up_to`的授权，或从`may`中删去该操作
errors-per-not-a-fact = `per`是「{$found}」，不是事实：请写`facts.KEY`，如`facts.passengers`
errors-bound-not-a-number = `facts.{$fact}`的界限`{$bound}`是「{$found}」，不是数字：请写一个数字，如`3`或`2.5`
errors-unknown-branch = 未知字段`{$key}`，应为`pass`和`fail`
errors-missing-field = 缺少字段`{$field}`
errors-missing-field-in = `{$entry}`缺少字段`{$field}`
errors-duplicate-key = 重复的键`{$key}`：这个条目已经有一个了，只保留其中一个
errors-expected = 此处应为{$shape}，实际是{$found}

## 值应是什么（接在「应为」之后）。

errors-shape-text = 文本
errors-shape-list = 列表，如`[a, b]`或以`- `开头的若干行
errors-shape-mapping = 由`key: value`条目组成的映射
errors-shape-bool = 布尔值`true`或`false`
errors-shape-nothing = 空值
errors-shape-number = 数字
errors-shape-amount-in = 以{$unit}计的金额
errors-shape-amount = 金额（一个数字）
errors-shape-whole-number = 整数
errors-shape-whole-number-not-negative = 0或以上的整数
errors-shape-contacts = 整数（联系次数）
errors-shape-words = 整数（字数）
errors-shape-key-facts = 整数（关键事实数）
errors-shape-one-of = 以下之一：{$names}
errors-shape-duration = 时长，如30s、15m、2h或1d
errors-shape-limit = 金额（0或以上的数字），或表示不设上限的`yes`
errors-shape-grants = 上限（0或以上的数字，或`yes`），或由含`when`、`up_to`、`per`的授权组成的列表
errors-shape-scalar = 单个值（文本、数字、true或false）
errors-shape-map = 映射
errors-shape-texts = 一段文本或文本列表
errors-shape-says = 一段文本、文本列表，或{"{"}phrases, negation{"}"}
errors-shape-conditions = 条件映射（{$keys}）
errors-shape-next = 环节标识或`{"{"}pass: BEAT, fail: BEAT{"}"}`
errors-shape-value = 一个值

## 值实际是什么（接在「实际是」之后）。

errors-found-nothing = 空值
errors-found-list = 列表
errors-found-mapping = 映射（`key: value`）
errors-found-value = `{$text}`

## 类型对但取值不对的值。

errors-not-a-date = `{$text}`不是日期：请写成YYYY-MM-DD，例如2027-05-01
errors-not-a-duration = `{$text}`不是时长：请写数字加单位，例如30s、15m、2h或1d
errors-duration-without-unit = `{$number}`没有单位：请写{$number}s、{$number}m、{$number}h或{$number}d
errors-negative-duration = `{$number}`不是时长：请写成例如15m
errors-limit-no = `no`不是上限：请写0，或把这项操作从`may`中去掉
errors-negative-limit = 上限不能为负数（`{$amount}`）
errors-not-a-limit = `{$number}`不是上限：请写0或以上的金额，或`yes`
errors-not-a-limit-text = `{$text}`不是上限：请写金额（如50），或表示不设上限的`yes`
errors-too-large-number = `{$number}`太大了
errors-not-a-number = `{$text}`不是数字
errors-negative-amount = 金额必须为0或以上，而不是{$amount}

## 怎么改。

errors-help-replace-tab = 把制表符换成空格；大多数编辑器都可以设置为按Tab键时插入空格
errors-help-number-alone = 只写数字，例如`40`：单位是该操作的`unit`
errors-help-quote-full-width = 如果这个全角符号是文本的一部分，请给文本加引号
errors-help-quote-colon = 文本中的`: `会开始一个新键：请给文本加引号
errors-help-quote-comma = `{"{"} {"}"}`或`[ ]`中的逗号会开始一个新条目：含逗号的文本请加引号
errors-help-add-field = 请在这个条目中加上`{$field}:`；它是必填的
errors-help-did-you-mean = 您是不是想写`{$name}`？
errors-help-write-one-of = 请写以下之一：{$names}

## 读不了的文件，以及没有可检查内容的路径。

errors-not-found = {$path}：没有这个文件或目录
errors-cannot-read = {$path}：无法读取：{$why}
errors-directory = {$path}：这是一个目录，不是服务手册文件：请给出.yaml文件的路径
errors-not-a-regular-file = {$path}：不是普通文件（而是管道、套接字或设备）：请把服务手册保存为文件，再给出它的路径
errors-unknown-playbook-did-you-mean = `{$name}`既不是文件，也不是内置服务手册：您是不是想写`{$id}`？（`ethos list`会列出内置服务手册）
errors-unknown-playbook = `{$name}`既不是文件，也不是内置服务手册：内置服务手册有{$ids}
errors-here-unreadable = 无法读取当前目录：{$why}
errors-none-here = 这里没有服务手册：没有./playbooks文件夹，当前目录中也没有*.yaml或*.yml文件；请给出路径，用`ethos init`写一个，或用`ethos check --bundled`检查内置服务手册
errors-none-in = {$dir}：这个目录中没有服务手册（*.yaml、*.yml）；请给出服务手册文件或其他目录

## 模板（`ethos render --templates`）。

errors-template-bundled = {$file}（内置）
errors-template = 模板{$template}：{$why}
errors-template-at-line = 模板{$template}，第{$line}行：{$why}
errors-template-at-column = 模板{$template}，第{$line}行第{$column}列：{$why}
errors-template-not-handlebars = 这不是有效的Handlebars：请检查每个`{"{{"}`都有对应的`{"}}"}`，每个`{"{{"}#block{"}}"}`都有对应的`{"{{"}/block{"}}"}`
errors-template-no-field = 这里没有字段`{$field}`（README的「Rendering」一节列出了所有字段）
errors-template-no-field-did-you-mean = 这里没有字段`{$field}`；您是不是想写`{$best}`？（README的「Rendering」一节列出了所有字段）
errors-template-no-partial = 没有名为`{$name}`的局部模板；局部模板有{$partials}
errors-template-unused = {$file}：没有替换任何模板，因此不会被使用；模板有{$templates}
errors-template-unused-did-you-mean = {$file}：没有替换任何模板，因此不会被使用；您是不是想写`{$best}`？
errors-templates-unreadable = 无法读取{$path}中的模板：{$why}
errors-template-not-utf8 = {$path}：不是UTF-8文本；请将模板另存为UTF-8
errors-pattern-does-not-compile = 服务手册中有无法编译的模式（{$why}）；运行`ethos check`查看所有问题
errors-folder-in-the-way = 那里已有同名的文件夹
