package io.newsmon.benchmarks;

import io.newsmon.model.ArticleId;
import io.newsmon.model.FeedEntry;
import io.newsmon.model.RawPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The pages the benchmarks run over: every {@code *.html} of the enrich module's labelled extraction
 * fixtures, which the build copies into this module's classes (and so into {@code benchmarks.jar}) under
 * {@value #DIRECTORY}/. They are found by listing that directory where this class was loaded from, a
 * directory of classes or a jar, so a page added to the fixtures is picked up by the next build without
 * an index to keep up to date.
 *
 * <p>Each page becomes the {@link RawPage} the ingest stage would have produced: fetched with HTTP 200 as
 * {@code text/html}, at {@code https://pages.newsmon.example/<file name>}, from a feed entry that gives
 * only the link.
 *
 * <p>Example: {@code List<RawPage> pages = Pages.load();}
 */
public final class Pages {
    /** Where the pages are in the jar or classes directory: the labelled fixtures, 2 to 60 KB each. */
    public static final String DIRECTORY = "pages";
    /** The realistic held-out pages, 80 to 300 KB each (enrich's {@code extract/realistic/}). */
    public static final String REALISTIC = "realistic";
    /** The base of the URL each page is given. */
    public static final String BASE_URL = "https://pages.newsmon.example/";

    private static final Instant FETCHED = Instant.parse("2024-06-01T12:00:00Z");

    private Pages() {
    }

    /**
     * The fixture pages as raw pages, in file name order.
     *
     * @throws IllegalStateException when there are none, which means the build did not copy them
     */
    public static List<RawPage> load() {
        return load(DIRECTORY);
    }

    /** The pages of {@code set} ({@value #DIRECTORY} or {@value #REALISTIC}) as raw pages, in file name order. */
    public static List<RawPage> load(String set) {
        List<RawPage> pages = new ArrayList<>();
        for (String name : names(set)) {
            pages.add(page(name, read(set, name)));
        }
        return List.copyOf(pages);
    }

    /** The file names of the pages ({@code amp-page.html}, ...), sorted. */
    public static List<String> names() {
        return names(DIRECTORY);
    }

    /** The file names of the pages of {@code set}, sorted. */
    public static List<String> names(String set) {
        Path origin = origin();
        List<String> names;
        try {
            names = Files.isDirectory(origin) ? namesInDirectory(origin.resolve(set)) : namesInJar(origin, set);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the benchmark pages in " + origin, e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no *.html page under " + set + "/ in " + origin + ": the build"
                    + " copies them from enrich/src/test/resources/io/newsmon/enrich/extract/" + set
                    + " (see benchmarks/pom.xml)");
        }
        Collections.sort(names);
        return names;
    }

    /** The raw page of the fixture {@code name} with this {@code html}. */
    static RawPage page(String name, String html) {
        String url = BASE_URL + name;
        return new RawPage(RawPage.SCHEMA_VERSION, ArticleId.of(url), url, BASE_URL + "feed.xml", "benchmark pages",
                new FeedEntry(null, url, null, null, null), FETCHED, 200, "text/html", "UTF-8", html);
    }

    private static String read(String set, String name) {
        String resource = set + "/" + name;
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("benchmark page " + resource + " was listed but cannot be opened");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmark page " + resource, e);
        }
    }

    /** The directory of classes or the jar this class was loaded from. */
    private static Path origin() {
        try {
            return Path.of(Pages.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where the benchmark classes were loaded from", e);
        }
    }

    private static List<String> namesInDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return new ArrayList<>();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return new ArrayList<>(files.map(file -> file.getFileName().toString())
                    .filter(Pages::isPage).toList());
        }
    }

    private static List<String> namesInJar(Path jar, String set) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return new ArrayList<>(file.stream().map(JarEntry::getName)
                    .filter(entry -> entry.startsWith(set + "/"))
                    .map(entry -> entry.substring(set.length() + 1))
                    .filter(name -> !name.contains("/") && isPage(name)).toList());
        }
    }

    private static boolean isPage(String name) {
        return name.endsWith(".html");
    }
}
