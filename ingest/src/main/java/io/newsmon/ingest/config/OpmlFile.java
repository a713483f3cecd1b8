package io.newsmon.ingest.config;

import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import io.newsmon.model.files.BoundedYaml;
import io.newsmon.model.files.FileLimitException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.xml.sax.InputSource;

/**
 * Reads the feeds of an OPML subscription list (OPML 1.0 or 2.0, as feed readers export them), with
 * ROME's OPML support; DOCTYPEs are refused, as in {@link io.newsmon.ingest.feed.FeedParser}.
 *
 * <p>Outlines are walked through their nesting (folders, categories). An outline with an {@code xmlUrl}
 * and a {@code type} of {@code rss}, {@code atom} or none becomes a {@link FeedSource} of type
 * {@link FeedType#AUTO} named by its {@code title}, else its {@code text}, else its URL's host.
 * Outlines without an {@code xmlUrl} (folders, bookmarks) and of other types ({@code link},
 * {@code include}) are skipped; a feed listed twice (compared as {@link FeedsFile#append} compares) is
 * kept once, where it first appears.
 *
 * <p>Example, importing a feed reader's export into the feeds file:
 * {@code FeedsFile.append(Path.of("feeds.yml"), OpmlFile.read(Path.of("subscriptions.opml")))}.
 */
public final class OpmlFile {
    /**
     * The largest OPML file, in bytes: 4 MiB, some 40,000 outlines, more than a feeds file takes. Only
     * regular files are read, so a named pipe cannot block the import.
     */
    public static final long MAX_FILE_SIZE = 4L << 20;

    private static final Set<String> FEED_TYPES = Set.of("", "rss", "atom");

    private OpmlFile() {
    }

    /**
     * The feeds listed in the OPML file at {@code path}, in document order; empty when it lists none.
     *
     * @throws FeedsFileException naming the file and the reason when it cannot be read, is not a regular
     *                            file, is larger than {@value #MAX_FILE_SIZE} bytes, is not well-formed
     *                            XML, declares a DOCTYPE, is not OPML, or has an outline whose
     *                            {@code xmlUrl} is not an absolute http(s) URL
     */
    public static List<FeedSource> read(Path path) {
        Map<String, FeedSource> bySameFeedKey = new LinkedHashMap<>();
        collect(parse(path).getOutlines(), path, "", bySameFeedKey);
        return List.copyOf(bySameFeedKey.values());
    }

    private static Opml parse(Path path) {
        WireFeed document;
        try {
            byte[] bytes = BoundedYaml.readRegularFile(path, MAX_FILE_SIZE, "an OPML file");
            WireFeedInput input = new WireFeedInput();
            input.setAllowDoctypes(false);
            document = input.build(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (FileLimitException e) {
            throw new FeedsFileException(e.getMessage(), e);
        } catch (IOException e) {
            throw new FeedsFileException(path + ": cannot read the OPML file: " + e, e);
        } catch (FeedException e) {
            throw new FeedsFileException(path + ": not a valid OPML file: " + describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new FeedsFileException(path + ": not an OPML file: the root element must be <opml version=\"1.0\"> or <opml version=\"2.0\">", e);
        }
        if (!(document instanceof Opml opml)) {
            throw new FeedsFileException(path + ": not an OPML file but a feed (" + document.getFeedType()
                    + "): add a feed's URL to the feeds file instead");
        }
        return opml;
    }

    private static String describe(FeedException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("DOCTYPE is disallowed")
                ? "it declares a DOCTYPE, which is refused because entities could read local files or expand without bound"
                : message;
    }

    /** Adds the feeds among {@code outlines} and their children; {@code folder} names where they are, for messages. */
    private static void collect(List<Outline> outlines, Path path, String folder, Map<String, FeedSource> bySameFeedKey) {
        for (Outline outline : outlines) {
            String label = label(outline);
            if (isFeed(outline)) {
                FeedSource feed = source(outline, label, path + ": outline \"" + folder + label + "\"");
                bySameFeedKey.putIfAbsent(FeedsFile.sameFeedKey(feed.url()), feed);
            }
            collect(outline.getChildren(), path, folder + label + " / ", bySameFeedKey);
        }
    }

    private static boolean isFeed(Outline outline) {
        String type = outline.getType() == null ? "" : outline.getType().strip().toLowerCase(Locale.ROOT);
        return outline.getXmlUrl() != null && !outline.getXmlUrl().isBlank() && FEED_TYPES.contains(type);
    }

    private static String label(Outline outline) {
        if (outline.getTitle() != null && !outline.getTitle().isBlank()) {
            return outline.getTitle().strip();
        }
        return outline.getText() == null ? "" : outline.getText().strip();
    }

    private static FeedSource source(Outline outline, String name, String where) {
        try {
            return new FeedSource(outline.getXmlUrl(), name, FeedType.AUTO, null);
        } catch (IllegalArgumentException e) {
            // FeedSource's messages start with the field, "url ...": the OPML attribute is xmlUrl.
            throw new FeedsFileException(where + ": xmlUrl" + e.getMessage().substring("url".length()), e);
        }
    }
}
