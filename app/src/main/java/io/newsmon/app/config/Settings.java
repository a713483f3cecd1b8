package io.newsmon.app.config;

import io.newsmon.enrich.dedup.Duplicates;
import io.newsmon.ingest.fetch.FetchSettings;
import io.newsmon.ingest.politeness.PolitenessSettings;
import io.newsmon.ingest.schedule.PollSettings;
import io.newsmon.kafka.KafkaStage;
import io.newsmon.kafka.KafkaTopics;
import io.newsmon.store.jdbc.Dialect;
import io.newsmon.store.jdbc.JdbcUrls;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every setting of newsmon, each declared once: key, type, default, rule, documentation and the
 * commands that read it. The options of those commands take their defaults and descriptions from here
 * ({@link CommandLineSettings}), {@code newsmon config docs} prints this table and
 * {@code newsmon config check} checks a config file against it.
 *
 * <p>A setting is given, from the strongest to the weakest, as a long option ({@code --per-host-delay
 * PT2S}), an environment variable ({@code NEWSMON_PER_HOST_DELAY=PT2S}) or a key of the YAML config file
 * ({@code per-host-delay: PT2S}), else it has its default.
 *
 * <p>A setting that fills a field of a stage's settings record has the field's name ({@code per-host-delay}
 * fills {@link PolitenessSettings#perHostDelay()}) and takes its default from the record's
 * {@code defaults()}, so that the two cannot disagree; the stages know nothing of this catalogue.
 */
public final class Settings {
    public static final String RUN = "run";
    public static final String INGEST = "ingest";
    public static final String ENRICH = "enrich";
    public static final String STORE_COMMAND = "store";
    public static final String EXPORT = "export";
    public static final String BROKER = "broker";
    public static final String FEEDS_STATUS = "feeds status";
    public static final String DLQ_LIST = "dlq list";
    public static final String DLQ_REPLAY = "dlq replay";

    private static final FetchSettings FETCH = FetchSettings.defaults();
    private static final PolitenessSettings POLITENESS = PolitenessSettings.defaults();
    private static final PollSettings POLL = PollSettings.defaults();
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration LONGEST_RECORD_BUDGET = Duration.ofMinutes(5);
    private static final Duration LONGEST_DUPLICATE_WINDOW = Duration.ofMillis(KafkaTopics.FINGERPRINT_RETENTION_MS);
    /** An IPv4 address, or hex digits, colons and dots with a colon (IPv6): a literal, never a name to look up. */
    private static final Pattern IP_LITERAL = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])|[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*");
    private static final Pattern BROKER_ADDRESS =
            Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)?(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+):[0-9]{1,5}");

    public static final Setting<Path> FEEDS = Setting.of("feeds", ValueType.PATH, null,
            "Feeds file (YAML); without it, the bundled list of public feeds about Huawei and US tech trade policy.",
            RUN, INGEST, FEEDS_STATUS).must(Rule.readableFile()).example("feeds.yml");

    public static final Setting<Path> TOPICS = Setting.of("topics", ValueType.PATH, null,
            "Topics file (YAML: id, name, Lucene query); without it, the bundled Huawei and US trade taxonomy.",
            RUN, ENRICH).must(Rule.readableFile()).example("topics.yml");

    public static final Setting<Boolean> ALLOW_PRIVATE_ADDRESSES = Setting.of("allow-private-addresses",
            ValueType.BOOLEAN, FETCH.allowPrivateAddresses(), "Let ingest fetch loopback and private hosts (for local"
                    + " sites and tests); refused unless true, so that a feed cannot reach into your network.",
            RUN, INGEST);

    public static final Setting<String> CONTACT = Setting.of("contact", ValueType.TEXT, FetchSettings.DEFAULT_CONTACT,
            "Contact URL put in the User-Agent (newsmon/0.1 (+URL)), so site owners can reach you.", RUN, INGEST)
            .must(Rule.accepted("must be an absolute http(s) URL or a mailto: address, without parentheses",
                    FetchSettings::userAgentFor));

    public static final Setting<Duration> PER_HOST_DELAY = Setting.of("per-host-delay", ValueType.DURATION,
            POLITENESS.perHostDelay(),
            "Minimum time between two requests to one host; a longer robots.txt Crawl-delay wins, up to 30 s.",
            RUN, INGEST).must(Rule.atLeast(Duration.ZERO));

    public static final Setting<Integer> PER_HOST_CONNECTIONS = Setting.of("per-host-connections", ValueType.INTEGER,
            POLITENESS.perHostConnections(), "Most requests in flight to one host at a time.", RUN, INGEST)
            .must(Rule.atLeast(1));

    public static final Setting<Boolean> IGNORE_ROBOTS_TXT = Setting.of("ignore-robots-txt", ValueType.BOOLEAN,
            POLITENESS.ignoreRobotsTxt(), "Do not read robots.txt; only for your own sites, since robots.txt is obeyed"
                    + " unless true.", RUN, INGEST);

    public static final Setting<Duration> POLL_INTERVAL = Setting.of("poll-interval", ValueType.DURATION,
            POLL.pollInterval(),
            "Interval a feed starts from; it then adapts between min-poll-interval and max-poll-interval"
                    + " (and is kept within them).", RUN, INGEST).must(Rule.atLeast(ONE_SECOND));

    public static final Setting<Duration> MIN_POLL_INTERVAL = Setting.of("min-poll-interval", ValueType.DURATION,
            POLL.minPollInterval(), "Shortest interval between two polls of a feed that publishes often.", RUN, INGEST)
            .must(Rule.atLeast(ONE_SECOND));

    public static final Setting<Duration> MAX_POLL_INTERVAL = Setting.of("max-poll-interval", ValueType.DURATION,
            POLL.maxPollInterval(), "Longest interval between two polls of a quiet feed; also caps Cache-Control,"
                    + " Expires and RSS ttl.", RUN, INGEST).must(Rule.atLeast(ONE_SECOND));

    public static final Setting<Duration> MAX_BACKOFF = Setting.of("max-backoff", ValueType.DURATION,
            POLL.maxBackoff(),
            "Longest wait before retrying a failing feed; failures back off from 1 min, doubling with jitter,"
                    + " and are retried forever.", RUN, INGEST).must(Rule.atLeast(ONE_SECOND));

    public static final Setting<Duration> DUPLICATE_WINDOW = Setting.of("duplicate-window", ValueType.DURATION,
            Duplicates.DEFAULT_WINDOW, "How long an original is remembered for near-duplicate detection.", RUN, ENRICH)
            .must(Rule.of("must be positive and at most P" + LONGEST_DUPLICATE_WINDOW.toDays()
                    + "D, how long the broker keeps fingerprints",
                    window -> window.isPositive() && window.compareTo(LONGEST_DUPLICATE_WINDOW) <= 0));

    public static final Setting<String> BOOTSTRAP_SERVERS = Setting.of("bootstrap-servers", ValueType.TEXT, null,
            "Kafka brokers; without them run starts an embedded broker, and feeds status and dlq use the one"
                    + " under data-dir.", RUN, INGEST, ENRICH, STORE_COMMAND, FEEDS_STATUS, DLQ_LIST, DLQ_REPLAY)
            .must(Rule.of("must be host:port[,host:port...], for example 127.0.0.1:9092", Settings::isBrokerList))
            .requiredBy(INGEST, ENRICH, STORE_COMMAND).example("127.0.0.1:9092");

    public static final Setting<String> INSTANCE_ID = Setting.of("instance-id", ValueType.TEXT, null,
            "This process's name in the consumer group and transactional id of each stage it runs; the same"
                    + " across its restarts, so that a restarted stage takes its work back at once, and different for"
                    + " two processes of one stage. Default: the host name.", RUN, INGEST, ENRICH, STORE_COMMAND)
            .must(Rule.of("must be 1 to 100 letters, digits, '.', '_' or '-'",
                    id -> id.matches("[A-Za-z0-9._-]{1,100}"))).example("enrich-1");

    public static final Setting<String> STORE = Setting.of("store", ValueType.TEXT, null,
            "Database: jdbc:postgresql://host/db?user=... or jdbc:sqlite:FILE; run defaults to"
                    + " jdbc:sqlite:<data-dir>/newsmon.db.", RUN, STORE_COMMAND, EXPORT)
            .must(Rule.accepted("must start with " + Arrays.stream(Dialect.values()).map(Dialect::urlPrefix)
                    .collect(Collectors.joining(" or ")) + ", and a SQLite URL must name a file (not :resource:, which"
                    + " the driver would fetch itself)", Dialect::of))
            .requiredBy(STORE_COMMAND, EXPORT).example("jdbc:postgresql://127.0.0.1:5432/newsmon?user=newsmon")
            .shown(JdbcUrls::mask);

    public static final Setting<Path> DATA_DIR = Setting.of("data-dir", ValueType.PATH, Path.of("newsmon-data"),
            "Folder of the embedded broker's data (kafka/) and of run's default SQLite file; broker, feeds status"
                    + " and dlq find run's broker there.", RUN, BROKER, FEEDS_STATUS, DLQ_LIST, DLQ_REPLAY);

    public static final Setting<Duration> DRAIN_TIMEOUT = Setting.of("drain-timeout", ValueType.DURATION,
            Duration.ofMinutes(5),
            "With --once, how long run waits for the fetched articles to be stored.", RUN)
            .must(Rule.of("must be positive", Duration::isPositive));

    public static final Setting<Duration> ONCE_DEADLINE = Setting.of("once-deadline", ValueType.DURATION,
            Duration.ofMinutes(15),
            "With --once, how long feeds and pages are fetched; then fetching stops, what was fetched is processed,"
                    + " and the summary says what was left for the next run.", RUN, INGEST)
            .must(Rule.of("must be positive", Duration::isPositive));

    public static final Setting<Duration> RECORD_BUDGET = Setting.of("record-budget", ValueType.DURATION,
            KafkaStage.DEFAULT_RECORD_BUDGET,
            "Longest time enrich may spend on one page and store on one article's write (whole seconds); a record"
                    + " that takes longer, or fails, goes to news.dlq with the reason and the stage goes on.",
            RUN, ENRICH, STORE_COMMAND).must(Rule.of("must be at least 1 s and at most 5 minutes (enrich's Kafka"
                    + " transaction may last twice the budget, and brokers allow 15 minutes unless configured otherwise)",
                    budget -> budget.compareTo(ONE_SECOND) >= 0 && budget.compareTo(LONGEST_RECORD_BUDGET) <= 0));

    public static final Setting<Integer> METRICS_PORT = Setting.of("metrics-port", ValueType.INTEGER, null,
            "Serve /metrics (Prometheus) and /health on this port of metrics-bind; not served unless set.",
            RUN, INGEST, ENRICH, STORE_COMMAND).must(Rule.port()).example("9464");

    public static final Setting<String> METRICS_BIND = Setting.of("metrics-bind", ValueType.TEXT, "127.0.0.1",
            "Address /metrics and /health listen on: 127.0.0.1 serves this machine only (the meters name feed"
                    + " URLs, and there is no login); 0.0.0.0 serves every interface, as a container needs.",
            RUN, INGEST, ENRICH, STORE_COMMAND)
            .must(Rule.of("must be an IP address of this machine, such as 127.0.0.1, ::1 or 0.0.0.0",
                    Settings::isLocalAddressLiteral));

    private static final String[] LOGGING = {RUN, INGEST, ENRICH, STORE_COMMAND, EXPORT, BROKER, FEEDS_STATUS,
        DLQ_LIST, DLQ_REPLAY};

    public static final Setting<String> LOG_FORMAT = Setting.of("log-format", ValueType.oneOf("console", "json"),
            "console", "Format of the logs on standard error: console for people, json for log shippers"
                    + " (one JSON object per line).", LOGGING);

    public static final Setting<String> LOG_LEVEL = Setting.of("log-level",
            ValueType.oneOf("ERROR", "WARN", "INFO", "DEBUG", "TRACE"), "INFO",
            "Least severe level logged; Kafka, Flyway and Hikari stay at WARN, the PostgreSQL driver at INFO.",
            LOGGING);

    /** Every setting, in the order of the reference. */
    public static final List<Setting<?>> ALL = List.of(FEEDS, TOPICS, ALLOW_PRIVATE_ADDRESSES, CONTACT,
            PER_HOST_DELAY, PER_HOST_CONNECTIONS, IGNORE_ROBOTS_TXT, POLL_INTERVAL, MIN_POLL_INTERVAL,
            MAX_POLL_INTERVAL, MAX_BACKOFF, DUPLICATE_WINDOW, BOOTSTRAP_SERVERS, INSTANCE_ID, STORE, DATA_DIR, DRAIN_TIMEOUT,
            ONCE_DEADLINE, RECORD_BUDGET, METRICS_PORT, METRICS_BIND, LOG_FORMAT, LOG_LEVEL);

    /** The rules between settings, checked when both have good values. */
    public static final List<CrossRule<?>> CROSS_RULES = List.of(CrossRule.atLeast(MAX_POLL_INTERVAL, MIN_POLL_INTERVAL));

    /**
     * The long options of the commands that read settings that are not settings, and why.
     */
    public static final Map<String, String> NOT_SETTINGS = Map.of(
            "help", "prints help",
            "version", "prints the version",
            "config", "names the config file the settings come from (or NEWSMON_CONFIG)",
            "once", "an action, not a setting: it says what this invocation does (one round, then exit), and left"
                    + " in the environment or a shared file it would make a service exit after one round");

    /** The environment variable that names the config file. */
    public static final String CONFIG_ENV = "NEWSMON_CONFIG";

    private Settings() {
    }

    /** The setting with this key. */
    public static Optional<Setting<?>> byKey(String key) {
        return ALL.stream().filter(setting -> setting.key().equals(key)).findFirst();
    }

    /** The settings {@code command} reads, for example {@code ingest} or {@code feeds status}. */
    public static List<Setting<?>> forCommand(String command) {
        return ALL.stream().filter(setting -> setting.commands().contains(command)).toList();
    }

    /** Every command that reads settings, in the order of first mention. */
    public static Set<String> commands() {
        return ALL.stream().flatMap(setting -> setting.commands().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The key {@code unknown} was probably meant to be, if one is close: the same words with other
     * separators or case ({@code PER_HOST_DELAY}, {@code per.host.delay}) or one or two letters apart.
     */
    public static Optional<String> closestKey(String unknown) {
        String normal = unknown.strip().replaceFirst("^-+", "").toLowerCase(Locale.ROOT).replaceAll("[._ ]", "-")
                .replaceFirst("^newsmon-", "");
        return ALL.stream().map(Setting::key)
                .map(key -> Map.entry(key, distance(normal, key)))
                .filter(entry -> entry.getValue() <= Math.max(2, entry.getKey().length() / 5))
                .min(Comparator.comparing(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }

    static boolean isBrokerList(String servers) {
        return Arrays.stream(servers.split(",", -1)).allMatch(server -> BROKER_ADDRESS.matcher(server.strip()).matches());
    }

    /**
     * Whether {@code address} is an IPv4 or IPv6 address literal (no name, so nothing is looked up) that a
     * server here can listen on: the wildcard, loopback, or an address of one of this machine's interfaces.
     */
    static boolean isLocalAddressLiteral(String address) {
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        if (!IP_LITERAL.matcher(bare).matches()) {
            return false;
        }
        try {
            InetAddress literal = InetAddress.getByName(bare);
            return literal.isAnyLocalAddress() || literal.isLoopbackAddress()
                    || NetworkInterface.getByInetAddress(literal) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
