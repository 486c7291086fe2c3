package se.planpuls.api.app;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.planpuls.bot.BotSettings;
import se.planpuls.domain.rules.OwnerRules;

/**
 * The service's whole configuration, read once from the environment and checked in full: every
 * bad value gives one clear line. Secrets (admin token, app password) are never printed.
 */
public record Config(int port, Path dataDir, String databaseUrl, String adminToken, BotSettings bot,
                     String publicUrl, List<String> moreAdminTokens, List<String> readOnlyTokens,
                     Deployment deployment) {

    public Config {
        moreAdminTokens = moreAdminTokens == null ? List.of() : List.copyOf(moreAdminTokens);
        readOnlyTokens = readOnlyTokens == null ? List.of() : List.copyOf(readOnlyTokens);
        deployment = deployment == null ? Deployment.DEFAULT : deployment;
    }

    static final int DEFAULT_PORT = 3978;
    static final String LOOPBACK = "127.0.0.1";
    static final String ALL_INTERFACES = "0.0.0.0";

    /** Without a public URL: links in digests then point at {@code http://localhost:<port>}. */
    public Config(int port, Path dataDir, String databaseUrl, String adminToken, BotSettings bot) {
        this(port, dataDir, databaseUrl, adminToken, bot, null, List.of(), List.of(), Deployment.DEFAULT);
    }

    public Config(int port, Path dataDir, String databaseUrl, String adminToken, BotSettings bot, String publicUrl,
                  List<String> moreAdminTokens, List<String> readOnlyTokens) {
        this(port, dataDir, databaseUrl, adminToken, bot, publicUrl, moreAdminTokens, readOnlyTokens,
                Deployment.DEFAULT);
    }

    /**
     * How the service meets the world beyond its own configuration: the address it listens on, the
     * publisher named in the Teams app package, where Bot Framework signing keys are read, and (tests
     * only) the instant its clock starts at. A null field takes its default.
     *
     * @param bindAddress       an IP address to listen on; null: all interfaces with an app id, else 127.0.0.1
     * @param publisherName     the developer name in the Teams app package
     * @param publisherUrl      the developer's website in the package
     * @param privacyUrl        the privacy statement in the package
     * @param termsUrl          the terms of use in the package
     * @param openIdMetadataUrl where the Bot Framework's signing keys are described (the SDK's {@code BotOpenIdMetadata})
     * @param clockStart        the instant the service's clock starts at; only with {@code PLANPULS_TEST_MODE=true}
     */
    public record Deployment(String bindAddress, String publisherName, String publisherUrl, String privacyUrl,
                             String termsUrl, String openIdMetadataUrl, Instant clockStart) {
        public static final Deployment DEFAULT = new Deployment(null, null, null, null, null, null, null);

        public Deployment withBindAddress(String address) {
            return new Deployment(address, publisherName, publisherUrl, privacyUrl, termsUrl, openIdMetadataUrl,
                    clockStart);
        }

        public Deployment withOpenIdMetadataUrl(String url) {
            return new Deployment(bindAddress, publisherName, publisherUrl, privacyUrl, termsUrl, url, clockStart);
        }
    }

    /** The address the server listens on: as configured, else all interfaces with an app id and loopback without. */
    public String bindAddress() {
        if (deployment.bindAddress() != null) {
            return deployment.bindAddress();
        }
        return bot.authenticationEnabled() ? ALL_INTERFACES : LOOPBACK;
    }

    /**
     * True when anyone who reaches the service could speak to the bot as any owner: authentication is
     * off and the server listens beyond this machine.
     */
    public boolean exposedWithoutAuthentication() {
        if (bot.authenticationEnabled()) {
            return false;
        }
        try {
            return !InetAddress.getByName(bindAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** The address leaders' browsers and Teams reach this service at (map links in the digest), without a trailing slash. */
    public String baseUrl(int actualPort) {
        return publicUrl != null ? publicUrl : "http://localhost:" + actualPort;
    }

    public static Config fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        int port = DEFAULT_PORT;
        String rawPort = blankToNull(env.get("PORT"));
        if (rawPort != null) {
            try {
                port = Integer.parseInt(rawPort.strip());
                if (port < 0 || port > 65535) {
                    problems.add("PORT must be a port number from 0 to 65535, but is " + rawPort);
                }
            } catch (NumberFormatException e) {
                problems.add("PORT must be a port number from 0 to 65535, but is '" + rawPort + "'");
            }
        }
        Path dataDir = Path.of(env.getOrDefault("PLANPULS_DATA_DIR", "data")).toAbsolutePath().normalize();
        String dbUrl = blankToNull(env.get("PLANPULS_DB_URL"));
        if (dbUrl == null) {
            dbUrl = "jdbc:h2:file:" + dataDir.resolve("planpuls")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        } else if (!dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            problems.add("PLANPULS_DB_URL must be a jdbc:h2: or jdbc:postgresql: URL");
        }
        String token = blankToNull(env.get("PLANPULS_ADMIN_TOKEN"));
        if (token != null && token.strip().length() < 16) {
            problems.add("PLANPULS_ADMIN_TOKEN must be at least 16 characters long");
        }
        List<String> moreAdmins = tokenList(env.get("PLANPULS_ADMIN_TOKENS"), "PLANPULS_ADMIN_TOKENS", problems);
        List<String> readOnly = tokenList(env.get("PLANPULS_READONLY_TOKENS"), "PLANPULS_READONLY_TOKENS", problems);
        if (token == null && !moreAdmins.isEmpty()) {
            // With only the list set, its first token is the main one and no token file is made.
            token = moreAdmins.get(0);
            moreAdmins = moreAdmins.subList(1, moreAdmins.size());
        }
        String appId = blankToNull(env.get("MicrosoftAppId"));
        String password = blankToNull(env.get("MicrosoftAppPassword"));
        String tenant = blankToNull(env.get("MicrosoftAppTenantId"));
        if (appId != null && !OwnerRules.isEntraId(appId.strip())) {
            problems.add("MicrosoftAppId must be the bot's app id (a GUID)");
        }
        if (appId != null && password == null) {
            problems.add("MicrosoftAppPassword must be set when MicrosoftAppId is set");
        }
        if (appId == null && password != null) {
            problems.add("MicrosoftAppPassword is set but MicrosoftAppId is not");
        }
        if (tenant != null && !OwnerRules.isEntraId(tenant.strip())) {
            problems.add("MicrosoftAppTenantId must be the Entra tenant id (a GUID)");
        }
        String publicUrl = blankToNull(env.get("PLANPULS_PUBLIC_URL"));
        if (publicUrl != null) {
            publicUrl = publicUrl.strip().replaceAll("/+$", "");
            if (!publicUrl.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
                problems.add("PLANPULS_PUBLIC_URL must be an http(s) URL such as https://planpuls.example.se");
            }
        }
        Deployment deployment = deployment(env, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new Config(port, dataDir, dbUrl, token == null ? null : token.strip(),
                new BotSettings(appId == null ? "" : appId.strip(), password == null ? "" : password,
                        tenant == null ? "" : tenant.strip(), deployment.openIdMetadataUrl()), publicUrl, moreAdmins,
                readOnly, deployment);
    }

    private static Deployment deployment(Map<String, String> env, List<String> problems) {
        String bind = blankToNull(env.get("PLANPULS_BIND_ADDRESS"));
        if (bind != null) {
            bind = bind.strip();
            if (!isIpLiteral(bind)) {
                problems.add("PLANPULS_BIND_ADDRESS must be an IP address such as 127.0.0.1, 0.0.0.0 or ::, but is '"
                        + printable(bind) + "'");
            }
        }
        String publisher = blankToNull(env.get("PLANPULS_PUBLISHER_NAME"));
        if (publisher != null && (publisher.strip().length() > 32 || publisher.chars().anyMatch(Character::isISOControl))) {
            problems.add("PLANPULS_PUBLISHER_NAME must be at most 32 characters on one line (Teams shows it as the developer)");
        }
        String publisherUrl = httpsUrl(env, "PLANPULS_PUBLISHER_URL", problems);
        String privacyUrl = httpsUrl(env, "PLANPULS_PRIVACY_URL", problems);
        String termsUrl = httpsUrl(env, "PLANPULS_TERMS_URL", problems);
        String openId = blankToNull(env.get("BotOpenIdMetadata"));
        if (openId != null && !openId.strip().matches("https?://\\S+")) {
            problems.add("BotOpenIdMetadata must be the http(s) URL of the Bot Framework's OpenID configuration");
        }
        Instant clockStart = null;
        String clock = blankToNull(env.get("PLANPULS_TEST_CLOCK"));
        if (clock != null) {
            if (!"true".equals(env.get("PLANPULS_TEST_MODE"))) {
                problems.add("PLANPULS_TEST_CLOCK is for tests only (it needs PLANPULS_TEST_MODE=true)");
            } else {
                try {
                    clockStart = Instant.parse(clock.strip());
                } catch (DateTimeParseException e) {
                    problems.add("PLANPULS_TEST_CLOCK must be an instant such as 2026-11-23T07:30:00Z");
                }
            }
        }
        return new Deployment(bind, publisher == null ? null : publisher.strip(), publisherUrl, privacyUrl, termsUrl,
                openId == null ? null : openId.strip(), clockStart);
    }

    private static String httpsUrl(Map<String, String> env, String name, List<String> problems) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return null;
        }
        value = value.strip();
        if (!value.matches("https://[^\\s/?#]+(/[^\\s]*)?") || value.length() > 2048) {
            problems.add(name + " must be an https URL such as https://www.region.se/planpuls");
            return null;
        }
        return value;
    }

    /** An IPv4 or IPv6 literal; a host name is refused so that starting never waits on DNS. */
    static boolean isIpLiteral(String value) {
        boolean v4 = value.matches("(\\d{1,3})(\\.\\d{1,3}){3}")
                && java.util.Arrays.stream(value.split("\\.")).allMatch(part -> Integer.parseInt(part) <= 255);
        boolean v6 = value.contains(":") && value.matches("[0-9A-Fa-f:.]{2,45}");
        if (!v4 && !v6) {
            return false;
        }
        try {
            InetAddress.getByName(value);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String printable(String value) {
        String cleaned = value.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > 60 ? cleaned.substring(0, 60) + "…" : cleaned;
    }

    /** A comma-separated list of tokens, each at least 16 characters; problems never show a token. */
    private static List<String> tokenList(String raw, String name, List<String> problems) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<String> tokens = new ArrayList<>();
        int position = 0;
        for (String token : raw.split(",")) {
            position++;
            if (token.strip().length() < 16) {
                problems.add(name + ": token " + position + " must be at least 16 characters long");
            } else {
                tokens.add(token.strip());
            }
        }
        return tokens;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "Config[port=" + port + ", bindAddress=" + bindAddress() + ", dataDir=" + dataDir + ", bot=" + bot
                + ", adminToken=***, moreAdminTokens=" + moreAdminTokens.size()
                + ", readOnlyTokens=" + readOnlyTokens.size() + "]";
    }

    /** Every problem with the configuration, one line each. */
    public static final class InvalidConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        InvalidConfigException(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
