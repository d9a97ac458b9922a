package dev.troubleticket.nexera.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.troubleticket.core.model.Timestamp;

/**
 * A note on a trouble ticket: the way the operator and the provider talk about it.
 *
 * @param id     the note's id within the ticket (set by the server)
 * @param author who wrote it
 * @param date   when it was written (set by the server: prohibited in requests)
 * @param text   the text
 * @param type   {@code @type}
 */
public record Note(String id, String author, Timestamp date, String text, @JsonProperty("@type") String type) {

    /** A new note to send: the server sets its id and date. */
    public static Note of(String author, String text) {
        return new Note(null, author, null, text, null);
    }

    @Override
    public String toString() {
        // Notes hold free text that often names people: only its length is printed.
        return "Note[id=" + id + ", date=" + date + ", textLength=" + (text == null ? 0 : text.length()) + "]";
    }
}
