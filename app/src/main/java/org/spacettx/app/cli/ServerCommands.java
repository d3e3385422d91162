package org.spacettx.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.spacettx.app.auth.Passwords;
import org.spacettx.app.server.ScheduleCache;
import org.spacettx.app.server.Server;
import org.spacettx.app.store.Accounts;
import org.spacettx.app.store.AuditLog;
import org.spacettx.app.store.Backups;
import org.spacettx.app.store.Database;
import org.spacettx.app.store.StoreException;
import org.spacettx.app.store.WriterLease;
import org.spacettx.app.store.ExerciseRecords;
import org.spacettx.exercise.scenario.Limits;
import org.spacettx.orbit.input.InputException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spacettx serve | demo | users | db | audit}: the server and its administration. */
final class ServerCommands {

    private ServerCommands() {
    }

    /** Where the data lives: an embedded database in a directory, or a JDBC URL. */
    static final class StoreOptions {
        @Option(names = "--data-dir", defaultValue = "${sys:user.home}/.spacettx", paramLabel = "DIR",
                description = "Directory of the embedded database (default ${DEFAULT-VALUE}; demo's own, ~/.spacettx-demo).")
        Path dataDir;
        @Option(names = "--db", paramLabel = "JDBC_URL", description = "A PostgreSQL database instead, e.g. jdbc:postgresql://host/spacettx.")
        String jdbcUrl;
        @Option(names = "--db-user", paramLabel = "USER", description = "Database user (or SPACETTX_DB_USER).")
        String dbUser;

        String user() {
            return dbUser != null ? dbUser : System.getenv("SPACETTX_DB_USER");
        }

        String password() {
            return System.getenv("SPACETTX_DB_PASSWORD");
        }

