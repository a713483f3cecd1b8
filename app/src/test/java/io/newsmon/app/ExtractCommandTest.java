package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {
    private static final List<String> TRADE = List.of(
            "Trade ministers agreed on Tuesday to tighten the rules on exports of advanced chips, after two days of "
                    + "talks in Brussels that ran late into the night.",
            "The agreement, which still needs the approval of national parliaments, adds twelve companies to the "
                    + "list of buyers that need a licence, and sets a deadline of ninety days for each decision.",
            "“We have closed the gaps that were used last year,” one of the negotiators said, adding that the "
                    + "rules would be reviewed every six months.");
    private static final List<String> MARKET = List.of(
            "Der Züricher Stadtrat hat am Dienstag beschlossen, die Gebühren für die Stände auf dem Wochenmarkt "
                    + "ab dem Frühjahr um ein Drittel zu senken.",
            "Die Händler begrüßten die Entscheidung. Viele von ihnen hatten über steigende Kosten geklagt und "
                    + "gedroht, ihre Stände aufzugeben, wenn sich nichts ändert.",
            "Der Beschluss gilt zunächst für zwei Jahre; danach soll geprüft werden, ob mehr Händler auf den Markt "
                    + "zurückgekehrt sind.");

    @TempDir
    Path dir;

    @Test
    void writesTheArticleTextOfEachPageDecodedInTheCharsetItDeclares() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        writePage(in.resolve("trade.html"), StandardCharsets.UTF_8, "Ministers agree new chip export rules", TRADE);
        writePage(in.resolve("markt.htm"), StandardCharsets.ISO_8859_1, "Zürich senkt die Marktgebühren", MARKET);
        Files.writeString(in.resolve("notes.md"), "Pages saved on 3 March.\n");
        Path out = dir.resolve("texts");

        Cli.Result run = Cli.execute("extract", "--in", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(names(out)).containsExactly("markt.txt", "trade.txt");
        assertThat(Files.readString(out.resolve("trade.txt"), StandardCharsets.UTF_8))
                .isEqualTo(String.join("\n\n", TRADE) + "\n");
        assertThat(Files.readString(out.resolve("markt.txt"), StandardCharsets.UTF_8))
                .as("read as ISO-8859-1, written as UTF-8").isEqualTo(String.join("\n\n", MARKET) + "\n");
        assertThat(run.out()).matches(summary(2, out, 0, 0));
    }

    @Test
    void aByteOrderMarkDecidesTheCharsetOfAPageThatDeclaresNone() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        String html = html(null, "Zürich senkt die Marktgebühren", MARKET);
        Files.write(in.resolve("markt.HTML"), concat(new byte[] {(byte) 0xFF, (byte) 0xFE},
                html.getBytes(StandardCharsets.UTF_16LE)));
        Path out = dir.resolve("texts");

        Cli.Result run = Cli.execute("extract", "--in", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out.resolve("markt.txt"), StandardCharsets.UTF_8))
                .isEqualTo(String.join("\n\n", MARKET) + "\n");
    }

    @Test
    void aMissingInFolderIsAUsageErrorThatNamesItAndSaysWhatToGive() {
        Path missing = dir.resolve("no-such-pages");
        Path out = dir.resolve("texts");

        Cli.Result run = Cli.execute("extract", "--in", missing.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(run.err()).contains("newsmon extract: --in " + missing + ": no such folder")
                .contains("give the folder that holds the saved .html pages");
        assertThat(out).as("nothing is created for a run that cannot start").doesNotExist();
    }

    @Test
    void anInThatIsAFileOrAnOutThatIsAFileIsAUsageError() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        Path file = Files.writeString(dir.resolve("page.html"), "<p>Text</p>");

        Cli.Result fileAsIn = Cli.execute("extract", "--in", file.toString(), "--out", dir.resolve("texts").toString());
        Cli.Result fileAsOut = Cli.execute("extract", "--in", in.toString(), "--out", file.toString());

        assertThat(fileAsIn.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(fileAsIn.err()).contains("--in " + file + ": is a file, not a folder");
        assertThat(fileAsOut.exitCode()).isEqualTo(Newsmon.CONFIG_ERROR);
        assertThat(fileAsOut.err()).contains("--out " + file + ": is a file, not a folder");
        assertThat(Files.readString(file)).isEqualTo("<p>Text</p>");
    }

    @Test
    void aPageThatCannotBeReadIsReportedAndFailsTheRunWhileTheOthersAreWritten() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        writePage(in.resolve("trade.html"), StandardCharsets.UTF_8, "Ministers agree new chip export rules", TRADE);
        Path folder = Files.createDirectory(in.resolve("x.html"));
        Path out = dir.resolve("texts");

        Cli.Result run = Cli.execute("extract", "--in", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("newsmon extract: " + folder + ": is a folder, not a page");
        assertThat(out.resolve("trade.txt")).content(StandardCharsets.UTF_8).isEqualTo(String.join("\n\n", TRADE) + "\n");
        assertThat(names(out)).containsExactly("trade.txt");
        assertThat(run.out()).matches(summary(1, out, 0, 1));
    }

    @Test
    void twoPagesThatWouldWriteTheSameFileLeaveItToTheFirstByName() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        writePage(in.resolve("story.htm"), StandardCharsets.UTF_8, "Ministers agree new chip export rules", TRADE);
        writePage(in.resolve("story.html"), StandardCharsets.UTF_8, "Zürich senkt die Marktgebühren", MARKET);
        Path out = dir.resolve("texts");

        Cli.Result run = Cli.execute("extract", "--in", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(in.resolve("story.html") + ": its text would go to " + out.resolve("story.txt")
                + ", which story.htm already writes");
        assertThat(out.resolve("story.txt")).content(StandardCharsets.UTF_8).startsWith(TRADE.getFirst());
        assertThat(run.out()).matches(summary(1, out, 0, 1));
    }

    @Test
    void recursiveMirrorsTheSubfoldersAndWithoutItTheyAreLeftAlone() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        writePage(in.resolve("trade.html"), StandardCharsets.UTF_8, "Ministers agree new chip export rules", TRADE);
        Path deep = Files.createDirectories(in.resolve("europe/switzerland"));
        writePage(deep.resolve("markt.html"), StandardCharsets.ISO_8859_1, "Zürich senkt die Marktgebühren", MARKET);

        Path flatOut = dir.resolve("flat");
        Cli.Result flat = Cli.execute("extract", "--in", in.toString(), "--out", flatOut.toString());
        Path treeOut = dir.resolve("tree");
        Cli.Result tree = Cli.execute("extract", "--recursive", "--in", in.toString(), "--out", treeOut.toString());

        assertThat(flat.exitCode()).as(flat.err()).isZero();
        assertThat(names(flatOut)).containsExactly("trade.txt");
        assertThat(tree.exitCode()).as(tree.err()).isZero();
        assertThat(treeOut.resolve("trade.txt")).exists();
        assertThat(treeOut.resolve("europe/switzerland/markt.txt")).content(StandardCharsets.UTF_8)
                .isEqualTo(String.join("\n\n", MARKET) + "\n");
        assertThat(tree.out()).matches(summary(2, treeOut, 0, 0));
    }

    @Test
    void aPageWithoutTextGivesAnEmptyFileCountedAsEmptyAndOldFilesAreOverwritten() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        writePage(in.resolve("trade.html"), StandardCharsets.UTF_8, "Ministers agree new chip export rules", TRADE);
        Files.writeString(in.resolve("blank.html"),
                "<!DOCTYPE html><html><head><title>Loading</title></head><body></body></html>");
        Path out = Files.createDirectories(dir.resolve("texts"));
        Files.writeString(out.resolve("trade.txt"), "text of an earlier run\n");
        Files.writeString(out.resolve("blank.txt"), "text of an earlier run\n");

        Cli.Result run = Cli.execute("extract", "--in", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("blank.txt")).isEmptyFile();
        assertThat(out.resolve("trade.txt")).content(StandardCharsets.UTF_8).isEqualTo(String.join("\n\n", TRADE) + "\n");
        assertThat(run.out()).matches(summary(2, out, 1, 0));
    }

    @Test
    void aFolderWithoutPagesIsSaidAndExitsZero() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        Files.writeString(in.resolve("notes.md"), "Pages saved on 3 March.\n");
        writePage(Files.createDirectory(in.resolve("europe")).resolve("markt.html"), StandardCharsets.ISO_8859_1,
                "Zürich senkt die Marktgebühren", MARKET);
        Path out = dir.resolve("out/texts");

        Cli.Result run = Cli.execute("extract", "--in", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("no .html or .htm pages in " + in)
                .contains("its subfolder is only read with --recursive");
        assertThat(out).isEmptyDirectory();
        assertThat(run.out()).matches(summary(0, out, 0, 0));
    }

    @Test
    void theFilesDoNotDependOnTheThreadCountAndInMayBeOut() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        for (int i = 0; i < 12; i++) {
            List<String> paragraphs = i % 2 == 0 ? TRADE : MARKET;
            Charset charset = i % 3 == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
            writePage(in.resolve("page-" + i + ".html"), charset, "Page " + i, paragraphs.subList(0, 1 + i % 3));
        }
        Path one = dir.resolve("one-thread");

        Cli.Result single = Cli.execute("extract", "--threads", "1", "--in", in.toString(), "--out", one.toString());
        Cli.Result several = Cli.execute("extract", "--threads", "4", "--in", in.toString(), "--out", in.toString());

        assertThat(single.exitCode()).as(single.err()).isZero();
        assertThat(several.exitCode()).as(several.err()).isZero();
        assertThat(names(one)).hasSize(12);
        for (String name : names(one)) {
            assertThat(Files.readAllBytes(in.resolve(name))).as(name).isEqualTo(Files.readAllBytes(one.resolve(name)));
        }
        assertThat(Files.readString(one.resolve("page-4.txt"), StandardCharsets.UTF_8))
                .isEqualTo(String.join("\n\n", TRADE.subList(0, 2)) + "\n");
    }

    @Test
    void threadsBelowOneIsAUsageError() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));

        Cli.Result run = Cli.execute("extract", "--threads", "0", "--in", in.toString(),
                "--out", dir.resolve("t").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Invalid value 0 for --threads: must be 1 or more");
    }

    @Test
    void helpExplainsNamingCharsetsAndExitCodesWithAnExample() {
        Cli.Result help = Cli.execute("extract", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).as("the help with its lines joined")
                .contains("--in=DIR", "--out=DIR", "--recursive", "--threads=N", "NAME.html or NAME.htm",
                        "writes NAME.txt", "without the title", "byte order mark", "<meta charset>", "Exit codes:",
                        "Some pages failed", "Example:", "newsmon extract --in saved-pages --out texts");
    }

    private static Pattern summary(int pages, Path out, int empty, int failed) {
        return Pattern.compile("extracted " + pages + " pages to " + Pattern.quote(out.toString())
                + " in \\d+\\.\\d s \\(" + empty + " empty, " + failed + " failed\\)\\R");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** A news page with chrome around the article: its title and h1, navigation, a share box and a footer. */
    private static void writePage(Path file, Charset charset, String title, List<String> paragraphs) throws IOException {
        Files.write(file, html(charset, title, paragraphs).getBytes(charset));
    }

    private static String html(Charset declared, String title, List<String> paragraphs) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html>\n<head>\n");
        if (declared != null) {
            html.append("<meta charset=\"").append(declared.name().toLowerCase(java.util.Locale.ROOT)).append("\">\n");
        }
        html.append("<title>").append(title).append(" | The Wire Desk</title>\n</head>\n<body>\n")
                .append("<header><a class=\"logo\" href=\"/\">The Wire Desk</a><nav><ul><li><a href=\"/world/\">World"
                        + "</a></li><li><a href=\"/business/\">Business</a></li><li><a href=\"/policy/\">Policy</a>"
                        + "</li></ul></nav></header>\n")
                .append("<main><article>\n<h1>").append(title).append("</h1>\n")
                .append("<div class=\"share-tools\"><a href=\"#\">Share on X</a> <a href=\"#\">Email this story</a>"
                        + "</div>\n");
        paragraphs.forEach(p -> html.append("<p>").append(p).append("</p>\n"));
        return html.append("</article></main>\n<footer><p>Copyright 2026 The Wire Desk. Contact us.</p></footer>\n")
                .append("</body>\n</html>\n").toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
