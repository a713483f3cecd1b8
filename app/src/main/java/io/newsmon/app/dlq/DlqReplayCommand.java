package io.newsmon.app.dlq;

import io.newsmon.kafka.DeadLetterLog;
import io.newsmon.model.DeadLetter;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code newsmon dlq replay}: sends chosen dead letters back to the topic they came from. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Sends dead letters back to the topic they came from, with their key, once the cause is"
                + " fixed (a new version that reads them, a database column widened...). The stages are idempotent"
                + " by article id, so replaying a letter twice stores nothing twice. The letters stay in news.dlq.",
            "Choose them with --offset (their number in `dlq list`, repeatable) or --all, narrowed by --stage.",
            "Exits 0 when all were sent, 1 when an --offset names no dead letter."})
final class DlqReplayCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    DlqOptions options;
    @ArgGroup(multiplicity = "1")
    Selection selection;

    /** Which letters: some offsets, or all. */
    static final class Selection {
        @Option(names = "--offset", paramLabel = "N", required = true,
                description = "The offset of a dead letter in news.dlq, as `dlq list` shows it (#N).")
        List<Long> offsets;
        @Option(names = "--all", required = true, description = "Every dead letter (of --stage, when given).")
        boolean all;
    }

    /** What a replay found and did. */
    private record Outcome(Set<Long> missing, int replayed, Map<String, Integer> byTopic) {
    }

    @Override
    public Integer call() {
        if (!selection.all) {
            selection.offsets.stream().filter(offset -> offset < 0).findFirst().ifPresent(offset -> {
                throw new ParameterException(spec.commandLine(), "Invalid value " + offset + " for --offset: must be 0"
                        + " or more, the number of a dead letter as `newsmon dlq list` shows it (#N)");
            });
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Set<Long> wanted = selection.all ? Set.of() : new TreeSet<>(selection.offsets);
        Outcome outcome = options.withLetters((kafka, entries) -> {
            List<DeadLetterLog.Entry> chosen = entries.stream()
                    .filter(e -> e.letter() != null && (selection.all || wanted.contains(e.offset()))).toList();
            Set<Long> missing = new TreeSet<>(wanted);
            chosen.forEach(e -> missing.remove(e.offset()));
            if (!missing.isEmpty() || chosen.isEmpty()) {
                return new Outcome(missing, 0, Map.of());
            }
            List<DeadLetter> letters = chosen.stream().map(DeadLetterLog.Entry::letter).toList();
            return new Outcome(missing, letters.size(), DeadLetterLog.replay(kafka, letters));
        });
        if (!outcome.missing().isEmpty()) {
            err.println("newsmon dlq replay: no dead letter " + (options.stage == null ? "" : "of stage " + options.stage
                    + " ") + "at offset " + outcome.missing().stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + " of news.dlq: `newsmon dlq list` shows the offsets (#N);"
                    + " nothing was replayed");
            err.flush();
            return 1;
        }
        out.println("replayed " + outcome.replayed() + " dead letter" + (outcome.replayed() == 1 ? "" : "s")
                + (outcome.byTopic().isEmpty() ? "" : ": " + outcome.byTopic().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
        out.flush();
        return 0;
    }
}
