package dev.troubleticket.nexera.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The channel a ticket came through.
 *
 * @param id           the channel's id
 * @param href         its address
 * @param name         its name
 * @param referredType {@code @referredType}
 */
public record ChannelRef(String id, String href, String name, @JsonProperty("@referredType") String referredType) {
    /** A channel named only. */
    public static ChannelRef named(String name) {
        return new ChannelRef(null, null, name, null);
    }
}
