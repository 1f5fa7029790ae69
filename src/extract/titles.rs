//! Hand-written general word lists: titles and honorifics, role nouns,
//! name particles, capitalised function words, calendar words, speech verbs,
//! and place-name aliases that the gazetteer spells differently.

use std::sync::OnceLock;

use super::layout::{home, key_hash};
use super::lexicon::FxMap;
use super::quick::QuickFilter;
use super::table::same;

/// A fixed list of words, hashed on first use.
pub struct WordSet {
    list: &'static [&'static str],
    set: OnceLock<Index>,
}

/// The hashed words, with a [`QuickFilter`] that answers nearly every
/// miss without hashing the word.
struct Index {
    /// Open addressing with linear probing, at most half full; an empty
    /// slot is an empty string (no listed word is empty).
    slots: Box<[&'static str]>,
    bits: u32,
    filter: QuickFilter,
}

impl Index {
    /// Whether `bytes` is in the table (once past the filter).
    #[inline(never)]
    fn probe(&self, bytes: &[u8]) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = home(key_hash(bytes), self.bits);
        loop {
            let slot = self.slots[i];
            if slot.is_empty() {
                return false;
            }
            if same(slot.as_bytes(), bytes) {
                return true;
            }
            i = (i + 1) & mask;
        }
    }
}

impl WordSet {
    /// A set over a fixed list.
    pub const fn new(list: &'static [&'static str]) -> Self {
        Self {
            list,
            set: OnceLock::new(),
        }
    }

    fn index(&self) -> &Index {
        self.set.get_or_init(|| {
            let mut filter = QuickFilter::default();
            for w in self.list {
                assert!(!w.is_empty() && w.len() < 64, "word lists hold short words");
                filter.insert(w);
            }
            let count = (self.list.len() * 2).next_power_of_two().max(2);
            let bits = count.trailing_zeros();
            let mut slots = vec![""; count].into_boxed_slice();
            for &w in self.list {
                let mut i = home(key_hash(w.as_bytes()), bits);
                while !slots[i].is_empty() && slots[i] != w {
                    i = (i + 1) & (count - 1);
                }
                slots[i] = w;
            }
            Index {
                slots,
                bits,
                filter,
            }
        })
    }

    /// Whether the word is in the list (exact, case-sensitive). The filter
    /// is inlined at each call; only words that pass it are hashed.
    #[inline(always)]
    pub fn contains(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        if bytes.len() >= 64 {
            return false;
        }
        let index = self.index();
        index.filter.may_contain(word) && index.probe(bytes)
    }

    /// The words, in list order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> {
        self.list.iter().copied()
    }
}

/// Abbreviations whose trailing period belongs to the word (not a sentence end).
#[rustfmt::skip]
pub static ABBREVIATIONS: WordSet = WordSet::new(&[
    "Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt",
    "Adm", "Sgt", "Cpl", "Pvt", "Jr", "Sr", "Prof", "Rev", "Mt", "Ft", "Inc", "Corp", "Ltd", "Co",
    "Bros", "Hon", "Pres", "Supt", "Cmdr", "Messrs", "Mme", "Mlle", "Fr", "vs", "No", "Nov",
    "Dec", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Ave", "Blvd",
    "Rd", "Gens", "Sens", "Reps", "Dept", "Univ", "Assn",
]);

