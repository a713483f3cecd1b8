package io.newsmon.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmon.model.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code newsmon} commands in this JVM and captures what they print. */
public final class Cli {
    /** What a command returned and printed. */
    public record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    public static Result execute(String... args) {
        return execute(System.getenv(), args);
    }

    /** {@link #execute(String...)} with the {@code NEWSMON_*} settings and {@code NEWSMON_CONFIG} of {@code env}. */
    public static Result execute(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Newsmon.commandLine(env);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** {@code newsmon export --store url} parsed, one node per line. */
    public static List<JsonNode> export(String jdbcUrl, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("export", "--store", jdbcUrl));
        args.addAll(List.of(more));
        Result result = execute(args.toArray(String[]::new));
        if (result.exitCode() != 0) {
            throw new AssertionError("export failed with " + result.exitCode() + ": " + result.err());
        }
        List<JsonNode> rows = new ArrayList<>();
        for (String line : result.out().split("\n")) {
            if (!line.isBlank()) {
                rows.add(Json.mapper().readTree(line));
            }
        }
        return rows;
    }
}
