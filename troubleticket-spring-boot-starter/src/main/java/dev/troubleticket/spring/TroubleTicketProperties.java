package dev.troubleticket.spring;

import dev.troubleticket.core.model.TicketEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The starter's properties, under {@code troubleticket}: the clients ({@code troubleticket.clients.<name>.*}), the
 * subscriptions of the application's {@code TicketEventHandler} beans ({@code troubleticket.subscriptions.<name>.*})
 * and where subscriptions keep what survives a restart ({@code troubleticket.store.*}).
 *
 * <p>{@link #toString()} and the nested types' never show a credential: secrets are shown as {@code ****}.
 */
@ConfigurationProperties("troubleticket")
public class TroubleTicketProperties {
    /** Empty properties, for Spring to bind. */
    public TroubleTicketProperties() {
    }

    private final Map<String, Client> clients = new LinkedHashMap<>();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final Store store = new Store();

    /** The clients, by name: one {@code TicketingClient} bean each. */
    public Map<String, Client> getClients() { return clients; }

    /** Options of the subscriptions, by the name of their {@code TicketEventHandler} bean. */
    public Map<String, Subscription> getSubscriptions() { return subscriptions; }

    /** Where subscriptions keep positions, seen events, the inbox and dead letters. */
    public Store getStore() { return store; }

    @Override
    public String toString() {
        return "TroubleTicketProperties{clients=" + clients + ", subscriptions=" + subscriptions + ", store=" + store + "}";
    }

    /** The words of core's rule for setting names that hold secrets (ProviderSettings masks the same). */
    private static final String[] SECRET_WORDS = {"authorization", "token", "secret", "password", "cookie", "key", "assertion", "credential"};

    private static boolean secretName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static String masked(String secret) {
        return secret == null ? null : "****";
    }

    /** One client of one provider account. */
    public static class Client {
        /** Defaults, for Spring to bind. */
        public Client() {
        }

        /** The provider's adapter: kosc, masstack, nexera or tmf621 (an adapter on the class path). */
        private String provider;
        /** The provider's base URL (the API root for tmf621). */
        private String baseUrl;
        /** User name (Kosc login, TMF621/Nexera basic authentication). */
        private String username;
        /** Password of the user name. */
        private String password;
        /** OAuth client id (TMF621/Nexera client credentials, with token-url and client-secret). */
        private String clientId;
        /** OAuth client secret. */
        private String clientSecret;
        /** The token endpoint (TMF621/Nexera client credentials; MasStack's token URL). */
        private String tokenUrl;
        /** A static access token, instead of a login. */
        private String token;
        /** Provider-specific settings, passed as they are (the keys each adapter's README lists, such as authVersion). */
        private final Map<String, String> settings = new LinkedHashMap<>();
        /** The TCP connect timeout. */
        private Duration connectTimeout;
        /** The timeout between two reads of one answer. */
        private Duration readTimeout;
        /** The limit for one attempt, connection to last byte (no longer than call-timeout). */
        private Duration attemptTimeout;
        /** The limit for a whole call, retries included. */
        private Duration callTimeout;
        /** How many times a failed request is sent again (0 for none). */
        private Integer maxRetries;
        /** The largest answer body read. */
        private DataSize maxResponseBytes;
        /** Allow http:// base URLs other than loopback (never in production). */
        private Boolean allowInsecureHttp;

        public String getProvider() { return provider; }
        public void setProvider(String provider) { this.provider = provider; }
        public String getBaseUrl() { return baseUrl; }
        public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
        public String getUsername() { return username; }
        public void setUsername(String username) { this.username = username; }
        public String getPassword() { return password; }
        public void setPassword(String password) { this.password = password; }
        public String getClientId() { return clientId; }
        public void setClientId(String clientId) { this.clientId = clientId; }
        public String getClientSecret() { return clientSecret; }
        public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
        public String getTokenUrl() { return tokenUrl; }
        public void setTokenUrl(String tokenUrl) { this.tokenUrl = tokenUrl; }
        public String getToken() { return token; }
        public void setToken(String token) { this.token = token; }
        public Map<String, String> getSettings() { return settings; }
        public Duration getConnectTimeout() { return connectTimeout; }
        public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
        public Duration getReadTimeout() { return readTimeout; }
        public void setReadTimeout(Duration readTimeout) { this.readTimeout = readTimeout; }
        public Duration getAttemptTimeout() { return attemptTimeout; }
        public void setAttemptTimeout(Duration attemptTimeout) { this.attemptTimeout = attemptTimeout; }
        public Duration getCallTimeout() { return callTimeout; }
        public void setCallTimeout(Duration callTimeout) { this.callTimeout = callTimeout; }
        public Integer getMaxRetries() { return maxRetries; }
        public void setMaxRetries(Integer maxRetries) { this.maxRetries = maxRetries; }
        public DataSize getMaxResponseBytes() { return maxResponseBytes; }
        public void setMaxResponseBytes(DataSize maxResponseBytes) { this.maxResponseBytes = maxResponseBytes; }
        public Boolean getAllowInsecureHttp() { return allowInsecureHttp; }
        public void setAllowInsecureHttp(Boolean allowInsecureHttp) { this.allowInsecureHttp = allowInsecureHttp; }

        @Override
        public String toString() {
            Map<String, String> shown = new LinkedHashMap<>();
            settings.forEach((k, v) -> shown.put(k, secretName(k) ? "****" : v));
            return "Client{provider=" + provider + ", baseUrl=" + baseUrl + ", username=" + username
                    + ", password=" + masked(password) + ", clientId=" + clientId + ", clientSecret=" + masked(clientSecret)
                    + ", tokenUrl=" + tokenUrl + ", token=" + masked(token) + ", settings=" + shown
                    + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", attemptTimeout=" + attemptTimeout + ", callTimeout=" + callTimeout
                    + ", maxRetries=" + maxRetries + ", maxResponseBytes=" + maxResponseBytes
                    + ", allowInsecureHttp=" + allowInsecureHttp + "}";
        }
    }

    /** Where a subscription keeps what survives a restart. */
    public enum StoreType {
        /** The context's SubscriptionStore (the JDBC store over the application's DataSource), else a file store when troubleticket.store.file.directory is set. */
        AUTO,
        /** The context's SubscriptionStore bean: the JDBC store over the application's DataSource, or the application's own. */
        JDBC,
        /** A journal file in troubleticket.store.file.directory. */
        FILE,
        /** In memory: positions and the inbox are lost on restart, so events may be lost or repeated. */
        MEMORY
    }

    /** Options of the subscription of one {@code TicketEventHandler} bean. */
    public static class Subscription {
        /** Defaults, for Spring to bind. */
        public Subscription() {
        }

        /** The client (a key of troubleticket.clients) whose events the handler gets; optional with one client. */
        private String client;
        /** Where the subscription keeps its positions and inbox. */
        private StoreType store = StoreType.AUTO;
        /** Where to start when the store holds no position yet: beginning, now, or an ISO-8601 instant. */
        private String start = "beginning";
        /** The least time between two reads of a polled provider once caught up (the provider's own when unset). */
        private Duration pollInterval;
        /** How many events of different tickets may be handled at once. */
        private int handlerThreads = 4;
        /** How long the store's lease lasts unless renewed. */
        private Duration leaseTtl = Duration.ofSeconds(30);
        /** Only events of these tickets are handed over (every ticket when empty). */
        private final Set<String> tickets = new LinkedHashSet<>();
        /** Only events of these kinds are handed over (every kind when empty). */
        private final Set<TicketEvent.Kind> kinds = EnumSet.noneOf(TicketEvent.Kind.class);
        /** How many times the handler is called with one event before it is parked. */
        private int maxAttempts = 5;
        /** The wait after the first failed attempt; each next one doubles. */
        private Duration firstBackoff = Duration.ofSeconds(1);
        /** The longest wait between two attempts. */
        private Duration maxBackoff = Duration.ofMinutes(1);
        /** Push providers (nexera, tmf621): the path of the application's server the provider's notifications are routed to. */
        private String callbackPath;
        /** Push providers: the public URL the provider is told to call, ending with callback-path (derived from local.server.port when unset: tests and a LAN only). */
        private String callbackUrl;

        public String getClient() { return client; }
        public void setClient(String client) { this.client = client; }
        public StoreType getStore() { return store; }
        public void setStore(StoreType store) { this.store = store; }
        public String getStart() { return start; }
        public void setStart(String start) { this.start = start; }
        public Duration getPollInterval() { return pollInterval; }
        public void setPollInterval(Duration pollInterval) { this.pollInterval = pollInterval; }
        public int getHandlerThreads() { return handlerThreads; }
        public void setHandlerThreads(int handlerThreads) { this.handlerThreads = handlerThreads; }
        public Duration getLeaseTtl() { return leaseTtl; }
        public void setLeaseTtl(Duration leaseTtl) { this.leaseTtl = leaseTtl; }
        public Set<String> getTickets() { return tickets; }
        public Set<TicketEvent.Kind> getKinds() { return kinds; }
        public int getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
        public Duration getFirstBackoff() { return firstBackoff; }
        public void setFirstBackoff(Duration firstBackoff) { this.firstBackoff = firstBackoff; }
        public Duration getMaxBackoff() { return maxBackoff; }
        public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
        public String getCallbackPath() { return callbackPath; }
        public void setCallbackPath(String callbackPath) { this.callbackPath = callbackPath; }
        public String getCallbackUrl() { return callbackUrl; }
        public void setCallbackUrl(String callbackUrl) { this.callbackUrl = callbackUrl; }

        @Override
        public String toString() {
            // The callback URL may carry credentials or a token: left out, as SubscriptionOptions does.
            return "Subscription{client=" + client + ", store=" + store + ", start=" + start + ", pollInterval=" + pollInterval
                    + ", handlerThreads=" + handlerThreads + ", leaseTtl=" + leaseTtl + ", tickets=" + tickets.size()
                    + ", kinds=" + kinds + ", maxAttempts=" + maxAttempts + ", callbackPath=" + callbackPath + "}";
        }
    }

    /** Stores shared by the subscriptions. */
    public static class Store {
        /** Defaults, for Spring to bind. */
        public Store() {
        }

        private final Jdbc jdbc = new Jdbc();
        private final File file = new File();

        /** The JDBC store over the application's DataSource (with sdk-store-jdbc on the class path). */
        public Jdbc getJdbc() { return jdbc; }
        /** File stores, one journal per subscription. */
        public File getFile() { return file; }

        @Override
        public String toString() {
            return "Store{jdbc=" + jdbc + ", file=" + file + "}";
        }
    }

    /** The JDBC store's options. */
    public static class Jdbc {
        /** Defaults, for Spring to bind. */
        public Jdbc() {
        }

        /** Create or update the store's tables at start-up. */
        private boolean migrate = true;
        /** The prefix of the store's table names (the store's default when unset). */
        private String tablePrefix;

        public boolean isMigrate() { return migrate; }
        public void setMigrate(boolean migrate) { this.migrate = migrate; }
        public String getTablePrefix() { return tablePrefix; }
        public void setTablePrefix(String tablePrefix) { this.tablePrefix = tablePrefix; }

        @Override
        public String toString() {
            return "Jdbc{migrate=" + migrate + ", tablePrefix=" + tablePrefix + "}";
        }
    }

    /** The file stores' options. */
    public static class File {
        /** Defaults, for Spring to bind. */
        public File() {
        }

        /** The directory of the journals, one file per subscription (<name>.journal). */
        private Path directory;

        public Path getDirectory() { return directory; }
        public void setDirectory(Path directory) { this.directory = directory; }

        @Override
        public String toString() {
            return "File{directory=" + directory + "}";
        }
    }
}
