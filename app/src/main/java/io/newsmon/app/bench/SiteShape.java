package io.newsmon.app.bench;

import java.time.Duration;

/**
 * The size of the synthetic news site that {@code newsmon bench} ingests.
 *
 * <p>Feed {@code f} (from 0) lives on host {@code f % hosts}; article {@code a} belongs to feed
 * {@code a % feeds}, so the articles are spread evenly over the feeds and each article is on its feed's
 * host. Host {@code h} is the loopback address {@code 127.0.(h / 254).(h % 254 + 1)}, so host 0 is
 * {@code 127.0.0.1} and every host is a distinct address that politeness treats as a host of its own.
 *
 * <p>Example: {@code new SiteShape(1000, 100, 10_000, 30 * 1024, Duration.ofMillis(5))}.
 *
 * @param feeds     how many RSS feeds; at least 1
 * @param hosts     how many hosts serve them; 1 to {@link #MAX_HOSTS}, and at most {@code feeds}
 * @param articles  how many article pages; at least {@code feeds}, so that no feed is empty
 * @param pageBytes the size of each article page in bytes, roughly; at least 1024
 * @param latency   added before every response, to act like a remote server; zero or positive
 */
record SiteShape(int feeds, int hosts, int articles, int pageBytes, Duration latency) {
    /** The most hosts: 256 third octets times 254 usable fourth octets in 127.0.0.0/16. */
    static final int MAX_HOSTS = 256 * 254;

    SiteShape {
        if (feeds < 1) {
            throw new IllegalArgumentException("Invalid value " + feeds + " for --feeds: must be at least 1");
        }
        if (hosts < 1 || hosts > Math.min(feeds, MAX_HOSTS)) {
            throw new IllegalArgumentException("Invalid value " + hosts + " for --hosts: must be 1 to "
                    + Math.min(feeds, MAX_HOSTS) + " (at most one host per feed, and at most " + MAX_HOSTS + ")");
        }
        if (articles < feeds) {
            throw new IllegalArgumentException("Invalid value " + articles + " for --articles: must be at least --feeds "
                    + feeds + ", so that every feed lists an article");
        }
        if (pageBytes < 1024) {
            throw new IllegalArgumentException("Invalid page size " + pageBytes + " bytes (--page-kb): must be at least 1 KB");
        }
        if (latency == null || latency.isNegative()) {
            throw new IllegalArgumentException("Invalid value " + latency + " for --latency: must be zero or positive");
        }
    }

    /** The host that serves feed {@code feed} and its articles. */
    int hostOf(int feed) {
        return feed % hosts;
    }

    /** The loopback address of host {@code host}, for example {@code 127.0.0.1} for host 0. */
    static String address(int host) {
        return "127.0." + host / 254 + "." + (host % 254 + 1);
    }

    /** How many articles feed {@code feed} lists. */
    int articlesOf(int feed) {
        return (articles - feed + feeds - 1) / feeds;
    }

    /** The {@code index}-th article (from 0) of feed {@code feed}. */
    int article(int feed, int index) {
        return feed + index * feeds;
    }

    /** The feed that lists article {@code article}. */
    int feedOf(int article) {
        return article % feeds;
    }

    /** The requests of a first poll of every feed: each feed, each article and one robots.txt per host. */
    long firstPollRequests() {
        return (long) feeds + articles + hosts;
    }

    /** The most articles one feed lists. */
    int maxArticlesPerFeed() {
        return articlesOf(0);
    }
}