/// Title words that may precede a person's name (capitalised, as written;
/// a trailing period is stripped before the lookup).
#[rustfmt::skip]
pub static TITLES: WordSet = WordSet::new(&[
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "President", "Vice", "Prime",
    "Minister", "Secretary", "Sen", "Senator", "Rep", "Representative", "Congressman",
    "Congresswoman", "Gov", "Governor", "Gen", "General", "Lt", "Lieutenant", "Col", "Colonel",
    "Maj", "Major", "Capt", "Captain", "Adm", "Admiral", "Sgt", "Sergeant", "Cpl", "Corporal",
    "Pvt", "Private", "Commander", "Cmdr", "King", "Queen", "Prince", "Princess", "Emperor",
    "Empress", "Pope", "Ayatollah", "Sheikh", "Chancellor", "Premier", "Prof", "Professor", "Rev",
    "Reverend", "Father", "Brother", "Sister", "Bishop", "Archbishop", "Cardinal", "Rabbi",
    "Imam", "Judge", "Justice", "Mayor", "Ambassador", "Envoy", "Special", "Foreign", "Defense",
    "Defence", "Interior", "Finance", "Attorney", "Chief", "Deputy", "Acting", "Former", "Field",
    "Marshal", "Speaker", "Leader", "Chairman", "Chairwoman", "Director", "Coach", "Saint", "Hon",
    "Honorable", "Pres", "Mme", "Mlle", "Messrs", "Sens", "Gens", "Reps", "Duke", "Duchess",
    "Count", "Countess", "Baron", "Baroness", "Tsar", "Czar", "Sultan", "Emir", "Crown",
    "Officer", "Detective", "Inspector", "Sheriff", "Agent", "Nurse", "Doctor", "Dean", "Provost",
    "Superintendent", "Supt", "Spokesman", "Spokeswoman", "Trooper", "Pastor", "Elder", "Uncle",
    "Aunt", "Grandpa", "Grandma", "Auntie", "Madame", "Mademoiselle", "Monsieur", "Herr", "Frau",
    "Senor", "Señor", "Señora", "Signora",
    "Signor", "Don", "Dona", "Ex", "Tsar", "Tsarina", "Czarina", "Kaiser", "Earl", "Marquess",
    "Marquis", "Viscount", "Archduke", "St", "Ste", "Undersecretary", "Under-Secretary",
    "Commissioner", "Councillor", "Councilor", "Alderman",
    // Ranks in other armies ("his rank as Oberst").
    "Oberst", "Oberstleutnant", "Hauptmann", "Leutnant", "Oberleutnant", "Rittmeister",
    "Feldmarschall", "Generalleutnant", "Generalmajor", "Kapitän", "Kapitan", "Hetman",
    "Ataman", "Kommandant",
]);

/// Words of a title phrase that only count after a title word
/// ("Secretary of State", "Minister for Foreign Affairs").
#[rustfmt::skip]
pub static TITLE_TAILS: WordSet = WordSet::new(&[
    "of", "for", "the", "State", "Defense", "Defence", "Affairs", "Foreign", "Homeland",
    "Security", "Treasury", "Justice", "Commerce", "Energy", "Health", "Education", "Labor",
    "Labour", "Transportation", "Agriculture", "Interior", "War", "Staff", "Joint", "Chiefs",
    "General", "Navy", "Army", "Air", "Force", "Operations", "Executive", "Officer", "Internal",
    "Home", "Trade", "Culture", "Economy", "Finance",
]);

/// Lower-case role nouns that, right before a capitalised run, mark a person
/// ("envoy Steve Witkoff", "actor Tom Hanks").
#[rustfmt::skip]
pub static ROLE_NOUNS: WordSet = WordSet::new(&[
    "president", "envoy", "minister", "secretary", "senator", "governor", "general", "admiral",
    "colonel", "captain", "sergeant", "chancellor", "premier", "king", "queen", "prince",
    "princess", "pope", "emperor", "mayor", "ambassador", "judge", "justice", "spokesman",
    "spokeswoman", "spokesperson", "actor", "actress", "singer", "songwriter", "author", "writer",
    "novelist", "poet", "director", "producer", "professor", "scientist", "researcher", "leader",
    "chief", "coach", "player", "striker", "midfielder", "defender", "goalkeeper", "manager",
    "chairman", "chairwoman", "founder", "co-founder", "ceo", "executive", "analyst",
    "journalist", "reporter", "editor", "columnist", "photographer", "artist", "painter",
    "sculptor", "architect", "composer", "musician", "guitarist", "drummer", "rapper", "comedian",
    "host", "anchor", "candidate", "lawmaker", "congressman", "congresswoman", "representative",
    "rep.", "sen.", "gov.", "gen.", "dr.", "mr.", "mrs.", "ms.", "officer", "detective",
    "inspector", "sheriff", "lawyer", "attorney", "prosecutor", "economist", "historian",
    "philosopher", "mathematician", "physicist", "chemist", "biologist", "linguist", "engineer",
    "inventor", "explorer", "pilot", "astronaut", "commander", "lieutenant", "deputy", "aide",
    "adviser", "advisor", "diplomat", "activist", "candidate", "nominee", "challenger",
    "incumbent", "brother", "sister", "son", "daughter", "father", "mother", "wife", "husband",
    "uncle", "aunt", "cousin", "nephew", "niece", "grandson", "granddaughter", "colleague",
    "friend", "partner", "student", "teacher", "dr", "mr", "mrs", "ms", "sir", "dame", "lord",
    "lady", "rabbi", "imam", "bishop", "cardinal", "priest", "pastor", "monk", "nun", "saint",
    "prophet", "tsar", "czar", "sultan", "emir", "sheikh", "designer", "dancer", "choreographer",
    "filmmaker", "screenwriter", "playwright", "dramatist", "boxer", "wrestler", "champion",
    "runner", "cyclist", "swimmer", "skater", "skier", "rider", "driver", "owner", "boss",
    "bassist", "vocalist", "pianist", "violinist", "cellist", "conductor", "star", "co-star",
    "hacker", "suspect", "victim", "defector", "soldier", "officer", "mathematician",
    "astronomer", "botanist", "zoologist", "naturalist", "geologist", "physician", "surgeon",
    "psychologist", "sociologist", "anthropologist", "archaeologist", "theologian", "scholar",
    "sinologist",
]);

