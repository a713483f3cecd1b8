package io.newsmon.app;

import io.newsmon.enrich.extract.TextExtractor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * extracted or written is reported on standard error and the others go on. Progress goes to standard
 * error every {@link #PROGRESS_EVERY}; the summary to standard output:
 * {@code extracted 120 pages to texts in 1.2 s (3 empty, 1 failed)}, where the 120 {@code .txt} files written
 * include the 3 empty ones and the failed pages come on top.
 *
 * <p>Exit code 0 when every page was extracted (also when there is none), 1 when some failed, 2 for a
 * usage problem.
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
            "A page that cannot be read, extracted or written is reported on standard error with the reason, "
                    + "and the other pages go on. Progress goes to standard error every few seconds, then a "
                    + "summary to standard output: extracted N pages to DIR in T s (E empty, F failed), where "
                    + "the N .txt files written include the E empty ones."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Every page was extracted; also when --in holds no page, which is said on standard error.",
            "1:Some pages failed; the others were written.",
            "2:Usage problem: a bad option, --in missing or not a folder, --out a file or not creatable."},
        footerHeading = "%nExample:%n",
        footer = {
            "  newsmon extract --in saved-pages --out texts --recursive",
            "writes saved-pages/a.html to texts/a.txt and saved-pages/world/b.htm to texts/world/b.txt."})
final class ExtractCommand implements Callable<Integer> {
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

    @Override
    public Integer call() throws InterruptedException {
        long start = System.nanoTime();
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value " + threads + " for --threads: must be 1 or more");
        }
        HtmlPages.Listing listing = listPages();
        createOut();
        PrintWriter err = spec.commandLine().getErr();
        if (listing.pages().isEmpty() && listing.problems().isEmpty()) {
            err.println("newsmon extract: no .html or .htm pages in " + in + noPagesHint(listing)
                    + "; nothing to extract");
        }
        Tally tally = new Tally(listing.pages().size() + listing.problems().size());
        for (HtmlPages.Problem problem : listing.problems()) {
            tally.add(new Outcome.Failed(problem.path(), problem.reason()), err);
        }
        extractAll(listing.pages(), tally, err, start);
        err.flush();
        double seconds = (System.nanoTime() - start) / 1e9;
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println(String.format(Locale.ROOT, "extracted %d pages to %s in %.1f s (%d empty, %d failed)",
                tally.written, out, seconds, tally.empty, tally.failed));
        stdout.flush();
        return tally.failed > 0 ? 1 : 0;
    }

    /**
     * Extracts one page and writes its text: never throws, a page that fails is an {@link Outcome.Failed}.
     * {@code extractor} is shared by the threads.
     */
    static Outcome extract(TextExtractor extractor, HtmlPages.Page page) {
        Path source = page.source();
        Document doc;
        try {
            // null charset: jsoup takes the byte order mark, else <meta charset>, else UTF-8.
            doc = Jsoup.parse(source, null, source.toUri().toString());
        } catch (IOException e) {
            return new Outcome.Failed(source, "cannot read: " + HtmlPages.reason(e));
        } catch (UncheckedIOException e) {
            return new Outcome.Failed(source, "cannot read: " + HtmlPages.reason(e.getCause()));
        }
        String text;
        try {
            text = extractor.extract(doc);
        } catch (RuntimeException | StackOverflowError e) {
            return new Outcome.Failed(source, "extraction failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : ""));
        }
        String content = text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
        try {
            Path parent = page.target().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(page.target(), content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Outcome.Failed(source, "cannot write " + page.target() + ": " + HtmlPages.reason(e));
        }
        return new Outcome.Written(source, text.isEmpty());
    }

    private HtmlPages.Listing listPages() {
        if (!Files.isDirectory(in)) {
            throw new IllegalArgumentException("--in " + in + ": "
                    + (Files.exists(in) ? "is a file, not a folder" : "no such folder") + "; " + IN_HINT);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + ": is a file, not a folder; give the folder the "
                    + ".txt files should go to (it is created when missing)");
        }
        try {
            return HtmlPages.list(in, out, recursive);
        } catch (IOException e) {
            throw new IllegalArgumentException("--in " + in + ": cannot list the folder: " + HtmlPages.reason(e), e);
        }
    }

    private void createOut() {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("--out " + out + ": cannot create the folder: "
                    + HtmlPages.reason(e), e);
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

    private void extractAll(List<HtmlPages.Page> pages, Tally tally, PrintWriter err, long start)
            throws InterruptedException {
        if (pages.isEmpty()) {
            return;
        }
        TextExtractor extractor = new TextExtractor();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, pages.size()),
                Thread.ofPlatform().name("newsmon-extract-", 1).daemon(true).factory());
        try {
            CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
            pages.forEach(page -> done.submit(() -> extract(extractor, page)));
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
        int written;
        int empty;
        int failed;

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
                    err.println("newsmon extract: " + failure.page() + ": " + failure.reason());
                }
            }
        }

        void progress(PrintWriter err, long elapsedNanos) {
            int done = written + failed;
            err.println(String.format(Locale.ROOT, "newsmon extract: %d of %d pages done (%d failed), %.0f pages/s",
                    done, total, failed, done / Math.max(elapsedNanos / 1e9, 1e-9)));
            err.flush();
        }
    }
}
