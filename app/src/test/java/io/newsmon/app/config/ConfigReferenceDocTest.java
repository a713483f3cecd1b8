package io.newsmon.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.app.Newsmon;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The documents stay in step with the code: the settings reference in {@code docs/configuration.md} is what
 * {@code newsmon config docs --format markdown} prints, the README stays short, and every relative link
 * between the documents leads to a file.
 */
class ConfigReferenceDocTest {
    /** The repository root, seen from this module's directory, where the tests run. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path CONFIGURATION = ROOT.resolve("docs/configuration.md");
    private static final String COMMAND = "newsmon config docs --format markdown";
    private static final String BEGIN = "<!-- BEGIN GENERATED: " + COMMAND + " -->";
    private static final String END = "<!-- END GENERATED -->";
    /**
     * The most characters the README may have, so that a newcomer reads it in ten minutes; counted in bytes, as
     * {@code wc -c} does, which is never fewer.
     */
    private static final int README_MAX_BYTES = 12_000;
    /** A Markdown link or image: {@code [text](target)} or {@code [text](target "title")}. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    @Test
    void configurationReferenceIsWhatConfigDocsPrints() throws IOException {
        String doc = Files.readString(CONFIGURATION);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END, Math.max(begin, 0));
        assertThat(begin).as("the line %s in %s", BEGIN, CONFIGURATION).isNotNegative();
        assertThat(end).as("the line %s after %s in %s", END, BEGIN, CONFIGURATION).isNotNegative();
        String documented = doc.substring(begin + BEGIN.length(), end).strip();
        String generated = markdownReference().strip();

        assertThat(documented)
                .as("the settings reference in %s differs from the settings catalogue (%s): build the jar"
                        + " (./mvnw -B -q -DskipTests package), run `./%s` and paste its output between the lines"
                        + " %s and %s", CONFIGURATION, firstDifference(generated, documented), COMMAND, BEGIN, END)
                .isEqualTo(generated);
    }

    @Test
    void readmeIsShort() throws IOException {
        long size = Files.size(ROOT.resolve("README.md"));

        assertThat(size)
                .as("README.md has %d bytes (wc -c README.md); keep it at most %d and move the rest to docs/", size,
                        README_MAX_BYTES)
                .isLessThanOrEqualTo(README_MAX_BYTES);
    }

    @Test
    void everyRelativeLinkOfTheDocumentsLeadsToAFile() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            for (String target : relativeFileLinks(Files.readString(document))) {
                Path linked = document.getParent().resolve(target).normalize();
                if (!Files.exists(linked)) {
                    broken.add(ROOT.relativize(document) + ": " + target);
                }
            }
        }

        assertThat(broken).as("links to files that do not exist").isEmpty();
    }

    /** The reference as {@code newsmon config docs --format markdown} prints it, run in-process. */
    private static String markdownReference() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Newsmon.commandLine(Map.of());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute("config", "docs", "--format", "markdown");
        assertThat(code).as("exit code of `%s`; standard error: %s", COMMAND, err).isZero();
        return out.toString();
    }

    /** Where the documented table first differs from the generated one, for the failure message. */
    private static String firstDifference(String generated, String documented) {
        List<String> want = generated.lines().toList();
        List<String> have = documented.lines().toList();
        for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
            String wanted = i < want.size() ? want.get(i) : "nothing";
            String found = i < have.size() ? have.get(i) : "nothing";
            if (!wanted.equals(found)) {
                return "line " + (i + 1) + " of the table should be " + wanted + " but is " + found;
            }
        }
        return "they differ in white space only";
    }

    /** README.md and every Markdown file under docs/. */
    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    /** The targets of the links of {@code markdown} that name a file: no URL, no bare #fragment; fragment cut. */
    private static List<String> relativeFileLinks(String markdown) {
        List<String> targets = new ArrayList<>();
        Matcher link = LINK.matcher(markdown);
        while (link.find()) {
            String target = link.group(1);
            int fragment = target.indexOf('#');
            String file = fragment < 0 ? target : target.substring(0, fragment);
            if (!file.isEmpty() && !file.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
                targets.add(file);
            }
        }
        return targets;
    }
}