/// Particles that may sit inside a name ("Ludwig van Beethoven", "Charles de Gaulle").
#[rustfmt::skip]
pub static PARTICLES: WordSet = WordSet::new(&[
    "de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "del", "della", "dos", "das",
    "do", "bin", "ibn", "al", "el", "ter", "ten", "zu", "y", "e", "bint", "ben", "af", "av", "d",
    "l", "D", "L",
]);

/// Capitalised function words, pronouns and sentence openers: never part of a name.
#[rustfmt::skip]
pub static STOP_CAPS: WordSet = WordSet::new(&[
    "The", "A", "An", "In", "On", "At", "By", "For", "From", "To", "Of", "With", "Without", "And",
    "But", "Or", "Nor", "So", "Yet", "If", "When", "While", "Where", "Why", "How", "What", "Who",
    "Whom", "Whose", "Which", "That", "This", "These", "Those", "There", "Here", "Then", "He",
    "She", "It", "They", "We", "I", "You", "Me", "Him", "Her", "Them", "Us", "His", "Hers", "Its",
    "Their", "Our", "Your", "My", "Mine", "After", "Before", "During", "Since", "Until", "As",
    "Although", "Though", "Because", "Also", "However", "Meanwhile", "Yes", "No", "Not", "Some",
    "Many", "Most", "All", "Any", "Each", "Every", "Both", "Either", "Neither", "One", "Two",
    "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "First", "Second", "Third",
    "Last", "Next", "Other", "Another", "Such", "Several", "Few", "More", "Much", "Very", "Just",
    "Only", "Even", "Still", "Now", "Today", "Tomorrow", "Yesterday", "Tonight", "Is", "Are",
    "Was", "Were", "Be", "Been", "Do", "Does", "Did", "Has", "Have", "Had", "Will", "Would",
    "Can", "Could", "Should", "Shall", "May", "Might", "Must", "Let", "Please", "Thank", "Thanks",
    "Oh", "Well", "OK", "Okay", "Dear", "Hi", "Hello", "Hey", "Like", "Unlike", "About", "Above",
    "Across", "Against", "Along", "Among", "Around", "Behind", "Below", "Beneath", "Beside",
    "Between", "Beyond", "Despite", "Down", "Inside", "Into", "Near", "Off", "Onto", "Out",
    "Outside", "Over", "Per", "Through", "Throughout", "Toward", "Towards", "Under", "Upon", "Up",
    "Via", "Within", "Whether", "Whatever", "Whoever", "Once", "Perhaps", "Maybe", "Instead",
    "Thus", "Therefore", "Indeed", "Later", "Earlier", "Again", "Already", "Never", "Always",
    "Often", "Sometimes", "Ever", "Everyone", "Everything", "Nothing", "Someone", "Something",
    "Anyone", "Anything", "Nobody", "Q", "Photo", "Image", "Video", "Source", "Sources", "Click",
    "Read", "See", "Note", "Update", "Editor", "Copyright", "Advertisement", "Mt", "Sr", "Jr",
    "Wikinews", "Wikipedia", "Internet", "God", "Lord",
]);

/// Months, weekdays and holidays: calendar words are never places or people.
#[rustfmt::skip]
pub static CALENDAR: WordSet = WordSet::new(&[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Christmas", "Easter", "Thanksgiving", "Halloween", "Ramadan",
    "Hanukkah", "Passover", "Diwali", "Eid",
]);

