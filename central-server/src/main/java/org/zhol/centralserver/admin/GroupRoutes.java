// SPDX-License-Identifier: MIT
package org.zhol.centralserver.admin;

import org.zhol.centralserver.admin.AdminViews.GroupView;
import org.zhol.centralserver.admin.AdminViews.NewGroup;
import org.zhol.centralserver.admin.AdminViews.NewGroupMember;
import org.zhol.centralserver.registry.Registry;
import org.zhol.protocol.id.ClientId;
import org.zhol.protocol.id.GlobalGroupId;
import org.zhol.protocol.id.MemberId;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.HttpResponse;
import org.zhol.server.http.Router;

/** {@code /groups}: global groups and their members. */
final class GroupRoutes {

    private static final String GROUP = "/groups/{group}";
    private static final String MEMBER = GROUP + "/members/{instance}/{class}/{code}";

    private final Registry registry;
    private final AdminJson json;

    GroupRoutes(Registry registry, AdminJson json) {
        this.registry = registry;
        this.json = json;
    }

    void register(Router.Builder routes) {
        routes.get("/groups", r -> json.ok(registry.globalGroups().stream().map(GroupView::of).toList()))
                .post("/groups", r -> {
                    NewGroup in = json.read(r, NewGroup.class);
                    GlobalGroupId id = new GlobalGroupId(registry.instance(), in.code());
                    registry.addGlobalGroup(id, in.description());
                    return json.created(GroupView.of(registry.globalGroup(id)));
                })
                .get(GROUP, r -> json.ok(GroupView.of(registry.globalGroup(group(r)))))
                .delete(GROUP, r -> {
                    registry.removeGlobalGroup(group(r));
                    return json.noContent();
                })
                .post(GROUP + "/members", r -> {
                    String member = json.read(r, NewGroupMember.class).member();
                    registry.addGroupMember(group(r), ClientId.parse(member == null ? "" : member));
                    return json.created(GroupView.of(registry.globalGroup(group(r))));
                })
                .delete(MEMBER, r -> removeMember(r, false))
                .delete(MEMBER + "/{subsystem}", r -> removeMember(r, true));
    }

    private HttpResponse removeMember(HttpRequest r, boolean subsystem) {
        MemberId member = new MemberId(r.pathParam("instance"), r.pathParam("class"), r.pathParam("code"));
        registry.removeGroupMember(group(r), subsystem ? member.subsystem(r.pathParam("subsystem")) : member);
        return json.noContent();
    }

    private GlobalGroupId group(HttpRequest r) {
        return new GlobalGroupId(registry.instance(), r.pathParam("group"));
    }
}
