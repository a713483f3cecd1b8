package io.newsmon.enrich.dedup;

import io.newsmon.model.ArticleId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * The remembered originals, as compact arrays: for each article its 16-byte id and its 128-bit sketch
 * (32 bytes), and for each of its {@value Fingerprinter#BANDS} band keys one 4-byte entry in an
 * open-addressing table (8 bits of the key as a tag, 24 bits of slot number), kept at most
 * {@value #FROZEN_LOAD_PERCENT}% full: about 56 bytes per article, measured by {@link #bytes()}. Band keys
 * themselves are not kept, so a full table cannot be rehashed; instead the index is a row of
 * <em>segments</em>, one per {@code window / }{@value #SEGMENTS_PER_WINDOW} of time:
 * <ul>
 *   <li>the newest segment takes the new articles; it also keeps their band keys (20 bytes each), so its
 *       table can grow;</li>
 *   <li>when its oldest article is a segment span old it is frozen: its table is rebuilt at
 *       {@value #FROZEN_LOAD_PERCENT}% load, its keys are dropped, and a new segment starts;</li>
 *   <li>a segment whose newest article is older than the window is dropped whole: that is expiry, in
 *       steps of one segment span (so an article is remembered for between one window and one window plus
 *       one span).</li>
 * </ul>
 * A lookup probes every segment's table with every band key: about {@value #SEGMENTS_PER_WINDOW} + 1
 * segments, whatever the number of articles, so lookup time does not grow with the index.
 *
 * <p>Not thread-safe; {@link Duplicates} serialises access. Example:
 * <pre>{@code
 * FingerprintIndex index = new FingerprintIndex(Duration.ofDays(30));
 * index.add("0f3a...", Fingerprinter.of(text), now);
 * FingerprintIndex.Candidate best = index.best("9bc1...", Fingerprinter.of(other), now);
 * }</pre>
 */
public final class FingerprintIndex {
    /** Segments per window: expiry steps of a window / this. */
    public static final int SEGMENTS_PER_WINDOW = 8;
    static final int FROZEN_LOAD_PERCENT = 85;
    private static final double FROZEN_LOAD = FROZEN_LOAD_PERCENT / 100.0;
    private static final double GROWING_LOAD = 0.7;
    private static final int SLOT_LONGS = 4;
    private static final int MAX_SLOTS = (1 << 24) - 2;
    private static final int FIRST_CAPACITY = 64;
    /** Bytes of a segment's own fields and its arrays' headers, counted by {@link #bytes()}. */
    private static final int SEGMENT_OVERHEAD = 48 + 3 * 16;

    private final long windowMillis;
    private final long spanMillis;
    private final Deque<Segment> frozen = new ArrayDeque<>();
    private Segment current;

    /** The best match of a lookup: the original's id, and the estimated similarity. */
    public record Candidate(String id, double similarity) {
    }

    /**
     * @param window how long an article is remembered after it was seen (at least one segment span more)
     */
    public FingerprintIndex(Duration window) {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("duplicate window " + window + " is not positive: articles must be"
                    + " remembered for some time, for example 30 days");
        }
        this.windowMillis = window.toMillis();
        this.spanMillis = Math.max(1, windowMillis / SEGMENTS_PER_WINDOW);
    }

    /**
     * The remembered article most similar to {@code fingerprint}, among those sharing a band key with it;
     * null when none does. An article remembered under {@code id} itself has similarity 1 and wins.
     */
    public Candidate best(String id, Fingerprint fingerprint, Instant now) {
        expire(now);
        long idHigh = idHigh(id);
        long idLow = idLow(id);
        Segment bestSegment = null;
        int bestSlot = -1;
        double bestSimilarity = -1;
        for (Segment segment : segments()) {
            for (int band = 0; band < Fingerprinter.BANDS; band++) {
                int key = key32(fingerprint.band(band));
                int[] table = segment.table;
                int tag = key & 0xFF;
                for (int i = home(key, table.length); table[i] != 0; i = next(i, table.length)) {
                    int entry = table[i];
                    if (entry >>> 24 != tag) {
                        continue;
                    }
                    int slot = (entry & 0xFFFFFF) - 1;
                    long[] slots = segment.slots;
                    int at = slot * SLOT_LONGS;
                    if (slots[at] == 0 && slots[at + 1] == 0) {
                        continue;
                    }
                    if (slots[at] == idHigh && slots[at + 1] == idLow) {
                        return new Candidate(id, 1);
                    }
                    double similarity = Fingerprint.similarity(slots[at + 2], slots[at + 3],
                            fingerprint.sketchHigh(), fingerprint.sketchLow());
                    if (similarity > bestSimilarity) {
                        bestSimilarity = similarity;
                        bestSegment = segment;
                        bestSlot = slot;
                    }
                }
            }
        }
        if (bestSegment == null) {
            return null;
        }
        int at = bestSlot * SLOT_LONGS;
        return new Candidate(id(bestSegment.slots[at], bestSegment.slots[at + 1]), bestSimilarity);
    }

    /** Remembers {@code id} with {@code fingerprint}, seen at {@code seenAt}. */
    public void add(String id, Fingerprint fingerprint, Instant seenAt) {
        long millis = seenAt.toEpochMilli();
        expire(seenAt);
        if (current != null && (millis - current.oldestMillis >= spanMillis || current.count == MAX_SLOTS)) {
            current.freeze();
            frozen.addLast(current);
            current = null;
        }
        if (current == null) {
            current = new Segment(millis);
        }
        current.add(idHigh(id), idLow(id), fingerprint, millis);
    }

    /** Forgets {@code id} if it is remembered with this fingerprint; returns whether it was. */
    public boolean remove(String id, Fingerprint fingerprint) {
        long idHigh = idHigh(id);
        long idLow = idLow(id);
        for (Segment segment : segments()) {
            for (int band = 0; band < Fingerprinter.BANDS; band++) {
                int key = key32(fingerprint.band(band));
                int[] table = segment.table;
                for (int i = home(key, table.length); table[i] != 0; i = next(i, table.length)) {
                    int at = ((table[i] & 0xFFFFFF) - 1) * SLOT_LONGS;
                    if (table[i] >>> 24 == (key & 0xFF) && segment.slots[at] == idHigh
                            && segment.slots[at + 1] == idLow) {
                        Arrays.fill(segment.slots, at, at + SLOT_LONGS, 0);
                        segment.removed++;
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Drops the segments whose newest article is older than the window before {@code now}. */
    public void expire(Instant now) {
        long cutoff = now.toEpochMilli() - windowMillis;
        while (!frozen.isEmpty() && frozen.peekFirst().newestMillis < cutoff) {
            frozen.removeFirst();
        }
        if (frozen.isEmpty() && current != null && current.newestMillis < cutoff) {
            current = null;
        }
    }

    /** How many articles are remembered. */
    public long size() {
        return segments().stream().mapToLong(s -> s.count - s.removed).sum();
    }

    /** How many segments there are now. */
    public int segmentCount() {
        return frozen.size() + (current == null ? 0 : 1);
    }

    /** The bytes the index's arrays and segments take on the heap. */
    public long bytes() {
        return segments().stream().mapToLong(Segment::bytes).sum();
    }

    private List<Segment> segments() {
        List<Segment> all = new ArrayList<>(frozen);
        if (current != null) {
            all.add(current);
        }
        return all;
    }

    private static int key32(long band) {
        return (int) (band >>> 32);
    }

    private static int home(int key, int capacity) {
        return (int) (((key & 0xFFFFFFFFL) * capacity) >>> 32);
    }

    private static int next(int i, int capacity) {
        return i + 1 == capacity ? 0 : i + 1;
    }

    static long idHigh(String id) {
        return parseId(id, 0);
    }

    static long idLow(String id) {
        return parseId(id, 16);
    }

    /** Ids are {@link ArticleId}s: 32 hex digits, kept as two longs. */
    private static long parseId(String id, int from) {
        if (id.length() != 32) {
            throw notAnArticleId(id);
        }
        try {
            return HexFormat.fromHexDigitsToLong(id, from, from + 16);
        } catch (NumberFormatException e) {
            throw notAnArticleId(id);
        }
    }

    private static IllegalArgumentException notAnArticleId(String id) {
        return new IllegalArgumentException("article id \"" + id + "\" is not 32 hex digits: duplicates are"
                + " remembered by ArticleId");
    }

    private static String id(long high, long low) {
        return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
    }

    /** The articles first seen during one span of time. */
    private static final class Segment {
        private long[] slots = new long[FIRST_CAPACITY * SLOT_LONGS];
        private int[] keys = new int[FIRST_CAPACITY * Fingerprinter.BANDS];
        private int[] table = new int[(int) (FIRST_CAPACITY * Fingerprinter.BANDS / GROWING_LOAD) + 1];
        private int count;
        private int removed;
        private final long oldestMillis;
        private long newestMillis;

        Segment(long millis) {
            this.oldestMillis = millis;
            this.newestMillis = millis;
        }

        void add(long idHigh, long idLow, Fingerprint fingerprint, long millis) {
            if ((count + 1) * SLOT_LONGS > slots.length) {
                int capacity = Math.min(MAX_SLOTS, count + Math.max(FIRST_CAPACITY, count / 2));
                slots = Arrays.copyOf(slots, capacity * SLOT_LONGS);
                keys = Arrays.copyOf(keys, capacity * Fingerprinter.BANDS);
            }
            int at = count * SLOT_LONGS;
            slots[at] = idHigh;
            slots[at + 1] = idLow;
            slots[at + 2] = fingerprint.sketchHigh();
            slots[at + 3] = fingerprint.sketchLow();
            for (int band = 0; band < Fingerprinter.BANDS; band++) {
                keys[count * Fingerprinter.BANDS + band] = key32(fingerprint.band(band));
            }
            count++;
            newestMillis = Math.max(newestMillis, millis);
            if ((long) count * Fingerprinter.BANDS > table.length * GROWING_LOAD) {
                rebuild((int) (table.length * 2L));
            } else {
                for (int band = 0; band < Fingerprinter.BANDS; band++) {
                    insert(table, keys[(count - 1) * Fingerprinter.BANDS + band], count - 1);
                }
            }
        }

        /** Rebuilds the table at the frozen load and drops the keys and the unused slot capacity. */
        void freeze() {
            rebuild((int) Math.ceil(count * Fingerprinter.BANDS / FROZEN_LOAD) + 1);
            slots = Arrays.copyOf(slots, count * SLOT_LONGS);
            keys = null;
        }

        private void rebuild(int capacity) {
            int[] rebuilt = new int[capacity];
            for (int slot = 0; slot < count; slot++) {
                for (int band = 0; band < Fingerprinter.BANDS; band++) {
                    insert(rebuilt, keys[slot * Fingerprinter.BANDS + band], slot);
                }
            }
            table = rebuilt;
        }

        private static void insert(int[] table, int key, int slot) {
            int i = home(key, table.length);
            while (table[i] != 0) {
                i = next(i, table.length);
            }
            table[i] = (key & 0xFF) << 24 | (slot + 1);
        }

        long bytes() {
            return SEGMENT_OVERHEAD + slots.length * 8L + table.length * 4L + (keys == null ? 0 : keys.length * 4L);
        }
    }
}