/// Verbs of speech that mark the run before or after them as a person.
#[rustfmt::skip]
pub static SPEECH_VERBS: WordSet = WordSet::new(&[
    "said", "says", "told", "tells", "added", "adds", "asked", "asks", "noted", "notes",
    "explained", "explains", "wrote", "writes", "stated", "states", "argued", "argues",
    "insisted", "insists", "replied", "replies", "recalled", "recalls", "claimed", "claims",
    "announced", "announces", "warned", "warns", "believes", "believed", "thinks", "thought",
    "answered", "answers", "commented", "comments", "continued", "continues", "admitted",
    "admits", "acknowledged", "acknowledges", "confirmed", "confirms", "denied", "denies",
    "suggested", "suggests", "responded", "responds", "tweeted", "posted", "recounted",
    "recounts", "testified", "remarked", "conceded", "shouted", "whispered", "joked",
]);

/// Words that open a place name made of a direction and a place ("Eastern Europe").
#[rustfmt::skip]
pub static DIRECTIONS: WordSet = WordSet::new(&[
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Upper", "Lower", "Northeast", "Northwest", "Southeast", "Southwest", "Northeastern",
    "Northwestern", "Southeastern", "Southwestern", "Midwestern", "Greater", "Outer", "Inner",
    "Old", "New",
]);

/// Post-nominal letters and generational suffixes dropped from the end of a name.
#[rustfmt::skip]
pub static POST_NOMINALS: WordSet = WordSet::new(&[
    "FRS", "DBE", "CBE", "OBE", "MBE", "KBE", "RA", "PhD", "Ph.D.", "MD", "M.D.", "Jr", "Jr.",
    "Sr", "Sr.", "Esq", "Esq.", "QC", "KC", "MP", "FRSE", "FBA",
]);

/// Demonyms and language adjectives missing from the country data, or regional.
#[rustfmt::skip]
pub static EXTRA_DEMONYMS: WordSet = WordSet::new(&[
    "American", "British", "English", "Scottish", "Welsh", "Irish", "European", "African",
    "Asian", "Arab", "Arabic", "Latin", "Hispanic", "Jewish", "Muslim", "Christian", "Catholic",
    "Protestant", "Orthodox", "Buddhist", "Hindu", "Sikh", "Soviet", "Nazi", "Roman", "Greek",
    "Persian", "Kurdish", "Chinese", "Japanese", "Korean", "Vietnamese", "Taiwanese", "Sudanese",
    "Lebanese", "Portuguese", "Congolese", "Senegalese", "Maltese", "Nepalese", "Burmese",
    "Dutch", "French", "Swiss", "Danish", "Swedish", "Finnish", "Polish", "Turkish", "Spanish",
    "Flemish", "Cornish", "Texan", "Californian", "Crimean", "Siberian", "Caucasian", "Balkan",
    "Baltic", "Scandinavian", "Nordic", "Mediterranean", "Atlantic", "Pacific", "Caribbean",
    "Ottoman", "Byzantine", "Mongol", "Mongolian", "Tibetan", "Uyghur", "Palestinian", "Israeli",
    "Iranian", "Afghan", "Pakistani", "Indian", "Bengali", "Punjabi", "Tamil", "Hebrew",
    "Yiddish", "Latino", "Latina", "Anglo", "Celtic", "Gaelic", "Germanic", "Slavic", "Nordic",
    "Viking", "Aboriginal", "Indigenous", "Native", "Yankee", "Canadian", "Australian", "Mexican",
    "Brazilian", "Argentine", "Argentinian", "Colombian", "Venezuelan", "Cuban", "Haitian",
    "Jamaican", "Egyptian", "Moroccan", "Algerian", "Tunisian", "Libyan", "Nigerian", "Kenyan",
    "Ethiopian", "Somali", "Saudi", "Emirati", "Qatari", "Yemeni", "Syrian", "Iraqi", "Jordanian",
    "Russian", "Ukrainian", "Belarusian", "Georgian", "Armenian", "Azerbaijani", "Kazakh",
    "Uzbek", "German", "Italian", "Austrian", "Hungarian", "Czech", "Slovak", "Romanian",
    "Bulgarian", "Serbian", "Croatian", "Bosnian", "Albanian", "Macedonian", "Slovenian",
    "Estonian", "Latvian", "Lithuanian", "Norwegian", "Icelandic", "Belgian", "Filipino",
    "Indonesian", "Malaysian", "Thai", "Cambodian", "Laotian", "Singaporean", "Chilean",
    "Peruvian", "Bolivian", "Ecuadorian", "Uruguayan", "Paraguayan", "Nicaraguan", "Honduran",
    "Guatemalan", "Salvadoran", "Panamanian", "Dominican", "Puerto", "Rican", "Zealander",
    "Zimbabwean", "Ghanaian", "Ugandan", "Rwandan", "Tanzanian", "Sri", "Lankan", "Bangladeshi",
    "Sikh", "Shia", "Shiite", "Sunni", "Kurd", "Tatar", "Chechen", "Cossack", "Pashtun", "Hazara",
    "Tajik", "Turkmen", "Kyrgyz", "Yoruba", "Igbo", "Hausa", "Zulu", "Maori", "Inuit", "Cherokee",
    "Navajo", "Apache", "Sioux",
]);

