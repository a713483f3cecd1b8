package io.newsmon.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs {@code target/newsmon.jar} as its own process, the way a user or docker-compose does. */
final class NewsmonJar {
    private static final Path JAR = Path.of("target", "newsmon.jar").toAbsolutePath();
    private static final AtomicInteger RUNS = new AtomicInteger();

    record Result(int exitCode, String out, String err) {
    }

    /** A started process whose output goes to files in the working directory. */
    record Running(Process process, Path out, Path err) {
        String errText() throws IOException {
            return Files.readString(err, StandardCharsets.UTF_8);
        }
    }

    private NewsmonJar() {
    }

    static Running start(Path workDir, String... args) throws IOException {
        return start(workDir, Map.of(), args);
    }

    /** Starts with {@code env} added to this process's environment, as docker-compose configures a stage. */
    static Running start(Path workDir, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // Kafka calls sun.misc.Unsafe; JDK 21 and 22 lack the option
        }
        command.addAll(List.of("-Xmx512m", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        int run = RUNS.incrementAndGet();
        Path out = workDir.resolve("stdout-" + run + ".txt");
        Path err = workDir.resolve("stderr-" + run + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        return new Running(process, out, err);
    }

    /** Runs to the end (3 minutes at most) and returns the exit code and output. */
    static Result run(Path workDir, String... args) throws Exception {
        Running running = start(workDir, args);
        if (!running.process().waitFor(3, TimeUnit.MINUTES)) {
            running.process().destroyForcibly();
            throw new AssertionError("newsmon " + String.join(" ", args) + " did not finish within 3 minutes: " + running.errText());
        }
        return new Result(running.process().exitValue(), Files.readString(running.out(), StandardCharsets.UTF_8), running.errText());
    }
}
