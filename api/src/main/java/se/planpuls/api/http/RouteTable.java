package se.planpuls.api.http;

import io.javalin.apibuilder.ApiBuilder;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.EnumSet;
import org.eclipse.jetty.servlet.FilterHolder;
import java.util.List;

/**
 * Every route of the service: the features' {@link RouteGroup}s and the two that describe them,
 * {@code /openapi.json} and {@code /swagger}. The server registers exactly {@link #routes()} and the
 * document describes exactly {@link #routes()}. Everything under {@value #GUARDED} needs a token.
 */
public final class RouteTable implements EndpointGroup {
    /** The admin API's prefix: guarded by {@link AdminAuth}, and marked as needing a bearer token in the document. */
    static final String GUARDED = "/api/v1";
    /** Paths outside the admin API that need a token all the same. */
    static final List<String> GUARDED_ALSO = List.of("/metrics");
    /** The largest request body; {@link ErrorMapper} says "1 MiB" when one is larger. */
    static final long MAX_BODY_BYTES = 1024 * 1024;
    /** The largest request line and headers together. */
    static final int MAX_HEADER_BYTES = 64 * 1024;

    private final AdminAuth auth;
    private final List<RouteGroup> groups;
    private final List<Route> docs;
    private final List<Route> routes;
    private final String openApi;
    private final String swagger;

    public RouteTable(AdminAuth auth, List<RouteGroup> groups) {
        this.auth = auth;
        this.groups = List.copyOf(groups);
        this.docs = List.of(
                Route.get("/openapi.json", this::openApi).doc("service", "This OpenAPI document").answers(200),
                Route.get("/swagger", this::swagger).doc("service", "Swagger UI for this document").answers(200));
        List<Route> all = new ArrayList<>();
        groups.forEach(group -> all.addAll(group.routes()));
        all.addAll(docs);
        this.routes = List.copyOf(all);
        this.openApi = OpenApi.json(routes);
        this.swagger = OpenApi.swaggerPage();
    }

    public List<Route> routes() {
        return routes;
    }

    /** Whether a request to {@code path} needs a token. */
    static boolean guarded(String path) {
        return path.startsWith(GUARDED) || GUARDED_ALSO.contains(path);
    }

    /**
     * Sets the server up for this table: the body limit whatever the framing, the strict JSON and number reading, the
     * Swagger UI's assets, problem+json for every error (Jetty's own included), and the routes.
     */
    public void install(JavalinConfig cfg) {
        cfg.http.maxRequestSize = MAX_BODY_BYTES;
        // Jetty answers a request line or headers past its 8 KiB default with 414/431 and closes at once; a
        // client still writing a long query then reads a reset, not the answer. With room for any query a
        // person could send, a long value reaches the routes, which answer it like any other.
        cfg.jetty.modifyHttpConfiguration(http -> http.setRequestHeaderSize(MAX_HEADER_BYTES));
        cfg.jetty.modifyServletContextHandler(context -> {
            context.addFilter(new FilterHolder(new BodyLimit(MAX_BODY_BYTES)), "/*", EnumSet.of(DispatcherType.REQUEST));
            context.setErrorHandler(new ProblemErrorHandler());
        });
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
        cfg.jsonMapper(new JavalinJackson(Json.MAPPER, false));
        cfg.staticFiles.enableWebjars();
        Params.register(cfg.validation);
        cfg.router.mount(ErrorMapper::register);
        cfg.router.apiBuilder(this);
    }

    @Override
    public void addEndpoints() {
        // The same pattern as before(handler) inside path("/api/v1"): the prefix itself is guarded too.
        ApiBuilder.before(GUARDED + "*", auth::check);
        ApiBuilder.before(GUARDED + "*", TextGuard::check);
        GUARDED_ALSO.forEach(path -> ApiBuilder.before(path, auth::check));
        groups.forEach(EndpointGroup::addEndpoints);
        docs.forEach(Route::register);
    }

    private void openApi(Context ctx) {
        ctx.contentType("application/json").result(openApi);
    }

    private void swagger(Context ctx) {
        ctx.html(swagger);
    }
}
