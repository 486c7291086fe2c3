package se.planpuls.api.teamsapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The Teams app package a Teams admin uploads: {@code manifest.json} (schema 1.22, Swedish as the
 * default language), {@code en.json} (its English localization), {@code color.png} and
 * {@code outline.png}. Built from the running configuration: the bot id is the app id, the version
 * follows the project's, the valid domain is the public URL's host. Texts come from the
 * {@code manifest} bundles.
 */
final class TeamsAppPackage {
    static final String MANIFEST_VERSION = "1.22";
    static final String SCHEMA = "https://developer.microsoft.com/en-us/json-schemas/teams/v" + MANIFEST_VERSION
            + "/MicrosoftTeams.schema.json";
    static final String LOCALIZATION_SCHEMA = "https://developer.microsoft.com/en-us/json-schemas/teams/v"
            + MANIFEST_VERSION + "/MicrosoftTeams.Localization.schema.json";
    static final String DEFAULT_PUBLISHER = "Planpuls";
    /** Command lists per scope: the keys of their titles and descriptions in the bundles. */
    static final Map<List<String>, List<String>> COMMANDS = commands();

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What the package is built from.
     *
     * @param appId        the bot's Microsoft app id (a GUID): the manifest's id and its bot id
     * @param publicUrl    where Teams reaches the service ({@code https://planpuls.region.se}), or null
     * @param publisherUrl the publisher's website, or null for the public URL
     * @param privacyUrl   the privacy statement, or null for {@code <public URL>/privacy} (served by Planpuls)
     * @param termsUrl     the terms of use, or null for {@code <public URL>/terms} (served by Planpuls)
     */
    record Settings(String appId, String publicUrl, String publisherName, String publisherUrl, String privacyUrl,
                    String termsUrl) {

        /** What stands in the way of an installable package; empty when nothing does. */
        List<String> missing() {
            var missing = new java.util.ArrayList<String>();
            if (appId == null || appId.isBlank()) {
                missing.add("MicrosoftAppId is not set: a package without the bot's real app id cannot be installed");
            }
            boolean https = publicUrl != null && publicUrl.startsWith("https://");
            if (!https && (publisherUrl == null || privacyUrl == null || termsUrl == null)) {
                missing.add("PLANPULS_PUBLIC_URL is not an https address, so the developer's website, privacy "
                        + "statement and terms cannot default to Planpuls' own pages: set PLANPULS_PUBLIC_URL to "
                        + "https://..., or PLANPULS_PUBLISHER_URL, PLANPULS_PRIVACY_URL and PLANPULS_TERMS_URL");
            }
            return missing;
        }
    }

    private TeamsAppPackage() {
    }

    /** The package as the bytes of a zip file; {@link Settings#missing()} must be empty. */
    static byte[] zip(Settings settings) {
        if (!settings.missing().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", settings.missing()));
        }
        var files = new LinkedHashMap<String, byte[]>();
        files.put("manifest.json", bytes(manifest(settings)));
        files.put("en.json", bytes(localization()));
        files.put("color.png", AppIcons.color());
        files.put("outline.png", AppIcons.outline());
        try (var buffer = new ByteArrayOutputStream(); var zip = new ZipOutputStream(buffer)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
            zip.finish();
            return buffer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode manifest(Settings settings) {
        ResourceBundle sv = bundle(Locale.forLanguageTag("sv"));
        String base = settings.publicUrl() == null ? null : settings.publicUrl().replaceAll("/+$", "");
        ObjectNode m = JSON.createObjectNode();
        m.put("$schema", SCHEMA);
        m.put("manifestVersion", MANIFEST_VERSION);
        m.put("version", version());
        m.put("id", settings.appId());
        ObjectNode localization = m.putObject("localizationInfo");
        localization.put("defaultLanguageTag", "sv-se");
        localization.putArray("additionalLanguages").addObject().put("languageTag", "en").put("file", "en.json");
        ObjectNode developer = m.putObject("developer");
        developer.put("name", settings.publisherName() != null ? settings.publisherName() : DEFAULT_PUBLISHER);
        developer.put("websiteUrl", settings.publisherUrl() != null ? settings.publisherUrl() : base);
        developer.put("privacyUrl", settings.privacyUrl() != null ? settings.privacyUrl() : base + "/privacy");
        developer.put("termsOfUseUrl", settings.termsUrl() != null ? settings.termsUrl() : base + "/terms");
        m.putObject("name").put("short", sv.getString("name.short")).put("full", sv.getString("name.full"));
        m.putObject("description").put("short", sv.getString("description.short"))
                .put("full", sv.getString("description.full"));
        m.putObject("icons").put("color", "color.png").put("outline", "outline.png");
        m.put("accentColor", AppIcons.ACCENT_HEX);
        ObjectNode bot = m.putArray("bots").addObject();
        bot.put("botId", settings.appId());
        bot.putArray("scopes").add("personal").add("team").add("groupChat");
        bot.put("isNotificationOnly", false);
        bot.put("supportsFiles", false);
        ArrayNode lists = bot.putArray("commandLists");
        COMMANDS.forEach((scopes, keys) -> {
            ObjectNode list = lists.addObject();
            scopes.forEach(list.putArray("scopes")::add);
            ArrayNode commands = list.putArray("commands");
            keys.forEach(key -> commands.addObject().put("title", sv.getString(key + ".title"))
                    .put("description", sv.getString(key + ".description")));
        });
        ArrayNode domains = m.putArray("validDomains");
        String host = base == null ? null : URI.create(base).getHost();
        if (host != null && !host.equals("localhost") && !host.startsWith("127.")) {
            domains.add(host);
        }
        return m;
    }

    /** The English strings, keyed as the localization schema wants them. */
    static ObjectNode localization() {
        ResourceBundle en = bundle(Locale.ENGLISH);
        ObjectNode l = JSON.createObjectNode();
        l.put("$schema", LOCALIZATION_SCHEMA);
        for (String key : new String[] {"name.short", "name.full", "description.short", "description.full"}) {
            l.put(key, en.getString(key));
        }
        int list = 0;
        for (List<String> keys : COMMANDS.values()) {
            for (int i = 0; i < keys.size(); i++) {
                String prefix = "bots[0].commandLists[" + list + "].commands[" + i + "].";
                l.put(prefix + "title", en.getString(keys.get(i) + ".title"));
                l.put(prefix + "description", en.getString(keys.get(i) + ".description"));
            }
            list++;
        }
        return l;
    }

    /**
     * The project's version as Teams wants it, plain semver: {@code 0.1.0-SNAPSHOT} becomes {@code 0.1.0}.
     * Teams offers an update when it grows, so release builds should raise it.
     */
    static String version() {
        try (InputStream in = TeamsAppPackage.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String raw = properties.getProperty("version", "0.0.0");
            String plain = raw.replaceFirst("[-+].*$", "");
            return plain.matches("\\d+\\.\\d+\\.\\d+") ? plain : "0.0.0";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<List<String>, List<String>> commands() {
        var lists = new LinkedHashMap<List<String>, List<String>>();
        lists.put(List.of("personal"), List.of("personal.help", "personal.mine", "personal.show", "personal.report",
                "personal.history", "personal.snooze", "personal.substitute", "personal.leave", "personal.language"));
        lists.put(List.of("team", "groupChat"), List.of("team.subscribe", "team.help", "team.mine", "team.show",
                "team.report", "team.history"));
        return lists;
    }

    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("se.planpuls.api.teamsapp.manifest", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static byte[] bytes(ObjectNode json) {
        try {
            return JSON.writeValueAsString(json).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
