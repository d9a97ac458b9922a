package dev.troubleticket.nexera.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Base64;

/**
 * A file attached to a ticket: either a value carrying its content (base64) or a reference to an
 * attachment the server already holds (only {@code id}/{@code href}).
 *
 * @param id             the attachment's id (set by the server)
 * @param href           its address (set by the server)
 * @param name           the file name
 * @param description    what it shows
 * @param attachmentType the kind of document, for example {@code picture}
 * @param content        the bytes, base64-encoded
 * @param mimeType       the media type, for example {@code image/png}
 * @param size           the size
 * @param url            where it can be downloaded, when not embedded
 * @param type           {@code @type}
 * @param baseType       {@code @baseType}
 * @param referredType   {@code @referredType}
 */
public record AttachmentRefOrValue(
        String id,
        String href,
        String name,
        String description,
        String attachmentType,
        String content,
        String mimeType,
        Quantity size,
        String url,
        @JsonProperty("@type") String type,
        @JsonProperty("@baseType") String baseType,
        @JsonProperty("@referredType") String referredType) {

    /** An embedded attachment: the bytes are base64-encoded and the size set. */
    public static AttachmentRefOrValue embedded(String name, String mimeType, byte[] bytes) {
        return new AttachmentRefOrValue(null, null, name, null, null, Base64.getEncoder().encodeToString(bytes), mimeType,
                Quantity.bytes(bytes.length), null, null, null, null);
    }

    /** A reference to an attachment the server already holds. */
    public static AttachmentRefOrValue reference(String id) {
        return new AttachmentRefOrValue(id, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Whether this is only a reference (an id and no content). */
    public boolean isReference() {
        return id != null && content == null;
    }

    /** The decoded content, or {@code null} when there is none or it is not valid base64. */
    public byte[] decodedContent() {
        if (content == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(content.replaceAll("\\s", ""));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "AttachmentRefOrValue[id=" + id + ", name=" + name + ", mimeType=" + mimeType + ", size=" + size
                + ", contentLength=" + (content == null ? 0 : content.length()) + "]";
    }
}
