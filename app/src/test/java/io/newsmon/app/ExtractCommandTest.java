package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
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

    private static final String PROFILE = "export PATH=\"$HOME/bin:$PATH\"\n";

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
    void aFolderNamedLikeAPageIsSkippedAndFailsTheRunWhileTheOthersAreWritten() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        writePage(in.resolve("trade.html"), StandardCharsets.UTF_8, "Ministers agree new chip export rules", TRADE);
        Path folder = Files.createDirectory(in.resolve("x.html"));
        Path out = dir.resolve("texts");

        Cli.Result run = Cli.execute("extract", "--in", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("newsmon extract: " + folder + ": skipped: a folder, not a regular file "
                + "(subfolders are only read with --recursive)");
        assertThat(out.resolve("trade.txt")).content(StandardCharsets.UTF_8).isEqualTo(String.join("\n\n", TRADE) + "\n");
        assertThat(names(out)).containsExactly("trade.txt");
        assertThat(run.out()).matches(summary(1, out, 0, 0, "skipped 1 (1 not a regular file)"));
    }

    @Test
    void aTextFileThatIsASymbolicLinkIsReplacedAndWhatItLeadsToIsLeftAlone() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        writePage(in.resolve("trade.html"), StandardCharsets.UTF_8, "Ministers agree new chip export rules", TRADE);
        Path profile = Files.writeString(Files.createDirectory(dir.resolve("home")).resolve(".profile"), PROFILE);
        Path out = Files.createDirectory(dir.resolve("texts"));
        Files.createSymbolicLink(out.resolve("trade.txt"), profile);

        Cli.Result run = Cli.execute("extract", "--in", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(profile).content(StandardCharsets.UTF_8).isEqualTo(PROFILE);
        assertThat(Files.isSymbolicLink(out.resolve("trade.txt"))).as("the link is replaced by the text file").isFalse();
        assertThat(out.resolve("trade.txt")).content(StandardCharsets.UTF_8).isEqualTo(String.join("\n\n", TRADE) + "\n");
        assertThat(names(out)).as("no temporary file is left").containsExactly("trade.txt");
    }

    @Test
    void recursiveDoesNotFollowASymbolicLinkToAFolderAndSaysSo() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        writePage(in.resolve("trade.html"), StandardCharsets.UTF_8, "Ministers agree new chip export rules", TRADE);
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        writePage(elsewhere.resolve("markt.html"), StandardCharsets.ISO_8859_1, "Zürich senkt die Marktgebühren", MARKET);
        Path link = Files.createSymbolicLink(in.resolve("world"), elsewhere);

        Cli.Result run = Cli.execute("extract", "--recursive", "--in", in.toString(), "--out", in.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("newsmon extract: " + link + ": skipped: a symbolic link to a folder, not followed");
        assertThat(names(elsewhere)).as("nothing is written through the link").containsExactly("markt.html");
        assertThat(in.resolve("trade.txt")).content(StandardCharsets.UTF_8).isEqualTo(String.join("\n\n", TRADE) + "\n");
        assertThat(run.out()).matches(summary(1, in, 0, 0, "skipped 1 (1 symbolic link to a folder)"));
    }

    @Test
    void aSubfolderOfOutThatIsASymbolicLinkIsNotWrittenInto() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        writePage(in.resolve("trade.html"), StandardCharsets.UTF_8, "Ministers agree new chip export rules", TRADE);
        Path page = Files.createDirectories(in.resolve("world/europe")).resolve("markt.html");
        writePage(page, StandardCharsets.ISO_8859_1, "Zürich senkt die Marktgebühren", MARKET);
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path out = Files.createDirectory(dir.resolve("texts"));
        Path link = Files.createSymbolicLink(out.resolve("world"), elsewhere);

        Cli.Result run = Cli.execute("extract", "--recursive", "--in", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("newsmon extract: " + page + ": skipped: its folder " + link
                + " is a symbolic link, and no text is written through one");
        assertThat(elsewhere).as("nothing is created or written through the link").isEmptyDirectory();
        assertThat(out.resolve("trade.txt")).content(StandardCharsets.UTF_8).isEqualTo(String.join("\n\n", TRADE) + "\n");
        assertThat(run.out()).matches(summary(1, out, 0, 0, "skipped 1 (1 in a folder that is a symbolic link)"));
    }

    @Test
    void aPageThatIsASymbolicLinkToARegularFileIsRead() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        Path saved = dir.resolve("saved.html");
        writePage(saved, StandardCharsets.UTF_8, "Ministers agree new chip export rules", TRADE);
        Files.createSymbolicLink(in.resolve("trade.html"), saved);
        Path out = dir.resolve("texts");

        Cli.Result run = Cli.execute("extract", "--in", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("trade.txt")).content(StandardCharsets.UTF_8).isEqualTo(String.join("\n\n", TRADE) + "\n");
    }

    @Test
    void aFifoNamedLikeAPageIsSkippedWithoutWaitingForAWriter() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        writePage(in.resolve("trade.html"), StandardCharsets.UTF_8, "Ministers agree new chip export rules", TRADE);
        Path fifo = mkfifo(in.resolve("stream.html"));
        Path out = dir.resolve("texts");

        Cli.Result run = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Cli.execute("extract", "--in", in.toString(), "--out", out.toString()));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("newsmon extract: " + fifo + ": skipped: a FIFO, not a regular file");
        assertThat(names(out)).containsExactly("trade.txt");
        assertThat(run.out()).matches(summary(1, out, 0, 0, "skipped 1 (1 not a regular file)"));
    }

    @Test
    void aSymbolicLinkToADeviceIsSkippedWithoutReadingIt() throws Exception {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "/dev/zero is missing here");
        Path in = Files.createDirectory(dir.resolve("pages"));
        writePage(in.resolve("trade.html"), StandardCharsets.UTF_8, "Ministers agree new chip export rules", TRADE);
        Path link = Files.createSymbolicLink(in.resolve("zero.html"), zero);
        mkfifo(dir.resolve("fifo"));
        Path fifoLink = Files.createSymbolicLink(in.resolve("stream.htm"), dir.resolve("fifo"));
        Path out = dir.resolve("texts");

        Cli.Result run = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Cli.execute("extract", "--in", in.toString(), "--out", out.toString()));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("newsmon extract: " + link + ": skipped: a symbolic link to a character device, not a regular file")
                .contains("newsmon extract: " + fifoLink + ": skipped: a symbolic link to a FIFO, not a regular file");
        assertThat(names(out)).containsExactly("trade.txt");
        assertThat(run.out()).matches(summary(1, out, 0, 0, "skipped 2 (2 not regular files)"));
    }

    @Test
    void aPageLargerThanMaxPageSizeIsSkippedAndTheOthersAreWritten() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        writePage(in.resolve("trade.html"), StandardCharsets.UTF_8, "Ministers agree new chip export rules", TRADE);
        Path big = in.resolve("big.html");
        writePage(big, StandardCharsets.UTF_8, "A long report", Collections.nCopies(20, TRADE.getFirst()));
        Path out = dir.resolve("texts");

        Cli.Result run = Cli.execute("extract", "--max-page-size", "2KiB", "--in", in.toString(), "--out", out.toString());

        assertThat(Files.size(in.resolve("trade.html"))).isLessThan(2048);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("newsmon extract: " + big + ": skipped: " + Files.size(big)
                + " bytes, larger than --max-page-size 2 KiB");
        assertThat(names(out)).containsExactly("trade.txt");
        assertThat(run.out()).matches(summary(1, out, 0, 0, "skipped 1 (1 larger than 2 KiB)"));
    }

    @Test
    void aFileLongerThanItsSizeSaysIsReadNoFurtherThanMaxPageSize() throws Exception {
        Path status = Path.of("/proc/self/status");
        assumeTrue(Files.isRegularFile(status) && Files.size(status) == 0, "no /proc/self/status of size 0 here");
        Path in = Files.createDirectory(dir.resolve("pages"));
        Path link = Files.createSymbolicLink(in.resolve("status.html"), status);
        Path out = dir.resolve("texts");

        Cli.Result run = Cli.execute("extract", "--max-page-size", "100", "--in", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("newsmon extract: " + link + ": skipped: more than 100 bytes, larger than "
                + "--max-page-size 100 bytes");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void maxPageSizeTakesBytesKibMibOrGibAndRefusesOtherValues() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        writePage(in.resolve("trade.html"), StandardCharsets.UTF_8, "Ministers agree new chip export rules", TRADE);
        Path out = dir.resolve("texts");

        for (String good : List.of("1048576", "512KiB", "10 MiB", "1GiB", "64kib")) {
            Cli.Result run = Cli.execute("extract", "--max-page-size", good, "--in", in.toString(), "--out", out.toString());
            assertThat(run.exitCode()).as(good + ": " + run.err()).isZero();
        }
        for (String bad : List.of("10MB", "0", "-1", "2GiB", "ten", "1.5MiB", "")) {
            Cli.Result run = Cli.execute("extract", "--max-page-size", bad, "--in", in.toString(), "--out", out.toString());
            assertThat(run.exitCode()).as(bad).isEqualTo(2);
            assertThat(run.err()).as(bad).contains("Invalid value " + bad + " for --max-page-size: must be a whole number of "
                    + "bytes, KiB, MiB or GiB from 1 byte to 1 GiB, for example 10MiB, 512KiB or 1048576");
        }
    }

    @Test
    void aFileNameThatIsNotUtf8KeepsItsBytesInTheNameOfItsTextFile() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        Path page = rawName(in, "caf%E9.html");
        writePage(page, StandardCharsets.ISO_8859_1, "Zürich senkt die Marktgebühren", MARKET);
        Path out = Files.createDirectory(dir.resolve("texts"));

        Cli.Result run = Cli.execute("extract", "--in", in.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(rawName(out, "caf%E9.txt")).content(StandardCharsets.UTF_8).isEqualTo(String.join("\n\n", MARKET) + "\n");
        assertThat(names(out)).hasSize(1);
    }

    @Test
    void controlCharactersOfFileNamesAreEscapedWhenPrinted() throws Exception {
        Path in = Files.createDirectory(dir.resolve("pages"));
        Files.createDirectory(in.resolve("red\u001b[31m.html"));
        mkfifo(in.resolve("title\u001b]0;owned\u0007\u009b.htm"));
        Path out = dir.resolve("texts\u001b[2J");

        Cli.Result run = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> Cli.execute("extract", "--in", in.toString(), "--out", out.toString()));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err() + run.out()).doesNotContain("\u001b", "\u0007", "\u009b");
        assertThat(run.err()).contains(in + "/red\\u001b[31m.html: skipped: a folder")
                .contains(in + "/title\\u001b]0;owned\\u0007\\u009b.htm: skipped: a FIFO");
        assertThat(run.out()).contains(" to " + dir + "/texts\\u001b[2J in ");
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
                        "Some pages failed or were skipped", "Example:", "newsmon extract --in saved-pages --out texts",
                        "--max-page-size=SIZE", "default: 10 MiB", "Only regular files are read",
                        "symbolic links to folders are not followed", "never written through a symbolic link");
    }

    private static Pattern summary(int pages, Path out, int empty, int failed) {
        return summary(pages, out, empty, failed, null);
    }

    private static Pattern summary(int pages, Path out, int empty, int failed, String skipped) {
        return Pattern.compile("extracted " + pages + " pages to " + Pattern.quote(out.toString())
                + " in \\d+\\.\\d s \\(" + empty + " empty, " + failed + " failed\\)"
                + (skipped == null ? "" : Pattern.quote(", " + skipped)) + "\\R");
    }

    /** {@code folder/name} with {@code name} given as in a URI, so {@code %E9} is the byte 0xE9 whatever the locale. */
    private static Path rawName(Path folder, String name) {
        return Path.of(URI.create(folder.toAbsolutePath().toUri() + name));
    }

    private static Path mkfifo(Path path) throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        String output = new String(mkfifo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(mkfifo.waitFor() == 0, () -> "mkfifo failed: " + output);
        return path;
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
