package io.newsmon.ingest;

import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.schedule.FeedStates;
import io.newsmon.model.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The health of a set of feeds at one instant, from their {@link FeedState}s: how many are ok, failing or
 * never polled, and which have gone silent.
 *
 * <p>Each feed has one {@link FeedStatus}: <em>never polled</em> when it has no state or its state records
 * no poll; <em>failing</em> when its last poll failed ({@link FeedState#consecutiveFailures()} above 0);
 * <em>ok</em> otherwise.
 *
 * <p>A feed is <em>silent</em>, whatever its status, when it has been polled and has not been read
 * successfully (200 or 304) for more than twice its expected interval plus {@link #GRACE}:
 * {@code now - since > 2 * expected + 1 min}, where
 * <ul>
 *   <li>{@code since} is {@link FeedState#lastSuccess()}, or for a feed never read successfully its
 *       first poll: the first this ingester made, else {@link FeedState#lastPoll()} (after a restart, or
 *       when the feed moved from another instance), since the state keeps no first poll;</li>
 *   <li>{@code expected} is {@link FeedState#interval()}, or the wait the schedule chose after the last
 *       success when that was longer ({@code nextPoll - lastSuccess} then, longer after a
 *       {@code Cache-Control: max-age}, {@code Expires} or RSS {@code <ttl>}). Once the feed fails, its
 *       state no longer tells that wait: the one this ingester saw is used, else the interval.</li>
 * </ul>
 * A feed that fails again and again is thus silent from about twice its interval after its last success,
 * and one whose polls stopped (its state no longer kept, the poller stuck) once it is overdue by more than
 * its wait plus the grace. A feed never polled is not silent. Example: with a 15 min interval and a last
 * success at 10:00, a feed failing since is silent from just after 10:31.
 *
 * @param ok          the feeds polled whose last poll succeeded
 * @param failing     the feeds whose last poll failed
 * @param neverPolled the feeds not polled yet
 * @param silent      the silent feeds, in the order of the feeds given
 */
public record FeedHealth(int ok, int failing, int neverPolled, List<SilentFeed> silent) {
    /** What a feed may be late beyond twice its expected interval before it counts as silent: 1 min. */
    public static final Duration GRACE = Duration.ofMinutes(1);

    public FeedHealth {
        silent = List.copyOf(silent);
    }

    /** All the feeds counted. */
    public int feeds() {
        return ok + failing + neverPolled;
    }

    /**
     * What an ingester remembers of a feed beyond its state; lost on restart.
     *
     * @param firstPoll        its first poll, while it was never read successfully; else null
     * @param waitAfterSuccess the expected interval after its last success; null before one
     */
    record Seen(Instant firstPoll, Duration waitAfterSuccess) {
        /** What is remembered once {@code state}, the result of a poll, is kept. */
        static Seen after(Seen before, FeedState state) {
            if (state.lastSuccess() == null) {
                return before != null && before.firstPoll() != null ? before : new Seen(state.lastPoll(), null);
            }
            return state.healthy() ? new Seen(null, expectedInterval(state, null)) : before;
        }
    }

    /**
     * The health of {@code feeds} at {@code now}.
     *
     * @param seen what this ingester remembers of each feed it polled, by URL
     */
    static FeedHealth of(List<FeedSource> feeds, FeedStates states, Map<String, Seen> seen, Instant now) {
        int ok = 0;
        int failing = 0;
        int neverPolled = 0;
        List<SilentFeed> silent = new ArrayList<>();
        for (FeedSource feed : feeds) {
            FeedState state = states.get(feed.url()).orElse(null);
            FeedStatus status = FeedStatus.of(state);
            switch (status) {
                case OK -> ok++;
                case FAILING -> failing++;
                case NEVER_POLLED -> neverPolled++;
            }
            if (status != FeedStatus.NEVER_POLLED) {
                silence(feed, state, seen.get(feed.url()), now).ifPresent(silent::add);
            }
        }
        return new FeedHealth(ok, failing, neverPolled, silent);
    }

    /** The feed as silent at {@code now}, or empty when it is not (or was never polled). */
    static Optional<SilentFeed> silence(FeedSource feed, FeedState state, Seen seen, Instant now) {
        if (state.lastPoll() == null) {
            return Optional.empty();
        }
        Instant firstPoll = seen == null ? null : seen.firstPoll();
        Instant since = state.lastSuccess() != null ? state.lastSuccess()
                : firstPoll != null && firstPoll.isBefore(state.lastPoll()) ? firstPoll : state.lastPoll();
        Duration expected = expectedInterval(state, seen);
        boolean silent = Duration.between(since, now).compareTo(expected.multipliedBy(2).plus(GRACE)) > 0;
        return silent ? Optional.of(new SilentFeed(feed.url(), feed.name(), state.lastSuccess(), expected))
                : Optional.empty();
    }

    /** The state's interval, or the longer wait the schedule chose after the last success. */
    static Duration expectedInterval(FeedState state, Seen seen) {
        Duration wait;
        if (state.healthy() && state.lastSuccess() != null) {
            wait = Duration.between(state.lastSuccess(), state.nextPoll());
        } else {
            wait = seen == null ? null : seen.waitAfterSuccess();
        }
        return wait != null && wait.compareTo(state.interval()) > 0 ? wait : state.interval();
    }
}
