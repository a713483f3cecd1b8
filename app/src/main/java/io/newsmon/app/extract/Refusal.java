package io.newsmon.app.extract;

/**
 * The rules by which {@code newsmon extract} passes over a path rather than read it or write its text, each
 * with how the summary counts it: {@code 2 not regular files}, {@code 1 larger than 10 MiB}.
 */
enum Refusal {
    /** A FIFO, device, socket or folder named like a page, or a symbolic link to one: opening may block or never end. */
    NOT_A_REGULAR_FILE("not a regular file", "not regular files"),
    /** A page over {@code --max-page-size}, as its size says or as read. */
    LARGER_THAN_MAX("larger than %s", "larger than %s"),
    /** With {@code --recursive}, a symbolic link to a folder inside {@code --in}: not followed. */
    LINK_TO_FOLDER("symbolic link to a folder", "symbolic links to folders"),
    /** A page whose text would go into a folder below {@code --out} that is a symbolic link. */
    FOLDER_IS_LINK("in a folder that is a symbolic link", "in folders that are symbolic links");

    private final String one;
    private final String many;

    Refusal(String one, String many) {
        this.one = one;
        this.many = many;
    }

    /** {@code count} paths refused by this rule, for the summary: {@code 2 not regular files}. */
    String counted(int count, String maxPageSize) {
        return count + " " + String.format(count == 1 ? one : many, maxPageSize);
    }
}