/// Place aliases the gazetteer lacks or ranks wrongly, mapped to its canonical names.
const PLACE_ALIASES: &[(&str, &str)] = &[
    ("U.S.", "United States"),
    ("U.S.A.", "United States"),
    ("U.S", "United States"),
    ("US", "United States"),
    ("USA", "United States"),
    ("America", "United States"),
    ("United States of America", "United States"),
    ("U.K.", "United Kingdom"),
    ("UK", "United Kingdom"),
    ("Britain", "United Kingdom"),
    ("Great Britain", "United Kingdom"),
    ("UAE", "United Arab Emirates"),
    ("U.A.E.", "United Arab Emirates"),
    ("Washington, D.C.", "Washington"),
    ("D.C.", "Washington"),
    ("DPRK", "North Korea"),
    ("Holland", "Netherlands"),
    ("Burma", "Myanmar"),
    ("Kiev", "Kyiv"),
    ("Czech Republic", "Czechia"),
    ("USSR", "Soviet Union"),
    ("U.S.S.R.", "Soviet Union"),
    ("Ivory Coast", "Ivory Coast"),
];

/// The gazetteer's canonical name for a place alias ("U.S." -> "United States"),
/// or the name itself.
pub fn place_alias(name: &str) -> &str {
    static MAP: OnceLock<(QuickFilter, FxMap<&'static str, &'static str>)> = OnceLock::new();
    let (filter, map) = MAP.get_or_init(|| {
        let mut filter = QuickFilter::default();
        PLACE_ALIASES
            .iter()
            .for_each(|(from, _)| filter.insert(from));
        (filter, PLACE_ALIASES.iter().copied().collect())
    });
    if !filter.may_contain(name) {
        return name;
    }
    map.get(name).copied().unwrap_or(name)
}

/// Words that name a place feature when they end a run ("Ross Sea", "McMurdo Station").
#[rustfmt::skip]
pub static PLACE_TAILS: WordSet = WordSet::new(&[
    "River", "Sea", "Ocean", "Lake", "Mountains", "Mountain", "Hills", "Hill", "Island",
    "Islands", "Isles", "Bay", "Gulf", "Valley", "Desert", "Street", "Avenue", "Road", "Square",
    "Park", "Bridge", "Station", "Airport", "Stadium", "Arena", "Cemetery", "County", "Province",
    "Region", "District", "Strait", "Canal", "Peninsula", "Coast", "Beach", "Forest", "Falls",
    "Harbor", "Harbour", "Shelf", "Glacier", "Plaza", "Palace", "Castle", "Tower", "Canyon",
    "Creek", "Reef", "Cape", "Heights", "Springs", "Borough", "Township", "Prefecture", "Oblast",
    "Krai", "Territory", "Territories", "Lane", "Boulevard", "Drive", "Highway", "Pass",
    "Plateau", "Plain", "Plains", "Basin", "Delta", "Volcano", "Peak", "Sound", "Range", "Ridge",
    "Wharf", "Pier", "Quarter", "Village", "Town", "City", "Land", "Archipelago", "Cathedral",
    "Abbey", "Temple", "Mosque", "Stadium", "Zoo", "Garden", "Gardens", "Square", "Channel",
    "Lagoon", "Marsh", "Moor", "Dam", "Mount", "Ave", "Blvd", "Rd", "St", "Mt", "Hall", "House",
    "Hotel", "Museum", "Hospital", "Centre", "Center", "Building", "Mall", "Church", "Theatre",
    "Theater", "Towers", "Memorial", "Monument", "Factory", "Asylum", "Prison", "Market",
    "Fortress", "Citadel", "Mansion", "Manor", "Lodge", "Library", "Minor",
]);

