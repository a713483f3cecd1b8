package io.newsmon.app.feeds;

import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.config.FeedsFile;
import io.newsmon.ingest.config.OpmlFile;
import io.newsmon.model.text.Printable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code newsmon feeds import FILE.opml}: adds the feeds of an OPML export to the feeds file. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {
            "Adds the feeds of an OPML file (the export format of feed readers) to the feeds file.",
            "Feeds already in the file are skipped; the file's comments and layout are kept, new feeds are",
            "appended at the end. The file is created when it does not exist."})
final class FeedsImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.opml", description = "The OPML file to import.")
    Path opml;

    @Option(names = "--feeds", paramLabel = "FILE", defaultValue = "feeds.yml",
            description = "The feeds file (YAML) to add to (default: ${DEFAULT-VALUE}); use it with run --feeds.")
    Path feeds;

    @Override
    public Integer call() {
        List<FeedSource> found = OpmlFile.read(opml);
        List<FeedSource> added = FeedsFile.append(feeds, found);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d feeds in %s: %d added to %s, %d already there%n", found.size(), Printable.escape(opml.toString()),
                added.size(), Printable.escape(feeds.toString()), found.size() - added.size());
        added.forEach(feed -> out.printf("  + %s (%s)%n", Printable.url(feed.url()), Printable.text(feed.name())));
        out.flush();
        return 0;
    }
}
