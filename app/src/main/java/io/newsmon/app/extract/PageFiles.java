package io.newsmon.app.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How {@code newsmon extract} reads pages and writes texts in folders that may hold hostile files.
 *
 * <p>A page is opened only when it is a regular file or a symbolic link to one: a FIFO, device or socket is
 * never opened, as opening a FIFO waits for a writer and a device such as {@code /dev/zero} never ends. At
 * most {@code maxBytes} are read: a page whose size says more is not opened, and the stream of one that turns
 * out longer than its size said (it grows, or is a {@code /proc} file) fails with {@link TooLarge} at byte
 * {@code maxBytes + 1}. The stream is not buffered whole, so the parser holds what it needs and no more.
 *
 * <p>A text is written to a new file in the target's folder, then moved over the target in one step, so a
 * target that is a symbolic link is replaced, not written through, and a reader never sees half a text.
 * The folders below {@code --out} are created one by one, and one that is a symbolic link is not entered.
 *
 * <p>Example: {@code if (PageFiles.open(page, 10 << 20) instanceof PageFiles.Opened.Stream s) Jsoup.parse(s.in(), ...)}.
 */
final class PageFiles {
    private static final int TYPE_MASK = 0170000;

    /** What opening a page gave. */
    sealed interface Opened {
        /** The page's bytes, to be closed by the caller; reading past the limit fails with {@link TooLarge}. */
        record Stream(InputStream in) implements Opened {
        }

        /** The page was not opened, by {@code refusal}; {@code reason} says why, for example "a FIFO, not a regular file". */
        record Skipped(Refusal refusal, String reason) implements Opened {
        }

        /** The page could not be opened, for example "cannot read: permission denied". */
        record Failed(String reason) implements Opened {
        }
    }

    /** A page turned out longer than the limit while read; the message is the reason to report. */
    static final class TooLarge extends IOException {
        TooLarge(long maxBytes) {
            super(tooLarge("more than " + ByteSize.human(maxBytes), maxBytes));
        }
    }

    private PageFiles() {
    }

    /** Opens {@code page} if it is a regular file (or a symbolic link to one) of at most {@code maxBytes}. */
    static Opened open(Path page, long maxBytes) {
        boolean link;
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(page, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            link = attrs.isSymbolicLink();
            if (link) {
                attrs = Files.readAttributes(page, BasicFileAttributes.class);
            }
        } catch (NoSuchFileException e) {
            return new Opened.Failed(Files.isSymbolicLink(page) ? "cannot read: a symbolic link to a missing file"
                    : "cannot read: no such file");
        } catch (IOException e) {
            return new Opened.Failed("cannot read: " + HtmlPages.reason(e));
        }
        if (!attrs.isRegularFile()) {
            return new Opened.Skipped(Refusal.NOT_A_REGULAR_FILE,
                    (link ? "a symbolic link to " : "") + kind(page, attrs, link) + ", not a regular file");
        }
        if (attrs.size() > maxBytes) {
            return new Opened.Skipped(Refusal.LARGER_THAN_MAX, tooLarge(attrs.size() + " bytes", maxBytes));
        }
        try {
            return new Opened.Stream(new Capped(Files.newInputStream(page, following(link)), maxBytes));
        } catch (IOException e) {
            return new Opened.Failed("cannot read: " + HtmlPages.reason(e));
        }
    }

    /**
     * Creates the folders of {@code relative} below {@code root}, from the top, without entering a symbolic
     * link: the first one that is a link, if any; the folders below it are not created.
     *
     * @param relative a folder path relative to {@code root}, or null for {@code root} itself
     * @throws IOException when a folder cannot be created, or a file stands in its place
     */
    static Optional<Path> createFolders(Path root, Path relative) throws IOException {
        if (relative == null) {
            return Optional.empty();
        }
        Path folder = root;
        for (Path name : relative) {
            folder = folder.resolve(name);
            try {
                Files.createDirectory(folder);
            } catch (FileAlreadyExistsException e) {
                BasicFileAttributes attrs = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attrs.isSymbolicLink()) {
                    return Optional.of(folder);
                }
                if (!attrs.isDirectory()) {
                    throw new FileSystemException(folder.toString(), null, folder + " is a file, not a folder");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Writes {@code bytes} to {@code target} through a new file in its folder that then replaces it, so a
     * target that is a symbolic link is replaced rather than written through.
     */
    static void replace(Path target, byte[] bytes) throws IOException {
        Path temporary = target.resolveSibling(".newsmon-extract-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            // CREATE_NEW fails on any existing name, a symbolic link included, so nothing is opened through one.
            Files.write(temporary, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static String tooLarge(String size, long maxBytes) {
        return size + ", larger than --max-page-size " + ByteSize.human(maxBytes);
    }

    /**
     * No option for a path that was a symbolic link when looked at, else {@code NOFOLLOW_LINKS}, in case it
     * became one since.
     */
    private static LinkOption[] following(boolean link) {
        return link ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    }

    /** What a file that is not a regular file is: "a FIFO", "a character device", "a folder"... */
    private static String kind(Path file, BasicFileAttributes attrs, boolean link) {
        if (attrs.isDirectory()) {
            return "a folder";
        }
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode", following(link));
            return switch (mode & TYPE_MASK) {
                case 0010000 -> "a FIFO";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    /** Fails with {@link TooLarge} once more than {@code maxBytes} were read. */
    private static final class Capped extends FilterInputStream {
        private final long maxBytes;
        private long count;

        Capped(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws TooLarge {
            count += n;
            if (count > maxBytes) {
                throw new TooLarge(maxBytes);
            }
        }
    }
}
