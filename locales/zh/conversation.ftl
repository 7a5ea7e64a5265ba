# conversation：对话文件中某行为何不评判，以及仍评判的对话有什么问题。
# 字段路径（`messages[3].content`）保持原样。

## 字段的内容与应有的类型

conversation-found = {$found ->
    [null] 空值（null）
    [bool] 布尔值
    [number] 数字
    [text] 文本
    [list] 列表
   *[object] 对象
}
conversation-expected = {$expected ->
    [text] 文本
    [text-or-number] 文本或整数
    [text-or-parts] 文本，或文本片段的列表
    [text-or-object] 对象或 JSON 文本
    [bool] 布尔值（true 或 false）
    [count] 不小于 0 的整数
    [object] 对象
    [list] 列表
    [scalar] 文本、数字或 true/false
    [timestamp] 带时区偏移的 RFC 3339 时间，例如 2026-11-02T10:00:00Z
    [duration] 时长，例如 15m 或 1h30m
   *[author-kind] `human`或`bot`
}

## 错误：这一行不评判

conversation-not-json = 这一行不是 JSON：第 {$column} 列有意外的内容
conversation-not-json-ends-early = 这一行的 JSON 没有结束（第 {$column} 列）；是不是被截断了？
conversation-too-deep = JSON 嵌套超过 128 层（第 {$column} 列）
conversation-not-utf8 = 这一行不是 UTF-8 编码（第 {$column} 列）；请将文件保存为 UTF-8
conversation-too-long = 这一行有 {$bytes} 字节，超过了 {$max} 字节的上限
conversation-not-an-object = 每行应是一个对话，即一个 JSON 对象；这里是{$found}
conversation-no-messages = 这一行没有`messages`：对话是带有`messages`列表的对象
conversation-messages-not-a-list = `messages`是{$found}，应为消息的列表
conversation-message-not-an-object = `{$field}`是{$found}，应为消息，即一个对象
conversation-no-role = `{$field}`没有`role`：它应为`system`、`user`、`assistant`或`tool`
conversation-unknown-role = `{$field}`的`role`未知：`{$role}`；它应为`system`、`user`、`assistant`或`tool`
conversation-unknown-role-did-you-mean = `{$field}`的`role`未知：`{$role}`；您是不是想写`{$closest}`？
conversation-wrong-type = `{$field}`是{$found}，应为{$expected}
conversation-bad-value = `{$field}`是`{$value}`，应为{$expected}
conversation-missing-field = 缺少`{$field}`

## 警告：对话照常评判

# 一次工具调用：`messages[3].tool_calls[0]`，有 id 时附上 id。
conversation-call = `{$call}`
conversation-call-with-id = `{$call}`（id `{$id}`）
conversation-bad-arguments = {$call}：参数不是 JSON（第 {$column} 列）；评判这次调用时不计参数
conversation-arguments-too-long = {$call}：参数有 {$bytes} 字节，超过了 {$max}；评判这次调用时不计参数
conversation-unknown-tool-call = `{$field}`回应的工具调用`{$id}`不是之前任何消息发起的
conversation-time-goes-back = `{$field}`的时间 {$at} 早于`{$earlier}`的 {$then}；跨越它测得的时长不可靠
conversation-truncated = `{$field}`有 {$bytes} 字节的文本，超过了 {$max}；只评判前 {$kept} 字节
