# errors: why a playbook, rule pack or template cannot be read, and what to do
