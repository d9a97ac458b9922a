package dev.troubleticket.kosc.model;


/**
 * A ticket's {@code last_comment}. The text may hold personal data, so {@link #toString()} shows its length only.
 *
 * @param comment the text
 * @param author  who wrote it
 */
public record KoscLastComment(String comment, String author) {
    @Override
    public String toString() {
        return "KoscLastComment[author=" + author + ", commentLength=" + (comment == null ? 0 : comment.length()) + "]";
    }
}
