# 练习（ethos drill）中学员看到的文字。

## 选择情景

drill-pick-scenario = 选择一个情景（↑/↓，回车确认）
drill-scenario-prompt = 情景：
drill-menu-item = {$title}——步骤：{$steps} · {$difficulty}（{$beats}个环节，{$decisions}个决定）
drill-difficulty-easy = 简单
drill-difficulty-medium = 中等
drill-difficulty-hard = 较难

## 情景与客人

drill-customer = 客人
drill-mood = 情绪
drill-tier = 等级
drill-you-are = 您的岗位
drill-the-customer = 客人
drill-speaker-mood = {$who}（{$mood}）
drill-step = 步骤：{$title}——{$goal}

## 回复与反馈

drill-your-reply = 您的回复
drill-reply-editor = {$prompt}（输入{$command}可用编辑器书写）
drill-try = 可以这样说
drill-echo-hint = 说出您听到的要点，比如{$facts}
drill-best-choice = 最佳做法
drill-the-policy = 制度规定
drill-feedback = 反馈
drill-ends-here = 练习到此结束：这个情景最多进行{$turns}个回合。

## 成绩单

drill-scorecard = 成绩单
drill-col-beat = 环节
drill-col-step = 步骤
drill-col-verdict = 结果
drill-col-score = 得分
drill-col-seconds = 用时（秒）
drill-total = 总分{$score}，及格线{$mark}：{$verdict}
drill-passed = 通过
drill-not-passed = 未通过
drill-first-reply = 首次回复用时：{$seconds}秒
drill-average-reply = 平均每次回复用时：{$seconds}秒
drill-solved = 未经升级即解决：{$answer}
drill-turns-taken = 回合数：{$turns}
drill-final-mood = 结束时客人的情绪：{$mood}

## 练习提前结束的原因

drill-stop-interrupted = 已中断
drill-stop-out-of-answers = 回答只有{$answered}行，情景还没有结束：请每个回合写一行
drill-stop-bad-answer = 第{$line}行回答：{$why}
drill-stop-not-a-number = 「{$answer}」不是情景编号（1到{$count}）
drill-stop-no-such-scenario = 没有第{$number}个情景（1到{$count}）
drill-stop-not-a-choice = 「{$answer}」不是选项：请写选项编号（1到{$count}）
drill-stop-not-a-choice-or-action = 「{$answer}」不是选项：请写选项编号（1到{$count}）或操作名（{$actions}）
drill-stop-read = 无法读取回答：{$error}
drill-stop-write = 无法输出：{$error}