/// Words that open a place name ("Mount Everest", "Lake Geneva", "Gulf of Mexico").
#[rustfmt::skip]
pub static PLACE_HEADS: WordSet = WordSet::new(&[
    "Mount", "Mt", "Lake", "Gulf", "Bay", "Isle", "Sea", "Cape", "Fort", "Port", "Lake", "Strait",
    "Straits", "Mountains", "Sierra", "Rio", "Lago", "Monte", "Glen", "Loch", "Point", "Kibbutz",
    "Moshav", "Camp",
]);

/// Words that make a run an organization ("Ministry of Defence", "Labour Party").
#[rustfmt::skip]
pub static ORG_WORDS: WordSet = WordSet::new(&[
    "Ministry", "Party", "University", "College", "Church", "Museum", "Hotel", "Company", "Inc",
    "Corp", "Corporation", "Ltd", "LLC", "Co", "Association", "Agency", "Council", "Committee",
    "Department", "Institute", "Institution", "Foundation", "Bank", "Club", "Union", "Society",
    "Army", "Navy", "Forces", "Court", "Parliament", "Congress", "Senate", "Assembly",
    "Commission", "Office", "Bureau", "Service", "Services", "Times", "News", "Post", "Journal",
    "Network", "Group", "Team", "FC", "League", "Cup", "Festival", "Cavalcade", "Carnival", "Expo", "Jamboree", "Gala", "Fest", "Parade", "Symposium", "Forum", "Olympiad", "Marathon", "Airlines", "Airways",
    "Academy", "School", "Hospital", "Center", "Centre", "Organization", "Organisation",
    "Federation", "Administration", "Authority", "Government", "Guard", "Police", "Movement",
    "Front", "Coalition", "Alliance", "Records", "Studios", "Studio", "Press", "Magazine",
    "Review", "Tribune", "Herald", "Gazette", "Daily", "Weekly", "Channel", "Radio", "Television",
    "TV", "Broadcasting", "Corps", "Brigade", "Battalion", "Regiment", "Division", "Command",
    "Fund", "Trust", "Board", "Cabinet", "Program", "Programme", "Project", "Initiative",
    "Conference", "Summit", "Games", "Olympics", "Championship", "Championships", "Tournament",
    "Prize", "Award", "Awards", "Band", "Orchestra", "Choir", "Theatre", "Theater", "Library",
    "Laboratory", "Laboratories", "Labs", "Systems", "Technologies", "Software", "Motors",
    "Energy", "Holdings", "Partners", "Capital", "Industries", "International", "Worldwide",
    "Global", "Enterprises", "Media", "Entertainment", "Pictures", "Films", "Productions",
    "Publishing", "Publishers", "Books", "Church", "Diocese", "Order", "Brotherhood",
    "Sisterhood", "Ltd.", "Inc.", "Co.", "Corp.", "Republicans", "Democrats", "Republican",
    "Democratic", "Liberal", "Conservative", "Socialist", "Communist", "Labour", "Labor", "Green",
    "Greens", "Caucus", "Secretariat", "Mission", "Embassy", "Consulate", "Tribunal", "Council",
    "Exchange", "Market", "Stock", "Index", "Act", "Treaty", "Accord", "Agreement", "Convention",
    "Declaration", "Charter", "Constitution", "Bill", "Law", "Plan", "Doctrine", "War",
    "Revolution", "Uprising", "Crisis", "Affair", "Scandal", "Empire", "Dynasty", "Kingdom",
    "Republic", "Caliphate", "Agency", "Foundation", "House", "Hall", "Building", "Centre",
    "Mall", "Restaurant", "Cafe", "Bar", "Pub", "Shop", "Store", "Stores", "Street", "Age", "Era",
    "Period", "Dynasty", "Prize", "Medal", "Award", "Series", "Show", "Album", "Song", "Novel",
    "Book", "Film", "Movie", "Game", "Tour", "Expo", "Exhibition", "Fair", "Day", "Week", "Month",
    "Year", "Century", "Sciences", "Studies", "Science", "Research", "Lodge", "Podcast",
    "Mysteries", "Lectures", "Experience", "Girls", "Boys", "Brothers", "Sisters", "Gang", "Crew",
    "Squad", "Choir", "Ensemble", "Quartet", "Trio", "Records", "Prize-winner",
    "Soup", "Foundation", "Agency", "Opera", "Ballet", "Symphony", "Philharmonic", "Conservatory",
    "Conservatoire", "Seminary", "Gymnasium", "Lyceum", "Monastery", "Convent", "Hospice",
    "Clinic", "Prison", "Jail", "Penitentiary",
]);

