//! The words of load errors: a playbook, a pack or a template that cannot be
//! read, and what to do about it (`locales/*/errors.ftl`).
