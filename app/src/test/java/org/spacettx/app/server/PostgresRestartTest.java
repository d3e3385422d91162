package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.app.store.Database;
import org.spacettx.app.store.EventStore;
import org.spacettx.exercise.engine.Event;

/**
 * A running exercise whose PostgreSQL server is stopped and started again (real PostgreSQL 18 binaries): while the
 * database is away every request answers 503 with a clear message; once it is back the server reconnects by
 * itself and goes on, and nothing acknowledged is lost (nothing refused was kept either).
 */
@Tag("slow")
class PostgresRestartTest {

    static final String EX = "rok-us-space-ttx";
    static final String PASSWORD = "restart-password-1";

    @TempDir
    Path dir;

    private EmbeddedPostgres startPostgres(int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(false).setPort(port).start();
    }

    @Test
    void theServerAnswers503WhileTheDatabaseIsAwayAndGoesOnWhenItIsBack() throws Exception {
        EmbeddedPostgres pg = startPostgres(0);
        int port = pg.getPort();
        String url = pg.getJdbcUrl("postgres", "postgres");
        try (Database db = Database.open(url, "postgres", null)) {
            org.spacettx.app.cli.DemoAccess.prepare(db, PASSWORD);
            try (Server server = Server.start(db, Server.Options.local(0))) {
                ApiClient control = login(server, "control");
                ApiClient kor = login(server, "kor1");
                assertThat(control.command(EX, "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
                assertThat(post(kor, "before the restart").status()).isEqualTo(200);

                pg.close(); // the database goes away under the running exercise
                ApiClient.Response away = post(kor, "while it is away");
                assertThat(away.status()).isEqualTo(503);
                assertThat(away.json().get("error").asText()).isEqualTo("the database is unavailable; try again in a few seconds");
                assertThat(away.headers().firstValue("Retry-After")).contains("5");
                assertThat(kor.get("/api/exercises/" + EX + "/feed").status()).isEqualTo(503);

                pg = startPostgres(port); // back, on the same data and port
                int status = 0;
                for (int attempt = 0; attempt < 30 && status != 200; attempt++) {
                    status = post(kor, "after the restart").status();
                    if (status != 200) {
                        assertThat(status).isEqualTo(503);
                        Thread.sleep(1000);
                    }
                }
                assertThat(status).as("the server reconnected by itself").isEqualTo(200);
                var messages = kor.get("/api/exercises/" + EX + "/feed").json().get("messages");
                assertThat(messages.findValuesAsText("body")).containsExactlyInAnyOrder("before the restart", "after the restart");
            }
            List<Event.Recorded> log = new EventStore(db).load(EX);
            for (int i = 0; i < log.size(); i++) {
                assertThat(log.get(i).sequence()).isEqualTo(i + 1);
            }
            assertThat(log.stream().filter(r -> r.event() instanceof Event.MessagePosted).count()).isEqualTo(2);
        } finally {
            pg.close();
        }
    }

    private static ApiClient login(Server server, String user) {
        ApiClient c = new ApiClient(server.port());
        assertThat(c.login(user, PASSWORD).status()).isEqualTo(200);
        return c;
    }

    private static ApiClient.Response post(ApiClient client, String body) {
        return client.command(EX, "{\"type\":\"PostMessage\",\"toCell\":\"usa\",\"body\":\"" + body + "\",\"marking\":\"REL TO USA, KOR\"}");
    }
}