/// Seats of government that stand for the government itself: organizations.
#[rustfmt::skip]
pub static INSTITUTIONS: WordSet = WordSet::new(&[
    "Kremlin", "Pentagon", "Foggy Bottom", "Elysee", "Élysée", "Elysée Palace",
    "Élysée Palace", "Quai d'Orsay", "Zhongnanhai", "Bundestag", "Knesset", "Duma",
    "State Duma", "Rada", "Verkhovna Rada", "Sejm", "Storting", "Folketing", "Riksdag",
    "Downing Street",
]);

/// Party-member nouns: "Oregon Democrat" is a place and a party, not a name.
#[rustfmt::skip]
pub static PARTY_MEMBERS: WordSet = WordSet::new(&[
    "Democrat", "Democrats", "Republican", "Republicans", "Independent", "Tory", "Tories",
    "Conservative", "Conservatives", "Liberal", "Liberals", "Socialist", "Socialists",
]);

/// Heads of the names of military operations and exercises ("Operation
/// Desert Storm", "Exercise Northern Lantern"): no person and no place.
#[rustfmt::skip]
pub static OPERATION_HEADS: WordSet = WordSet::new(&[
    "Operation", "Exercise", "Exercises", "Op",
]);

/// ASCII forms of a Latin letter with diacritics: the plain letter, and the
/// spelled-out form used in Nordic and German names ("Å" -> "Aa", "ö" -> "oe").
fn ascii_forms(c: char) -> Option<(&'static str, &'static str)> {
    let pair = match c {
        'À' | 'Á' | 'Â' | 'Ã' | 'Ā' | 'Ă' | 'Ą' => ("A", "A"),
        'à' | 'á' | 'â' | 'ã' | 'ā' | 'ă' | 'ą' => ("a", "a"),
        'Ä' => ("A", "Ae"),
        'ä' => ("a", "ae"),
        'Å' => ("A", "Aa"),
        'å' => ("a", "aa"),
        'Æ' => ("Ae", "Ae"),
        'æ' => ("ae", "ae"),
        'Ç' | 'Ć' | 'Č' => ("C", "C"),
        'ç' | 'ć' | 'č' => ("c", "c"),
        'Ď' | 'Đ' => ("D", "D"),
        'ď' | 'đ' => ("d", "d"),
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => ("E", "E"),
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => ("e", "e"),
        'Ğ' => ("G", "G"),
        'ğ' => ("g", "g"),
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => ("I", "I"),
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => ("i", "i"),
        'Ł' => ("L", "L"),
        'ł' => ("l", "l"),
        'Ñ' | 'Ń' | 'Ň' => ("N", "N"),
        'ñ' | 'ń' | 'ň' => ("n", "n"),
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ō' | 'Ő' => ("O", "O"),
        'ò' | 'ó' | 'ô' | 'õ' | 'ō' | 'ő' => ("o", "o"),
        'Ö' | 'Ø' => ("O", "Oe"),
        'ö' | 'ø' => ("o", "oe"),
        'Ř' => ("R", "R"),
        'ř' => ("r", "r"),
        'Ś' | 'Š' | 'Ş' | 'Ș' => ("S", "S"),
        'ś' | 'š' | 'ş' | 'ș' => ("s", "s"),
        'ß' => ("ss", "ss"),
        'Ť' | 'Ţ' | 'Ț' => ("T", "T"),
        'ť' | 'ţ' | 'ț' => ("t", "t"),
        'Ù' | 'Ú' | 'Û' | 'Ū' | 'Ů' | 'Ű' => ("U", "U"),
        'ù' | 'ú' | 'û' | 'ū' | 'ů' | 'ű' => ("u", "u"),
        'Ü' => ("U", "Ue"),
        'ü' => ("u", "ue"),
        'Ý' | 'Ÿ' => ("Y", "Y"),
        'ý' | 'ÿ' => ("y", "y"),
        'Ź' | 'Ż' | 'Ž' => ("Z", "Z"),
        'ź' | 'ż' | 'ž' => ("z", "z"),
        _ => return None,
    };
    Some(pair)
}

