package dev.troubleticket.nexera.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.troubleticket.core.model.Timestamp;

/**
 * One past status change, as TMF621 v4 lists them in {@code statusChange} (when the server keeps them).
 *
 * @param status       the status the ticket moved to
 * @param changeDate   when
 * @param changeReason why
 * @param type         {@code @type}
 */
public record StatusChangeRecord(TroubleTicketStatus status, Timestamp changeDate, String changeReason,
                                 @JsonProperty("@type") String type) {
}