        Database open() {
            String password = password();
            String user = user();
            if (jdbcUrl != null) {
                if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                    throw new InputException(null, "--db", "'" + jdbcUrl + "' is not a jdbc:postgresql: URL");
                }
                return Database.open(jdbcUrl, user, password);
            }
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new InputException(null, "--data-dir", "cannot create " + dataDir + ": " + e.getMessage());
            }
            return Database.embedded(dataDir, message -> System.err.println("spacettx: " + message));
        }

        /**
         * The database for a server: as {@link #open()}, the embedded store holding the data directory's lock for as
         * long as it is open (the life of the server), so that two servers never run on one directory.
         */
        Database openForServer() {
            if (jdbcUrl != null) {
                return open();
            }
            try {
                return Database.embeddedForServer(dataDir, message -> System.err.println("spacettx: " + message));
            } catch (StoreException e) {
                throw new InputException(null, "--data-dir", e.getMessage());
            }
        }
    }

    static final class ServeOptions {
        @Option(names = "--port", defaultValue = "7070",
                description = "Port to listen on: HTTP, or HTTPS only with TLS (default ${DEFAULT-VALUE}; 0 for any free port).")
        int port;
        @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for all).")
        String host;
        @Option(names = "--secure-cookies", description = "Mark session cookies Secure (behind a TLS proxy).")
        boolean secure;

        /** Refuses a port that cannot be one, before anything is opened. */
        void checkPort() {
            if (port < 0 || port > 65_535) {
                throw new org.spacettx.orbit.input.InputException(null, "--port", port + " is not a port (0 to 65535)");
            }
        }

        /** Starts the server; a port another process holds is the site's to change, said as such. */
        Server start(Database db, Server.Options options) {
            try {
                return Server.start(db, options);
            } catch (RuntimeException e) {
                for (Throwable c = e; c != null; c = c.getCause()) {
                    if (c instanceof java.net.BindException || c.getClass().getSimpleName().contains("BindException")) {
                        throw new org.spacettx.orbit.input.InputException(null, "--port", "cannot listen on " + host + ":" + port
                                + ": the port is in use by another process, or the address is not this machine's", e);
                    }
                }
                throw e;
            }
        }
        @Option(names = "--oidc", paramLabel = "FILE.yaml", description = "Also sign people in through this OpenID Connect provider "
                + "(issuer, client, groups of administrators and planners, seats; see docs/server.md).")
        Path oidc;

        @Option(names = "--max-scenario-days", paramLabel = "DAYS", description = "Longest scenario an exercise may have "
                + "(default ${DEFAULT-VALUE}); every object is computed over the whole span.")
        double maxScenarioDays = Limits.DEFAULT.span().toSeconds() / 86_400.0;
        @Option(names = "--max-sky-samples", paramLabel = "N", description = "Most states of a scenario's objects over its span, "
                + "kept in memory while the exercise runs (48 bytes each; default ${DEFAULT-VALUE}).")
        long maxSkySamples = Limits.DEFAULT.skySamples();
        @Option(names = "--max-schedule-samples", paramLabel = "N", description = "Most states a scenario's schedule may "
                + "propagate, counted before computing (default ${DEFAULT-VALUE}).")
        long maxScheduleSamples = Limits.DEFAULT.scheduleSamples();
        @Option(names = "--max-compute-seconds", paramLabel = "S", description = "Longest a scenario's schedule may take to "
                + "compute (validation, publication, import, start-up; default ${DEFAULT-VALUE}).")
        long maxComputeSeconds = Limits.DEFAULT.computeTime().toSeconds();

        @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text",
                description = "The log on stderr: text (default) or json (JSON lines, for a log collector).")
        LogFormat logFormat;
        @Option(names = "--tls-cert", paramLabel = "FILE.pem", description = "Serve HTTPS only, with this certificate (PEM; its chain after it).")
        Path tlsCert;
        @Option(names = "--tls-key", paramLabel = "FILE.pem", description = "The certificate's private key (PEM, not encrypted).")
        Path tlsKey;
        @Option(names = "--client-ca", paramLabel = "FILE.pem", description = "Certificate authorities of client certificates "
                + "(smart cards): browsers are asked for one, which signs in as its account (see docs/server.md).")
        Path clientCa;
        @Option(names = "--crl", paramLabel = "FILE", description = "Revocation list of the client certificates (PEM or DER; re-read when it changes).")
        Path crl;

        /** The TLS files given, read and checked now; null without {@code --tls-cert}. */
        org.spacettx.app.tls.Tls tls() {
            if (tlsCert == null && tlsKey == null) {
                if (clientCa != null || crl != null) {
                    throw new InputException(null, "--client-ca", "client certificates need TLS: give --tls-cert and --tls-key");
                }
                return null;
            }
            if (tlsCert == null || tlsKey == null) {
                throw new InputException(null, tlsCert == null ? "--tls-cert" : "--tls-key", "TLS needs both --tls-cert and --tls-key");
            }
            return new org.spacettx.app.tls.Tls(tlsCert, tlsKey, clientCa, crl);
        }

        Limits limits() {
            try {
                return Limits.of(maxScenarioDays, maxSkySamples, maxScheduleSamples, maxComputeSeconds);
            } catch (IllegalArgumentException e) {
                throw new InputException(null, "--max-*", e.getMessage());
            }
        }

        /** The server's options: local accounts, the identity provider and TLS when they are given. */
        Server.Options options(ScheduleCache prepared, org.spacettx.app.tls.Tls tls) throws IOException {
            org.spacettx.app.auth.Oidc provider = oidc == null ? null
                    : new org.spacettx.app.auth.Oidc(org.spacettx.app.auth.Oidc.Config.read(oidc));
            Server.Options local = Server.Options.local(port);
            return new Server.Options(host, port, secure, Clock.systemUTC(), provider, limits(), local.commandBurst(),
                    local.commandsPerSecond(), prepared, tls);
        }
    }

    /** How often the active server checks that it still holds the writer lease, and a standby whether it is free. */
    static final Duration LEASE_CHECK = Duration.ofMillis(500);

    /**
     * Runs the server until the process is stopped. On the embedded store, the one server of its data directory. On a
     * shared PostgreSQL database, one of possibly several: the holder of the writer lease ({@link WriterLease}) is
     * active; any other stands by (not listening; its scenarios parsed and scheduled ahead) and takes over within a
     * second or two of the active one's end — killed, cut off from the database, or its session ended — and an
     * active server that finds the lease lost to another stops serving and stands by again.
     *
     * @param first what to do once, after the lease is taken and before the first start (the demo's accounts)
     */
    static void run(StoreOptions store, ServeOptions serve, Database db, Runnable first) throws Exception {
        run(store, serve, db, first, serve.tls());
    }

    /** As above, with TLS given as files already read (the demo's self-signed pair). */
    static void run(StoreOptions store, ServeOptions serve, Database db, Runnable first, org.spacettx.app.tls.Tls tls) throws Exception {
        serve.logFormat.apply();
        ScheduleCache prepared = new ScheduleCache();
        java.util.concurrent.atomic.AtomicReference<Server> current = new java.util.concurrent.atomic.AtomicReference<>();
        CountDownLatch stop = new CountDownLatch(1);
        WriterLease lease = store.jdbcUrl == null ? null : new WriterLease(store.jdbcUrl, store.user(), store.password(),
                ProcessHandle.current().pid() + "@" + java.net.InetAddress.getLocalHost().getHostName() + ":" + serve.port);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            Server s = current.getAndSet(null);
            if (s != null) {
                s.close();
            }
            if (lease != null) {
                lease.close();
            }
        }));
        boolean firstStart = true;
        while (stop.getCount() > 0) {
            if (lease != null) {
                long epoch = -1;
                try {
                    epoch = lease.tryAcquire();
                } catch (StoreException unreachable) {
                    System.out.println("SpaceTTX is waiting for its database: " + unreachable.getMessage());
                }
                if (epoch < 0) {
                    try {
                        prepared.warm(db, serve.limits());
                    } catch (StoreException unreachable) {
                        // the database is away: scenarios are prepared at the start instead
                    }
                    System.out.println("SpaceTTX is standing by (its exercises prepared): another server holds the database's"
                            + " writer lease; this one takes over when it stops");
                    epoch = lease.acquire(LEASE_CHECK, () -> { });
                }
                db.fence(epoch);
            }
            if (firstStart) {
                first.run();
                firstStart = false;
            }
            Server server = serve.start(db, serve.options(prepared, tls));
            current.set(server);
            System.out.println("SpaceTTX is running at " + (tls == null ? "http" : "https") + "://" + serve.host + ":" + server.port()
                    + "/  (Ctrl-C to stop)"
                    + (lease == null ? "" : " as the active server (writer lease epoch " + lease.epoch() + ")"));
            if (lease == null) {
                stop.await();
                return;
            }
            while (!stop.await(LEASE_CHECK.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (lease.held()) {
                    continue;
                }
                // a server that lost its session yields: a standby (which tries every LEASE_CHECK) takes the lease
                // first if there is one; only when none did does this one take it back
                Thread.sleep(3 * LEASE_CHECK.toMillis());
                long before = lease.epoch();
                long again;
                try {
                    again = lease.tryAcquire();
                } catch (StoreException unreachable) {
                    // nobody can take the lease while the database is away; requests get 503 meanwhile
                    continue;
                }
                if (again == before + 1) {
                    db.fence(again); // the session dropped and came back, and nobody took over in between
                    continue;
                }
                System.out.println("SpaceTTX lost the database's writer lease" + (again < 0 ? " to another server" : "")
                        + ": it stops serving" + (again < 0 ? " and stands by" : " and starts again from the store"));
                break;
            }
            Server s = current.getAndSet(null);
            if (s != null) {
                s.close();
            }
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the exercise server.")
    static final class Serve implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Mixin
        ServeOptions serve;

        @Override
        public Integer call() throws Exception {
            serve.checkPort();
            Database db = store.openForServer();
            run(store, serve, db, () -> { });
            return 0;
        }
    }

    @Command(name = "demo", mixinStandardHelpOptions = true, description = "Run the server with the demo exercise (the 2023 ROK-US space tabletop exercise) and demo accounts: control, "
            + "kor1, usa1 and observer. Their passwords are printed once, when the accounts are created; set "
            + "SPACETTX_DEMO_PASSWORD to choose one password for all of them instead.")
    static final class Demo implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Mixin
        ServeOptions serve;
        @Option(names = "--tls", description = "Serve HTTPS with a self-signed certificate made in the data directory the first "
                + "time (tls-cert.pem, tls-key.pem); its SHA-256 fingerprint is printed, to compare with the browser's.")
        boolean selfSigned;

        @Override
        public Integer call() throws Exception {
            serve.checkPort();
            if (store.jdbcUrl == null && store.dataDir.equals(Path.of(System.getProperty("user.home"), ".spacettx"))) {
                store.dataDir = Path.of(System.getProperty("user.home"), ".spacettx-demo");
            }
            Database db = store.openForServer();
            org.spacettx.app.tls.Tls tls = serve.tls();
            if (selfSigned && tls == null) {
                Path dir = store.dataDir;
                boolean made = org.spacettx.app.tls.Tls.selfSigned(dir);
                tls = new org.spacettx.app.tls.Tls(dir.resolve(org.spacettx.app.tls.Tls.SELF_SIGNED_CERT),
                        dir.resolve(org.spacettx.app.tls.Tls.SELF_SIGNED_KEY), serve.clientCa, serve.crl);
                System.out.println("The demo's self-signed certificate (" + (made ? "made now in " : "from ") + dir + "): SHA-256 "
                        + org.spacettx.app.tls.Tls.fingerprint(tls.serverCertificate()));
            }
            run(store, serve, db, () -> {
                Map<String, String> created;
                try {
                    created = DemoSetup.prepare(db, System.getenv("SPACETTX_DEMO_PASSWORD"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                if (!created.isEmpty()) {
                    System.out.println("Demo accounts (shown once; write them down):");
                    created.forEach((user, password) -> System.out.printf("  %-9s %s%n", user, password));
                } else {
                    System.out.println("Demo accounts control, kor1, usa1, observer exist already (spacettx users passwd to reset).");
                }
            }, tls);
            return 0;
        }
    }

    /** Creates the demo accounts and exercise if they are missing; returns the passwords of accounts it created. */
    static final class DemoSetup {
        static final String EXERCISE = "rok-us-space-ttx";

        static Map<String, String> prepare(Database db, String fixedPassword) throws IOException {
            Accounts accounts = new Accounts(db);
            ExerciseRecords records = new ExerciseRecords(db);
            AuditLog audit = new AuditLog(db);
            Map<String, String> created = new LinkedHashMap<>();
            String[][] users = {{"control", "Exercise control", "controller", "control"}, {"kor1", "ROK delegate", "player", "kor"},
                    {"usa1", "US delegate", "player", "usa"}, {"observer", "Evaluator", "observer", "observers"}};
            for (String[] u : users) {
                if (accounts.find(u[0]).isEmpty()) {
                    String password = fixedPassword != null && !fixedPassword.isBlank() ? fixedPassword : Passwords.generate();
                    accounts.create(u[0], u[1], password, u[0].equals("control"));
                    audit.record("system", "user-created", u[0] + " (demo)");
                    created.put(u[0], password);
                }
            }
            if (records.all().stream().noneMatch(r -> r.id().equals(EXERCISE))) {
                String yaml;
                try (InputStream in = DemoSetup.class.getResourceAsStream("/scenarios/rok-us-space-ttx.yaml")) {
                    yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                records.create(EXERCISE, "ROK-US Space Tabletop Exercise (demo)", yaml, "system");
                for (String[] u : users) {
                    records.addMember(EXERCISE, u[0], u[2], u[3]);
                }
                audit.record("system", "exercise-created", EXERCISE + " (demo)");
            }
            return created;
        }
    }

    @Command(name = "users", mixinStandardHelpOptions = true, description = "Manage accounts.",
            subcommands = {Users.Add.class, Users.ListUsers.class, Users.Disable.class, Users.Passwd.class, Users.MapCert.class})
    static final class Users {

        @Command(name = "add", mixinStandardHelpOptions = true, description = "Create an account; the password comes from SPACETTX_PASSWORD or is generated and printed.")
        static final class Add implements Callable<Integer> {
            @Parameters(paramLabel = "USERNAME")
            String username;
            @Option(names = "--name", description = "Display name.")
            String name;
            @Option(names = "--admin", description = "May create exercises and manage accounts.")
            boolean admin;
            @Option(names = "--planner", description = "May author scenario drafts in the planning workspace and publish them.")
            boolean planner;
            @Mixin
            StoreOptions store;

            @Override
            public Integer call() {
                try (Database db = store.open()) {
                    String given = System.getenv("SPACETTX_PASSWORD");
                    String password = given != null ? given : Passwords.generate();
                    new Accounts(db).create(username, name, password, admin);
                    if (planner) {
                        new Accounts(db).setPlanner(username, true);
                    }
                    new AuditLog(db).record("admin-cli", "user-created", username + (admin ? " (admin)" : "") + (planner ? " (planner)" : ""));
                    System.out.println(given != null ? "created " + username : "created " + username + " with password " + password);
                } catch (IllegalArgumentException e) {
                    throw new InputException(null, "users add", e.getMessage());
                }
                return 0;
            }
        }

        @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts.")
        static final class ListUsers implements Callable<Integer> {
            @Mixin
            StoreOptions store;
            @Mixin
            FormatOption format;

            @Override
            public Integer call() {
                try (Database db = store.open(); RowWriter out = new RowWriter(java.util.List.of(Column.text("username", 16),
                        Column.text("name", 24), Column.text("admin", 6), Column.text("planner", 7), Column.text("disabled", 8)),
                        format.format, System.out)) {
                    for (Accounts.User u : new Accounts(db).list()) {
                        out.row(u.username(), u.displayName(), u.admin(), u.planner(), u.disabled());
                    }
                }
                return 0;
            }
        }

        @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable an account (it can no longer log in).")
        static final class Disable implements Callable<Integer> {
            @Parameters(paramLabel = "USERNAME")
            String username;
            @Mixin
            StoreOptions store;

            @Override
            public Integer call() {
                try (Database db = store.open()) {
                    new Accounts(db).setDisabled(username, true);
                    new AuditLog(db).record("admin-cli", "user-disabled", username);
                } catch (IllegalArgumentException e) {
                    throw new InputException(null, "users disable", e.getMessage());
                }
                System.out.println("disabled " + username);
                return 0;
            }
        }

        @Command(name = "map-cert", mixinStandardHelpOptions = true, description = "Let a client certificate (a smart card) whose subject is DN sign in as USERNAME, for certificates whose common "
                + "name is not the username (CAC/PIV: LAST.FIRST.MIDDLE.1234567890). Audited.")
        static final class MapCert implements Callable<Integer> {
            @Parameters(paramLabel = "USERNAME")
            String username;
            @Option(names = "--subject", required = true, paramLabel = "DN", description = "The certificate's subject, e.g. "
                    + "'CN=DOE.JOHN.Q.1234567890,OU=PKI,OU=DoD,O=U.S. Government,C=US'.")
            String subject;
            @Mixin
            StoreOptions store;

            @Override
            public Integer call() {
                try (Database db = store.open()) {
                    if (new Accounts(db).find(username).isEmpty()) {
                        throw new InputException(null, "users map-cert", "no user '" + username + "'");
                    }
                    String dn = org.spacettx.app.store.CertificateSubjects.normalise(subject);
                    new org.spacettx.app.store.CertificateSubjects(db).map(dn, username);
                    new AuditLog(db).record("admin-cli", "certificate-mapped", dn + " -> " + username);
                    System.out.println("a certificate of subject " + dn + " signs in as " + username);
                } catch (IllegalArgumentException e) {
                    throw new InputException(null, "users map-cert --subject", e.getMessage());
                }
                return 0;
            }
        }

        @Command(name = "passwd", mixinStandardHelpOptions = true, description = "Set a password (from SPACETTX_PASSWORD, or generated and printed).")
        static final class Passwd implements Callable<Integer> {
            @Parameters(paramLabel = "USERNAME")
            String username;
            @Mixin
            StoreOptions store;

            @Override
            public Integer call() {
                String given = System.getenv("SPACETTX_PASSWORD");
                String password = given != null ? given : Passwords.generate();
                try (Database db = store.open()) {
                    new Accounts(db).setPassword(username, password);
                    new AuditLog(db).record("admin-cli", "password-changed", username);
                } catch (IllegalArgumentException e) {
                    throw new InputException(null, "users passwd", e.getMessage());
                }
                System.out.println(given != null ? "password changed for " + username : "new password for " + username + ": " + password);
                return 0;
            }
        }
    }

    @Command(name = "db", mixinStandardHelpOptions = true, description = "Database administration.",
            subcommands = {Db.Migrate.class, Db.Backup.class, Db.Restore.class})
    static final class Db {
        @Command(name = "backup", mixinStandardHelpOptions = true, description = "Write a consistent snapshot of the embedded store to FILE, online: a running server goes on taking "
                + "commands; the backup holds every command acknowledged before it began. FILE must not exist. For "
                + "PostgreSQL use pg_dump (see docs/server.md).")
        static final class Backup implements Callable<Integer> {
            @Parameters(paramLabel = "FILE")
            Path file;
            @Mixin
            StoreOptions store;

            @Override
            public Integer call() {
                try (Database db = store.open()) {
                    System.out.println("backed up to " + file + ": " + Backups.backup(db, file));
                } catch (StoreException e) {
                    throw new InputException(null, "db backup", e.getMessage());
                }
                return 0;
            }
        }

        @Command(name = "restore", mixinStandardHelpOptions = true, description = "Replace the embedded store of --data-dir with a backup, after checking it (SQLite's integrity check and "
                + "SpaceTTX's tables). Refused while a server runs on the directory; the store replaced is kept beside it "
                + "as spacettx.db.replaced-TIME. The next server start replays every exercise from the restored log.")
        static final class Restore implements Callable<Integer> {
            @Parameters(paramLabel = "FILE")
            Path file;
            @Option(names = "--data-dir", defaultValue = "${sys:user.home}/.spacettx", paramLabel = "DIR",
                    description = "Directory of the embedded database (default ${DEFAULT-VALUE}; demo's own, ~/.spacettx-demo).")
            Path dataDir;

            @Override
            public Integer call() {
                try {
                    System.out.println("restored " + file + " into " + dataDir + ": " + Backups.restore(file, dataDir));
                } catch (StoreException e) {
                    throw new InputException(null, "db restore", e.getMessage());
                }
                return 0;
            }
        }

        @Command(name = "migrate", mixinStandardHelpOptions = true, description = "Bring the database schema up to date.")
        static final class Migrate implements Callable<Integer> {
            @Mixin
            StoreOptions store;

            @Override
            public Integer call() {
                try (Database db = store.open()) {
                    System.out.println("database schema is up to date");
                }
                return 0;
            }
        }
    }

    @Command(name = "audit", mixinStandardHelpOptions = true, description = "The audit log.", subcommands = {Audit.Verify.class})
    static final class Audit {
        @Command(name = "verify", mixinStandardHelpOptions = true, description = "Check the audit log's hash chain; exit 1 if it was tampered with.")
        static final class Verify implements Callable<Integer> {
            @Mixin
            StoreOptions store;

            @Override
            public Integer call() {
                try (Database db = store.open()) {
                    AuditLog log = new AuditLog(db);
                    var problem = log.verify();
                    if (problem.isPresent()) {
                        System.out.println("audit log BROKEN: " + problem.get());
                        return 1;
                    }
                    System.out.println("audit log intact: " + log.entries().size() + " entries");
                    return 0;
                }
            }
        }
    }
}
