package io.newsmon.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.model.FeedEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** The documents under {@code src/test/resources/feeds/}, and what the parser made of them. */
final class Fixtures {
    private Fixtures() {
    }

    /** The bytes of {@code /feeds/name}. */
    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/feeds/" + name)) {
            assertThat(in).as("fixture /feeds/" + name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The parse, asserted to be entries. */
    static FeedParse.Entries entries(FeedParse parse) {
        assertThat(parse).isInstanceOf(FeedParse.Entries.class);
        return (FeedParse.Entries) parse;
    }

    static List<FeedEntry> entries(String name, String contentType, String url) {
        return entries(FeedParser.parse(bytes(name), contentType, url)).entries();
    }

    /** The reason, asserted to be one. */
    static String notAFeed(FeedParse parse) {
        assertThat(parse).isInstanceOf(FeedParse.NotAFeed.class);
        return ((FeedParse.NotAFeed) parse).reason();
    }
}
