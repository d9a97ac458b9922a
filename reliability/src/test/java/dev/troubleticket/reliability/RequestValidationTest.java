package dev.troubleticket.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.core.error.FieldViolation;
import dev.troubleticket.core.error.ValidationException;
import dev.troubleticket.core.internal.Json;
import dev.troubleticket.core.model.Ticket;
import dev.troubleticket.kosc.internal.CreateValidation;
import dev.troubleticket.kosc.model.CreateKoscTicketRequest;
import dev.troubleticket.masstack.MasStackApi;
import dev.troubleticket.masstack.model.CreateTroubleTicketRequest;
import dev.troubleticket.nexera.Tmf621Api;
import dev.troubleticket.nexera.model.TroubleTicket;
import dev.troubleticket.testkit.nexera.NexeraSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every create validator, given documents with several required fields missing at once (seeded random
 * subsets), answers with every violated field, not only the first. Which fields are required is found
 * from the document itself: a field whose removal alone is reported.
 */
@ExtendWith({ReliabilityReport.class, SecretRegistry.class})
class RequestValidationTest {
    private static final int SUBSETS = Boolean.getBoolean("soak") ? 200 : 40;

    @Test
    void koscCreateValidatorNamesEveryMissingField() throws IOException {
        checkEveryViolationIsNamed("kosc", example("sdk-kosc", "ticket-create-request.json"),
                body -> CreateValidation.violations(CreateKoscTicketRequest.fromJson(body)));
    }

    @Test
    void masStackCreateValidatorNamesEveryMissingField() throws IOException {
        try (Harness harness = new Harness(ProviderProfile.of("masstack"))) {
            MasStackApi api = harness.client.unwrap(MasStackApi.class);
            java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
            checkEveryViolationIsNamed("masstack", example("sdk-masstack", "create-request.json"), body -> {
                List<FieldViolation> violations = violationsOf(() -> api.create(Json.mapper().treeToValue(body, CreateTroubleTicketRequest.class)));
                if (violations.isEmpty()) {
                    accepted.incrementAndGet();
                }
                return violations;
            });
            assertThat(harness.simulator.ticketsCreated()).as("only what passed validation was sent").isEqualTo(accepted.get());
        }
    }

    @Test
    void nexeraCreateValidatorNamesEveryMissingField() throws Exception {
        try (Harness harness = new Harness(ProviderProfile.of("nexera"))) {
            Ticket created = harness.client.create(harness.profile.request("VAL-1"));
            ObjectNode document = ((NexeraSimulator) harness.simulator).ticket(created.id()).deepCopy();
            // What the server adds to a ticket is not part of a create.
            List.of("id", "href", "creationDate", "lastUpdate", "statusChange", "statusChangeDate", "status", "note", "attachment")
                    .forEach(document::remove);
            Tmf621Api api = harness.client.unwrap(Tmf621Api.class);
            checkEveryViolationIsNamed("nexera", document.toString(),
                    body -> api.checkCreate(Json.mapper().treeToValue(body, TroubleTicket.class)));
        }
    }

    @Test
    void neutralCreateNamesEveryBrokenFieldOnEveryProvider() throws Exception {
        for (ProviderProfile profile : ProviderProfile.all()) {
            try (Harness harness = new Harness(profile)) {
                TicketingClient client = harness.client;
                var request = dev.troubleticket.core.model.CreateTicketRequest.builder()
                        .externalReference(null).serviceId(null).description(null).title(null).category(null).build();
                List<FieldViolation> violations = violationsOf(() -> client.create(request));
                List<String> fields = violations.stream().map(v -> v.field().toLowerCase(Locale.ROOT)).toList();
                assertThat(violations).as("%s: %s", profile, violations).hasSizeGreaterThanOrEqualTo(2);
                assertThat(fields).as("%s names the reference", profile).anyMatch(f -> f.contains("ref") || f.contains("externalid"));
                assertThat(fields).as("%s names the service", profile).anyMatch(f -> f.contains("service") || f.contains("relatedentity"));
                assertThat(harness.simulator.ticketsCreated()).isZero();
            }
        }
    }

    /** A validator: the violations of one create body. */
    private interface Validator {
        List<FieldViolation> check(JsonNode body) throws Exception;
    }

    private static void checkEveryViolationIsNamed(String provider, String example, Validator validator) throws IOException {
        ObjectNode valid = (ObjectNode) Json.mapper().readTree(example);
        List<FieldViolation> baseline = run(validator, valid);
        assertThat(baseline).as("%s: the example itself is valid", provider).isEmpty();
        List<String> required = new ArrayList<>();
        valid.fieldNames().forEachRemaining(field -> {
            ObjectNode without = valid.deepCopy();
            without.remove(field);
            if (names(run(validator, without), field)) {
                required.add(field);
            }
        });
        // A field required only when another is set (MasStack's homeId for client issues) cannot be judged
        // once that other is missing too: only fields reported whatever else is missing are checked below.
        List<String> conditional = required.stream().filter(field -> required.stream().filter(other -> !other.equals(field))
                .anyMatch(other -> {
                    ObjectNode without = valid.deepCopy();
                    without.remove(List.of(field, other));
                    return !names(run(validator, without), field);
                })).toList();
        required.removeAll(conditional);
        assertThat(required).as("%s: required fields found in the example (conditional: %s)", provider, conditional)
                .hasSizeGreaterThanOrEqualTo(2);

        Random random = new Random(FaultPlans.SEED + provider.hashCode());
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < SUBSETS; i++) {
            List<String> shuffled = new ArrayList<>(required);
            Collections.shuffle(shuffled, random);
            List<String> removed = shuffled.subList(0, 2 + random.nextInt(required.size() - 1));
            ObjectNode broken = valid.deepCopy();
            removed.forEach(broken::remove);
            List<FieldViolation> violations = run(validator, broken);
            for (String field : removed) {
                if (!names(violations, field)) {
                    missed.add(field + " when " + removed + " were missing: " + violations);
                }
            }
        }
        ReliabilityReport.row("validators").add(SUBSETS + required.size(), 0, SUBSETS, java.util.Map.of());
        assertThat(missed).as("%s: violated fields left unreported", provider).isEmpty();
    }

    private static List<FieldViolation> run(Validator validator, JsonNode body) {
        try {
            return validator.check(body);
        } catch (ValidationException e) {
            return e.violations();
        } catch (Exception e) {
            throw new AssertionError("the validator threw " + e + " instead of listing violations", e);
        }
    }

    private static boolean names(List<FieldViolation> violations, String field) {
        String wanted = field.toLowerCase(Locale.ROOT);
        return violations.stream().anyMatch(v -> v.field() != null && v.field().toLowerCase(Locale.ROOT).contains(wanted));
    }

    private static List<FieldViolation> violationsOf(ThrowingSupplier call) throws Exception {
        try {
            call.get();
            return List.of();
        } catch (ValidationException e) {
            return e.violations();
        }
    }

    /** A call that may throw a checked exception. */
    private interface ThrowingSupplier {
        Object get() throws Exception;
    }

    private static String example(String module, String name) throws IOException {
        return Files.readString(Path.of("..", module, "src", "test", "resources", "spec-examples", name));
    }

}
