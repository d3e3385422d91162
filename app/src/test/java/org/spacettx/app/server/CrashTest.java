package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.spacettx.app.cli.Main;
import org.spacettx.app.store.Databases;
import org.spacettx.exercise.engine.Json;

/**
 * Durability under SIGKILL, on both stores, through {@code spacettx bench crash} as anyone can run it: a server in a
 * child JVM takes five kinds of commands from five users and is killed 8 times at random moments (some during
 * start-up replay); after every kill the store must hold every acknowledged command once, at its acknowledged
 * sequence number, with no gap, and an intact audit chain. The closing note of the durability work gives the same
 * loop over 100 kills per store.
 */
@Tag("slow")
class CrashTest {

    static final int KILLS = 8;

    static JsonNode crashLoop(String... store) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        int code;
        try {
            System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
            String[] args = new String[] {"bench", "crash", "--kills", Integer.toString(KILLS), "--seed", "19", "--format", "json"};
            String[] all = java.util.Arrays.copyOf(args, args.length + store.length);
            System.arraycopy(store, 0, all, args.length, store.length);
            code = Main.run(all);
        } finally {
            System.setOut(original);
        }
        JsonNode row = Json.mapper().readTree(out.toString(java.nio.charset.StandardCharsets.UTF_8)).get(0);
        assertThat(code).as(row.toString()).isZero();
        return row;
    }

    static void nothingLost(JsonNode row) {
        assertThat(row.get("kills").asInt()).isEqualTo(KILLS);
        assertThat(row.get("acknowledged").asInt()).as("enough commands to mean something").isGreaterThan(KILLS * 20);
        assertThat(row.get("startup_kills").asInt()).as("some kills fall in start-up").isPositive();
        assertThat(row.get("lost").asInt()).isZero();
        assertThat(row.get("doubled").asInt()).isZero();
        assertThat(row.get("gaps").asInt()).isZero();
        assertThat(row.get("audit").asText()).isEqualTo("intact");
        assertThat(row.get("events").asInt()).isGreaterThanOrEqualTo(row.get("acknowledged").asInt());
    }

    @Test
    void theEmbeddedStoreLosesNoAcknowledgedCommand() throws Exception {
        nothingLost(crashLoop());
    }

    @Test
    void postgresqlLosesNoAcknowledgedCommand() throws Exception {
        nothingLost(crashLoop("--db", Databases.postgresUrl(), "--db-user", Databases.POSTGRES_USER));
    }
}
