package io.newsmon.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The words that {@link StoredQueries} builds queries from, one ranked list per kind. Each list starts
 * with a hand-written head of well-known names and terms, roughly in order of how often a news monitor's
 * users would watch them, followed for companies, people and places by a long tail of plausible names
 * composed from common words (first name and surname, word and industry, word and place word), shuffled
 * with the generator's seed. Everything is lower case; a multi-word entry is quoted in a query.
 */
final class Vocabulary {
    /** The kinds of entries; {@link #TOPICS} are the context terms combined with entities. */
    enum Kind { COMPANIES, PEOPLE, PLACES, PRODUCTS, TOPICS }

    static final List<String> COMPANY_HEAD = List.of(
            "apple", "google", "amazon", "microsoft", "tesla", "meta", "huawei", "nvidia", "samsung", "tiktok",
            "openai", "intel", "boeing", "alphabet", "goldman sachs", "jpmorgan", "walmart", "netflix", "qualcomm",
            "tsmc", "zte", "alibaba", "tencent", "xiaomi", "bytedance", "spacex", "disney", "exxon mobil",
            "bank of america", "pfizer", "moderna", "general motors", "ford", "toyota", "volkswagen", "bmw",
            "mercedes-benz", "byd", "sony", "nokia", "ericsson", "cisco", "vodafone", "deutsche telekom",
            "china mobile", "china telecom", "china unicom", "verizon", "t-mobile", "dish network", "hisilicon",
            "honor", "oppo", "vivo", "lenovo", "baidu", "smic", "sk hynix", "micron", "broadcom", "amd",
            "arm holdings", "asml", "applied materials", "lam research", "synopsys", "cadence", "mediatek",
            "foxconn", "hikvision", "dahua", "dji", "juniper networks", "hewlett packard enterprise", "ibm",
            "oracle", "salesforce", "palantir", "uber", "airbnb", "shell", "bp", "totalenergies", "saudi aramco",
            "glencore", "rio tinto", "bhp", "nestle", "unilever", "lvmh", "siemens", "airbus", "lockheed martin",
            "raytheon", "northrop grumman", "bae systems", "thales", "orange", "bt group", "telefonica", "telstra",
            "rogers communications", "bell canada", "reliance jio", "bharti airtel", "softbank", "ntt docomo",
            "kddi", "rakuten", "lg electronics", "pinduoduo", "temu", "shein", "meituan", "catl", "nio", "xpeng",
            "geely", "stellantis", "renault", "nissan", "honda", "hyundai", "kia", "anthropic", "mistral ai",
            "deepseek", "zhipu", "cambricon", "yangtze memory", "cxmt", "hua hong", "naura", "tokyo electron",
            "kla", "infineon", "stmicroelectronics", "nxp", "texas instruments", "globalfoundries", "marvell",
            "western digital", "seagate", "dell", "hp", "supermicro", "coreweave", "arista", "ciena", "corning",
            "lumen", "charter communications", "comcast", "frontier communications", "starlink",
            "eutelsat", "ses", "viasat", "iridium", "inmarsat", "fiberhome", "inspur", "sugon", "unisoc",
            "quectel", "fibocom", "tp-link", "transsion", "coolpad", "meizu", "realme", "oneplus", "ant group",
            "jd.com", "didi", "kuaishou", "weibo", "netease", "xiaohongshu", "zoom", "shopify", "spotify", "sap",
            "ubs", "hsbc", "barclays", "deutsche bank", "bnp paribas", "santander", "blackrock", "berkshire hathaway");

