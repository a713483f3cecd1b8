package io.newsmon.app.extract;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The saved web pages of a folder for {@code newsmon extract}: every {@code *.html} and {@code *.htm} file
 * (any case), each with the {@code .txt} file its text goes to.
 *
 * <p>{@code pages/a.html} and {@code pages/b.HTM} give {@code out/a.txt} and {@code out/b.txt}; with
 * {@code recursive}, {@code pages/world/c.html} gives {@code out/world/c.txt}. Symbolic links to folders are
 * never followed: with {@code recursive} each is skipped as {@link Refusal#LINK_TO_FOLDER}. A page may be a
 * symbolic link; whether it leads to a regular file is for {@link PageFiles#read} to tell. Without
 * {@code recursive}, subfolders are not looked into, but a folder named like a page is skipped as
 * {@link Refusal#NOT_A_REGULAR_FILE} rather than passed over. When two pages would write the same {@code .txt}
 * ({@code a.htm} and {@code a.html}), the first by name keeps it and the others are problems. Folders that
 * cannot be read are problems too; the listing goes on. Names keep their bytes, also those the locale's
 * charset cannot decode: {@code caf\xE9.html} gives {@code caf\xE9.txt}.
 *
 * <p>Example: {@code HtmlPages.list(Path.of("pages"), Path.of("texts"), true).pages()}.
 */
final class HtmlPages {
    /** A page and the file its text goes to. */
    record Page(Path source, Path target) {
    }

    /** A path that should have given a page but cannot, and why, for example "cannot read: permission denied". */
    record Problem(Path path, String reason) {
    }

    /** A path passed over by a rule, and how, for example "a symbolic link to a folder, not followed". */
    record Skipped(Path path, Refusal refusal, String reason) {
    }

    /**
     * What a folder holds.
     *
     * @param pages      the pages, sorted by path
     * @param problems   what could not be listed or would collide, sorted by path
     * @param skipped    what was passed over by a rule, sorted by path
     * @param subfolders without {@code recursive}, the folders directly inside the folder listed, for the hint
     *                   about {@code --recursive}; 0 with it
     */
    record Listing(List<Page> pages, List<Problem> problems, List<Skipped> skipped, int subfolders) {
    }

    private HtmlPages() {
    }

    /** Whether {@code fileName} ends with {@code .html} or {@code .htm}, in any case. */
    static boolean isPageName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm");
    }

    /**
     * The name of the text file of a page, with the bytes of the page's name: {@code world/a.html} gives
     * {@code a.txt}, and a name the locale's charset cannot decode keeps its bytes.
     */
    static Path textName(Path page) {
        // toString() decodes a name with the locale's charset, and Path.of cannot always encode it back (the C
        // locale takes ASCII only); a file URI holds the name's very bytes, percent-encoded.
        String raw = page.toUri().getRawPath();
        if (raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1);
        }
        String name = raw.substring(raw.lastIndexOf('/') + 1);
        return Path.of(URI.create("file:///" + name.substring(0, name.lastIndexOf('.')) + ".txt")).getFileName();
    }

    /**
     * The pages under {@code in}, with their targets under {@code out}.
     *
     * @throws IOException when {@code in} itself cannot be listed
     */
    static Listing list(Path in, Path out, boolean recursive) throws IOException {
        Walk walk = new Walk(recursive);
        walk.walk(in);
        List<Path> sources = walk.sources;
        sources.sort(Comparator.naturalOrder());
        List<Page> pages = new ArrayList<>(sources.size());
        List<Problem> problems = new ArrayList<>(walk.problems);
        Map<Path, Path> writers = new HashMap<>();
        for (Path source : sources) {
            Path target = out.resolve(in.relativize(source)).resolveSibling(textName(source));
            Path first = writers.putIfAbsent(target, source);
            if (first == null) {
                pages.add(new Page(source, target));
            } else {
                problems.add(new Problem(source, "its text would go to " + target + ", which " + first.getFileName()
                        + " already writes; rename one of the two pages"));
            }
        }
        problems.sort(Comparator.comparing(Problem::path));
        List<Skipped> skipped = new ArrayList<>(walk.skipped);
        skipped.sort(Comparator.comparing(Skipped::path));
        return new Listing(List.copyOf(pages), List.copyOf(problems), List.copyOf(skipped), walk.subfolders);
    }

    /** Why an I/O operation on a file failed, in a few words, without the path. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Lists folder by folder, without following a symbolic link to a folder (a walk has no loop to guard). */
    private static final class Walk {
        private final boolean recursive;
        private final Deque<Path> folders = new ArrayDeque<>();
        final List<Path> sources = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        final List<Skipped> skipped = new ArrayList<>();
        int subfolders;

        Walk(boolean recursive) {
            this.recursive = recursive;
        }

        void walk(Path root) throws IOException {
            // root may be a symbolic link: the user named it.
            listFolder(root);
            while (!folders.isEmpty()) {
                Path folder = folders.pop();
                try {
                    listFolder(folder);
                } catch (IOException e) {
                    problems.add(new Problem(folder, "cannot read the folder: " + reason(e)));
                }
            }
        }

        private void listFolder(Path folder) throws IOException {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    visit(entry);
                }
            } catch (DirectoryIteratorException e) {
                throw e.getCause();
            }
        }

        private void visit(Path entry) {
            boolean page = isPageName(entry.getFileName().toString());
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                if (page || recursive) {
                    problems.add(new Problem(entry, "cannot read: " + reason(e)));
                }
                return;
            }
            if (attrs.isDirectory()) {
                folder(entry, page);
            } else if (page) {
                sources.add(entry);
            } else if (recursive && attrs.isSymbolicLink() && Files.isDirectory(entry)) {
                skipped.add(new Skipped(entry, Refusal.LINK_TO_FOLDER, "a symbolic link to a folder, not followed"));
            }
        }

        private void folder(Path folder, boolean page) {
            if (recursive) {
                folders.push(folder);
                return;
            }
            subfolders++;
            if (page) {
                skipped.add(new Skipped(folder, Refusal.NOT_A_REGULAR_FILE,
                        "a folder, not a regular file (subfolders are only read with --recursive)"));
            }
        }
    }
}
