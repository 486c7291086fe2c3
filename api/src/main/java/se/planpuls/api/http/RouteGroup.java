package se.planpuls.api.http;

import io.javalin.apibuilder.EndpointGroup;
import java.util.List;

/**
 * A feature's routes as a Javalin {@link EndpointGroup}. It registers exactly the routes it lists
 * (the method is final), and {@link RouteTable} documents exactly those, so what the server answers
 * and what {@code /openapi.json} describes come from one declaration.
 */
public abstract class RouteGroup implements EndpointGroup {
    private final List<Route> routes;

    protected RouteGroup(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public final List<Route> routes() {
        return routes;
    }

    @Override
    public final void addEndpoints() {
        routes.forEach(Route::register);
    }
}
