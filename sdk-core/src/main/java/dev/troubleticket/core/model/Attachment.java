package dev.troubleticket.core.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file attached to a ticket, either carried inline ({@link #content()}) or referred to by URL.
 *
 * @param name     the file name
 * @param mimeType the media type, for example {@code application/pdf}
 * @param content  the bytes, or {@code null} when only a URL is known
 * @param url      where the file can be fetched, or {@code null}
 */
public record Attachment(String name, String mimeType, byte[] content, String url) {

    /** Copies the content, so that a caller's array cannot change the attachment. */
    public Attachment {
        content = content == null ? null : content.clone();
    }

    /** An inline attachment. */
    public static Attachment inline(String name, String mimeType, byte[] content) {
        return new Attachment(name, mimeType, Objects.requireNonNull(content, "content"), null);
    }

    /** A copy of the inline content, or {@code null} when the attachment is a link. */
    @Override
    public byte[] content() {
        return content == null ? null : content.clone();
    }

    /** The size in bytes of the inline content, or {@code -1} when there is none. */
    public long size() {
        return content == null ? -1 : content.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attachment other && Objects.equals(name, other.name) && Objects.equals(mimeType, other.mimeType)
                && Arrays.equals(content, other.content) && Objects.equals(url, other.url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, mimeType, Arrays.hashCode(content), url);
    }

    @Override
    public String toString() {
        return "Attachment[name=" + name + ", mimeType=" + mimeType + ", size=" + size() + ", url=" + (url == null ? "null" : "<set>") + "]";
    }
}
