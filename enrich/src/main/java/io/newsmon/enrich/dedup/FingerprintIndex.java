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
 * open-addressing table (12 bits of the key as a tag, so that a probe rarely reads a slot in vain, and
 * 20 bits of slot number), kept at most
 * {@value #FROZEN_LOAD_PERCENT}% full: about 56 bytes per frozen article, 59 on average with the growing
 * segment, counted by {@link #bytes()}. Band keys
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
    public static final int SEGMENTS_PER_WINDOW = 16;
    static final int FROZEN_LOAD_PERCENT = 85;
    private static final double FROZEN_LOAD = FROZEN_LOAD_PERCENT / 100.0;
    private static final double GROWING_LOAD = 0.75;
    private static final int SLOT_LONGS = 4;
    /** Bits of a table entry that number the slot (plus one; 0 is an empty entry); the rest is the tag. */
    private static final int SLOT_BITS = 20;
    private static final int SLOT_MASK = (1 << SLOT_BITS) - 1;
    private static final int TAG_MASK = (1 << (32 - SLOT_BITS)) - 1;
    /** The most articles a segment holds; a full segment is frozen early. */
    private static final int MAX_SLOTS = SLOT_MASK - 1;
    private static final int FIRST_CAPACITY = 64;
    /** Bytes of a segment's own fields and its arrays' headers, counted by {@link #bytes()}. */
    private static final int SEGMENT_OVERHEAD = 48 + 3 * 16;

    private final long windowMillis;
    private final long spanMillis;
    private final Deque<Segment> frozen = new ArrayDeque<>();
    private Segment current;
    /** The sum of {@link #touchHomes}'s reads; never read. */
    private int touched;

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
        List<Segment> segments = segments();
        touchHomes(segments, fingerprint);
        for (Segment segment : segments) {
            for (int band = 0; band < Fingerprinter.BANDS; band++) {
                int key = key32(fingerprint.band(band));
                int tag = key & TAG_MASK;
                Table table = segment.table;
                for (int i = home(key, table.capacity); table.get(i) != 0; i = next(i, table.capacity)) {
                    int entry = table.get(i);
                    if (entry >>> SLOT_BITS != tag) {
                        continue;
                    }
                    int slot = (entry & SLOT_MASK) - 1;
                    long[] chunk = segment.chunk(slot);
                    int at = Segment.offset(slot);
                    if (chunk[at] == 0 && chunk[at + 1] == 0) {
                        continue;
                    }
                    if (chunk[at] == idHigh && chunk[at + 1] == idLow) {
                        return new Candidate(id, 1);
                    }
                    double similarity = Fingerprint.similarity(chunk[at + 2], chunk[at + 3],
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
        long[] chunk = bestSegment.chunk(bestSlot);
        int at = Segment.offset(bestSlot);
        return new Candidate(id(chunk[at], chunk[at + 1]), bestSimilarity);
    }

    /**
     * Reads the first two cache lines of every probe sequence a look-up will walk, one after the other
     * and without branching on what they hold, so that the processor fetches them from memory in parallel
     * instead of one miss at a time: in a large index, where the tables do not fit in the caches, this
     * makes a look-up several times faster. The sum only keeps the reads from being optimised away.
     */
    private void touchHomes(List<Segment> segments, Fingerprint fingerprint) {
        int sum = 0;
        for (Segment segment : segments) {
            Table table = segment.table;
            for (int band = 0; band < Fingerprinter.BANDS; band++) {
                int home = home(key32(fingerprint.band(band)), table.capacity);
                sum += table.get(home) + table.get(Math.min(home + 16, table.capacity - 1));
            }
        }
        touched += sum;
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
                Table table = segment.table;
                for (int i = home(key, table.capacity); table.get(i) != 0; i = next(i, table.capacity)) {
                    int slot = (table.get(i) & SLOT_MASK) - 1;
                    long[] chunk = segment.chunk(slot);
                    int at = Segment.offset(slot);
                    if (table.get(i) >>> SLOT_BITS == (key & TAG_MASK) && chunk[at] == idHigh
                            && chunk[at + 1] == idLow) {
                        Arrays.fill(chunk, at, at + SLOT_LONGS, 0);
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

    /**
     * An open-addressing table of int entries, in chunks of {@value #CHUNK_INTS} ints (64 KiB) so that no
     * array is large enough to be a humongous object, which G1 rounds up to whole heap regions.
     */
    private static final class Table {
        static final int CHUNK_BITS = 14;
        static final int CHUNK_INTS = 1 << CHUNK_BITS;
        final int capacity;
        final int[][] chunks;

        Table(int capacity) {
            this.capacity = capacity;
            this.chunks = new int[(capacity + CHUNK_INTS - 1) >>> CHUNK_BITS][];
            for (int c = 0; c < chunks.length; c++) {
                chunks[c] = new int[Math.min(CHUNK_INTS, capacity - (c << CHUNK_BITS))];
            }
        }

        int get(int i) {
            return chunks[i >>> CHUNK_BITS][i & (CHUNK_INTS - 1)];
        }

        void insert(int key, int slot) {
            int i = home(key, capacity);
            while (get(i) != 0) {
                i = next(i, capacity);
            }
            chunks[i >>> CHUNK_BITS][i & (CHUNK_INTS - 1)] = (key & TAG_MASK) << SLOT_BITS | (slot + 1);
        }

        long bytes() {
            return 16L + chunks.length * 16L + capacity * 4L;
        }
    }

    /**
     * The articles first seen during one span of time: per slot, id and sketch in chunks of
     * {@value #SLOTS_PER_CHUNK} slots (64 KiB), the band entries in a {@link Table} and, while the segment
     * grows, the band keys.
     */
    private static final class Segment {
        static final int CHUNK_SLOT_BITS = 11;
        static final int SLOTS_PER_CHUNK = 1 << CHUNK_SLOT_BITS;
        private final List<long[]> slots = new ArrayList<>();
        private List<int[]> keys = new ArrayList<>();
        private Table table = new Table((int) (FIRST_CAPACITY * Fingerprinter.BANDS / GROWING_LOAD) + 1);
        private int count;
        private int removed;
        private final long oldestMillis;
        private long newestMillis;

        Segment(long millis) {
            this.oldestMillis = millis;
            this.newestMillis = millis;
        }

        long[] chunk(int slot) {
            return slots.get(slot >>> CHUNK_SLOT_BITS);
        }

        static int offset(int slot) {
            return (slot & (SLOTS_PER_CHUNK - 1)) * SLOT_LONGS;
        }

        void add(long idHigh, long idLow, Fingerprint fingerprint, long millis) {
            int inChunk = count & (SLOTS_PER_CHUNK - 1);
            if (inChunk == 0) {
                slots.add(new long[FIRST_CAPACITY * SLOT_LONGS]);
                keys.add(new int[FIRST_CAPACITY * Fingerprinter.BANDS]);
            } else if (inChunk * SLOT_LONGS == slots.getLast().length) {
                // The last chunk doubles until it is full size, so a small segment stays small.
                int capacity = Math.min(SLOTS_PER_CHUNK, inChunk * 2);
                slots.set(slots.size() - 1, Arrays.copyOf(slots.getLast(), capacity * SLOT_LONGS));
                keys.set(keys.size() - 1, Arrays.copyOf(keys.getLast(), capacity * Fingerprinter.BANDS));
            }
            long[] chunk = chunk(count);
            int at = offset(count);
            chunk[at] = idHigh;
            chunk[at + 1] = idLow;
            chunk[at + 2] = fingerprint.sketchHigh();
            chunk[at + 3] = fingerprint.sketchLow();
            int[] keyChunk = keys.get(count >>> CHUNK_SLOT_BITS);
            int keyAt = (count & (SLOTS_PER_CHUNK - 1)) * Fingerprinter.BANDS;
            for (int band = 0; band < Fingerprinter.BANDS; band++) {
                keyChunk[keyAt + band] = key32(fingerprint.band(band));
            }
            count++;
            newestMillis = Math.max(newestMillis, millis);
            if ((long) count * Fingerprinter.BANDS > table.capacity * GROWING_LOAD) {
                rebuild((int) (table.capacity * 3L / 2));
            } else {
                for (int band = 0; band < Fingerprinter.BANDS; band++) {
                    table.insert(keyChunk[keyAt + band], count - 1);
                }
            }
        }

        /** Rebuilds the table at the frozen load and drops the keys and the unused slot capacity. */
        void freeze() {
            rebuild((int) Math.ceil(count * Fingerprinter.BANDS / FROZEN_LOAD) + 1);
            int last = slots.size() - 1;
            if (last >= 0) {
                slots.set(last, Arrays.copyOf(slots.get(last), offset(count - 1) + SLOT_LONGS));
            }
            keys = null;
        }

        private void rebuild(int capacity) {
            Table rebuilt = new Table(capacity);
            for (int slot = 0; slot < count; slot++) {
                int[] keyChunk = keys.get(slot >>> CHUNK_SLOT_BITS);
                int keyAt = (slot & (SLOTS_PER_CHUNK - 1)) * Fingerprinter.BANDS;
                for (int band = 0; band < Fingerprinter.BANDS; band++) {
                    rebuilt.insert(keyChunk[keyAt + band], slot);
                }
            }
            table = rebuilt;
        }

        long bytes() {
            long bytes = SEGMENT_OVERHEAD + table.bytes();
            for (long[] chunk : slots) {
                bytes += 16 + chunk.length * 8L;
            }
            if (keys != null) {
                for (int[] chunk : keys) {
                    bytes += 16 + chunk.length * 4L;
                }
            }
            return bytes;
        }
    }
}
