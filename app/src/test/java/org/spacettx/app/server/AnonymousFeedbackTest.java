package org.spacettx.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spacettx.exercise.archive.ExerciseArchive;

/**
 * Anonymous feedback is anonymous everywhere it goes. On main before this, control's live stream and the exercise's
 * archive (events.jsonl) carried the giver's user and cell beside an anonymous form's answers. Now the log stores the
 * answers as nobody's, with a token the server derives (whatever the client sends) that lets it refuse a second answer
 * from the same person: the stream, the archive, the replay and the report have nobody to reveal.
 */
class AnonymousFeedbackTest {

    static final String EX = "rok-us-space-ttx";

    @TempDir
    Path dir;

    @Test
    void nothingNamesWhoAnsweredWhat() throws Exception {
        try (DemoServer demo = DemoServer.start(dir, "anonymous-password-1")) {
            ApiClient control = demo.as("control");
            ApiClient kor = demo.as("kor1");
            ApiClient usa = demo.as("usa1");
            assertThat(control.command(EX, "{\"type\":\"StartExercise\"}").status()).isEqualTo(200);
            assertThat(control.command(EX, "{\"type\":\"RequestFeedback\",\"scope\":\"exercise\",\"anonymous\":true}").status())
                    .isEqualTo(200);
            BlockingQueue<ApiClient.SseEvent> controlStream = ApiClient.queue();
            Runnable close = control.stream(EX, null, controlStream);
            try {
                // a client that tries to choose its own token (to answer twice, or as someone else) is overruled
                ApiClient.Response given = kor.command(EX, "{\"type\":\"GiveFeedback\",\"request\":\"FB-1\",\"ratings\":{\"structure\":4},"
                        + "\"comments\":{\"strengths\":\"the overflight timings\"},\"responder\":\"anon-" + "0".repeat(32) + "\"}");
                assertThat(given.status()).isEqualTo(200);
                assertThat(given.json().toString()).doesNotContain("kor1", "\"kor\"");
                ApiClient.Response again = kor.command(EX, "{\"type\":\"GiveFeedback\",\"request\":\"FB-1\",\"ratings\":{\"tools\":2},"
                        + "\"responder\":\"anon-" + "1".repeat(32) + "\"}");
                assertThat(again.status()).isEqualTo(422);
                assertThat(again.json().get("error").asText()).isEqualTo("you have already given your feedback on FB-1");
                assertThat(usa.command(EX, "{\"type\":\"GiveFeedback\",\"request\":\"FB-1\",\"ratings\":{\"structure\":2},"
                        + "\"comments\":{\"improvements\":\"more time\"}}").status()).isEqualTo(200);

                List<String> seen = new ArrayList<>();
                for (ApiClient.SseEvent e = controlStream.poll(10, TimeUnit.SECONDS); e != null; e = controlStream.poll(1, TimeUnit.SECONDS)) {
                    if (e.name().equals("FeedbackGiven")) {
                        seen.add(e.data());
                    }
                }
                assertThat(seen).as("control's stream").hasSize(2).allSatisfy(d -> assertThat(d)
                        .doesNotContain("kor1", "usa1", "\"kor\"", "\"usa\"", "KOR", "USA").contains("\"anonymous\""));
            } finally {
                close.run();
            }
            // each participant's feed knows it has answered; nobody else's says so
            assertThat(answered(kor)).isTrue();
            assertThat(answered(usa)).isTrue();
            assertThat(answered(demo.as("observer"))).isFalse();

            ExerciseArchive archive = ExerciseArchive.read(control.get("/api/exercises/" + EX + "/archive").bytes(), "a.zip");
            String feedbackLines = String.join("\n", archive.eventsJsonl().lines().filter(l -> l.contains("FeedbackGiven")).toList());
            assertThat(feedbackLines.lines()).hasSize(2);
            assertThat(feedbackLines).doesNotContain("kor1", "usa1", "\"kor\"", "\"usa\"");
            JsonNode report = control.get("/api/exercises/" + EX + "/report?format=json").json();
            assertThat(report.get("feedback").get(0).get("comments")).hasSize(2)
                    .allSatisfy(c -> assertThat(c.get("cell").asText()).isEmpty());
            JsonNode replay = control.get("/api/exercises/" + EX + "/replay").json();
            assertThat(replay.get("feedback").toString()).doesNotContain("kor1", "usa1", "\"kor\"", "\"usa\"");
        }
    }

    private static boolean answered(ApiClient user) {
        return user.get("/api/exercises/" + EX + "/feed").json().get("feedback").get("requests").get(0).get("answered").asBoolean();
    }
}
