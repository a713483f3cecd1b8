package io.newsmon.benchmarks;

import io.newsmon.benchmarks.Vocabulary.Kind;
import io.newsmon.enrich.tag.TopicDefinition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Generates the stored queries of a busy news monitor, deterministically: the same count and seed give
 * the same queries, in the same order, on every run.
 *
 * <p><b>Vocabulary.</b> Four ranked lists of entities (about 7,200 companies, 12,100 people, 2,600 places,
 * 90 products and technologies) and one of about 230 context terms and subjects (sanctions, lawsuit,
 * "entity list", earnings, "power outage", "city council", ...); see {@link Vocabulary}. Each list starts
 * with well-known names in rough order of popularity; the entity lists continue with a long tail of
 * plausible composed names ({@code "harbor networks"}, {@code "laura chen"}, {@code "cedar falls"}).
 *
 * <p><b>Spread.</b> Every entry is drawn from its list with a Zipf-Mandelbrot law, the chance of rank
 * {@code k} proportional to {@code 1 / (k + 10)}: the head is watched by many queries (the hand-written
 * heads of 110 to 190 names take a third to a half of the entity draws), the tail by one or two each. So
 * a typical article mentions entities that some queries watch, and only a small share of the queries
 * match it.
 *
 * <p><b>Shapes</b>, with their share of the queries:
 * <ul>
 *   <li>18% one entity: {@code qualcomm}, {@code "meng wanzhou"};</li>
 *   <li>16% a watchlist of 2 to 6 entities of one kind: {@code (huawei OR zte OR "china mobile")};</li>
 *   <li>18% an entity (or two) in a context: {@code +"sk hynix" +(sanctions OR "export controls")};</li>
 *   <li>12% a context and a watchlist: {@code +"entity list" +(huawei OR zte)};</li>
 *   <li>8% an entity and places: {@code +nvidia +(china OR taiwan)};</li>
 *   <li>6% two entities together: {@code +"tim cook" +"xi jinping"};</li>
 *   <li>8% a subject without an entity: {@code "drought emergency"}, {@code +storm +("power outage" OR flood)};</li>
 *   <li>5% an entity without a context: {@code +apple -(recall OR lawsuit)};</li>
 *   <li>4% entities in the title only: {@code title:(tesla OR byd)};</li>
 *   <li>3% a proximity phrase: {@code "huawei ban"~8};</li>
 *   <li>2% an entity mentioned at least twice: {@code "zte zte"~100000} (one-word entities only).</li>
 * </ul>
 * Duplicate query texts are drawn again, so the count is of distinct queries. Ids are {@code q00001},
 * {@code q00002}, ...
 *
 * <p>Example: {@code new TopicTagger(StoredQueries.generate(10_000))}.
 */
public final class StoredQueries {
    /** The seed the benchmarks use. */
    public static final long SEED = 20_240_601L;
    /** The offset {@code q} of the Zipf-Mandelbrot law {@code 1 / (k + q)}. */
    public static final double ZIPF_OFFSET = 10;

    private static final Pattern BARE = Pattern.compile("[a-z0-9]+");

    private final Random random;
    private final Map<Kind, Ranked> lists = new EnumMap<>(Kind.class);

    private StoredQueries(long seed) {
        this.random = new Random(seed);
        for (Kind kind : Kind.values()) {
            lists.put(kind, new Ranked(Vocabulary.ranked(kind, random)));
        }
    }

    /** {@code count} distinct queries generated with {@link #SEED}. */
    public static List<TopicDefinition> generate(int count) {
        return generate(count, SEED);
    }

