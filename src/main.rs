// Loading a playbook and judging its examples allocate many small strings and
// nodes; mimalloc takes a quarter off `check` of a large playbook (README,
// Performance) against the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    ethos::run(std::env::args_os())
}
