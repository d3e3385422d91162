package org.spacettx.app.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.spacettx.app.store.ActionRegister;
import org.spacettx.app.store.AuditLog;
import org.spacettx.app.store.Database;
import org.spacettx.orbit.input.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spacettx register}: the working group's action register in the server's database, for its secretariat. */
@Command(name = "register", mixinStandardHelpOptions = true, description = "The working group's action register: every action item of every exercise on this server's database, with its "
        + "origin, owner, due date, status and history. The server enters items as exercises save them.",
        subcommands = {RegisterCommand.ListEntries.class, RegisterCommand.Update.class})
final class RegisterCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List entries, soonest due first; CSV is the export.")
    static final class ListEntries implements Callable<Integer> {
        @Mixin
        ServerCommands.StoreOptions store;
        @Mixin
        FormatOption format;
        @Option(names = "--status", paramLabel = "open|in-progress|done|dropped",
                description = "Only this status ('open' also lists those in progress).")
        String status;
        @Option(names = "--nation", paramLabel = "CODE", description = "Only items this nation owns (KOR, USA...).")
        String nation;
        @Option(names = "--exercise", paramLabel = "ID", description = "Only items of this exercise.")
        String exercise;
        @Option(names = "--due-before", paramLabel = "DATE", description = "Only items due before this date (YYYY-MM-DD).")
        LocalDate dueBefore;

        @Override
        public Integer call() {
            if (status != null && !status.equals("open") && !ActionRegister.STATUSES.contains(status)) {
                throw new InputException(null, "--status", "'" + status + "' is not open, in-progress, done or dropped");
            }
            List<ActionRegister.Entry> entries;
            try (Database db = store.open()) {
                entries = new ActionRegister(db).list(new ActionRegister.Filter(status, nation, exercise, dueBefore, null));
            }
            if (format.format == OutputFormat.CSV) {
                System.out.print(ActionRegister.csv(entries));
                return 0;
            }
            try (RowWriter out = new RowWriter(List.of(Column.text("id", 4), Column.text("exercise", 18), Column.text("item", 6),
                    Column.text("origin", 10), Column.text("title", 48), Column.text("owner", 5), Column.text("due", 10),
                    Column.text("status", 11), Column.text("changes", 7)), format.format, System.out)) {
                for (ActionRegister.Entry e : entries) {
                    out.row(Long.toString(e.id()), e.exerciseId(), e.itemId(),
                            e.originMove() + (e.originInject() == null ? "" : " #" + e.originInject()), e.title(), e.ownerNation(),
                            e.due() == null ? "" : e.due().toString(), e.status(), Integer.toString(e.history().size()));
                }
            }
            return 0;
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Change an entry; the change joins its history.")
    static final class Update implements Callable<Integer> {
        @Parameters(paramLabel = "ID", description = "The entry's id (see 'register list').")
        long id;
        @Mixin
        ServerCommands.StoreOptions store;
        @Option(names = "--status", paramLabel = "open|in-progress|done|dropped")
        String status;
        @Option(names = "--due", paramLabel = "DATE", description = "New due date (YYYY-MM-DD).")
        LocalDate due;
        @Option(names = "--owner", paramLabel = "CODE", description = "Hand the item to another nation.")
        String owner;
        @Option(names = "--note", paramLabel = "TEXT", defaultValue = "", description = "Why, for the history.")
        String note;
        @Option(names = "--by", paramLabel = "NAME", defaultValue = "admin-cli", description = "Who (default ${DEFAULT-VALUE}).")
        String by;

        @Override
        public Integer call() {
            if (status == null && due == null && owner == null && note.isBlank()) {
                throw new InputException(null, "register update", "give --status, --due, --owner or --note");
            }
            try (Database db = store.open()) {
                ActionRegister.Entry e = new ActionRegister(db).update(id, by, new ActionRegister.Update(
                        status == null ? null : status.toLowerCase(Locale.ROOT), due,
                        owner == null ? null : owner.toUpperCase(Locale.ROOT), note), Instant.now());
                new AuditLog(db).record(by, "register-updated", id + " (" + e.exerciseId() + "/" + e.itemId() + "): " + e.status());
                System.out.println(e.id() + " " + e.itemId() + " " + e.status() + (e.due() == null ? "" : " due " + e.due()));
            } catch (IllegalArgumentException e) {
                throw new InputException(null, "register update", e.getMessage());
            }
            return 0;
        }
    }
}
