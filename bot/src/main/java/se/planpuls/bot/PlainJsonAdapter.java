package se.planpuls.bot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.Middleware;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ChannelProvider;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.serializer.JacksonAdapter;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's adapter, whose connector clients write activities with the SDK's own Jackson settings but
 * without its flattening pass. That pass turns every object of every reply into a tree and back to
 * look for {@code @JsonFlatten} fields, which no Bot Framework schema class has: in a profile of
 * {@code hjälp} under load it was a quarter of the turn. The JSON on the wire is the same (a test
 * compares the two writers on the activities Planpuls sends).
 */
final class PlainJsonAdapter extends BotFrameworkAdapter {
    /** One client per service URL and credentials, as the SDK keeps them. */
    private final java.util.Map<String, ConnectorClient> clients = new java.util.concurrent.ConcurrentHashMap<>();

    PlainJsonAdapter(CredentialProvider credentials) {
        super(credentials);
    }

    PlainJsonAdapter(AppCredentials credentials, AuthenticationConfiguration authentication, ChannelProvider channels,
                     Middleware middleware) {
        super(credentials, authentication, channels, null, middleware);
    }

    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl,
                                                                            AppCredentials credentials) {
        String key = keyForConnectorClient(serviceUrl, credentials == null ? null : credentials.getAppId(),
                credentials == null ? null : credentials.oAuthScope());
        try {
            return CompletableFuture.completedFuture(clients.computeIfAbsent(key, k -> client(serviceUrl, credentials)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static ConnectorClient client(String serviceUrl, AppCredentials credentials) {
        AppCredentials using = credentials != null ? credentials : MicrosoftAppCredentials.empty();
        return new RestConnectorClient(RestConnectorClient.getDefaultRestClientBuilder(serviceUrl, using)
                .withSerializerAdapter(new PlainJson()).build());
    }

    /** The SDK's JSON settings, without the flattening and additional-properties modules. */
    static final class PlainJson extends JacksonAdapter {
        @Override
        public ObjectMapper serializer() {
            return simpleMapper();
        }
    }
}
