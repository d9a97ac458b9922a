package dev.troubleticket.core.subscription.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.troubleticket.core.model.Timestamp;
import java.io.IOException;
import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Recognises a checkpoint file of the SDK's earlier subscriptions (a properties file, written by the checkpoint
 * store replaced before the first release, whose first line is {@link #COMMENT}) and explains how to move on from
 * it: a new store file, started where the old checkpoints stood, and the MasStack tickets it followed followed
 * again. The old file is only read.
 *
 * <p>Its values are a Kosc ticket checkpoint (an ISO instant), a Kosc event feed's {@code sort_value} (base64 of
 * a JSON array whose first element is a date-time), or MasStack's followed tickets
 * ({@code v1;RED-84,OPENACTIVE,hash,2;...}).
 */
final class LegacyCheckpointFile {
    /** The comment the earlier checkpoint store wrote as the file's first line. */
    static final String COMMENT = "trouble-ticket SDK subscription checkpoints";
    private static final int IDS_SHOWN = 5;

    private LegacyCheckpointFile() {
    }

    /** Whether a file whose first line is {@code firstLine} is an old checkpoint file. */
    static boolean isOne(String firstLine) {
        return firstLine.startsWith("#") && firstLine.substring(1).trim().equals(COMMENT);
    }

    /** The refusal of the old checkpoint file {@code file}, with what to do instead. */
    static SubscriptionStoreException refusal(Path file) {
        Properties checkpoints = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            checkpoints.load(in);
        } catch (IOException | IllegalArgumentException e) {
            // The advice below still holds without what the file says.
        }
        Instant earliest = null;
        int instants = 0;
        List<String> read = new ArrayList<>();
        List<String> followedAgain = new ArrayList<>();
        TreeMap<String, String> sorted = new TreeMap<>();
        checkpoints.stringPropertyNames().forEach(key -> sorted.put(key, checkpoints.getProperty(key)));
        for (var entry : sorted.entrySet()) {
            String key = entry.getKey();
            String value = entry.getValue().trim();
            if (value.startsWith("v1")) {
                List<String> ids = masStackTickets(value);
                followedAgain.add("'" + key + "' followed " + ids.size() + " MasStack ticket" + (ids.size() == 1 ? "" : "s")
                        + (ids.isEmpty() ? "" : " (" + shown(ids) + ")"));
                continue;
            }
            Instant instant = instant(value);
            if (instant == null) {
                read.add("'" + key + "' holds nothing this SDK recognises");
                continue;
            }
            read.add("'" + key + "' stood at " + instant);
            instants++;
            if (earliest == null || instant.isBefore(earliest)) {
                earliest = instant;
            }
        }
        StringBuilder message = new StringBuilder("subscription store ").append(file).append(" is a checkpoint file of ")
                .append("the SDK's earlier subscriptions (FileCheckpointStore), not a subscription store journal; it is ")
                .append("left as it is. Give the store a new file (FileSubscriptionStore.open(<new file>), ticketctl watch ")
                .append("--store <new file>)");
        if (earliest != null) {
            message.append(" and start it where the old checkpoints stood: StartPosition.at(").append(earliest)
                    .append(") (ticketctl watch --from ").append(earliest).append(")");
            if (instants > 1) {
                message.append(", the earliest of its instants, so that nothing is missed (a few events may come again)");
            }
        } else if (followedAgain.isEmpty()) {
            message.append(", and choose where it starts with StartPosition.at(<instant>) (ticketctl watch --from <instant>)");
        }
        message.append('.');
        if (!read.isEmpty()) {
            message.append(" Its checkpoints: ").append(String.join(", ", read)).append('.');
        }
        if (!followedAgain.isEmpty()) {
            message.append(" Its MasStack subscriptions: ").append(String.join(", ", followedAgain))
                    .append("; the new store does not know them: follow each again with TicketSubscription.follow(id) ")
                    .append("(ticketctl watch --ticket <id>), and the new store keeps them from then on.");
        }
        return new SubscriptionStoreException(message.toString());
    }

    private static String shown(List<String> ids) {
        return ids.size() <= IDS_SHOWN ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, IDS_SHOWN)) + " and " + (ids.size() - IDS_SHOWN) + " more";
    }

    /** The ticket ids of a MasStack watcher checkpoint ({@code v1;<id>,<state>,<hash>,<count>;...}). */
    private static List<String> masStackTickets(String checkpoint) {
        List<String> ids = new ArrayList<>();
        String[] entries = checkpoint.split(";");
        for (int i = 1; i < entries.length; i++) {
            String[] parts = entries[i].split(",", -1);
            if (parts.length == 4 && !parts[0].isEmpty()) {
                try {
                    ids.add(URLDecoder.decode(parts[0], StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    ids.add(parts[0]);
                }
            }
        }
        return ids;
    }

    /** The instant of a Kosc checkpoint: an ISO instant, or a {@code sort_value} whose first element is one. */
    private static Instant instant(String value) {
        Instant direct = dateTime(value);
        if (direct != null) {
            return direct;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            try {
                decoded = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        try {
            JsonNode array = new ObjectMapper().readTree(decoded);
            return array != null && array.isArray() && array.size() > 0 && array.get(0).isTextual()
                    ? dateTime(array.get(0).asText()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Instant dateTime(String text) {
        // Kosc writes dates without a zone, meaning UTC (as the adapter reads them).
        if (text.length() < 10 || !Character.isDigit(text.charAt(0))) {
            return null;
        }
        Timestamp timestamp = Timestamp.parse(text);
        return timestamp == null ? null : timestamp.instant();
    }
}
