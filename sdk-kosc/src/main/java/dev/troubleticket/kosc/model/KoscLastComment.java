package dev.troubleticket.kosc.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.troubleticket.kosc.internal.KoscPartReaders;

/**
 * A ticket's {@code last_comment}. The text may hold personal data, so {@link #toString()} shows its length only.
 *
 * @param comment the text
 * @param author  who wrote it
 */
@JsonDeserialize(using = KoscPartReaders.LastCommentReader.class)
public record KoscLastComment(String comment, String author) {
    @Override
    public String toString() {
        return "KoscLastComment[author=" + author + ", commentLength=" + (comment == null ? 0 : comment.length()) + "]";
    }
}
