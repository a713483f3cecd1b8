package io.newsmon.app.extract;

import io.newsmon.enrich.extract.TextExtractor;
import io.newsmon.model.text.Printable;
import io.newsmon.ingest.fetch.FetchSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code newsmon extract --in DIR --out DIR}: the article text of every saved page of a folder, one
 * {@code .txt} file per page, so the text extraction can be measured on any set of pages without Kafka.
 *
 * <p>For each {@code <name>.html} or {@code <name>.htm} in {@code --in} it writes {@code <name>.txt} to
 * {@code --out}: what {@link TextExtractor} gives for the page (the article text without the title,
 * paragraphs separated by a blank line), in UTF-8, with a final newline unless empty. Pages are read with
 * the charset of their byte order mark, else of their {@code <meta charset>}, else UTF-8, and are extracted
 * on {@code --threads} threads; the files written do not depend on how many. A page that cannot be read,
 * extracted or written is reported on standard error and the others go on. So is a page skipped by a rule
 * of {@link Refusal} (see {@link PageFiles}): only regular files of at most {@code --max-page-size} (default
 * {@link FetchSettings#maxBodyBytes()}'s, 10 MiB) are read, symbolic links to folders are not followed and no
 * text is written through a symbolic link. Progress goes to standard error every {@link #PROGRESS_EVERY}; the
 * summary to standard output: {@code extracted 120 pages to texts in 1.2 s (3 empty, 1 failed), skipped 2 (2
 * not regular files)}, where the 120 {@code .txt} files written include the 3 empty ones and the failed and
 * skipped pages come on top. File names are printed with control characters escaped ({@link Printable#escape}).
 *
 * <p>Exit code 0 when every page was extracted (also when there is none), 1 when some failed or were skipped,
 * 2 for a usage problem.
 *
 * <p>Example: {@code newsmon extract --in saved-pages --out texts --recursive}.
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {
            "Writes the article text of every saved web page in a folder to a text file, so the text extraction "
                    + "can be measured on any set of pages, without Kafka.",
            "",
            "For each NAME.html or NAME.htm in --in (any case) it writes NAME.txt to --out: the article text as "
                    + "the enrich stage extracts it, without the title, navigation and other page chrome, "
                    + "paragraphs separated by a blank line, in UTF-8, ending with a newline unless empty. A page "
                    + "without article text still gets its file, empty, so there is one file per page. --out is "
                    + "created when missing and may be --in; existing .txt files are overwritten. Other files and, "
                    + "without --recursive, subfolders are left alone.",
            "",
            "A page's charset is the one of its byte order mark, else the one its <meta charset> (or "
                    + "http-equiv Content-Type) declares, else UTF-8.",
            "",
            "Only regular files are read: a FIFO, device, socket or folder named like a page is skipped without "
                    + "being opened, and so is a page larger than --max-page-size; one that grows past it while "
                    + "read is skipped too. A page that is a symbolic link is read when it leads to a regular "
                    + "file. With --recursive, symbolic links to folders are not followed; each is skipped. A text "
                    + "is never written through a symbolic link: it goes to a new file that then replaces "
                    + "NAME.txt, so a NAME.txt that is a link is replaced by the text and what it leads to is "
                    + "left alone, and a page whose folder under --out is a symbolic link is skipped (--out itself "
                    + "may be one). File names keep their bytes, also those the locale cannot decode.",
            "",
            "A page that cannot be read, extracted or written is reported on standard error with the reason, "
                    + "and so is each page skipped, with the rule; the other pages go on. File names are printed "
                    + "with control characters escaped (ESC as \\u001b). Progress goes to standard error every "
                    + "few seconds, then a summary to standard output: extracted N pages to DIR in T s (E empty, "
                    + "F failed), skipped S (S1 not regular files, S2 larger than 10 MiB), where the N .txt files "
                    + "written include the E empty ones and the skipped part is there when some were."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Every page was extracted; also when --in holds no page, which is said on standard error.",
            "1:Some pages failed or were skipped; the others were written.",
            "2:Usage problem: a bad option, --in missing or not a folder, --out a file or not creatable."},
        footerHeading = "%nExample:%n",
        footer = {
            "  newsmon extract --in saved-pages --out texts --recursive",
            "writes saved-pages/a.html to texts/a.txt and saved-pages/world/b.htm to texts/world/b.txt."})
public final class ExtractCommand implements Callable<Integer> {
    /** How often progress is printed while pages are extracted: 5 s. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final String IN_HINT = "give the folder that holds the saved .html pages";

    /** What became of one page. */
    sealed interface Outcome {
        /** The page's {@code .txt} was written; {@code empty} when the page had no article text. */
        record Written(Path page, boolean empty) implements Outcome {
        }

        /** The page gave no {@code .txt}, and why, for example "cannot read: permission denied". */
        record Failed(Path page, String reason) implements Outcome {
        }

        /** The page was passed over by a rule, and how, for example "a FIFO, not a regular file". */
        record Skipped(Path page, Refusal refusal, String reason) implements Outcome {
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "DIR",
            description = "The folder of saved pages (*.html, *.htm).")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The folder the .txt files go to; created when missing.")
    Path out;

    @Option(names = "--recursive",
            description = "Also read the pages of subfolders, at any depth, and write their .txt files to the "
                    + "same subfolders under --out.")
    boolean recursive;

    @Option(names = "--threads", paramLabel = "N",
            description = "Pages extracted at once; the files written do not depend on it (default: the number "
                    + "of CPUs, ${DEFAULT-VALUE} here).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--max-page-size", paramLabel = "SIZE",
            description = "The largest page read, in bytes or with the unit KiB, MiB or GiB, up to 1 GiB; a larger "
                    + "page is skipped (default: ${DEFAULT-VALUE}, the largest page ingest fetches).")
    String maxPageSize = ByteSize.human(FetchSettings.defaults().maxBodyBytes());

    @Override
    public Integer call() throws InterruptedException {
        long start = System.nanoTime();
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value " + threads + " for --threads: must be 1 or more");
        }
        long maxBytes = maxPageBytes();
        HtmlPages.Listing listing = listPages();
        createOut();
        PrintWriter err = spec.commandLine().getErr();
        if (listing.pages().isEmpty() && listing.problems().isEmpty() && listing.skipped().isEmpty()) {
            err.println(Printable.escape("newsmon extract: no .html or .htm pages in " + in + noPagesHint(listing)
                    + "; nothing to extract"));
        }
        Tally tally = new Tally(listing.pages().size() + listing.problems().size() + listing.skipped().size());
        for (HtmlPages.Problem problem : listing.problems()) {
            tally.add(new Outcome.Failed(problem.path(), problem.reason()), err);
        }
        for (HtmlPages.Skipped skipped : listing.skipped()) {
            tally.add(new Outcome.Skipped(skipped.path(), skipped.refusal(), skipped.reason()), err);
        }
        extractAll(listing.pages(), maxBytes, tally, err, start);
        err.flush();
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(Printable.escape(String.format(Locale.ROOT,
                "extracted %d pages to %s in %.1f s (%d empty, %d failed)%s", tally.written, out, seconds,
                tally.empty, tally.failed, tally.skippedSummary(ByteSize.human(maxBytes)))));
        stdout.flush();
        return tally.failed + tally.skipped > 0 ? 1 : 0;
    }

    /**
     * Extracts one page of at most {@code maxBytes} and writes its text below {@code out}: never throws, a page
     * that fails is an {@link Outcome.Failed}, one refused by a rule an {@link Outcome.Skipped}.
     * {@code extractor} is shared by the threads.
     */
    static Outcome extract(TextExtractor extractor, HtmlPages.Page page, Path out, long maxBytes) {
        return switch (PageFiles.open(page.source(), maxBytes)) {
            case PageFiles.Opened.Stream opened -> extract(extractor, page, opened.in(), out);
            case PageFiles.Opened.Skipped skipped -> new Outcome.Skipped(page.source(), skipped.refusal(), skipped.reason());
            case PageFiles.Opened.Failed failed -> new Outcome.Failed(page.source(), failed.reason());
        };
    }

    private static Outcome extract(TextExtractor extractor, HtmlPages.Page page, InputStream opened, Path out) {
        Path source = page.source();
        Document doc;
        try (InputStream in = opened) {
            // null charset: jsoup takes the byte order mark, else <meta charset>, else UTF-8.
            doc = Jsoup.parse(in, null, source.toUri().toString());
        } catch (IOException e) {
            return unread(source, e);
        } catch (UncheckedIOException e) {
            return unread(source, e.getCause());
        }
        String text;
        try {
            text = extractor.extract(doc);
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome.Failed(source, "extraction failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : ""));
        }
        String content = text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
        return write(page, out, content.getBytes(StandardCharsets.UTF_8), text.isEmpty());
    }

    private static Outcome unread(Path source, IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PageFiles.TooLarge) {
                return new Outcome.Skipped(source, Refusal.LARGER_THAN_MAX, cause.getMessage());
            }
        }
        return new Outcome.Failed(source, "cannot read: " + HtmlPages.reason(e));
    }

    private static Outcome write(HtmlPages.Page page, Path out, byte[] content, boolean empty) {
        try {
            Optional<Path> link = PageFiles.createFolders(out, out.relativize(page.target()).getParent());
            if (link.isPresent()) {
                return new Outcome.Skipped(page.source(), Refusal.FOLDER_IS_LINK, "its folder " + link.get()
                        + " is a symbolic link, and no text is written through one");
            }
            PageFiles.replace(page.target(), content);
        } catch (IOException e) {
            return new Outcome.Failed(page.source(), "cannot write " + page.target() + ": " + HtmlPages.reason(e));
        }
        return new Outcome.Written(page.source(), empty);
    }

    private long maxPageBytes() {
        try {
            return ByteSize.parse(maxPageSize);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), Printable.escape(
                    "Invalid value " + maxPageSize + " for --max-page-size: " + e.getMessage()));
        }
    }

    private HtmlPages.Listing listPages() {
        if (!Files.isDirectory(in)) {
            throw new IllegalArgumentException(Printable.escape("--in " + in + ": "
                    + (Files.exists(in) ? "is a file, not a folder" : "no such folder") + "; " + IN_HINT));
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException(Printable.escape("--out " + out + ": is a file, not a folder; "
                    + "give the folder the .txt files should go to (it is created when missing)"));
        }
        try {
            return HtmlPages.list(in, out, recursive);
        } catch (IOException e) {
            throw new IllegalArgumentException(Printable.escape("--in " + in + ": cannot list the folder: "
                    + HtmlPages.reason(e)), e);
        }
    }

    private void createOut() {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new IllegalArgumentException(Printable.escape("--out " + out + ": cannot create the folder: "
                    + HtmlPages.reason(e)), e);
        }
    }

    private String noPagesHint(HtmlPages.Listing listing) {
        int folders = listing.subfolders();
        if (recursive || folders == 0) {
            return "";
        }
        return folders == 1 ? " (its subfolder is only read with --recursive)"
                : " (its " + folders + " subfolders are only read with --recursive)";
    }

    private void extractAll(List<HtmlPages.Page> pages, long maxBytes, Tally tally, PrintWriter err, long start)
            throws InterruptedException {
        if (pages.isEmpty()) {
            return;
        }
        TextExtractor extractor = new TextExtractor();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, pages.size()),
                Thread.ofPlatform().name("newsmon-extract-", 1).daemon(true).factory());
        try {
            CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
            pages.forEach(page -> done.submit(() -> extract(extractor, page, out, maxBytes)));
            long nextProgress = start + PROGRESS_EVERY.toNanos();
            for (int received = 0; received < pages.size(); ) {
                Future<Outcome> next = done.poll(Math.max(nextProgress - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
                if (next != null) {
                    tally.add(outcome(next), err);
                    received++;
                }
                if (System.nanoTime() >= nextProgress) {
                    tally.progress(err, System.nanoTime() - start);
                    nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Outcome outcome(Future<Outcome> done) throws InterruptedException {
        try {
            return done.get();
        } catch (ExecutionException e) {
            // extract catches what a page can cause; what is left (an Error) ends the run
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The counts of a run, kept by the thread that prints. */
    private static final class Tally {
        final int total;
        final Map<Refusal, Integer> refusals = new EnumMap<>(Refusal.class);
        int written;
        int empty;
        int failed;
        int skipped;

        Tally(int total) {
            this.total = total;
        }

        void add(Outcome outcome, PrintWriter err) {
            switch (outcome) {
                case Outcome.Written written -> {
                    this.written++;
                    if (written.empty()) {
                        empty++;
                    }
                }
                case Outcome.Failed failure -> {
                    failed++;
                    err.println(Printable.escape("newsmon extract: " + failure.page() + ": " + failure.reason()));
                }
                case Outcome.Skipped skip -> {
                    skipped++;
                    refusals.merge(skip.refusal(), 1, Integer::sum);
                    err.println(Printable.escape("newsmon extract: " + skip.page() + ": skipped: " + skip.reason()));
                }
            }
        }

        /** {@code , skipped 3 (2 not regular files, 1 larger than 10 MiB)}, or nothing when none was. */
        String skippedSummary(String maxPageSize) {
            if (skipped == 0) {
                return "";
            }
            return ", skipped " + skipped + refusals.entrySet().stream()
                    .map(count -> count.getKey().counted(count.getValue(), maxPageSize))
                    .collect(Collectors.joining(", ", " (", ")"));
        }

        void progress(PrintWriter err, long elapsedNanos) {
            int done = written + failed + skipped;
            err.println(String.format(Locale.ROOT,
                    "newsmon extract: %d of %d pages done (%d failed, %d skipped), %.0f pages/s",
                    done, total, failed, skipped, done / Math.max(elapsedNanos / 1e9, 1e-9)));
            err.flush();
        }
    }
}
