//! The words the commands say about their own work: files written, flags and
//! inputs refused, what was skipped (`locales/*/tool.ftl`).
