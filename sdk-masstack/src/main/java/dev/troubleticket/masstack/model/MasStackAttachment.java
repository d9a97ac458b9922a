package dev.troubleticket.masstack.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.Base64;

/**
 * A file carried inline in a JSON body, as MasStack writes it.
 *
 * @param content  the bytes encoded as base64
 * @param mimeType the media type; read from {@code mimetype} too, as one of the document's examples spells it
 * @param name     the file name
 */
public record MasStackAttachment(String content, @JsonAlias("mimetype") String mimeType, String name) {

    /** An attachment for the given bytes, encoded as base64. */
    public static MasStackAttachment of(String name, String mimeType, byte[] bytes) {
        return new MasStackAttachment(Base64.getEncoder().encodeToString(bytes), mimeType, name);
    }

    /** The decoded bytes, or {@code null} when there is no content or it is not valid base64. */
    public byte[] decodedContent() {
        if (content == null) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(content);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "MasStackAttachment[name=" + name + ", mimeType=" + mimeType + ", contentLength="
                + (content == null ? 0 : content.length()) + "]";
    }
}
