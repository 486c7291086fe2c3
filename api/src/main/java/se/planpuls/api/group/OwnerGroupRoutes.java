package se.planpuls.api.group;

import static se.planpuls.api.http.Route.WRITE;

import java.util.List;
import se.planpuls.api.http.Route;
import se.planpuls.api.http.RouteGroup;
import se.planpuls.db.OwnerGroupService;

/** Groups that own items in a person's place (Örebro's "förvaltningen", Södra's networks) and their members. */
public final class OwnerGroupRoutes extends RouteGroup {

    public OwnerGroupRoutes(OwnerGroupService groups) {
        super(routes(new OwnerGroupController(groups)));
    }

    private static List<Route> routes(OwnerGroupController groups) {
        return List.of(
                Route.get("/api/v1/groups", groups::list).doc("groups", "List the groups that own items, with their "
                        + "members").listing(OwnerGroupJson.class),
                Route.post("/api/v1/groups", groups::create).doc("groups", "Create a group").body(OwnerGroupController.GROUP)
                        .returning(OwnerGroupJson.class).answers(201, 400, 401, 403, 413),
                Route.get("/api/v1/groups/{id}", groups::get).doc("groups", "Read a group and its members; its ETag is "
                        + "its version").returning(OwnerGroupJson.class),
                Route.patch("/api/v1/groups/{id}", groups::patch).doc("groups", "Rename a group")
                        .body(OwnerGroupController.GROUP).returning(OwnerGroupJson.class).answers(WRITE),
                Route.delete("/api/v1/groups/{id}", groups::delete).doc("groups", "Delete a group that owns no item; "
                        + "reports made for it keep naming it").answers(204, 400, 401, 403, 404, 412),
                Route.post("/api/v1/groups/{id}/members", groups::addMember).doc("groups", "Add a member, named by "
                        + "ownerId, aadObjectId (Entra object id) or email; an e-mail nobody has yet becomes a new owner")
                        .body(OwnerGroupController.MEMBER).returning(OwnerGroupJson.class)
                        .answers(201, 400, 401, 403, 404, 412, 413),
                Route.delete("/api/v1/groups/{id}/members/{ownerId}", groups::removeMember).doc("groups",
                        "Remove a member").returning(OwnerGroupJson.class).answers(200, 401, 403, 404, 412));
    }
}
