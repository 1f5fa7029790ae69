//! Any text as a link: an accepted link is one argument with no character
//! a shell or terminal would act on, and only http, https or mailto.
#![no_main]

use gazette::links::open_command;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(url) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(command) = open_command(url) {
        let args: Vec<_> = command.get_args().collect();
        assert_eq!(args.len(), 1);
        let arg = args[0].to_string_lossy();
        assert!(
            arg.is_ascii()
                && !arg
                    .chars()
                    .any(|c| c.is_ascii_control() || " \"'`\\".contains(c))
        );
        let lower = arg.to_ascii_lowercase();
        assert!(
            ["http://", "https://", "mailto:"]
                .iter()
                .any(|s| lower.starts_with(s)),
            "{arg}"
        );
    }
});
