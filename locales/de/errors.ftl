# errors: the tool's own messages (files, flags, YAML shape)