    /** {@code count} distinct queries generated with {@code seed}. */
    public static List<TopicDefinition> generate(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("query count " + count + " must be at least 1");
        }
        StoredQueries generator = new StoredQueries(seed);
        Set<String> queries = new LinkedHashSet<>();
        int attempts = 0;
        while (queries.size() < count) {
            if (++attempts > count * 20) {
                throw new IllegalStateException("could generate only " + queries.size() + " distinct queries of "
                        + count + " requested: the vocabulary is too small");
            }
            queries.add(generator.query());
        }
        List<TopicDefinition> topics = new ArrayList<>(count);
        int number = 0;
        for (String query : queries) {
            number++;
            topics.add(new TopicDefinition(String.format("q%05d", number), "stored query " + number, query));
        }
        return List.copyOf(topics);
    }

    /** One query of a shape drawn with the shares of the class comment. */
    String query() {
        int shape = random.nextInt(100);
        if (shape < 18) {
            return term(entity());
        } else if (shape < 34) {
            return or(watchlist(entityKind(), 2 + random.nextInt(5)));
        } else if (shape < 52) {
            String entities = random.nextInt(4) == 0 ? or(watchlist(entityKind(), 2)) : term(entity());
            return "+" + entities + " +" + or(distinct(Kind.TOPICS, 1 + random.nextInt(3)));
        } else if (shape < 64) {
            return "+" + term(draw(Kind.TOPICS)) + " +" + or(watchlist(entityKind(), 2 + random.nextInt(3)));
        } else if (shape < 72) {
            return "+" + term(entity()) + " +" + or(distinct(Kind.PLACES, 1 + random.nextInt(3)));
        } else if (shape < 78) {
            String first = term(draw(random.nextBoolean() ? Kind.PEOPLE : Kind.COMPANIES));
            String second = term(entity());
            return first.equals(second) ? first : "+" + first + " +" + second;
        } else if (shape < 86) {
            List<String> topics = distinct(Kind.TOPICS, 1 + random.nextInt(3));
            return topics.size() == 1 ? term(topics.getFirst())
                    : "+" + term(topics.getFirst()) + " +" + or(topics.subList(1, topics.size()));
        } else if (shape < 91) {
            return "+" + term(entity()) + " -" + or(distinct(Kind.TOPICS, 1 + random.nextInt(2)));
        } else if (shape < 95) {
            return "title:" + or(watchlist(entityKind(), 1 + random.nextInt(3)));
        } else if (shape < 98) {
            return "\"" + entity() + " " + draw(Kind.TOPICS) + "\"~" + (3 + random.nextInt(10));
        } else {
            String entity = entity();
            return BARE.matcher(entity).matches() ? "\"" + entity + " " + entity + "\"~100000"
                    : "title:" + term(entity);
        }
    }

    private Kind entityKind() {
        int kind = random.nextInt(100);
        return kind < 40 ? Kind.COMPANIES : kind < 70 ? Kind.PEOPLE : kind < 85 ? Kind.PLACES : Kind.PRODUCTS;
    }

    private String entity() {
        return draw(entityKind());
    }

    private String draw(Kind kind) {
        return lists.get(kind).draw(random);
    }

    private List<String> watchlist(Kind kind, int size) {
        return distinct(kind, size);
    }

    private List<String> distinct(Kind kind, int size) {
        Set<String> entries = new LinkedHashSet<>();
        for (int i = 0; i < size * 4 && entries.size() < size; i++) {
            entries.add(draw(kind));
        }
        return List.copyOf(entries);
    }

    /** The entries as one term, or as a parenthesised disjunction. */
    private static String or(List<String> entries) {
        if (entries.size() == 1) {
            return term(entries.getFirst());
        }
        List<String> terms = entries.stream().map(StoredQueries::term).toList();
        return "(" + String.join(" OR ", terms) + ")";
    }

    /** One vocabulary entry in query syntax: a bare word, or a quoted phrase. */
    private static String term(String entry) {
        return BARE.matcher(entry).matches() ? entry : '"' + entry + '"';
    }

    /** A ranked list and the cumulative Zipf-Mandelbrot weights of its ranks. */
    private static final class Ranked {
        private final List<String> entries;
        private final double[] cumulative;

        Ranked(List<String> entries) {
            this.entries = entries;
            this.cumulative = new double[entries.size()];
            double sum = 0;
            for (int rank = 1; rank <= entries.size(); rank++) {
                sum += 1 / (rank + ZIPF_OFFSET);
                cumulative[rank - 1] = sum;
            }
        }

        String draw(Random random) {
            double target = random.nextDouble() * cumulative[cumulative.length - 1];
            int low = 0;
            int high = cumulative.length - 1;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (cumulative[middle] < target) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return entries.get(low);
        }
    }
}
