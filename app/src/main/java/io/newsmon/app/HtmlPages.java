package io.newsmon.app;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The saved web pages of a folder for {@code newsmon extract}: every {@code *.html} and {@code *.htm} file
 * (any case), each with the {@code .txt} file its text goes to.
 *
 * <p>{@code pages/a.html} and {@code pages/b.HTM} give {@code out/a.txt} and {@code out/b.txt}; with
 * {@code recursive}, {@code pages/world/c.html} gives {@code out/world/c.txt} and symbolic links to folders
 * are followed. Without it, subfolders are not looked into, but a folder named like a page is listed as a
 * problem rather than passed over. When two pages would write the same {@code .txt} ({@code a.htm} and
 * {@code a.html}), the first by name keeps it and the others are problems. Folders that cannot be read are
 * problems too; the listing goes on.
 *
 * <p>Example: {@code HtmlPages.list(Path.of("pages"), Path.of("texts"), true).pages()}.
 */
final class HtmlPages {
    /** A page and the file its text goes to. */
    record Page(Path source, Path target) {
    }

    /** A path that should have given a page but cannot, and why, for example "is a folder, not a page". */
    record Problem(Path path, String reason) {
    }

    /**
     * What a folder holds.
     *
     * @param pages      the pages, sorted by path
     * @param problems   what could not be listed or would collide, sorted by path
     * @param subfolders without {@code recursive}, the folders directly inside the folder listed, for the hint
     *                   about {@code --recursive}; 0 with it
     */
    record Listing(List<Page> pages, List<Problem> problems, int subfolders) {
    }

    private HtmlPages() {
    }

    /** Whether {@code fileName} ends with {@code .html} or {@code .htm}, in any case. */
    static boolean isPageName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm");
    }

    /** The name of the text file of a page: {@code a.html} gives {@code a.txt}. */
    static String textName(String pageName) {
        return pageName.substring(0, pageName.lastIndexOf('.')) + ".txt";
    }

    /**
     * The pages under {@code in}, with their targets under {@code out}.
     *
     * @throws IOException when {@code in} itself cannot be listed
     */
    static Listing list(Path in, Path out, boolean recursive) throws IOException {
        Collector collector = new Collector(in, recursive);
        Files.walkFileTree(in, EnumSet.of(FileVisitOption.FOLLOW_LINKS), recursive ? Integer.MAX_VALUE : 1, collector);
        if (collector.rootFailure != null) {
            throw collector.rootFailure;
        }
        List<Path> sources = collector.sources;
        sources.sort(Comparator.naturalOrder());
        List<Page> pages = new ArrayList<>(sources.size());
        List<Problem> problems = new ArrayList<>(collector.problems);
        Map<Path, Path> writers = new HashMap<>();
        for (Path source : sources) {
            Path relative = in.relativize(source);
            Path target = out.resolve(relative).resolveSibling(textName(source.getFileName().toString()));
            Path first = writers.putIfAbsent(target, source);
            if (first == null) {
                pages.add(new Page(source, target));
            } else {
                problems.add(new Problem(source, "its text would go to " + target + ", which " + first.getFileName()
                        + " already writes; rename one of the two pages"));
            }
        }
        problems.sort(Comparator.comparing(Problem::path));
        return new Listing(List.copyOf(pages), List.copyOf(problems), collector.subfolders);
    }

    /** Why an I/O operation on a file failed, in a few words, without the path. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemLoopException) {
            return "a symbolic link leads back to a folder above it";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static final class Collector extends SimpleFileVisitor<Path> {
        private final Path root;
        private final boolean recursive;
        final List<Path> sources = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        int subfolders;
        IOException rootFailure;

        Collector(Path root, boolean recursive) {
            this.root = root;
            this.recursive = recursive;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            // Only without --recursive do folders come here: the walk stops at depth 1.
            boolean folder = attrs.isDirectory();
            if (folder) {
                subfolders++;
            }
            if (isPageName(file.getFileName().toString())) {
                if (folder) {
                    problems.add(new Problem(file, recursive ? "is a folder, not a page"
                            : "is a folder, not a page (subfolders are only read with --recursive)"));
                } else {
                    sources.add(file);
                }
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
            if (file.equals(root)) {
                rootFailure = e;
                return FileVisitResult.TERMINATE;
            }
            if (recursive || isPageName(file.getFileName().toString())) {
                problems.add(new Problem(file, "cannot read: " + reason(e)));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) {
            if (e != null) {
                if (dir.equals(root)) {
                    rootFailure = e;
                    return FileVisitResult.TERMINATE;
                }
                problems.add(new Problem(dir, "cannot read the folder: " + reason(e)));
            }
            return FileVisitResult.CONTINUE;
        }
    }
}