/// The two ASCII spellings of a name written with diacritics ("Tromso" and
/// "Tromsoe" for "Tromsø"), or `None` for an ASCII name or one with letters
/// that have no ASCII form here.
pub fn ascii_spellings(name: &str) -> Option<(String, String)> {
    if name.is_ascii() {
        return None;
    }
    let mut plain = String::with_capacity(name.len());
    let mut spelled = String::with_capacity(name.len() + 2);
    for c in name.chars() {
        match ascii_forms(c) {
            Some((p, s)) => {
                plain.push_str(p);
                spelled.push_str(s);
            }
            None if c.is_ascii() => {
                plain.push(c);
                spelled.push(c);
            }
            None => return None,
        }
    }
    Some((plain, spelled))
}

/// Whether `written` is an ASCII spelling of `name` ("Tromso" of "Tromsø",
/// "Aarhus" of "Århus").
pub fn ascii_spelling_of(written: &str, name: &str) -> bool {
    written.is_ascii()
        && ascii_spellings(name)
            .is_some_and(|(plain, spelled)| written == plain || written == spelled)
}

/// Former countries and empires, which a gazetteer of today lacks: name,
/// latitude and longitude (of the capital or the centre).
#[rustfmt::skip]
pub const FORMER_COUNTRIES: &[(&str, f64, f64)] = &[
    ("Soviet Union", 55.75, 37.62), ("Czechoslovakia", 50.08, 14.42),
    ("Yugoslavia", 44.82, 20.46), ("East Germany", 52.52, 13.40),
    ("West Germany", 50.73, 7.10), ("Prussia", 52.52, 13.40),
    ("Austria-Hungary", 48.21, 16.37), ("Ottoman Empire", 41.01, 28.98),
    ("Russian Empire", 59.94, 30.31), ("Holy Roman Empire", 50.0, 10.0),
    ("Roman Empire", 41.90, 12.50), ("Byzantine Empire", 41.01, 28.98),
    ("British Empire", 51.51, -0.13), ("Mughal Empire", 28.61, 77.21),
    ("Persian Empire", 29.94, 52.89), ("Persia", 35.69, 51.39), ("Rhodesia", -17.83, 31.05),
    ("Zaire", -4.32, 15.31), ("Siam", 13.75, 100.50), ("Ceylon", 6.93, 79.85),
    ("Bohemia", 50.08, 14.42), ("Mesopotamia", 33.0, 44.0), ("Anatolia", 39.0, 35.0),
    ("Asia Minor", 39.0, 35.0), ("Manchuria", 45.0, 125.0), ("Dahomey", 6.50, 2.60),
    ("Upper Volta", 12.37, -1.53), ("Tanganyika", -6.80, 39.28),
    ("Gold Coast", 5.60, -0.19), ("Abyssinia", 9.03, 38.74), ("Formosa", 25.03, 121.57),
];

/// Mountain ranges, seas, deserts, rivers and other features of the world
/// that a gazetteer of countries, regions and towns lacks (names that are
/// not also adjectives): name, latitude, longitude.
#[rustfmt::skip]
pub const WORLD_FEATURES: &[(&str, f64, f64)] = &[
    ("Alps", 46.5, 10.0), ("Andes", -20.0, -68.0), ("Himalayas", 28.0, 84.0),
    ("Himalaya", 28.0, 84.0), ("Rockies", 45.0, -110.0), ("Urals", 60.0, 60.0),
    ("Pyrenees", 42.7, 0.5), ("Carpathians", 47.5, 25.0), ("Apennines", 43.0, 12.5),
    ("Appalachians", 37.0, -81.0), ("Sahara", 23.0, 13.0), ("Gobi", 42.5, 103.0),
    ("Kalahari", -23.0, 22.0), ("Balkans", 43.0, 21.0), ("Caucasus", 42.5, 44.0),
    ("Adriatic", 43.0, 15.5), ("Aegean", 39.0, 25.0), ("Levant", 33.5, 36.0),
    ("Sinai", 29.5, 33.8), ("Nile", 15.6, 32.5), ("Danube", 45.0, 25.0),
    ("Rhine", 50.0, 7.6), ("Thames", 51.5, -0.1), ("Volga", 52.0, 47.0),
    ("Yangtze", 30.0, 112.0), ("Ganges", 25.3, 83.0), ("Euphrates", 34.0, 42.0),
    ("Tigris", 34.0, 44.0), ("Dnieper", 49.0, 33.0), ("Earth", 0.0, 0.0),
    ("Patagonia", -45.0, -70.0), ("Scandinavia", 62.0, 15.0), ("Sahel", 15.0, 5.0),
    ("Antarctica", -80.0, 0.0), ("Middle East", 29.0, 42.0), ("Far East", 35.0, 120.0),
    ("Horn of Africa", 8.0, 45.0),
];
