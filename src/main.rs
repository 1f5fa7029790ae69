//! The `gazette` binary: everything happens in the library's `cli` module.

fn main() -> std::process::ExitCode {
    gazette::trace::start();
    gazette::cli::main()
}
