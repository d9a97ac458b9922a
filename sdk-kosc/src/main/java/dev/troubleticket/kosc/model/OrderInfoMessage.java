package dev.troubleticket.kosc.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /api/v2/orders/{order_uuid}/events/info}: a message to Kosc about an order,
 * optionally ending the order's deferred status.
 *
 * @param message      the text (required)
 * @param stopDeferred {@code true} to ask Kosc to end the deferred status, or {@code null} to leave it out
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderInfoMessage(String message, @JsonProperty("stop_deferred") Boolean stopDeferred) {

    /** A plain message. */
    public static OrderInfoMessage of(String message) {
        return new OrderInfoMessage(message, null);
    }

    /** A message that also asks to end the deferred status. */
    public static OrderInfoMessage stoppingDeferred(String message) {
        return new OrderInfoMessage(message, Boolean.TRUE);
    }

    @Override
    public String toString() {
        return "OrderInfoMessage[messageLength=" + (message == null ? 0 : message.length()) + ", stopDeferred=" + stopDeferred + "]";
    }
}
