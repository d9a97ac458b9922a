package dev.troubleticket.masstack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.masstack.internal.PemKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The service account MasStack issues: an e-mail-like client id, the id of its key and the RSA private
 * key (PEM) with which the SDK signs its token requests.
 *
 * <p>Read it with {@link #fromFile(Path)} or {@link #fromJson(String)}. A file that is incomplete or
 * malformed is refused with one message naming every field that is wrong; the message never contains the
 * key. {@link #toString()} masks the key too.
 */
public final class ServiceAccount {
    private final String clientEmail;
    private final String privateKeyId;
    private final RSAPrivateKey privateKey;
    private final String tokenUri;

    private ServiceAccount(String clientEmail, String privateKeyId, RSAPrivateKey privateKey, String tokenUri) {
        this.clientEmail = clientEmail;
        this.privateKeyId = privateKeyId;
        this.privateKey = privateKey;
        this.tokenUri = tokenUri;
    }

    /** A service account from its parts. */
    public static ServiceAccount of(String clientEmail, String privateKeyId, RSAPrivateKey privateKey) {
        requireText(clientEmail, "clientEmail");
        requireText(privateKeyId, "privateKeyId");
        return new ServiceAccount(clientEmail, privateKeyId, Objects.requireNonNull(privateKey, "privateKey"), null);
    }

    /**
     * Reads a service-account JSON file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static ServiceAccount fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the service-account file " + file + ": " + e.getClass().getSimpleName(), e);
        }
        return parse(text, "service-account file " + file);
    }

    /**
     * Reads a service account from its JSON text ({@code client_email}, {@code private_key_id},
     * {@code private_key}; {@code token_uri} if present).
     *
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    public static ServiceAccount fromJson(String json) {
        return parse(json, "service account");
    }

    private static ServiceAccount parse(String json, String what) {
        JsonNode root;
        try {
            root = json == null ? null : Json.mapper().readTree(json);
        } catch (IOException e) {
            // The parser's message quotes the text around the error, which may be the key: leave it out.
            throw new IllegalArgumentException(what + " is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        List<String> problems = new ArrayList<>();
        String clientEmail = text(root, "client_email", problems);
        String keyId = text(root, "private_key_id", problems);
        String pem = text(root, "private_key", problems);
        RSAPrivateKey key = null;
        if (pem != null) {
            try {
                key = PemKeys.readRsaPrivateKey(pem);
            } catch (IllegalArgumentException e) {
                problems.add("'private_key' " + e.getMessage());
            }
        }
        String tokenUri = root.hasNonNull("token_uri") && root.get("token_uri").isTextual() ? root.get("token_uri").asText() : null;
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(what + " is unusable: " + String.join("; ", problems));
        }
        return new ServiceAccount(clientEmail, keyId, key, tokenUri);
    }

    private static String text(JsonNode root, String field, List<String> problems) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            problems.add("'" + field + "' is missing");
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            problems.add("'" + field + "' must be a non-empty string");
            return null;
        }
        return node.asText();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** The account's id, used as issuer and subject of the assertions. */
    public String clientEmail() {
        return clientEmail;
    }

    /** The key's id, sent as the assertions' {@code kid} header. */
    public String privateKeyId() {
        return privateKeyId;
    }

    /** The RSA private key that signs the assertions. */
    public RSAPrivateKey privateKey() {
        return privateKey;
    }

    /** The token endpoint named in the file ({@code token_uri}), if any. */
    public Optional<String> tokenUri() {
        return Optional.ofNullable(tokenUri);
    }

    @Override
    public String toString() {
        return "ServiceAccount[clientEmail=" + clientEmail + ", privateKeyId=" + privateKeyId + ", privateKey=****]";
    }
}
