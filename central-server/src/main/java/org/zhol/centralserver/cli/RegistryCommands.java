// SPDX-License-Identifier: MIT
package org.zhol.centralserver.cli;

import static org.zhol.centralserver.cli.AdminClient.segment;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Admin commands for member classes, members, subsystems, security servers and global groups. */
final class RegistryCommands {

    private RegistryCommands() {
    }

    @Command(name = "member-class", description = "Member classes.",
            subcommands = {MemberClassAdd.class, MemberClassList.class})
    static final class MemberClass {
    }

    @Command(name = "add", description = "Add a member class.")
    static final class MemberClassAdd implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "CODE") String code;
        @Option(names = "--description", defaultValue = "") String description;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            s.out().done(s.api().post("/member-classes", Map.of("code", code, "description", description)),
                    "Added member class " + code);
            return 0;
        }
    }

    @Command(name = "list", description = "List member classes.")
    static final class MemberClassList implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            s.out().table(s.api().get("/member-classes"), "code", "description");
            return 0;
        }
    }

    @Command(name = "member", description = "Members.", subcommands = {MemberAdd.class, MemberList.class})
    static final class Member {
    }

    @Command(name = "add", description = "Register a member.")
    static final class MemberAdd implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "CLASS") String memberClass;
        @Parameters(index = "1", paramLabel = "CODE") String memberCode;
        @Option(names = "--name", required = true) String name;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            var answer = s.api().post("/members", Map.of("memberClass", memberClass, "memberCode", memberCode,
                    "name", name));
            s.out().done(answer, "Registered member " + answer.path("id").asText());
            return 0;
        }
    }

    @Command(name = "list", description = "List members and their subsystems.")
    static final class MemberList implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            s.out().table(s.api().get("/members"), "id", "name", "subsystems");
            return 0;
        }
    }

    @Command(name = "subsystem", description = "Subsystems.", subcommands = SubsystemAdd.class)
    static final class Subsystem {
    }

    @Command(name = "add", description = "Add a subsystem to a member.")
    static final class SubsystemAdd implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "CLASS") String memberClass;
        @Parameters(index = "1", paramLabel = "CODE") String memberCode;
        @Parameters(index = "2", paramLabel = "SUBSYSTEM") String subsystem;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            var answer = s.api().post("/members/" + segment(memberClass) + "/" + segment(memberCode) + "/subsystems",
                    Map.of("subsystemCode", subsystem));
            s.out().done(answer, "Added subsystem " + answer.path("id").asText() + "/" + subsystem);
            return 0;
        }
    }

    @Command(name = "server", description = "Security servers.", subcommands = ServerList.class)
    static final class Server {
    }

    @Command(name = "list", description = "List security servers.")
    static final class ServerList implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            s.out().table(s.api().get("/security-servers"), "id", "address", "maintenance", "clients");
            return 0;
        }
    }

    @Command(name = "group", description = "Global groups.", subcommands = {GroupAdd.class, GroupAddMember.class,
            GroupList.class})
    static final class Group {
    }

    @Command(name = "add", description = "Create a global group.")
    static final class GroupAdd implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "CODE") String code;
        @Option(names = "--description", defaultValue = "") String description;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            var answer = s.api().post("/groups", Map.of("code", code, "description", description));
            s.out().done(answer, "Created global group " + answer.path("id").asText());
            return 0;
        }
    }

    @Command(name = "add-member", description = "Add a member or subsystem (INSTANCE/CLASS/CODE[/SUBSYSTEM]) to a group.")
    static final class GroupAddMember implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;
        @Parameters(index = "0", paramLabel = "GROUP") String group;
        @Parameters(index = "1", paramLabel = "CLIENT") String member;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            var answer = s.api().post("/groups/" + segment(group) + "/members", Map.of("member", member));
            s.out().done(answer, "Added " + member + " to " + answer.path("id").asText());
            return 0;
        }
    }

    @Command(name = "list", description = "List global groups.")
    static final class GroupList implements Callable<Integer> {
        @Mixin AdminOptions admin;
        @Spec CommandSpec spec;

        @Override
        public Integer call() {
            Session s = Session.of(spec, admin);
            s.out().table(s.api().get("/groups"), "id", "description", "members");
            return 0;
        }
    }
}
