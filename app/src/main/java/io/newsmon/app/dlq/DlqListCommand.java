package io.newsmon.app.dlq;

import io.newsmon.kafka.DeadLetterLog;
import io.newsmon.model.DeadLetter;
import io.newsmon.model.Json;
import io.newsmon.model.text.Printable;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsmon dlq list}: one line per dead letter, oldest first. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Lists the dead letters in news.dlq, oldest first: its offset there (which names it for"
                + " `dlq replay`), when and in which stage it failed, where it came from (topic-partition@offset),"
                + " its key and the error. Exits 0."})
final class DlqListCommand implements Callable<Integer> {
    /** Errors longer than this are cut in the text listing (never in --json). */
    static final int MAX_ERROR_CHARS = 300;

    @Spec
    CommandSpec spec;
    @Mixin
    DlqOptions options;

    @Option(names = "--json", description = "Print one JSON object per dead letter (offset, partition and the dead"
            + " letter with its value) instead of text.")
    boolean json;

    @Override
    public Integer call() {
        List<DeadLetterLog.Entry> entries = options.read();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            entries.forEach(entry -> out.println(Printable.escapeInJson(Json.writeString(entry))));
        } else {
            entries.forEach(entry -> out.println(line(entry)));
            out.println(summary(entries));
        }
        out.flush();
        return 0;
    }

    /** One letter on one line; its key and error, which quote outside text, with secrets masked and controls escaped. */
    static String line(DeadLetterLog.Entry entry) {
        DeadLetter letter = entry.letter();
        if (letter == null) {
            return "#" + entry.offset() + " (not a dead letter: " + Printable.text(cut(String.valueOf(entry.raw()))) + ")";
        }
        return "#" + entry.offset() + " " + letter.failedAt() + " " + Printable.text(letter.stage()) + " "
                + Printable.text(letter.topic()) + "-" + letter.partition() + "@" + letter.offset() + " key "
                + Printable.text(letter.key()) + ": " + Printable.text(cut(letter.error()));
    }

    static String summary(List<DeadLetterLog.Entry> entries) {
        Map<String, Integer> byStage = new LinkedHashMap<>();
        entries.forEach(e -> byStage.merge(e.letter() == null ? "unreadable" : e.letter().stage(), 1, Integer::sum));
        return entries.size() + " dead letter" + (entries.size() == 1 ? "" : "s")
                + (byStage.isEmpty() ? "" : " " + byStage.toString().replace("=", " ").replace("{", "(").replace("}", ")"));
    }

    private static String cut(String text) {
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "…";
    }
}
