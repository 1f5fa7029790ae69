//! Common English short forms of given names ("Larry" for "Lawrence", "Bill"
//! for "William"): two names with the same surname whose given names pair
//! up here are one person.

/// Short form and full given name.
#[rustfmt::skip]
const PAIRS: &[(&str, &str)] = &[
    ("Abby", "Abigail"), ("Al", "Albert"), ("Al", "Alan"), ("Alex", "Alexander"),
    ("Alex", "Alexandra"), ("Andy", "Andrew"), ("Ben", "Benjamin"), ("Bert", "Albert"),
    ("Beth", "Elizabeth"), ("Betsy", "Elizabeth"), ("Betty", "Elizabeth"), ("Bill", "William"),
    ("Billy", "William"), ("Bob", "Robert"), ("Bobby", "Robert"), ("Cathy", "Catherine"),
    ("Charlie", "Charles"), ("Chris", "Christopher"), ("Chris", "Christine"), ("Chuck", "Charles"),
    ("Dan", "Daniel"), ("Danny", "Daniel"), ("Dave", "David"), ("Debbie", "Deborah"),
    ("Dick", "Richard"), ("Don", "Donald"), ("Doug", "Douglas"), ("Ed", "Edward"),
    ("Eddie", "Edward"), ("Fred", "Frederick"), ("Frank", "Francis"), ("Gabe", "Gabriel"),
    ("Greg", "Gregory"), ("Hank", "Henry"), ("Harry", "Henry"), ("Jack", "John"),
    ("Jake", "Jacob"), ("Jeff", "Jeffrey"), ("Jen", "Jennifer"), ("Jenny", "Jennifer"),
    ("Jerry", "Gerald"), ("Jerry", "Jerome"), ("Jim", "James"), ("Jimmy", "James"),
    ("Joe", "Joseph"), ("Johnny", "John"), ("Jon", "Jonathan"), ("Kate", "Katherine"),
    ("Kate", "Catherine"), ("Kathy", "Katherine"), ("Ken", "Kenneth"), ("Kenny", "Kenneth"),
    ("Larry", "Lawrence"), ("Larry", "Laurence"), ("Len", "Leonard"), ("Liz", "Elizabeth"),
    ("Maggie", "Margaret"), ("Matt", "Matthew"), ("Meg", "Margaret"), ("Mike", "Michael"),
    ("Mick", "Michael"), ("Nate", "Nathan"), ("Nate", "Nathaniel"), ("Nick", "Nicholas"),
    ("Pat", "Patrick"), ("Pat", "Patricia"), ("Peggy", "Margaret"), ("Pete", "Peter"),
    ("Phil", "Philip"), ("Rick", "Richard"), ("Rob", "Robert"), ("Ron", "Ronald"),
    ("Sam", "Samuel"), ("Sam", "Samantha"), ("Steve", "Steven"), ("Steve", "Stephen"),
    ("Sue", "Susan"), ("Ted", "Edward"), ("Ted", "Theodore"), ("Terry", "Terence"),
    ("Tim", "Timothy"), ("Tom", "Thomas"), ("Tommy", "Thomas"), ("Tony", "Anthony"),
    ("Vicky", "Victoria"), ("Will", "William"), ("Zach", "Zachary"),
];

/// Whether one given name is a common short form of the other.
pub(crate) fn same_given(a: &str, b: &str) -> bool {
    a != b
        && PAIRS
            .iter()
            .any(|&(short, full)| (a == short && b == full) || (a == full && b == short))
}

#[cfg(test)]
mod tests {
    use super::same_given;

    #[test]
    fn short_forms() {
        let cases = [
            ("Larry", "Lawrence", true),
            ("William", "Bill", true),
            ("Bob", "Robert", true),
            ("Bob", "Richard", false),
            ("Anna", "Anna", false),
            ("Kate", "Kathleen", false),
        ];
        for (a, b, want) in cases {
            assert_eq!(same_given(a, b), want, "{a} {b}");
        }
    }
}
