package org.spacettx.exercise.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.spacettx.exercise.policy.EventVisibility;
import org.spacettx.exercise.report.AfterActionReport;

/**
 * A document on an inject follows the inject: control alone knows of it before the release, then whoever reads the
 * inject (the KOR ONLY inject 2's document never reaches the US cell), and the report's timeline names it.
 */
class AttachFileTest {

    static final AttachedFile CRANE = new AttachedFile("crane.png", "image/png", "c".repeat(64), 52_000);

    @BeforeAll
    static void load() {
        RefusalTest.load();
    }

    @Test
    void aDocumentIsSeenByTheInjectsReadersOnceReleased() {
        Exercise ex = RefusalTest.afterFirstInjects(); // 1 (all), 3 (USA ONLY), 2 (KOR ONLY) released
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.KOR, new Command.AttachFile(2, CRANE))).isEqualTo("only control can do that");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.CONTROL,
                new Command.AttachFile(2, new AttachedFile("a/b.png", "image/png", "c".repeat(64), 10)))).startsWith("a file name has 1 to 120");
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.CONTROL,
                new Command.AttachFile(2, new AttachedFile("b.svg", "image/svg+xml", "c".repeat(64), 10))))
                .isEqualTo("an inject carries PNG or JPEG images and PDF documents, not image/svg+xml");
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, RefusalTest.WALL, new Command.AttachFile(2, CRANE));
        DemoPlayTest.accept(ex, DemoPlayTest.CONTROL, RefusalTest.WALL, new Command.AttachFile(20, CRANE)); // not released yet
        assertThat(RefusalTest.refusal(ex, DemoPlayTest.CONTROL, new Command.AttachFile(2, CRANE)))
                .isEqualTo("inject 2 carries this document already (as crane.png)");
        assertThat(ex.state().injectsCarrying(CRANE.sha256())).containsExactly(2, 20);

        EventVisibility events = new EventVisibility(ex.visibility());
        List<Event.Recorded> log = ex.log();
        Event.Recorded on2 = log.get(log.size() - 2);
        Event.Recorded on20 = log.getLast();
        assertThat(events.canSee(DemoPlayTest.KOR, on2, ex.state())).isTrue();
        assertThat(events.canSee(DemoPlayTest.USA, on2, ex.state())).isFalse();
        assertThat(events.canSee(DemoPlayTest.KOR, on20, ex.state())).as("inject 20 is not released").isFalse();
        assertThat(events.canSee(DemoPlayTest.CONTROL, on20, ex.state())).isTrue();

        AfterActionReport kor = AfterActionReport.of(RefusalTest.demo, ex.state(), DemoPlayTest.KOR);
        assertThat(kor.timeline()).filteredOn(t -> t.number() == 2).singleElement()
                .satisfies(t -> assertThat(t.documents()).containsExactly("crane.png"));
        assertThat(AfterActionReport.of(RefusalTest.demo, ex.state(), DemoPlayTest.USA).timeline())
                .allSatisfy(t -> assertThat(t.documents()).isEmpty());
    }
}
