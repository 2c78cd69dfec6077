// SPDX-License-Identifier: MIT
package org.zhol.centralserver.admin;

import org.zhol.centralserver.admin.AdminViews.MemberClassView;
import org.zhol.centralserver.admin.AdminViews.MemberName;
import org.zhol.centralserver.admin.AdminViews.MemberView;
import org.zhol.centralserver.admin.AdminViews.NewMember;
import org.zhol.centralserver.admin.AdminViews.NewSubsystem;
import org.zhol.centralserver.registry.Registry;
import org.zhol.protocol.id.MemberId;
import org.zhol.server.http.HttpRequest;
import org.zhol.server.http.Router;

/** {@code /member-classes} and {@code /members}, with subsystems. */
final class MemberRoutes {

    private static final String MEMBER = "/members/{class}/{code}";

    private final Registry registry;
    private final AdminJson json;

    MemberRoutes(Registry registry, AdminJson json) {
        this.registry = registry;
        this.json = json;
    }

    void register(Router.Builder routes) {
        routes.get("/member-classes", r -> json.ok(registry.memberClasses().stream()
                        .map(c -> new MemberClassView(c.code(), c.description())).toList()))
                .post("/member-classes", r -> {
                    MemberClassView in = json.read(r, MemberClassView.class);
                    registry.addMemberClass(in.code(), in.description());
                    return json.created(in);
                })
                .delete("/member-classes/{code}", r -> {
                    registry.removeMemberClass(r.pathParam("code"));
                    return json.noContent();
                })
                .get("/members", r -> json.ok(registry.members().stream().map(MemberView::of).toList()))
                .post("/members", r -> {
                    NewMember in = json.read(r, NewMember.class);
                    MemberId id = new MemberId(registry.instance(), in.memberClass(), in.memberCode());
                    registry.addMember(id, in.name());
                    return json.created(MemberView.of(registry.member(id)));
                })
                .get(MEMBER, r -> json.ok(MemberView.of(registry.member(member(r)))))
                .put(MEMBER, r -> {
                    registry.renameMember(member(r), json.read(r, MemberName.class).name());
                    return json.ok(MemberView.of(registry.member(member(r))));
                })
                .delete(MEMBER, r -> {
                    registry.removeMember(member(r));
                    return json.noContent();
                })
                .post(MEMBER + "/subsystems", r -> {
                    registry.addSubsystem(member(r).subsystem(json.read(r, NewSubsystem.class).subsystemCode()));
                    return json.created(MemberView.of(registry.member(member(r))));
                })
                .delete(MEMBER + "/subsystems/{subsystem}", r -> {
                    registry.removeSubsystem(member(r).subsystem(r.pathParam("subsystem")));
                    return json.noContent();
                });
    }

    private MemberId member(HttpRequest r) {
        return new MemberId(registry.instance(), r.pathParam("class"), r.pathParam("code"));
    }
}
