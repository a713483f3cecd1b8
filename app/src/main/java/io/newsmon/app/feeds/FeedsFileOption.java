package io.newsmon.app.feeds;

import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.config.FeedsFile;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --feeds FILE} option: which feeds to watch; without it, the bundled list. */
public final class FeedsFileOption {
    @Option(names = "--feeds", paramLabel = "FILE")
    Path feeds;

    public List<FeedSource> load() {
        return feeds == null ? FeedsFile.bundled() : FeedsFile.load(feeds);
    }
}