    static final List<String> PEOPLE_HEAD = List.of(
            "donald trump", "joe biden", "xi jinping", "elon musk", "vladimir putin", "kamala harris",
            "volodymyr zelensky", "narendra modi", "emmanuel macron", "olaf scholz", "rishi sunak", "keir starmer",
            "justin trudeau", "ursula von der leyen", "meng wanzhou", "ren zhengfei", "gina raimondo",
            "jensen huang", "tim cook", "sundar pichai", "satya nadella", "mark zuckerberg", "jeff bezos",
            "sam altman", "antony blinken", "janet yellen", "jerome powell", "christine lagarde", "wang yi",
            "li qiang", "mike pompeo", "wilbur ross", "robert lighthizer", "liu he", "katherine tai",
            "jake sullivan", "marco rubio", "tom cotton", "chuck schumer", "nancy pelosi", "mike johnson",
            "mitch mcconnell", "jessica rosenworcel", "brendan carr", "ajit pai", "thierry breton",
            "margrethe vestager", "angela merkel", "boris johnson", "anthony albanese", "scott morrison",
            "jacinda ardern", "fumio kishida", "yoon suk yeol", "lai ching-te", "tsai ing-wen", "lisa su",
            "pat gelsinger", "cristiano amon", "richard yu", "eric xu", "guo ping", "ken hu", "jack ma", "pony ma",
            "lei jun", "masayoshi son", "warren buffett", "larry fink", "jamie dimon", "bill gates", "mary barra",
            "andy jassy", "greta thunberg", "pope francis", "king charles", "taylor swift", "howard lutnick",
            "alan estevez", "mark warner", "josh hawley", "elizabeth warren", "bernie sanders", "ron wyden",
            "mike gallagher", "john moolenaar", "raja krishnamoorthi", "liz truss", "theresa may", "ollie robbins",
            "chrystia freeland", "melanie joly", "michael kovrig", "michael spavor", "william ruto", "cyril ramaphosa",
            "lula da silva", "javier milei", "claudia sheinbaum", "recep tayyip erdogan", "benjamin netanyahu",
            "mohammed bin salman", "giorgia meloni", "pedro sanchez", "donald tusk", "viktor orban", "mark rutte",
            "kaja kallas", "friedrich merz", "annalena baerbock", "robert habeck", "nancy faeser");

    static final List<String> PLACE_HEAD = List.of(
            "china", "washington", "beijing", "taiwan", "russia", "ukraine", "europe", "european union", "britain",
            "united kingdom", "london", "germany", "berlin", "france", "paris", "brussels", "japan", "tokyo", "india",
            "new delhi", "canada", "ottawa", "australia", "canberra", "hong kong", "shenzhen", "shanghai",
            "south korea", "seoul", "north korea", "israel", "gaza", "iran", "saudi arabia", "united arab emirates",
            "dubai", "qatar", "turkey", "moscow", "kyiv", "poland", "warsaw", "sweden", "finland", "norway",
            "denmark", "netherlands", "belgium", "italy", "rome", "spain", "madrid", "portugal", "greece",
            "switzerland", "austria", "hungary", "romania", "czech republic", "brazil", "mexico", "argentina",
            "chile", "colombia", "south africa", "nigeria", "kenya", "egypt", "ethiopia", "pakistan", "bangladesh",
            "indonesia", "malaysia", "singapore", "vietnam", "thailand", "philippines", "new zealand", "vancouver",
            "toronto", "new york", "california", "texas", "florida", "oregon", "ohio", "silicon valley",
            "wall street", "xinjiang", "tibet", "guangdong", "dongguan", "hangzhou", "wuhan", "chengdu",
            "south china sea", "taiwan strait", "middle east", "africa", "latin america", "southeast asia",
            "arctic", "serbia", "hungary", "estonia", "lithuania", "latvia", "ireland", "scotland", "wales",
            "nebraska", "montana", "wyoming", "kansas", "alaska", "midwest", "pacific northwest");

    static final List<String> PRODUCTS = List.of(
            "5g", "iphone", "chatgpt", "android", "artificial intelligence", "generative ai", "smartphone",
            "electric vehicle", "semiconductor", "chips", "mate 60", "pura 70", "kirin", "harmonyos", "google play",
            "windows", "operating system", "cloud computing", "data center", "undersea cable", "satellite",
            "base station", "open ran", "radio access network", "core network", "broadband", "fiber optic", "6g",
            "wi-fi", "bitcoin", "cryptocurrency", "lidar", "drone", "surveillance camera", "facial recognition",
            "lithography", "euv", "ai chips", "gpu", "h20", "ascend 910", "smart city", "electric car",
            "solar panels", "lithium", "rare earths", "battery", "vaccine", "ozempic", "vision pro", "galaxy",
            "pixel", "cybertruck", "737 max", "foldable phone", "tablet", "laptop", "smartwatch", "earbuds",
            "router", "modem", "5g handset", "network equipment", "antenna", "microwave backhaul", "fixed wireless",
            "cloud services", "large language model", "chatbot", "robotaxi", "autonomous driving", "heat pump",
            "wind turbine", "nuclear reactor", "hydrogen", "quantum computing", "memory chips", "dram",
            "nand flash", "high bandwidth memory", "advanced packaging", "chiplet", "risc-v", "arm architecture",
            "app store", "super app", "payment app", "mobile payments", "digital yuan", "stablecoin");

