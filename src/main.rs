fn main() -> std::process::ExitCode {
    ethos::run(std::env::args_os())
}
