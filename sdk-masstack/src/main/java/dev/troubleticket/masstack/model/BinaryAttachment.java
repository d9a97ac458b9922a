package dev.troubleticket.masstack.model;

import java.util.Objects;

/**
 * A file sent as a binary {@code attachment} part of a multipart/form-data create, for files too large
 * to carry as base64 inside the JSON body.
 *
 * @param name     the file name
 * @param mimeType the media type
 * @param bytes    the content
 */
public record BinaryAttachment(String name, String mimeType, byte[] bytes) {
    /** Copies the bytes, so that a caller's array cannot change the attachment. */
    public BinaryAttachment {
        Objects.requireNonNull(bytes, "bytes");
        bytes = bytes.clone();
    }

    /** A copy of the file's bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryAttachment other && Objects.equals(name, other.name)
                && Objects.equals(mimeType, other.mimeType) && java.util.Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, mimeType, java.util.Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "BinaryAttachment[name=" + name + ", mimeType=" + mimeType + ", size=" + bytes.length + "]";
    }
}