    static final List<String> TOPICS = List.of(
            "sanctions", "tariffs", "entity list", "export controls", "national security", "lawsuit", "court",
            "ban", "investigation", "merger", "acquisition", "earnings", "layoffs", "antitrust", "espionage",
            "cybersecurity", "hack", "data breach", "ransomware", "trade war", "export ban", "subsidies", "fcc",
            "commerce department", "justice department", "regulator", "legislation", "senate", "congress",
            "parliament", "election", "protest", "strike", "recall", "fine", "penalty", "fraud", "bribery",
            "corruption", "indictment", "indicted", "extradition", "ruling", "verdict", "judge", "appeal", "probe",
            "ipo", "shares", "stock price", "revenue", "profit", "loss", "job cuts", "union", "boycott", "deal",
            "agreement", "partnership", "contract", "launch", "outage", "power outage", "storm", "flood",
            "drought", "wildfire", "earthquake", "hurricane", "climate change", "emissions", "supply chain",
            "shortage", "inflation", "interest rates", "recession", "bankruptcy", "debt", "investment", "funding",
            "venture capital", "patent", "patent infringement", "intellectual property", "trade secrets",
            "privacy", "data protection", "gdpr", "surveillance", "censorship", "human rights", "forced labor",
            "military", "defense", "pentagon", "nato", "missile", "war", "ceasefire", "spectrum", "auction",
            "licence", "license", "security review", "high-risk vendor", "critical infrastructure",
            "rip and replace", "covered list", "rural carriers", "universal service fund", "backdoor", "spying",
            "foreign direct product rule", "bureau of industry and security", "temporary general license",
            "trade talks", "trade deal", "trade truce", "retaliation", "blacklist", "smuggling", "chip smuggling",
            "dual-use", "vulnerability", "zero-day", "data leak", "price hike", "takeover", "joint venture",
            "factory", "plant closure", "expansion", "hiring", "exports", "imports", "market share", "shipments",
            "sales", "quarterly results", "annual report", "guidance", "downgrade", "upgrade", "rating", "bond",
            "dividend", "buyback", "ceo", "resigns", "appointed", "succession", "board", "shareholders",
            "activist investor", "whistleblower", "leak", "interview", "testimony", "hearing", "bill", "veto",
            "executive order", "regulation", "rules", "guidelines", "standards", "certification", "approval",
            "rejected", "blocked", "suspended", "delayed", "cancelled", "warning", "threat", "risk", "crisis",
            "police", "arrest", "shooting", "fire", "evacuation", "heat wave", "snowstorm", "ice storm",
            "flood warning", "drought emergency", "water restrictions", "reservoir", "coral reef", "wildlife",
            "city council", "mayor", "governor", "school board", "teachers", "hospital", "maternity ward", "nurses",
            "doctors", "measles", "vaccination", "housing", "rent", "property tax", "budget", "bike lanes",
            "parking", "traffic", "public transport", "airport", "airline", "pilots", "air fares", "tourism",
            "immigration", "border", "refugees", "pensions", "minimum wage", "unemployment", "farmers", "crops",
            "open source", "software update", "outage report", "programming language", "startup", "ai safety");

