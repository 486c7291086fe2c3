package se.planpuls.api.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.router.JavalinDefaultRouting;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.planpuls.domain.ForbiddenException;
import se.planpuls.domain.ImportException;
import se.planpuls.domain.InvalidInputException;
import se.planpuls.domain.NotFoundException;
import se.planpuls.domain.VersionConflictException;
import se.planpuls.scheduler.JobBusyException;
import se.planpuls.scheduler.SchedulerStoppingException;
import se.planpuls.scheduler.UnknownJobException;

/** The one place exceptions become HTTP answers: problem+json, never a stack trace or SQL. */
final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
    static final String TOO_LARGE = "the request body is larger than 1 MiB";

    private ErrorMapper() {
    }

    static void register(JavalinDefaultRouting app) {
        app.exception(Exception.class, (e, ctx) -> write(ctx, toProblem(e, ctx)));
        // Javalin answers a failed validator itself, as plain JSON; a more specific handler takes its place.
        app.exception(ValidationException.class, (e, ctx) -> write(ctx, toProblem(e, ctx)));
        // Javalin answers unknown routes itself, in plain text; give them the same problem shape.
        app.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith(Problem.CONTENT_TYPE)) {
                write(ctx, Problem.of(404, "not-found", "Not found", "no resource at " + ctx.path()));
            }
        });
    }

    static Problem toProblem(Throwable error, Context ctx) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof ValidationException invalid) {
            e = refusal(invalid.getErrors());
        }
        if (e instanceof BadRequest bad) {
            return Problem.field(400, "invalid-input", "Invalid input", bad.field(), bad.getMessage());
        }
        if (e instanceof InvalidInputException invalid) {
            int status = invalid.code().endsWith(".taken") ? 409 : 400;
            return Problem.field(status, status == 409 ? "conflict" : "invalid-input",
                    status == 409 ? "Conflict" : "Invalid input", invalid.field(), invalid.getMessage());
        }
        if (e instanceof NotFoundException notFound) {
            return Problem.of(404, "not-found", "Not found", notFound.getMessage());
        }
        if (e instanceof ForbiddenException forbidden) {
            return Problem.of(403, "forbidden", "Forbidden", forbidden.getMessage());
        }
        if (e instanceof UnknownJobException unknown) {
            return Problem.of(404, "not-found", "Not found", unknown.getMessage());
        }
        if (e instanceof SchedulerStoppingException stopping) {
            ctx.header("Retry-After", "30");
            return Problem.of(503, "shutting-down", "Shutting down", stopping.getMessage());
        }
        if (e instanceof Conflict conflict) {
            return Problem.of(409, conflict.slug(), conflict.title(), conflict.getMessage());
        }
        if (e instanceof JobBusyException busy) {
            return Problem.of(409, "job-busy", "Job already running", busy.getMessage());
        }
        if (e instanceof ImportException importProblem) {
            return new Problem("https://planpuls.se/problems/invalid-plan-file", "Invalid plan file", 400,
                    importProblem.getMessage(), importProblem.problems().stream()
                    .map(p -> new Problem.FieldError(p.field(), p.message())).toList());
        }
        if (e instanceof VersionConflictException stale) {
            return Problem.of(412, "precondition-failed", "Precondition failed", stale.getMessage());
        }
        if (e instanceof ReadOnly) {
            return Problem.of(403, "read-only", "Forbidden", "this token may only read; writes need an admin token");
        }
        if (e instanceof Unauthorized) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"planpuls\"");
            return Problem.of(401, "unauthorized", "Unauthorized",
                    "send the admin token as 'Authorization: Bearer <token>'");
        }
        if (e instanceof Refusal refusal) {
            String title = HttpStatus.forStatus(refusal.status()).getMessage();
            String slug = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
            return refusal.field() == null ? Problem.of(refusal.status(), slug, title, refusal.getMessage())
                    : Problem.field(refusal.status(), slug, title, refusal.field(), refusal.getMessage());
        }
        if (e instanceof BodyLimit.TooLarge) {
            return tooLarge();
        }
        if (e instanceof HttpResponseException http) {
            int status = http.getStatus();
            if (status == 413) {
                return tooLarge();
            }
            String title = HttpStatus.forStatus(status).getMessage();
            return Problem.of(status, title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), title,
                    http.getMessage());
        }
        LOG.error("Request {} {} failed", ctx.method(), ctx.path(), e);
        return Problem.of(500, "internal", "Internal error", "something went wrong; it has been logged");
    }

    static Problem tooLarge() {
        return Problem.field(413, "content-too-large", "Content too large", "body", TOO_LARGE);
    }

    /**
     * The first thing a Javalin validator refused, in the API's words: a record body Jackson could
     * not read is explained by {@link JsonBody}; a rule's own message is used as it is.
     */
    private static BadRequest refusal(Map<String, List<ValidationError<Object>>> errors) {
        var first = errors.entrySet().stream().filter(entry -> !entry.getValue().isEmpty()).findFirst();
        if (first.isEmpty()) {
            return JsonBody.notAnObject();
        }
        ValidationError<Object> error = first.get().getValue().get(0);
        if (error.getMessage().equals("DESERIALIZATION_FAILED") && error.exception() != null) {
            return JsonBody.refusal(error.exception());
        }
        // A body's own rules and its null check come under "" or "REQUEST_BODY"; the API calls it "body".
        String key = first.get().getKey();
        boolean body = key.isEmpty() || key.equals("REQUEST_BODY");
        if (!Params.isJavalinCode(error.getMessage())) {
            return new BadRequest(body ? "body" : key, error.getMessage());
        }
        return body ? JsonBody.notAnObject() : new BadRequest(key, key + " has the wrong form");
    }

    static void write(Context ctx, Problem problem) {
        problem = named(problem);
        ctx.status(problem.status());
        ctx.contentType(Problem.CONTENT_TYPE);
        ctx.json(problem);
        ctx.contentType(Problem.CONTENT_TYPE);
    }

    /**
     * Every refusal names what was wrong; where no field of the input is to blame, the part of the
     * request that is: the token, the path, the method, the version asked for.
     */
    static Problem named(Problem problem) {
        if (!problem.errors().isEmpty() || problem.status() < 400 || problem.status() >= 500) {
            return problem;
        }
        String field = switch (problem.status()) {
            case 401, 403 -> "Authorization";
            case 404 -> "path";
            case 405 -> "method";
            case 412 -> "If-Match";
            default -> "body";
        };
        return new Problem(problem.type(), problem.title(), problem.status(), problem.detail(),
                List.of(new Problem.FieldError(field, problem.detail())));
    }

    /** A write with a read-only token. */
    static final class ReadOnly extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** A request without a valid admin token. */
    static final class Unauthorized extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
