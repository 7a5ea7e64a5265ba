# tool: what the commands say about their own work (files written, flags, inputs)
