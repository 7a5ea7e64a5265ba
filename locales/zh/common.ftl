# 各层通用的词：标点、列举、带单位的数额、时长。

punct-colon = ：
punct-quoted = 「{$text}」
punct-full-stop = 。
punct-open-paren = （
punct-close-paren = ）

list-separator = 、
list-or = {$head}或{$last}
list-and = {$head}和{$last}

amount-with-unit = {$amount} {$unit}

duration-seconds = {$count}秒
duration-minutes = {$count}分钟
duration-hours = {$count}小时
duration-days = {$count}天

yes = 是
no = 否