    private static final List<String> FIRST_NAMES = List.of(
            "james", "mary", "john", "patricia", "robert", "jennifer", "michael", "linda", "william", "elizabeth",
            "david", "barbara", "richard", "susan", "joseph", "jessica", "thomas", "sarah", "charles", "karen",
            "christopher", "nancy", "daniel", "lisa", "matthew", "betty", "anthony", "margaret", "mark", "sandra",
            "donald", "ashley", "steven", "kimberly", "paul", "emily", "andrew", "donna", "joshua", "michelle",
            "kenneth", "dorothy", "kevin", "carol", "brian", "amanda", "george", "melissa", "timothy", "deborah",
            "ronald", "stephanie", "edward", "rebecca", "jason", "sharon", "jeffrey", "laura", "ryan", "cynthia",
            "jacob", "kathleen", "gary", "amy", "nicholas", "angela", "eric", "shirley", "jonathan", "anna",
            "stephen", "brenda", "larry", "pamela", "justin", "emma", "scott", "nicole", "brandon", "helen",
            "benjamin", "samantha", "samuel", "katherine", "gregory", "christine", "alexander", "debra", "frank",
            "rachel", "patrick", "carolyn", "raymond", "janet", "jack", "catherine", "dennis", "maria", "jerry",
            "heather", "tyler", "diane", "aaron", "ruth", "wei", "li", "min", "jun", "hiroshi", "yuki", "priya",
            "rahul", "ahmed", "fatima", "olga", "ivan", "lars", "ingrid", "pierre", "claire", "hans", "anke",
            "carlos", "lucia", "marco", "giulia", "kwame", "amara", "tomasz", "katarzyna", "sven", "astrid");

    private static final List<String> SURNAMES = List.of(
            "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez",
            "hernandez", "lopez", "gonzalez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin",
            "lee", "perez", "thompson", "white", "harris", "sanchez", "clark", "ramirez", "lewis", "robinson",
            "walker", "young", "allen", "king", "wright", "scott", "torres", "nguyen", "hill", "flores", "green",
            "adams", "nelson", "baker", "hall", "rivera", "campbell", "mitchell", "carter", "roberts", "gomez",
            "phillips", "evans", "turner", "diaz", "parker", "cruz", "edwards", "collins", "reyes", "stewart",
            "morris", "morales", "murphy", "cook", "rogers", "gutierrez", "ortiz", "morgan", "cooper", "peterson",
            "bailey", "reed", "kelly", "howard", "ramos", "kim", "cox", "ward", "richardson", "watson", "brooks",
            "chavez", "wood", "james", "bennett", "gray", "mendoza", "ruiz", "hughes", "price", "alvarez",
            "castillo", "sanders", "patel", "myers", "long", "ross", "foster", "jimenez", "powell", "jenkins",
            "perry", "russell", "sullivan", "bell", "coleman", "butler", "henderson", "barnes", "gonzales",
            "fisher", "vasquez", "simmons", "romero", "jordan", "patterson", "alexander", "hamilton", "graham",
            "reynolds", "griffin", "wallace", "moreno", "west", "cole", "hayes", "bryant", "herrera", "gibson",
            "ellis", "tran", "medina", "aguilar", "stevens", "murray", "ford", "castro", "marshall", "owens",
            "wang", "zhang", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "xu", "sun", "tanaka", "suzuki",
            "sato", "sharma", "singh", "gupta", "khan", "ivanov", "petrov", "muller", "schmidt", "schneider",
            "dubois", "lefebvre", "rossi", "russo", "kowalski", "nowak", "andersson", "johansson", "okafor",
            "mensah", "silva", "santos", "oliveira", "fernandez", "novak", "horvat", "larsen", "jensen");

