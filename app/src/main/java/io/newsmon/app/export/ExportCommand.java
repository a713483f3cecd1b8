package io.newsmon.app.export;

import io.newsmon.model.Json;
import io.newsmon.store.jdbc.ArticleStore;
import io.newsmon.store.jdbc.ExportQuery;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.newsmon.app.config.ConfigOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsmon export}: stored articles as JSON lines on standard output. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {
            "Prints stored articles as JSON lines on standard output, one object per article, oldest fetched first:",
            "id, url, source, title, author, publishedAt, fetchedAt, language, text, topics (ids), duplicateOf and",
            "similarity (for a duplicate: its original's id and how alike their texts are), and tags (each topic",
            "with its score and evidence)."})
public final class ExportCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ExportCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Option(names = "--store", paramLabel = "JDBC_URL")
    String store;

    @Option(names = "--topic", paramLabel = "ID", description = "Only articles tagged with this topic id.")
    String topic;

    @Option(names = "--since", paramLabel = "ISO-TIME",
            description = "Only articles published (or, without a date, fetched) at or after this time, e.g. 2026-01-31T00:00:00Z.")
    Instant since;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AtomicLong count = new AtomicLong();
        try (ArticleStore articles = ArticleStore.openForReading(store)) {
            articles.export(new ExportQuery(topic, since), article -> {
                out.println(Json.writeString(ExportedArticle.of(article)));
                count.incrementAndGet();
            });
        }
        out.flush();
        LOG.info("export: {} articles", count.get());
        return 0;
    }
}
