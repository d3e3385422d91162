package org.spacettx.exercise.assess;

import java.util.List;
import java.util.Optional;

import org.spacettx.exercise.scenario.Text;

/**
 * The participant feedback form (after HSEEP's Participant Feedback Form): statements rated from 1 (strongly
 * disagree) to 5 (strongly agree), and open comments. One form for every exercise, in both languages, so that
 * feedback compares across exercises in the working group's register.
 */
public final class FeedbackForm {

    /** One item of the form: a statement to rate, or a question to answer in words. */
    public record Entry(String id, Text text) {
    }

    public static final List<Entry> RATINGS = List.of(
            new Entry("structure", Text.of("The exercise was well structured and organised.", "연습은 잘 구성되고 체계적으로 진행되었다.")),
            new Entry("scenario", Text.of("The scenario was plausible and realistic.", "시나리오는 개연성 있고 현실적이었다.")),
            new Entry("participation", Text.of("Participation was appropriate for someone in my position.",
                    "참가 수준이 나의 직위에 적절했다.")),
            new Entry("tools", Text.of("The space picture and the other tools helped the discussion.",
                    "우주 상황도와 기타 도구가 토의에 도움이 되었다.")),
            new Entry("understanding", Text.of("The exercise improved the allies' shared understanding.",
                    "연습을 통해 동맹의 공동 인식이 향상되었다.")));

    public static final List<Entry> COMMENTS = List.of(
            new Entry("strengths", Text.of("Strengths of the exercise", "연습의 강점")),
            new Entry("improvements", Text.of("Areas for improvement", "개선이 필요한 부분")),
            new Entry("recommendations", Text.of("Recommendations to the working group", "실무단에 대한 권고")));

    /** Longest comment kept, in characters. */
    public static final int MAX_COMMENT = 2_000;

    private FeedbackForm() {
    }

    public static Optional<Entry> rating(String id) {
        return RATINGS.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public static Optional<Entry> comment(String id) {
        return COMMENTS.stream().filter(e -> e.id().equals(id)).findFirst();
    }
}