    private static final List<String> NAME_WORDS = List.of(
            "harbor", "summit", "pacific", "atlantic", "northern", "southern", "eastern", "western", "central",
            "valley", "river", "lake", "cedar", "pine", "oak", "maple", "willow", "birch", "aspen", "granite",
            "silver", "golden", "iron", "copper", "crystal", "blue", "red", "green", "white", "black", "bright",
            "clear", "swift", "rapid", "prime", "first", "united", "national", "global", "continental", "coastal",
            "mountain", "prairie", "desert", "island", "bay", "ridge", "canyon", "meadow", "forest", "stone",
            "bridge", "tower", "gate", "crown", "eagle", "falcon", "hawk", "raven", "wolf", "fox", "bear", "lion",
            "tiger", "dragon", "phoenix", "orion", "polaris", "vega", "apex", "vertex", "zenith", "horizon",
            "frontier", "pioneer", "liberty", "heritage", "legacy", "keystone", "cornerstone", "anchor", "beacon",
            "compass", "meridian", "equator", "tropic", "aurora", "solstice", "harvest", "evergreen", "redwood",
            "sequoia", "sierra", "cascade", "alpine", "tundra", "delta", "estuary", "lagoon", "reef", "tide",
            "wave", "current", "stream", "spring", "brook", "creek", "falls", "glen", "hollow", "heath", "moor",
            "marsh", "dune", "mesa", "butte", "bluff", "cliff", "crest", "peak", "highland", "lowland", "midland",
            "upland", "riverside", "lakeside", "seaside", "hillside", "westfield", "eastgate", "northgate",
            "southport", "kingsley", "ashford", "bradley", "carlton", "dalton", "everett", "fairfax", "grafton",
            "hampton", "irving", "jefferson", "kensington", "lancaster", "madison", "newton", "oxford", "preston",
            "quincy", "richmond", "stratford", "trenton", "upton", "vernon", "winston", "yorke", "sterling",
            "noble", "royal", "regal", "grand", "vista", "nova", "nexus", "quantum", "vector", "matrix", "pulse",
            "signal", "spark", "volt", "flux", "fusion", "helix", "lumen", "photon", "pixel", "quartz", "titan",
            "atlas", "hermes", "apollo", "artemis", "athena", "mercury", "jupiter", "saturn", "neptune", "terra");

    private static final List<String> COMPANY_SUFFIXES = List.of(
            "networks", "systems", "telecom", "holdings", "energy", "capital", "labs", "semiconductor", "bank",
            "airlines", "pharma", "foods", "motors", "media", "logistics", "insurance", "mining", "technologies",
            "software", "robotics", "biotech", "materials", "chemicals", "steel", "shipping", "rail", "power",
            "water", "wireless", "broadband", "cloud", "security", "analytics", "devices", "electronics",
            "instruments", "aerospace", "defense", "partners", "group");

    private static final List<String> PLACE_WORDS = List.of(
            "falls", "city", "springs", "heights", "junction", "county", "harbor", "ridge", "creek", "point",
            "hills", "park", "crossing", "landing", "station");

    /** How many tail entries are composed for each kind. */
    static final int COMPANY_TAIL = 7_000;
    static final int PEOPLE_TAIL = 12_000;
    static final int PLACE_TAIL = 2_500;

    private Vocabulary() {
    }

    /** The ranked list of {@code kind}: its head, then (for names) its tail shuffled with {@code random}. */
    static List<String> ranked(Kind kind, Random random) {
        return switch (kind) {
            case COMPANIES -> withTail(COMPANY_HEAD, pairs(NAME_WORDS, COMPANY_SUFFIXES), COMPANY_TAIL, random);
            case PEOPLE -> withTail(PEOPLE_HEAD, pairs(FIRST_NAMES, SURNAMES), PEOPLE_TAIL, random);
            case PLACES -> withTail(PLACE_HEAD, places(), PLACE_TAIL, random);
            case PRODUCTS -> PRODUCTS.stream().distinct().toList();
            case TOPICS -> TOPICS.stream().distinct().toList();
        };
    }

    private static List<String> withTail(List<String> head, List<String> candidates, int tailSize, Random random) {
        List<String> shuffled = new ArrayList<>(candidates);
        Collections.shuffle(shuffled, random);
        Set<String> ranked = new LinkedHashSet<>(head);
        for (String candidate : shuffled) {
            if (ranked.size() >= head.size() + tailSize) {
                break;
            }
            ranked.add(candidate);
        }
        return List.copyOf(ranked);
    }

    private static List<String> pairs(List<String> firsts, List<String> seconds) {
        List<String> pairs = new ArrayList<>(firsts.size() * seconds.size());
        for (String first : firsts) {
            for (String second : seconds) {
                if (!first.equals(second)) {
                    pairs.add(first + " " + second);
                }
            }
        }
        return pairs;
    }

    private static List<String> places() {
        List<String> places = new ArrayList<>(pairs(NAME_WORDS, PLACE_WORDS));
        for (String word : NAME_WORDS) {
            places.add("port " + word);
            places.add("lake " + word);
            places.add("mount " + word);
        }
        return places;
    }
}
