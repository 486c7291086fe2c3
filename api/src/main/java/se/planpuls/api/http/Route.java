package se.planpuls.api.http;

import io.javalin.apibuilder.ApiBuilder;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One route of the HTTP API, declared once: the server registers it and {@code /openapi.json}
 * describes it from the same declaration, so the two cannot drift. Built fluently:
 * {@code Route.get("/api/v1/owners", owners::list).doc("owners", "List owners").query("q").listing(OwnerJson.class)}.
 *
 * @param query    the query parameters the handler reads
 * @param body     the request body, or null when the route reads none
 * @param response the JSON answer's record type on success, or null when it is not described
 * @param list     whether the answer is a list of {@code response}
 */
public record Route(HandlerType method, String path, Handler handler, String tag, String summary, List<String> query,
                   Body body, Class<?> response, boolean list, List<Integer> statuses) {
    /** The statuses of a read under {@code /api/v1}. */
    public static final List<Integer> READ = List.of(200, 400, 401, 404);
    /** The statuses of a write under {@code /api/v1}. */
    public static final List<Integer> WRITE = List.of(200, 400, 401, 403, 404, 409, 412, 413);

    public Route {
        query = List.copyOf(query);
        statuses = List.copyOf(statuses);
    }

    public static Route get(String path, Handler handler) {
        return of(HandlerType.GET, path, handler);
    }

    public static Route post(String path, Handler handler) {
        return of(HandlerType.POST, path, handler);
    }

    public static Route put(String path, Handler handler) {
        return of(HandlerType.PUT, path, handler);
    }

    public static Route patch(String path, Handler handler) {
        return of(HandlerType.PATCH, path, handler);
    }

    public static Route delete(String path, Handler handler) {
        return of(HandlerType.DELETE, path, handler);
    }

    private static Route of(HandlerType method, String path, Handler handler) {
        return new Route(method, path, handler, "", "", List.of(), null, null, false, READ);
    }

    public Route doc(String tag, String summary) {
        return new Route(method, path, handler, tag, summary, query, body, response, list, statuses);
    }

    public Route query(String... names) {
        return new Route(method, path, handler, tag, summary, List.of(names), body, response, list, statuses);
    }

    public Route body(Body body) {
        return new Route(method, path, handler, tag, summary, query, body, response, list, statuses);
    }

    public Route body(Class<? extends Record> shape) {
        return body(Body.of(shape));
    }

    public Route returning(Class<?> type) {
        return new Route(method, path, handler, tag, summary, query, body, type, false, statuses);
    }

    public Route listing(Class<?> type) {
        return new Route(method, path, handler, tag, summary, query, body, type, true, statuses);
    }

    public Route answers(List<Integer> statuses) {
        return new Route(method, path, handler, tag, summary, query, body, response, list, statuses);
    }

    public Route answers(Integer... statuses) {
        return answers(List.of(statuses));
    }

    /** Registers exactly the declared method and path, never under a prefix, so the document stays true. */
    void register() {
        ApiBuilder.staticInstance().addHttpHandler(method, path, handler);
    }

    /**
     * A request body: the JSON fields of a record (less any the route refuses), a CSV alternative,
     * or only a description where the body belongs to someone else (a Bot Framework activity).
     */
    public record Body(Class<?> shape, Set<String> without, String csv, String description) {
        public Body {
            without = Set.copyOf(without);
        }

        public static Body of(Class<? extends Record> shape) {
            return new Body(shape, Set.of(), null, null);
        }

        public static Body described(String description) {
            return new Body(null, Set.of(), null, description);
        }

        /** The same fields less these ({@code planId} cannot be changed by a {@code PATCH}). */
        public Body without(String... fields) {
            var less = new LinkedHashSet<>(without);
            less.addAll(Arrays.asList(fields));
            return new Body(shape, less, csv, description);
        }

        /** The body may also be {@code text/csv}, described so. */
        public Body orCsv(String csvDescription) {
            return new Body(shape, without, csvDescription, description);
        }

        /** The JSON fields this body may hold, in the record's order. */
        public List<String> fields() {
            if (shape == null || !shape.isRecord()) {
                return List.of();
            }
            return Arrays.stream(shape.getRecordComponents()).map(c -> c.getName())
                    .filter(name -> !without.contains(name)).toList();
        }
    }
}
