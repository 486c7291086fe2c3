package se.planpuls.api.app;

import java.nio.file.Path;
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
                     String publicUrl, List<String> moreAdminTokens, List<String> readOnlyTokens) {

    public Config {
        moreAdminTokens = moreAdminTokens == null ? List.of() : List.copyOf(moreAdminTokens);
        readOnlyTokens = readOnlyTokens == null ? List.of() : List.copyOf(readOnlyTokens);
    }

    static final int DEFAULT_PORT = 3978;

    /** Without a public URL: links in digests then point at {@code http://localhost:<port>}. */
    public Config(int port, Path dataDir, String databaseUrl, String adminToken, BotSettings bot) {
        this(port, dataDir, databaseUrl, adminToken, bot, null, List.of(), List.of());
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
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new Config(port, dataDir, dbUrl, token == null ? null : token.strip(),
                new BotSettings(appId == null ? "" : appId.strip(), password == null ? "" : password,
                        tenant == null ? "" : tenant.strip()), publicUrl, moreAdmins, readOnly);
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
        return "Config[port=" + port + ", dataDir=" + dataDir + ", bot=" + bot + ", adminToken=***, moreAdminTokens=" + moreAdminTokens.size()
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
