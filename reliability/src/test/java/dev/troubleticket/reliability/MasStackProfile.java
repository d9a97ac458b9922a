package dev.troubleticket.reliability;

import dev.troubleticket.core.TicketingClient;
import dev.troubleticket.testkit.ProviderSimulator;
import dev.troubleticket.testkit.masstack.MasStackSimulator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * MasStack: a service account signing JWT assertions, no list (the simulator's own table is read), and
 * creates never repeated after an ambiguous failure (the adapter cannot look a ticket up by reference).
 */
final class MasStackProfile extends ProviderProfile {

    @Override
    String id() {
        return "masstack";
    }

    @Override
    ProviderSimulator newSimulator() {
        return new MasStackSimulator();
    }

    @Override
    Map<String, String> settings(ProviderSimulator simulator) {
        return simulator.clientSettings().asMap();
    }

    @Override
    Predicate<String> tokenPaths() {
        return path -> path.contains("token");
    }

    @Override
    int tokensIssued(ProviderSimulator simulator) {
        return ((MasStackSimulator) simulator).tokensIssued();
    }

    @Override
    void expireTokens(ProviderSimulator simulator) {
        ((MasStackSimulator) simulator).revokeAccessTokens();
    }

    @Override
    boolean createIsSafeToRepeat() {
        return false;
    }

    @Override
    List<String> secrets(ProviderSimulator simulator) {
        return List.of(PrivateKeyText.body(((MasStackSimulator) simulator).serviceAccountJson()));
    }

    @Override
    Map<String, Integer> ticketsByReference(ProviderSimulator simulator, TicketingClient client) {
        MasStackSimulator masstack = (MasStackSimulator) simulator;
        Map<String, Integer> counts = new TreeMap<>();
        for (String id : masstack.ticketIds()) {
            Object reference = masstack.ticket(id).get("mirrorKey");
            counts.merge(String.valueOf(reference), 1, Integer::sum);
        }
        return counts;
    }
}
