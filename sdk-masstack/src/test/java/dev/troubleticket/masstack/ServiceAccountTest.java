package dev.troubleticket.masstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.troubleticket.testkit.masstack.MasStackSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading service-account files: what is accepted, and that errors never show the key. */
class ServiceAccountTest {
    private static MasStackSimulator simulator;
    private static String json;
    private static String pem;

    @BeforeAll
    static void account() throws Exception {
        simulator = new MasStackSimulator();
        json = simulator.serviceAccountJson();
        pem = dev.troubleticket.core.internal.Json.mapper().readTree(json).get("private_key").asText();
    }

    @AfterAll
    static void close() {
        simulator.close();
    }

    private static String keyBody() {
        return pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
    }

    @Test
    void pkcs8FileIsRead(@TempDir Path dir) {
        ServiceAccount account = ServiceAccount.fromFile(simulator.writeServiceAccount(dir.resolve("sa.json")));

        assertThat(account.clientEmail()).isEqualTo(MasStackSimulator.CLIENT_EMAIL);
        assertThat(account.privateKeyId()).isEqualTo(simulator.keyId());
        assertThat(account.privateKey().getModulus()).isEqualTo(simulator.publicKey().getModulus());
        assertThat(account.tokenUri()).isEmpty();
    }

    @Test
    void pkcs1KeyIsReadToo() throws Exception {
        byte[] pkcs8 = Base64.getDecoder().decode(keyBody());
        // A 2048-bit key's PKCS#8 wrapper is 26 bytes; what follows is the PKCS#1 RSAPrivateKey.
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        String rsaPem = "-----BEGIN RSA PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs1)
                + "\n-----END RSA PRIVATE KEY-----\n";
        String pkcs1Json = json.replace(dev.troubleticket.core.internal.Json.mapper().writeValueAsString(pem),
                dev.troubleticket.core.internal.Json.mapper().writeValueAsString(rsaPem));

        ServiceAccount account = ServiceAccount.fromJson(pkcs1Json);

        assertThat(account.privateKey().getModulus()).isEqualTo(simulator.publicKey().getModulus());
    }

    @Test
    void tokenUriOfTheFileIsKept() {
        ServiceAccount account = ServiceAccount.fromJson(json.replaceFirst("\\{", "{\"token_uri\":\"https://auth.example/token\","));

        assertThat(account.tokenUri()).hasValue("https://auth.example/token");
    }

    @Test
    void everyMissingFieldIsNamedTogether() {
        assertThatThrownBy(() -> ServiceAccount.fromJson("{\"type\":\"service_account\",\"client_email\":\"\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'client_email' must be a non-empty string")
                .hasMessageContaining("'private_key_id' is missing")
                .hasMessageContaining("'private_key' is missing");
    }

    @Test
    void malformedKeyIsRefusedWithoutShowingIt() {
        // The DER header broken: base64 still, but no key.
        String damaged = json.replace("-----BEGIN PRIVATE KEY-----\\n" + keyBody().substring(0, 8),
                "-----BEGIN PRIVATE KEY-----\\nAAAAAAAA");
        assertThat(damaged).isNotEqualTo(json);
        String notPem = json.replace("-----BEGIN PRIVATE KEY-----", "-----BEGIN CERTIFICATE-----");

        assertThatThrownBy(() -> ServiceAccount.fromJson(damaged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'private_key'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(keyBody().substring(0, 20)));
        assertThatThrownBy(() -> ServiceAccount.fromJson(notPem)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'private_key' is not a PEM RSA private key")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(keyBody().substring(0, 20)));
    }

    @Test
    void invalidJsonIsRefusedWithoutQuotingIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, json.substring(0, json.length() / 2));

        assertThatThrownBy(() -> ServiceAccount.fromFile(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("not valid JSON")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("MII"));
        assertThatThrownBy(() -> ServiceAccount.fromFile(dir.resolve("missing.json")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot read");
    }

    @Test
    void toStringMasksTheKey() {
        ServiceAccount account = ServiceAccount.fromJson(json);

        assertThat(account.toString()).contains(MasStackSimulator.CLIENT_EMAIL).contains("privateKey=****")
                .doesNotContain(keyBody().substring(0, 20));
    }
}
